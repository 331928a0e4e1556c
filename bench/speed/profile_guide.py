"""CPU per uncached guide render in-process, its queries and the top of its profile (docs/benchmarks.md,
"Profile of an uncached guide render"): Django's test client, PAGE_CACHE_SECONDS=0, kept fragments warm.

    CHEFSGUIDER_DATA_DIR=/path/to/data .venv/bin/python bench/speed/profile_guide.py [--renders 50] [--profile 20]

The data folder holds the starter library on SQLite (bench/speed/run.sh builds one in bench/speed/data).
CPU time is the process's own (time.process_time), so other work on the machine changes it little.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chefsguider.settings.base")
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)


def warm_client(url: str, warmup: int):
    """Django set up and a test client that has rendered `url` `warmup` times (fragments kept)."""
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    # Not setup_test_environment(): its instrumented template rendering would be measured too.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    for _ in range(warmup):
        assert client.get(url).status_code == 200
    return client


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="/chefsguider/lonesamtal-med-medarbetare/")
    parser.add_argument("--renders", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--profile", type=int, default=20, help="renders under cProfile (0: none)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--queries", action="store_true", help="print the SQL of one render")
    args = parser.parse_args()

    client = warm_client(args.url, args.warmup)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(args.url)
    print(f"queries per render: {len(captured)}")
    if args.queries:
        for query in captured:
            print("  ", query["sql"][:300])
    start = time.process_time()
    for _ in range(args.renders):
        client.get(args.url)
    cpu = (time.process_time() - start) / args.renders
    print(f"CPU per render: {1000 * cpu:.2f} ms over {args.renders} renders")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.profile):
            client.get(args.url)
        profiler.disable()
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(args.top)
            print(f"--- by {order}, {args.profile} renders ---")
            print(out.getvalue())


if __name__ == "__main__":
    main()
