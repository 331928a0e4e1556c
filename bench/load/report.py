"""Turn locust's CSV statistics from bench/load/run.sh into the Markdown table of docs/benchmarks.md.

Usage: python bench/load/report.py RESULTS_FOLDER
"""

import csv
import sys
from pathlib import Path

folder = Path(sys.argv[1])
print("| run | page type | requests | failures | req/s | p50 ms | p95 ms |")
print("|---|---|---:|---:|---:|---:|---:|")
for label in ("uncached", "cached", "nginx", "cached-capacity", "nginx-capacity"):
    path = folder / f"{label}_stats.csv"
    if not path.exists():
        continue
    for row in csv.DictReader(path.open()):
        name = "all" if row["Name"] == "Aggregated" else row["Name"]
        print(
            f"| {label} | {name} | {row['Request Count']} | {row['Failure Count']} | "
            f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} |"
        )
