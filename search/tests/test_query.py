"""The query plan: one concept per meaningful word, with what may find it and what "Menade du" says."""

from search import analysis
from search.query import plan
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
