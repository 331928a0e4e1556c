"""The PostgreSQL engine decides which guides match, and which match in their head, by its GIN index.

At 100,000 guides, reading a vector per match (the full vector from TOAST, or even the small head
vector on the row) is what made a search slow (docs/search.md, "PostgreSQL engine"). These tests
ask PostgreSQL for the plan of the statement a search runs and fail when a scan of the guide table
tests a vector on the row instead of in the index.
"""

import datetime
import json

import pytest
from django.db import connection

from search.base import SORT_RELEVANCE, SORT_UPDATED, SearchFilters
from search.engines import postgres
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


def test_the_word_few_guides_have_counts_more_than_the_word_every_guide_has(engine):
    """"sjukskriven medarbetare": the guide with the rare word in its ingress comes first, though
    the other is newer and has the word every guide has in its title and ingress (ts_rank alone
    ranks it first: SPECIFICITY_WEIGHT). tantivy's BM25 weighs a word by how many guides have it
    in the same field, so there a title word few titles have counts much: not a shared test."""
    others = [guide(n, f"Rubrik {n}", "Allmänt.", "Om en medarbetare och arbetet.") for n in range(3, 9)]
    newer = datetime.date(2026, 2, 1)
    engine.rebuild(
        [
            guide(1, "Medarbetare i fokus", "Medarbetare.", "Om en som är sjukskriven och arbetet.", updated=newer),
            guide(2, "Rubrik", "Sjukskriven.", "Om en medarbetare och arbetet."),
            *others,
        ]
    )
    assert [hit.id for hit in engine.search("sjukskriven medarbetare").hits][:2] == [2, 1]


def dated(id, title, body, day):
    return guide(id, title, "Allmänt.", body, updated=datetime.date(2026, 1, day), areas=["lon"])


@pytest.mark.parametrize("sort", [SORT_RELEVANCE, SORT_UPDATED])
def test_only_the_candidates_are_ranked_head_matches_first_then_the_newest(engine, monkeypatch, sort):
    """Above RANK_CANDIDATES matches, the guides ranked are those with a concept in their head,
    newest first, then the newest others (by date: the newest); every match is still counted."""
    monkeypatch.setattr(postgres, "RANK_CANDIDATES", 2)
    in_head = [dated(n, f"Lönesamtal {n}", "Text.", n) for n in (1, 2, 3)]
    in_body = [dated(n, f"Rubrik {n}", "Om lönesamtal.", n) for n in (4, 5)]
    engine.rebuild([*in_head, *in_body])
    results = engine.search("lönesamtal", sort=sort, limit=2)
    assert results.total == 5 and results.facets["area"] == {"lon": 5}
    assert {hit.id for hit in results.hits} == ({3, 2} if sort == SORT_RELEVANCE else {5, 4})
    newest = dated(6, "Lönesamtal 6", "Text.", 6)
    engine.rebuild([newest, *in_body])  # one head match: the newest others fill the candidates
    assert [hit.id for hit in engine.search("lönesamtal", limit=2).hits] == [6, 5]
    filtered = engine.search("lönesamtal", SearchFilters(areas=("ledarskap",)), limit=2)
    assert (filtered.total, filtered.hits) == (0, [])


def test_a_search_inside_a_transaction_leaves_the_planner_settings_as_they_were(engine):
    """The search's settings (no sequential scans, more work memory) must not outlive its
    statements: a later statement of the same request or test would be planned without them."""
    names = ["enable_seqscan", "enable_bitmapscan", "work_mem"]

    def current():
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(f"current_setting('{name}')" for name in names))
            return cursor.fetchone()

    before = current()
    engine.search("lönesamtal medarbetare")
    engine.search("lonesamtal")  # typed without ö: its Swedish spellings are looked up in the vocabulary
    assert current() == before


def statement_plan(engine, sql, params) -> dict:
    """The plan of a statement, as for a large table: without sequential scans (a table of a few
    rows is read whole), so the choice between indexes shows."""
    (plan,) = engine._planned_rows(f"EXPLAIN (FORMAT JSON) {sql}", params)[0]
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


def test_vocabulary_lookups_by_word_take_a_b_tree_and_neighbours_the_trigram_index(engine):
    """pg_trgm's GiST index answers equality too, and the planner took it for a lookup by word
    (1 ms and more at 30,000 words, against a fraction of that through the primary key)."""
    lookups = []

    def keep(execute, sql, params, many, context):
        if "search_vocabularyword" in sql and "documents" not in sql:
            lookups.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        engine.search("lonesamtal")  # typed without ö: its Swedish spellings are looked up by word
    assert lookups
    for sql, params in lookups:
        used = {node.get("Index Name") for node in nodes(statement_plan(engine, sql, params))} - {None}
        assert used and not any("trigram" in name for name in used), used
    neighbours = [node for node in nodes(statement_plan(engine, *near_words_statement(engine)))]
    assert any(node.get("Index Name") == "search_vocabulary_trigram" for node in neighbours)


def near_words_statement(engine):
    found = []

    def keep(execute, sql, params, many, context):
        found.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        engine._words_near("lönesamtl", 2)
    return found[0]


def test_the_vector_index_has_no_pending_list_for_searches_to_scan(engine):
    """GIN's fast update keeps new entries in a list every search reads in full until VACUUM
    merges it (docs/search.md): the index takes them into its tree instead."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [INDEX])
        assert "fastupdate=off" in cursor.fetchone()[0]


def test_the_common_lexemes_are_read_again_only_when_the_statistics_change(engine):
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    words = ["medarbetare", "lönesamtal"]
    with connection.execute_wrapper(count):
        guides, first = engine._shares(words)
        engine._shares(words)
    assert guides == len(GUIDES) and first["lönesamtal"] > 0
    assert sum("pg_stats" in sql for sql in statements) == 1  # the second search used what the first read
    many = [guide(10 + n, f"Medarbetare {n}", "Om medarbetare.", "Medarbetare.") for n in range(6)]
    engine.rebuild([*GUIDES, *many])  # ANALYZE: new statistics
    guides, after = engine._shares(words)
    assert guides == len(GUIDES) + 6 and after["lönesamtal"] < first["lönesamtal"]


CONCEPT_WORDS = ["lönesamtal", "konflikt", "rehabilitering", "semester", "provanställning"]


@pytest.mark.parametrize("count", [3, 4, 5])
@pytest.mark.parametrize("fit", [True, False])
def test_a_guide_is_found_by_at_least_the_required_concepts_with_how_many_it_matches(engine, monkeypatch, count, fit):
    """One guide per combination of the words: "at least n of them" in one index condition
    (_at_least) finds what reading each concept's matches finds, with the same coverage."""
    monkeypatch.setattr(postgres, "MAX_COMBINATIONS", 20 if fit else 0)
    words = CONCEPT_WORDS[:count]
    subsets = [[w for bit, w in enumerate(words) if mask >> bit & 1] for mask in range(1, 2**count)]
    engine.rebuild([guide(n, f"Guide {n}", "", " ".join(subset)) for n, subset in enumerate(subsets, 1)])
    for required in range(1, count + 1):
        params = postgres._Params()
        forms = tuple(postgres._word(params, word) for word in words)
        sql = f"SELECT guide_id, covered FROM ({engine._matching(forms, required)}) AS m ORDER BY guide_id"
        assert ("UNION ALL" not in sql) == (fit and required > 1 or required == count)
        expected = [(n, len(subset)) for n, subset in enumerate(subsets, 1) if len(subset) >= required]
        assert engine._planned_rows(sql, params) == expected


def test_a_question_s_partial_matches_are_found_by_one_index_condition(engine):
    """Three of five concepts: no scan per concept whose matches are grouped by guide. (The
    nearest guides, any of the concepts, are read per concept: _combinations_fit.)"""
    search, nearest = search_plans(engine, "hur förbereder jag lönesamtal och konflikter med sjukskriven medarbetare")
    per_concept = [scan for node in nodes(search) if node["Node Type"] == "Append" for scan in guide_table_scans(node)]
    assert not per_concept
    assert all(postgres._combinations_fit(("a",) * n, n - (n - 1) // 2) for n in range(1, 7))
    assert not postgres._combinations_fit(("a",) * 7, 4)  # 35 ways to take four of seven: each concept read
    assert not postgres._combinations_fit(("a",) * 3, 1)
