"""Turn locust's CSV statistics from bench/load/run.sh into the Markdown table of docs/benchmarks.md,
and compare the search log's entries with the searches locust sent to the application.

Usage: python bench/load/report.py RESULTS_FOLDER
"""

import csv
import sys
from pathlib import Path

folder = Path(sys.argv[1])
print("| run | page type | requests | failures | req/s | p50 ms | p95 ms |")
print("|---|---|---:|---:|---:|---:|---:|")
searches = 0
for label in ("uncached", "cached", "nginx", "cached-capacity", "nginx-capacity"):
    path = folder / f"{label}_stats.csv"
    if not path.exists():
        continue
    for row in csv.DictReader(path.open()):
        if not label.startswith("nginx") and row["Name"] in ("search", "api search"):
            searches += int(row["Request Count"])
        name = "all" if row["Name"] == "Aggregated" else row["Name"]
        print(
            f"| {label} | {name} | {row['Request Count']} | {row['Failure Count']} | "
            f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} |"
        )

logged = folder / "search-log-count.txt"
if logged.exists():
    print(f"\nSearch log: {int(logged.read_text())} entries for {searches} searches locust counted.")
