"""Instructions per uncached guide render, counted by valgrind's callgrind: unlike CPU time, the
count does not change with other work on the machine, so it decides between two versions of the
code on a busy machine (docs/benchmarks.md, "Profile of an uncached guide render").

    CHEFSGUIDER_DATA_DIR=/path/to/data valgrind --tool=callgrind --instr-atstart=no \\
        --callgrind-out-file=/tmp/guide.callgrind .venv/bin/python bench/speed/instructions.py [--renders 20]
    callgrind_annotate /tmp/guide.callgrind | head      # the total, divided by the renders

Counting is switched on only around the renders (callgrind_control), not for Django's start.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from profile_guide import warm_client  # noqa: E402 (sets the environment the renders need)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="/chefsguider/lonesamtal-med-medarbetare/")
    parser.add_argument("--renders", type=int, default=20)
    args = parser.parse_args()

    client = warm_client(args.url, 5)
    subprocess.run(["callgrind_control", "--instr=on", str(os.getpid())], check=True, capture_output=True)
    for _ in range(args.renders):
        client.get(args.url)
    subprocess.run(["callgrind_control", "--instr=off", str(os.getpid())], check=True, capture_output=True)
    print(f"{args.renders} renders of {args.url}")


if __name__ == "__main__":
    main()
