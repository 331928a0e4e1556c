"""The PostgreSQL engine decides which guides match, and which match in their head, by its GIN index.

At 100,000 guides, reading a vector per match (the full vector from TOAST, or even the small head
vector on the row) is what made a search slow (docs/search.md, "PostgreSQL engine"). These tests
ask PostgreSQL for the plan of the statement a search runs and fail when a scan of the guide table
tests a vector on the row instead of in the index.
"""

import json

import pytest
from django.db import connection

from search.base import SearchFilters
from search.engines.postgres import TABLE, PostgresEngine
from search.tests.test_engines import guide

pytestmark = pytest.mark.postgres

INDEX = "search_entry_vectors"
GUIDES = [
    guide(1, "Lönesamtal med medarbetare", "Så förbereder du lönesamtalet.", "Gå igenom lönekriterierna i god tid.",
          headings=["Före samtalet"], areas=["lon"]),
    guide(2, "Konflikter i gruppen", "När medarbetare inte kommer överens.", "Ta samtalet tidigt, lyssna på båda.",
          areas=["ledarskap"], situations=["konflikt-i-gruppen"]),
    guide(3, "Sjukskriven medarbetare", "Rehabilitering steg för steg.", "Håll kontakten under sjukskrivningen.",
          areas=["arbetsmiljo"]),
]  # fmt: skip


@pytest.fixture
def engine(db):
    engine = PostgresEngine()
    engine.rebuild(GUIDES)
    return engine


def search_plans(engine, text, **options) -> list[dict]:
    """The plans of the statements that find, count and rank the matches of a search (a second one
    finds the nearest guides when there are few hits)."""
    statements = []

    def keep(execute, sql, params, many, context):
        if sql.lstrip().startswith("WITH head"):
            statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        engine.search(text, **options)
    assert statements
    plans = []
    for sql, params in statements:
        (plan,) = engine._planned_rows(f"EXPLAIN (FORMAT JSON, VERBOSE) {sql}", params)[0]
        plans.append((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"])
    return plans


def nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)


def guide_table_scans(plan: dict) -> list[dict]:
    return [node for node in nodes(plan) if node.get("Relation Name") == TABLE]


@pytest.mark.parametrize(
    "text, options",
    [
        ("lönesamtal medarbetare", {}),  # every concept required: one indexed condition
        ("hur förbereder jag lönesamtal och konflikter med sjukskriven medarbetare", {}),  # partial matches
        ("samtal om lön", {}),  # a compound's halves
        ("medarbetare", {"filters": SearchFilters(areas=("lon",))}),
    ],
)
def test_no_scan_of_the_guide_table_tests_a_vector_on_the_row(engine, text, options):
    scans = [scan for plan in search_plans(engine, text, **options) for scan in guide_table_scans(plan)]
    assert scans
    for scan in scans:
        assert scan["Node Type"] in {"Bitmap Heap Scan", "Index Scan"}, scan["Node Type"]
        tested = [scan.get("Filter", ""), *scan.get("Output", [])]
        assert not any("@@" in expression for expression in tested), f"a vector tested on the row: {tested}"
        if scan["Node Type"] == "Index Scan":  # the candidates' and the page's rows, by id
            assert scan["Index Name"].endswith("_pkey")


def test_the_matches_in_their_head_are_found_in_the_same_index_scan_as_the_matches(engine):
    plan = search_plans(engine, "lönesamtal medarbetare")[0]
    bitmap_scans = [node for node in nodes(plan) if "@@" in node.get("Index Cond", "")]  # not the id lookups
    assert {node["Index Name"] for node in bitmap_scans} == {INDEX}
    head = [node["Index Cond"] for node in bitmap_scans if "head_vector" in node["Index Cond"]]
    assert len(head) == 1 and "search_vector" in head[0], "the head scan is restricted to the matches"


def test_a_guide_matching_in_its_head_is_ranked_before_one_matching_only_in_its_body(engine):
    """What the head scan is for: the candidates with a match in title, ingress or headings first."""
    engine.rebuild(
        [
            guide(1, "Om arbetsplatsen", "Allmänt.", "Tala om lönesamtalet i god tid."),
            guide(2, "Lönesamtalet", "Inför samtalet.", "Allmänt om arbetsplatsen."),
        ]
    )
    assert [hit.id for hit in engine.search("lönesamtalet").hits] == [2, 1]


def test_a_search_inside_a_transaction_leaves_the_planner_settings_as_they_were(engine):
    """The search's settings (no sequential scans, more work memory, no bitmap scans for a
    vocabulary lookup) must not outlive its statements: a later statement of the same request or
    test would be planned without bitmap scans, and GIN indexes have no other way to be read."""
    names = ["enable_seqscan", "enable_bitmapscan", "work_mem"]

    def current():
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(f"current_setting('{name}')" for name in names))
            return cursor.fetchone()

    before = current()
    engine.search("lönesamtal medarbetare")
    engine.search("lonesamtal")  # typed without ö: its Swedish spellings are looked up in the vocabulary
    assert current() == before
