"""EXPLAIN ANALYZE of the PostgreSQL engine's queries for a search, on the index search_speed.py
left in the scratch database (run it with --reuse, or after it): the plans docs/search.md shows.

Usage: .venv/bin/python bench/search_explain.py [--database-url URL] "query words" [--area lon]
Prints every statement the search runs, each with its plan, timings and buffers.
"""

from __future__ import annotations

import argparse
import os

from search_common import DEFAULT_DATABASE_URL, set_up_django


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("query")
    parser.add_argument("--area", action="append", default=[])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    args = parser.parse_args()
    set_up_django(args.database_url)

    from search.base import SearchFilters
    from search.engines.postgres import PostgresEngine

    engine = PostgresEngine()
    print(f"-- {engine.status()['documents']:,} guides; load average {os.getloadavg()[0]:.1f}")
    engine.search(args.query, SearchFilters(areas=tuple(args.area)))  # warm, as a running server is
    plans = []

    rows, rows_with = engine._rows, engine._rows_with

    def explained(sql, params=None):
        """The plan of a statement and its rows, run as the engine runs it (its planner settings)."""
        plans.append("\n".join(row[0] for row in rows("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params)))
        return rows(sql, params)

    def explained_with(settings, sql, params):
        plan = rows_with(settings, "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params)
        plans.append("\n".join(row[0] for row in plan))
        return rows_with(settings, sql, params)

    engine._rows = explained
    engine._rows_with = explained_with
    engine.search(args.query, SearchFilters(areas=tuple(args.area)))
    for number, plan in enumerate(plans, 1):
        print(f"\n-- statement {number}\n{plan}")


if __name__ == "__main__":
    main()
