"""Speed of the guide search: index build time, index size and query latency (p50/p95) for each
engine at 10,000 and 100,000 synthetic guides.

Synthetic guides look like ours in shape (title, ingress, five headings, about 650 words of body,
one or two areas, up to two situations) with text drawn from wordfreq's Swedish word list by
frequency. Queries are the relevance set's (questions, typos, compounds, synonyms) plus two-word
queries of common words; one in five carries an area filter and one in ten sorts by date.

Latency is reported over the whole mix and over its two-word queries alone (the issue #20 target:
a two-word query with facet counts), with the load average sampled before every query: the machine
is shared, and a p95 means little without the load it was measured under.

Usage: .venv/bin/python bench/search_speed.py [--sizes 10000 100000] [--engines tantivy postgres]
       [--rounds N]  (the whole mix N times; also reports the two-word p95 of each query's median)
       [--reuse]  (keep an index of the right size from an earlier run: PostgreSQL's table, or
                   tantivy's index in --index-root)
Not run in CI; 100,000 guides take a few minutes per engine.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import time
from itertools import accumulate
from pathlib import Path

import wordfreq
from search_common import DEFAULT_DATABASE_URL, load_queries, set_up_django

AREAS = ["ledarskap", "lon", "arbetsratt", "arbetsmiljo", "karriar", "rekrytering", "kommunikation", "forandring"]
SITUATIONS = [
    "ny-som-chef", "lonerevision", "svara-samtal", "konflikt-i-gruppen", "sjukskrivning-och-rehabilitering",
    "omorganisation", "anstalla", "avsluta-anstallning", "leda-pa-distans", "mal-och-uppfoljning",
    "stress-och-hog-arbetsbelastning",
]  # fmt: skip
VOCABULARY_SIZE = 30_000
BODY_SENTENCES = 48


class SwedishText:
    """Random Swedish-looking text: words drawn by how common they are in Swedish."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.words = [w for w in wordfreq.top_n_list("sv", VOCABULARY_SIZE) if w.isalpha()]
        self.cumulative = list(accumulate(wordfreq.word_frequency(word, "sv") for word in self.words))

    def words_of(self, count: int) -> list[str]:
        return self.random.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self, low: int = 7, high: int = 18) -> str:
        words = self.words_of(self.random.randint(low, high))
        return " ".join(words).capitalize() + "."

    def heading(self) -> str:
        return " ".join(self.words_of(self.random.randint(2, 5))).capitalize()


def synthetic_guides(count: int, seed: int = 2026):
    from search.base import GuideDocument

    text = SwedishText(seed)
    rng = text.random
    first_day = datetime.date(2015, 1, 1).toordinal()
    for number in range(1, count + 1):
        paragraphs = [" ".join(text.sentence() for _ in range(6)) for _ in range(BODY_SENTENCES // 6)]
        yield GuideDocument(
            id=number,
            slug=f"guide-{number}",
            title=text.heading(),
            summary=" ".join(text.sentence() for _ in range(2)),
            headings=tuple(text.heading() for _ in range(5)),
            body="\n\n".join(paragraphs),
            areas=tuple(rng.sample(AREAS, rng.randint(1, 2))),
            situations=tuple(rng.sample(SITUATIONS, rng.randint(0, 2))),
            updated=datetime.date.fromordinal(first_day + rng.randrange(4000)),
            members_only=rng.random() < 0.05,
        )


def query_mix(count: int, seed: int = 7) -> list[tuple[str, dict, str]]:
    from search.base import SORT_UPDATED, SearchFilters

    rng = random.Random(seed)
    common = [w for w in wordfreq.top_n_list("sv", 3000)[200:] if w.isalpha() and len(w) > 3]
    texts = [(item["query"], "relevance set") for item in load_queries()]
    while len(texts) < count:
        texts.append((" ".join(rng.sample(common, 2)), "two words"))
    mix = []
    for text, kind in texts[:count]:
        options = {}
        if rng.random() < 0.2:
            options["filters"] = SearchFilters(areas=(rng.choice(AREAS),))
        if rng.random() < 0.1:
            options["sort"] = SORT_UPDATED
        mix.append((text, options, kind))
    return mix


def folder_size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def postgres_size() -> int:
    from django.db import connection

    from search.models import GuideSearchEntry, VocabularyWord

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_total_relation_size(%s) + pg_total_relation_size(%s)",
            [GuideSearchEntry._meta.db_table, VocabularyWord._meta.db_table],
        )
        return cursor.fetchone()[0]


def server_cpu_clock(name: str):
    """A clock of the CPU time the PostgreSQL backend serving this process has used (ns, from
    /proc/<pid>/schedstat: the server runs on this machine), or None for an embedded engine."""
    if name != "postgres":
        return None
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")
    return lambda: int(stat.read_text().split()[0]) / 1e6 if stat.exists() else 0.0


def _percentiles(values: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(values, n=100)
    return cuts[49], cuts[94], max(values)


def measure(name: str, size: int, index_root: Path, queries, reuse: bool = False, rounds: int = 1) -> dict:
    from search.registry import create_engine

    guides = lambda: synthetic_guides(size)  # noqa: E731  (generated again for a rebuild)
    index_dir = index_root / f"index-{size}"
    engine = create_engine(name, index_dir=index_dir, documents=guides)
    build_seconds = build_cpu = float("nan")
    if not (reuse and engine.status().get("documents") == size):
        started, started_cpu = time.perf_counter(), time.process_time()
        engine.rebuild(list(guides()))
        build_seconds, build_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    index_bytes = folder_size(index_dir) if name == "tantivy" else postgres_size()
    for text, options, _ in queries:  # warm caches as a running server would be
        engine.search(text, **options)
    server_cpu = server_cpu_clock(name) or (lambda: 0.0)
    latencies, cpu, loads, kinds = [], [], [], []
    per_query: list[list[float]] = [[] for _ in queries]
    for _ in range(rounds):  # the whole mix again: a slow spell of the machine falls in one round
        for number, (text, options, kind) in enumerate(queries):
            loads.append(os.getloadavg()[0])
            started, started_cpu, started_server = time.perf_counter(), time.process_time(), server_cpu()
            engine.search(text, **options)
            latencies.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000 + server_cpu() - started_server)
            kinds.append(kind)
            per_query[number].append(latencies[-1])
    p50, p95, slowest = _percentiles(latencies)
    two_medians = [
        statistics.median(ms) for ms, (*_, kind) in zip(per_query, queries, strict=True) if kind == "two words"
    ]
    two_words = [ms for ms, kind in zip(latencies, kinds, strict=True) if kind == "two words"]
    return {
        "engine": name,
        "guides": size,
        "build": build_seconds,
        "build_cpu": build_cpu,
        "size": index_bytes / 1e6,
        "p50": p50,
        "p95": p95,
        "max": slowest,
        "two_p50": _percentiles(two_words)[0],
        "two_p95": _percentiles(two_words)[1],
        "two_median_p95": _percentiles(two_medians)[1],
        "cpu_p95": _percentiles(cpu)[1],
        "two_cpu_p95": _percentiles([ms for ms, kind in zip(cpu, kinds, strict=True) if kind == "two words"])[1],
        "load": f"{min(loads):.1f}–{max(loads):.1f} (mean {statistics.fmean(loads):.1f})",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--engines", nargs="+", default=["tantivy", "postgres"])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--reuse", action="store_true", help="keep an index of the right size from an earlier run")
    parser.add_argument("--index-root", type=Path, help="where tantivy indexes are kept (default: a scratch folder)")
    parser.add_argument("--rounds", type=int, default=1, help="run the whole mix this many times")
    args = parser.parse_args()

    scratch, with_postgres = set_up_django(args.database_url)
    engines = [name for name in args.engines if name != "postgres" or with_postgres]
    queries = query_mix(args.queries)
    rows = []
    for size in args.sizes:
        for name in engines:
            rows.append(measure(name, size, args.index_root or scratch, queries, args.reuse, args.rounds))
            row = rows[-1]
            print(f"measured {name} at {size} guides: p95 {row['p95']:.1f} ms", flush=True)

    two = sum(1 for *_, kind in queries if kind == "two words")
    runs = "once" if args.rounds == 1 else f"{args.rounds} times (the whole mix, round after round)"
    print(f"\n{len(queries)} queries ({two} of two words), each run {runs} warm; engine.search() in-process.")
    print("Percentiles are over every run; 'median of rounds': the p95 of the two-word queries' medians.")
    print("CPU columns count this process (all its threads) and, for PostgreSQL, the server backend serving it.\n")
    print(
        "| engine | guides | build (s) | build CPU (s) | index size (MB) | p50 (ms) | p95 (ms) | max (ms) "
        "| two words p50 (ms) | two words p95 (ms) | two words p95, median of rounds (ms) | p95 CPU (ms) "
        "| two words p95 CPU (ms) | load average (1 min) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['engine']} | {row['guides']:,} | {row['build']:.1f} | {row['build_cpu']:.1f} | {row['size']:.0f} "
            f"| {row['p50']:.1f} | {row['p95']:.1f} | {row['max']:.1f} | {row['two_p50']:.1f} | {row['two_p95']:.1f} "
            f"| {row['two_median_p95']:.1f} "
            f"| {row['cpu_p95']:.1f} | {row['two_cpu_p95']:.1f} | {row['load']} |"
        )


if __name__ == "__main__":
    main()
