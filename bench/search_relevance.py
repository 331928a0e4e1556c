"""Relevance of the guide search: nDCG@10, MRR@10 and zero-result rate per kind of query, per split.

Two splits, each a library with its judged queries:
  - tuning: the starter library (content/guides/*.md, read directly: YAML front matter, Markdown
    stripped) and bench/relevance/queries.yml. Look at its failures freely.
  - test: a held-out library (bench/relevance/heldout/guides.yml) and its queries
    (bench/relevance/heldout/queries.yml), judged before any engine ran on them. Never tune to it.

Compares our two engines with two stock set-ups:
  - tantivy, postgres: our engines behind the search seam, with the seeded editor synonyms;
  - sqlite-fts5: an FTS5 table with its default tokenizer, words ANDed, ranked by bm25();
  - postgres-stock: to_tsvector('swedish', ...) @@ plainto_tsquery('swedish', ...), ranked by ts_rank.
What counts is the list a reader sees: the hits, then the nearest guides when there are few.

Usage: .venv/bin/python bench/search_relevance.py [--database-url URL] [--verbose]
The PostgreSQL engines use a scratch database (created if missing); without a reachable server
they are left out. Not run in CI.
"""

from __future__ import annotations

import argparse
import math
import re
import sqlite3
import statistics
import time
from collections import defaultdict

from search_common import (
    DEFAULT_DATABASE_URL,
    load_guides,
    load_heldout_guides,
    load_heldout_queries,
    load_queries,
    set_up_django,
)

K = 10
USEFUL = 2  # MRR counts the first guide graded at least this
KINDS = ("exact", "inflection", "compound", "typo", "synonym", "question", "loanword", "english", "several", "filter")


# The systems compared: each turns a query into the ranked slugs a reader would see ----------------


def our_engine(name, guides, index_dir, editor_synonyms=True):
    from search.registry import create_engine
    from search.synonyms import SynonymTable

    options = {} if editor_synonyms else {"synonyms": lambda: SynonymTable([])}
    engine = create_engine(name, index_dir=index_dir, documents=lambda: guides, **options)
    engine.rebuild(guides)
    slugs = {guide.id: guide.slug for guide in guides}

    def search(query, filters=None):
        from search.base import SearchFilters

        chosen = SearchFilters(areas=tuple((filters or {}).get("categories", ())))
        results = engine.search(query, chosen, limit=K)
        return [slugs[hit.id] for hit in [*results.hits, *results.nearest]][:K]

    return search


def sqlite_fts5(guides):
    database = sqlite3.connect(":memory:")
    database.execute("CREATE VIRTUAL TABLE guides USING fts5(slug UNINDEXED, title, summary, headings, body)")
    database.executemany(
        "INSERT INTO guides VALUES (?, ?, ?, ?, ?)",
        [(g.slug, g.title, g.summary, "\n".join(g.headings), g.body) for g in guides],
    )

    def search(query, filters=None):  # stock set-ups have no facets: filters are left out
        words = re.findall(r"[^\W_]+", query.lower())
        if not words:
            return []
        match = " ".join(f'"{word}"' for word in words)
        rows = database.execute(
            "SELECT slug FROM guides WHERE guides MATCH ? ORDER BY bm25(guides) LIMIT ?", (match, K)
        )
        return [slug for (slug,) in rows]

    return search


def postgres_stock(guides):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_stock_guides")
        cursor.execute(
            "CREATE TABLE bench_stock_guides (slug text, vector tsvector GENERATED ALWAYS AS "
            "(to_tsvector('swedish', content)) STORED, content text)"
        )
        cursor.executemany(
            "INSERT INTO bench_stock_guides (slug, content) VALUES (%s, %s)",
            [(g.slug, "\n".join([g.title, g.summary, *g.headings, g.body])) for g in guides],
        )
        cursor.execute("CREATE INDEX ON bench_stock_guides USING gin (vector)")

    def search(query, filters=None):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT slug FROM bench_stock_guides, plainto_tsquery('swedish', %s) AS q "
                "WHERE vector @@ q ORDER BY ts_rank(vector, q) DESC LIMIT %s",
                [query, K],
            )
            return [slug for (slug,) in cursor.fetchall()]

    return search


# Measures ---------------------------------------------------------------------------------------


def ndcg(ranked, judgments):
    gains = [2 ** judgments.get(slug, 0) - 1 for slug in ranked[:K]]
    ideal = [2**grade - 1 for grade in sorted(judgments.values(), reverse=True)[:K]]
    dcg = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))
    return dcg / sum(gain / math.log2(rank + 2) for rank, gain in enumerate(ideal))


def reciprocal_rank(ranked, judgments):
    return next((1 / rank for rank, slug in enumerate(ranked[:K], 1) if judgments.get(slug, 0) >= USEFUL), 0.0)


def evaluate(search, queries, verbose_name=None):
    by_kind = defaultdict(lambda: {"ndcg": [], "mrr": [], "zero": [], "ms": []})
    for item in queries:
        started = time.perf_counter()
        ranked = search(item["query"], item.get("filters"))
        elapsed = (time.perf_counter() - started) * 1000
        scores = (ndcg(ranked, item["judgments"]), reciprocal_rank(ranked, item["judgments"]), not ranked)
        for kind in (item["kind"], "all"):
            for measure, value in zip(("ndcg", "mrr", "zero", "ms"), (*scores, elapsed), strict=True):
                by_kind[kind][measure].append(value)
        if verbose_name and scores[0] < 0.85:
            print(f"  {verbose_name:<14} {scores[0]:.2f}  {item['query']!r:<50} -> {ranked[:5]}")
    return {kind: {m: statistics.fmean(v) for m, v in measures.items()} for kind, measures in by_kind.items()}


def table(title, results, measure, percent=False):
    present = set().union(*(by_kind for by_kind in results.values()))
    columns = [kind for kind in KINDS if kind in present] + ["all"]
    lines = [f"**{title}**", "", "| system | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for system, by_kind in results.items():
        cells = [by_kind[kind][measure] for kind in columns]
        cells = [f"{cell:.0%}" if percent else f"{cell:.3f}" for cell in cells]
        lines.append(f"| {system} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def run_split(name, guides, queries, scratch, with_postgres, verbose, editor_synonyms=True):
    known = {guide.slug for guide in guides}
    for item in queries:
        unknown = set(item["judgments"]) - known
        assert not unknown, f"{item['query']!r} judges guides that do not exist: {unknown}"

    systems = {"tantivy": our_engine("tantivy", guides, scratch / f"index-{name}", editor_synonyms)}
    if with_postgres:
        systems["postgres"] = our_engine("postgres", guides, None, editor_synonyms)
    systems["sqlite-fts5"] = sqlite_fts5(guides)
    if with_postgres:
        systems["postgres-stock"] = postgres_stock(guides)

    results = {
        system: evaluate(search, queries, f"{name}/{system}" if verbose else None) for system, search in systems.items()
    }
    print(f"### Split: {name}\n")
    print(f"{len(queries)} queries over {len(guides)} guides; K = {K}; MRR counts the first guide graded ≥ {USEFUL}.\n")
    print(table("nDCG@10", results, "ndcg"))
    print(table("MRR@10", results, "mrr"))
    print(table("Zero-result rate (nothing shown)", results, "zero", percent=True))
    print(table("Mean time per query (ms)", results, "ms"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--split", choices=["tuning", "test", "both"], default="both")
    parser.add_argument("--verbose", action="store_true", help="print queries with nDCG@10 below 0.85")
    parser.add_argument(
        "--no-editor-synonyms",
        action="store_true",
        help="our engines without the seeded synonym groups: the open lexical data alone, as on another library",
    )
    args = parser.parse_args()

    scratch, with_postgres = set_up_django(args.database_url)
    splits = {
        "tuning": (load_guides, load_queries),
        "test": (load_heldout_guides, load_heldout_queries),
    }
    for name, (guides, queries) in splits.items():
        if args.split in (name, "both"):
            run_split(name, guides(), queries(), scratch, with_postgres, args.verbose, not args.no_editor_synonyms)


if __name__ == "__main__":
    main()
