"""The query plan: one concept per meaningful word, with what may find it and what "Menade du" says."""

from search import analysis
from search.expansions import SECOND_HOP, THESAURUS
from search.query import COMMON_SHARE, plan
from search.synonyms import SynonymTable

NO_SYNONYMS = SynonymTable([])


def words_of(query_plan):
    return [concept.word for concept in query_plan.concepts]


def test_stopwords_are_dropped_unless_nothing_else_is_left():
    assert words_of(plan("lön och bonus", NO_SYNONYMS)) == ["lön", "bonus"]
    assert words_of(plan("och", NO_SYNONYMS)) == ["och"]


def test_each_word_of_a_phrase_synonym_may_be_found_by_the_other_term():
    synonyms = SynonymTable([["las", "lagen om anställningsskydd"]])
    concepts = {concept.word: concept for concept in plan("lagen om anställningsskydd", synonyms).concepts}
    assert concepts["lagen"].synonyms == (("las",),)
    assert concepts["anställningsskydd"].synonyms == (("las",),)


def test_adjacent_pairs_are_the_neighbouring_concepts_only():
    pairs = plan("lön bonus pension", NO_SYNONYMS).adjacent_pairs()
    assert [(first.word, second.word) for first, second in pairs] == [("lön", "bonus"), ("bonus", "pension")]


def test_a_word_is_known_when_the_index_has_it_or_one_of_its_spellings():
    query_plan = plan("lon bonus pension", NO_SYNONYMS).with_spellings([("lön",), (), ()], [False, True, False])
    assert [concept.known for concept in query_plan.concepts] == [True, True, False]
    assert [concept.needs_spelling for concept in query_plan.concepts] == [False, False, True]
    assert query_plan.concepts[0].spellings == ("lön",)


def test_menade_du_replaces_the_unknown_words_and_keeps_the_rest():
    query_plan = (
        plan("lönesamtl med chefen", NO_SYNONYMS)
        .with_spellings([(), ()], [False, True])
        .with_corrections(["lönesamtal", None])
    )
    assert query_plan.suggestion() == "lönesamtal med chefen"
    # A known word is never "corrected", even when a correction was found for it.
    known = plan("chefen", NO_SYNONYMS).with_spellings([()], [True]).with_corrections(["chefer"])
    assert known.suggestion() is None


def test_the_correction_of_a_word_is_highlighted_too():
    (concept,) = plan("lönesamtl", NO_SYNONYMS).with_spellings([()], [False]).with_corrections(["lönesamtal"]).concepts
    assert set(analysis.stems("lönesamtal")) <= concept.stems()
    assert set(analysis.stems("lönesamtl")) <= concept.stems()


def sources(concept):
    return {expansion.source for expansion in concept.related}


def test_the_thesaurus_widens_a_word_by_how_much_the_library_uses_it():
    (unused,) = plan("gräl", NO_SYNONYMS).concepts
    assert {THESAURUS, SECOND_HOP} <= sources(unused)  # "tvist"; two steps away, "oenighet"
    # A few guides use it: its synonyms still, their synonyms no more.
    rare = unused.for_library({"gräl": 1}, guides=100)
    assert THESAURUS in sources(rare) and SECOND_HOP not in sources(rare)
    # More than COMMON_SHARE of the library uses it (as "gräl" for "grälen"): the word alone.
    share = round(COMMON_SHARE * 1000)
    (common,) = plan("grälen", NO_SYNONYMS).for_library({"gräl": share + 1}, guides=1000).concepts
    assert not sources(common) & {THESAURUS, SECOND_HOP}
    (just_below,) = plan("grälen", NO_SYNONYMS).for_library({"gräl": share}, guides=1000).concepts
    assert THESAURUS in sources(just_below)


def test_a_synonym_of_a_synonym_needs_two_paths_and_weighs_less_than_any_synonym():
    (concept,) = plan("beröm", NO_SYNONYMS).concepts
    found = {" ".join(e.words): e for e in concept.related}
    assert "kritik" not in found  # only "ros" leads there (praise and blame)
    further = [e.weight for e in concept.related if e.source == SECOND_HOP]
    direct = [e.weight for e in concept.related if e.source == THESAURUS]
    assert further and max(further) < min(direct)


def test_a_word_of_a_headword_s_family_borrows_its_synonyms():
    (concept,) = plan("utbrändhet", NO_SYNONYMS).concepts
    assert {"slutkörd", "utarbetad"} <= {" ".join(e.words) for e in concept.related if e.source == THESAURUS}
