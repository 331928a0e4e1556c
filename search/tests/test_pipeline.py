"""The parts of the shared search pipeline that need no engine: what a guide's text fields hold,
which of its words readers may be shown, and how a hit is quoted.

How the pipeline searches, spells and completes is specified against every engine in
test_engines.py.
"""

import datetime
import logging

import pytest

from search import query
from search.base import MAX_QUERY_LENGTH, GuideDocument
from search.pipeline import AnalysedEngine, StoredGuide, analyse, field_words, public_vocabulary
from search.snippets import Highlighter
from search.synonyms import SynonymTable


class BrokenEngine(AnalysedEngine):
    """An engine that cannot repair itself (like the PostgreSQL engine) and whose every retrieval fails."""

    name = "broken"

    def __init__(self):
        super().__init__(synonyms=SynonymTable)
        self.retrievals = 0

    def index(self, documents):
        pass

    def remove(self, ids):
        pass

    def rebuild(self, documents):
        pass

    def status(self):
        return {}

    def _indexed_words(self):
        return ()

    def _known(self, concepts):
        return [True] * len(concepts)

    def _shares(self, words):
        return 1, dict.fromkeys(words, 1.0)

    def _spelt(self, words):
        return set(words)

    def _spellings(self, word):
        return ()

    def _words_near(self, word, max_edits):
        return {}

    def _titles_starting(self, text, limit):
        return []

    def _frequent_words(self, prefix, limit):
        return []

    def _retrieve(self, plan, filters, *, sort, limit, offset, widen=False):
        self.retrievals += 1
        raise RuntimeError("the database is gone")


def document(*, members_only=False):
    return GuideDocument(
        id=1,
        slug="guide-1",
        title="Lönesamtal",
        summary="Arbetsmiljöansvar",
        headings=("Uppföljningsmöte", "Tjänstebilar"),
        body="Friskvårdsbidrag",
        areas=(),
        situations=(),
        updated=datetime.date(2026, 1, 1),
        members_only=members_only,
        keywords=("fikarast", "kaffepaus"),
    )


def test_each_text_field_keeps_its_words_under_its_own_name():
    fields = field_words("Lönesamtal i tid", "Förbered dig", "Rubrik ett\nRubrik två", "Brödtext här", "fikarast")
    assert fields == {
        "title": ["lönesamtal", "i", "tid"],
        "summary": ["förbered", "dig"],
        "headings": ["rubrik", "ett", "rubrik", "två"],
        "body": ["brödtext", "här"],
        "keywords": ["fikarast"],
    }


def test_a_guide_without_search_words_has_none():
    assert field_words("Titel", "Ingress", "Rubrik", "Text")["keywords"] == []


def test_every_heading_and_search_word_of_a_guide_is_analysed_in_its_own_field():
    analysed = analyse(document())
    assert analysed.vocabulary == {
        "lönesamtal",
        "arbetsmiljöansvar",
        "uppföljningsmöte",
        "tjänstebilar",
        "friskvårdsbidrag",
        "fikarast",
        "kaffepaus",
    }
    assert analysed.parts["title"] == "lön samtal"
    assert analysed.parts["summary"] == "arbetsmiljö ansvar"
    assert set(analysed.parts["headings"].split()) == {"uppföljning", "möte", "tjänst", "bilar"}
    assert analysed.parts["body"].split()[:2] == ["friskvård", "bidrag"]
    assert set(analysed.parts["keywords"].split()) == {"fika", "rast", "kaffe", "paus"}


def test_a_members_only_guide_lends_only_its_title_ingress_and_search_words_to_the_vocabulary():
    public = {"lönesamtal", "arbetsmiljöansvar", "fikarast", "kaffepaus"}
    assert analyse(document(members_only=True)).vocabulary == public
    fields = field_words("Lönesamtal", "Arbetsmiljöansvar", "Uppföljningsmöte", "Friskvårdsbidrag", "fikarast")
    assert public_vocabulary(fields, members_only=True) == {"lönesamtal", "arbetsmiljöansvar", "fikarast"}
    assert public_vocabulary(fields, members_only=False) == {
        "lönesamtal",
        "arbetsmiljöansvar",
        "uppföljningsmöte",
        "friskvårdsbidrag",
        "fikarast",
    }


def test_a_hit_keeps_its_score_and_quotes_a_members_only_guide_from_its_ingress_only():
    highlighter = Highlighter.for_plan(query.plan("lönen", SynonymTable()))
    open_guide = StoredGuide(id=1, score=2.5, summary="Om samtal.", body="Lönen sätts i april.", members_only=False)
    secret = StoredGuide(id=2, score=1.5, summary="Om samtal.", body="Lönen är hemlig.", members_only=True)

    open_hit, secret_hit = AnalysedEngine._hit(open_guide, highlighter), AnalysedEngine._hit(secret, highlighter)
    assert (open_hit.id, open_hit.score) == (1, 2.5)
    assert "<mark>Lönen</mark> sätts i april." in open_hit.snippet
    assert (secret_hit.id, secret_hit.score) == (2, 1.5)
    assert "hemlig" not in secret_hit.snippet and "Om samtal." in secret_hit.snippet


def test_a_failed_search_gives_no_results_and_is_logged_once_when_the_engine_cannot_repair_itself(caplog):
    engine = BrokenEngine()
    text = "lönesamtal " + "x" * MAX_QUERY_LENGTH
    results = engine.search(text)
    assert (results.hits, results.total, results.nearest) == ([], 0, [])
    assert engine.retrievals == 1  # not tried again: nothing was repaired
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == [f"broken search failed for {text[:MAX_QUERY_LENGTH]!r}"]


@pytest.mark.parametrize(
    "text, marked",
    [
        ("LÖNEN sätts i april.", "<mark>LÖNEN</mark>"),  # upper case in the text
        ("Lönesamtalet i april.", "<mark>Lönesamtalet</mark>"),  # a stem inside a compound
        # "İ" lower-cases to two characters: the offsets of the lower-cased text would be off by one
        ("İİİİİİİİ: lönen sätts i april.", "<mark>lönen</mark>"),
        ("Ny lön, nya löner och förnyelse.", "<mark>Ny</mark> <mark>lön</mark>, nya <mark>löner</mark>"),
    ],
)
def test_highlighting_finds_the_query_words_in_any_case_at_their_offsets(text, marked):
    highlighter = Highlighter.for_plan(query.plan("lön ny", SynonymTable()))
    assert marked in highlighter.snippet([text])



def test_a_query_without_stems_quotes_a_text_whose_lower_case_is_longer():
    """No query word to mark (an empty plan) in a text with "İ": the start of the text, unmarked."""
    assert Highlighter(frozenset()).snippet(["İstanbul-kontoret."]) == "İstanbul-kontoret."
