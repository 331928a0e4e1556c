"""The query plan: one concept per meaningful word, with what may find it and what "Menade du" says."""

import math
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from search import analysis
from search.expansions import (
    DATA,
    GLOSSARY_WEIGHT,
    READER_GLOSSARY,
    SECOND_HOP,
    THESAURUS,
    ReaderVocabulary,
    reader_glossary_weight,
)
from search.query import (
    COMMON_SHARE,
    LOOSE_WORD_WEIGHT,
    MAX_CORE_MATCHES,
    MAX_EMPHASIS,
    MAX_EXPANDED_MATCHES,
    WORD_FORMS,
    plan,
)
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


def test_synonyms_of_synonyms_only_for_a_word_the_library_does_not_have():
    query_plan = plan("dispyt", NO_SYNONYMS)
    assert {THESAURUS, SECOND_HOP} <= sources(query_plan.concepts[0])  # "tvist"; two steps away, "oenighet"
    (used,) = query_plan.for_library([True], 100, {}).concepts
    assert THESAURUS in sources(used) and SECOND_HOP not in sources(used)
    assert SECOND_HOP in sources(query_plan.for_library([False], 100, {}).concepts[0])


def test_a_query_that_would_match_too_much_gives_up_its_least_sure_expansions_first():
    query_plan = plan("dispyt", NO_SYNONYMS)
    shares = {"tvist": 0.02, "konflikt": 0.03, "strid": 0.01}
    (small,) = query_plan.for_library([False], MAX_EXPANDED_MATCHES, shares).concepts
    assert small.related == query_plan.concepts[0].related  # a library this small: all of them
    big = query_plan.for_library([False], 40 * MAX_EXPANDED_MATCHES, shares)
    assert big.expected_matches(40 * MAX_EXPANDED_MATCHES, shares) <= MAX_EXPANDED_MATCHES
    kept = {" ".join(e.words) for e in big.concepts[0].related}
    assert "strid" not in kept  # two steps away: the first to go
    assert "tvist" in kept  # the commoner "konflikt" went before it
    assert "konflikt" not in kept


def test_expansions_as_sure_and_as_common_are_given_up_in_the_same_order_in_every_process():
    """Two web servers must answer a query alike: the order of a set of expansions changes with
    each process's hash seed, so ties are broken by the words."""
    script = (
        "from search.query import plan; from search.synonyms import SynonymTable; "
        "p = plan('dispyt', SynonymTable([])); words = [e.words[0] for e in p.concepts[0].related]; "
        "kept = p.for_library([False], 100_000, dict.fromkeys(words, 0.01)).concepts[0].related; "
        "print(sorted(' '.join(e.words) for e in kept))"
    )
    answers = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(answers) == 1, answers
    assert "[]" not in answers and "bråk" not in next(iter(answers))  # some given up (by their words), some kept


def test_a_word_is_as_specific_as_few_guides_have_it_or_any_of_its_forms():
    rare, common, nowhere = plan("sjukskriven medarbetare lönesamtal", NO_SYNONYMS).concepts
    shares = {"sjukskriven": 1 / 100, "medarbetare": 0.5, "medarbet": 0.9}  # a stem counts as the word
    assert rare.specificity_in(100, shares) == pytest.approx(1.0)
    assert common.specificity_in(100, shares) == pytest.approx(math.log(1 / 0.9) / math.log(100))
    assert nowhere.specificity_in(100, shares) == 1.0  # in no guide, or not in the statistics
    assert rare.specificity_in(1, shares) == 1.0
    assert [c.specificity for c in plan("sjukskriven medarbetare", NO_SYNONYMS).for_library(
        [True, True], 100, shares).concepts] == pytest.approx([1.0, math.log(1 / 0.9) / math.log(100)])


def test_a_phrase_is_as_common_as_its_rarest_word_but_its_stopwords():
    (concept,) = plan("genast", NO_SYNONYMS).concepts
    assert ("på", "en", "gång") in {e.words for e in concept.related}
    assert concept.share({"gång": 0.5}) >= 0.5


def test_a_synonym_of_a_synonym_needs_two_paths_and_weighs_less_than_any_synonym():
    (concept,) = plan("beröm", NO_SYNONYMS).concepts
    found = {" ".join(e.words): e for e in concept.related}
    assert "kritik" not in found  # only "ros" leads there (praise and blame)
    further = [e.weight for e in concept.related if e.source == SECOND_HOP]
    direct = [e.weight for e in concept.related if e.source == THESAURUS]
    assert further and max(further) < min(direct)


def test_a_common_word_two_steps_away_is_left_out_a_rarer_one_kept():
    # "utmattad" -> slutkörd, utsliten -> "slut": two paths, but as common a word as "slut" is more
    # often another sense (every guide about ending something says "sluta"); "sliten" keeps the sense.
    # "vissen" is rare, but engines search its stem "viss", the stem of "vissa".
    (concept,) = plan("utmattad", NO_SYNONYMS).concepts
    further = {" ".join(e.words) for e in concept.related if e.source == SECOND_HOP}
    assert "sliten" in further
    assert "slut" not in further
    assert "vissen" not in further


def test_a_word_of_a_headword_s_family_borrows_its_synonyms():
    (concept,) = plan("nyfikenhet", NO_SYNONYMS).concepts  # no entry of its own; "nyfiken" has one
    assert {"frågvis", "vetgirig"} <= {" ".join(e.words) for e in concept.related if e.source == THESAURUS}


def test_the_reader_vocabulary_works_without_the_gpl_dictionary(tmp_path):
    for name in ("sv_thesaurus.tsv.gz", "hr_glossary.yml", "sv_reader_glossary.yml"):
        shutil.copy(DATA / name, tmp_path / name)
    without_freedict = ReaderVocabulary(tmp_path)
    assert without_freedict.english(["notice", "period"])  # the glossary
    assert without_freedict.synonyms("gräl")  # the thesaurus
    assert without_freedict.reader_terms(["tjafs"])  # the Swedish reader glossary
    assert "quarrel" in ReaderVocabulary().english(["quarrel"])  # FreeDict: gräl, tvist
    assert "quarrel" not in without_freedict.english(["quarrel"])


def for_library(query_plan, known):
    """The plan as the pipeline ends it for a library that has (True) or lacks each concept's word."""
    return query_plan.for_library(known, 100, {}).with_spellings([()] * len(known), known).with_emphasis()


def test_a_word_no_guide_uses_beside_known_words_counts_as_a_word():
    berusad, jobbet = for_library(plan("berusad på jobbet", NO_SYNONYMS), [False, True]).concepts
    surest = max(e.weight for e in berusad.related)  # "påverkad", a synonym both entries list: 0.5
    assert 1 / MAX_EMPHASIS <= surest < 1.0  # an expansion weighs less than a word ...
    assert berusad.emphasis * surest == pytest.approx(1.0)  # ... but this concept has no word to lose to
    assert jobbet.emphasis == 1.0


def test_no_emphasis_when_no_word_is_known_or_the_word_may_be_misspelt_or_folded():
    # An English query: every concept alike, and scaling would lift the weakest translations most.
    assert {c.emphasis for c in for_library(plan("holiday planning", NO_SYNONYMS), [False, False]).concepts} == {1.0}
    query_plan = plan("berusad på jobbet", NO_SYNONYMS).for_library([False, True], 100, {})
    folded = query_plan.with_spellings([("berusäd",), ()], [False, True]).with_emphasis()
    assert folded.concepts[0].emphasis == 1.0  # a spelling of it is in the guides: weighed against that
    corrected = query_plan.with_spellings([(), ()], [False, True]).with_corrections(["berusade", None])
    assert corrected.with_emphasis().concepts[0].emphasis == 1.0
    editors = for_library(plan("berusad på jobbet", SynonymTable([["berusad", "onykter"]])), [False, True])
    assert editors.concepts[0].emphasis == 1.0


def test_a_concept_most_of_the_library_matches_is_not_required_beside_a_rarer_one():
    query_plan = plan("lönesamtal medarbetare", NO_SYNONYMS)
    shares = {"lönesamtal": 0.05, "medarbetare": COMMON_SHARE + 0.1}
    salary, staff = query_plan.for_library([True, True], 100, shares).concepts
    assert (salary.common, staff.common) == (False, True)
    assert query_plan.for_library([True, True], 100, shares).required == 1
    # Both common, or both rare: both required, as before.
    everywhere = {"lönesamtal": COMMON_SHARE + 0.1, "medarbetare": COMMON_SHARE + 0.1}
    assert query_plan.for_library([True, True], 100, everywhere).required == 2
    assert query_plan.for_library([True, True], 100, {}).required == 2
    # A library so large that the rarer concept alone would be too many guides to count.
    large = query_plan.for_library([True, True], 100 * MAX_CORE_MATCHES, shares)
    assert not any(c.common for c in large.concepts) and large.required == 2


def test_a_common_concept_only_loosens_what_a_guide_must_match():
    # Three concepts: any two of them before; with "medarbetare" common, any one of the other two
    # (what the old rule asks of a guide that has "medarbetare"), never both.
    query_plan = plan("lönesamtal konflikt medarbetare", NO_SYNONYMS)
    assert query_plan.required == 2
    shares = {"lönesamtal": 0.05, "konflikt": 0.05, "medarbetare": COMMON_SHARE + 0.1}
    assert query_plan.for_library([True, True, True], 100, shares).required == 1


# The Swedish reader glossary ------------------------------------------------------------------------


def reader_terms(concept):
    return [" ".join(e.words) for e in concept.related if e.source == READER_GLOSSARY]


def test_a_readers_phrase_lends_its_terms_to_each_of_its_words_longest_phrase_first():
    concepts = {c.word: c for c in plan("gick in i väggen", NO_SYNONYMS).concepts}
    assert reader_terms(concepts["väggen"])[0] == "utmattningssyndrom"
    assert reader_terms(concepts["gick"]) == reader_terms(concepts["väggen"])
    # "säga upp sig" (resigning) is not "säga upp" someone; the reflexive may be any person's.
    (resign,) = [c for c in plan("jag vill säga upp mig", NO_SYNONYMS).concepts if c.word == "säga"]
    assert "egen uppsägning" in reader_terms(resign)


def test_a_readers_phrase_is_found_across_the_subject_or_verb_word_order_puts_after_its_first_word():
    """Swedish word order: "hur säger jag upp någon" is "säga upp någon", "går man in i väggen"
    is "gå in i väggen", "när någon ofta är sjuk" is "ofta sjuk"."""
    (dismiss, _) = plan("hur säger jag upp någon som inte sköter sig", NO_SYNONYMS).concepts
    assert dismiss.word == "säger" and reader_terms(dismiss)[0] == "uppsägning"
    (resign,) = plan("hur säger man upp sig", NO_SYNONYMS).concepts
    assert "egen uppsägning" in reader_terms(resign)
    concepts = {c.word: c for c in plan("när går man in i väggen", NO_SYNONYMS).concepts}
    assert reader_terms(concepts["går"])[0] == "utmattningssyndrom"
    concepts = {c.word: c for c in plan("vad gör jag när en medarbetare ofta är sjuk", NO_SYNONYMS).concepts}
    assert reader_terms(concepts["sjuk"])[0] == "upprepad korttidsfrånvaro"
    assert not reader_terms(plan("säger att jag upp någon", NO_SYNONYMS).concepts[0])  # not any word between


def test_a_word_standing_alone_for_a_readers_phrase_weighs_less_than_the_phrases_terms():
    (resign,) = plan("vill säga upp sig", NO_SYNONYMS).concepts
    assert resign.word == "säga" and resign.literal_weight == LOOSE_WORD_WEIGHT
    assert LOOSE_WORD_WEIGHT <= min(e.weight for e in resign.related)  # every term counts at least as much
    assert resign.explained_only()  # so with_emphasis lifts the phrase's surest term to a word's weight
    (quit,) = plan("hoppa av", NO_SYNONYMS).concepts
    forms = [e.weight for e in quit.related if e.source in WORD_FORMS]  # "hoppar", "hopp"
    assert forms and max(forms) < reader_glossary_weight(0)  # its other forms weigh as little as the word
    # The word alone is the topic when the phrase's terms use it, also as part of a compound.
    for query, word in (("min lön", "lön"), ("på prov", "prov"), ("bli uppsagd", "uppsagd")):
        (concept,) = plan(query, NO_SYNONYMS).concepts
        assert (concept.word, concept.literal_weight) == (word, 1.0), query
    # The word alone, without the phrase's other words, is the word.
    assert plan("säga", NO_SYNONYMS).concepts[0].literal_weight == 1.0
    # Each meaningful word of a longer phrase, unless the terms use it ("arbetsklimat").
    weights = {c.word: c.literal_weight for c in plan("dåligt klimat", NO_SYNONYMS).concepts}
    assert weights == {"dåligt": LOOSE_WORD_WEIGHT, "klimat": 1.0}
    assert plan("sa upp sig", NO_SYNONYMS).concepts[0].literal_weight == LOOSE_WORD_WEIGHT  # not "samtal"
    assert {c.literal_weight for c in plan("gick in i väggen", NO_SYNONYMS).concepts} == {LOOSE_WORD_WEIGHT}


def test_a_readers_word_is_matched_in_its_inflected_forms():
    inflected = (("sparkade", "avsked"), ("bråket", "konflikt"), ("utbrända", "utmattningssyndrom"))
    stemmed_apart = (("slitna", "utmattning"), ("ledsna", "psykisk ohälsa"))  # sliten, ledsen: by base form
    for word, term in inflected + stemmed_apart:
        (concept,) = plan(word, NO_SYNONYMS).concepts
        assert term in reader_terms(concept), word


def test_the_reader_glossary_weighs_less_than_a_word_and_an_editors_synonym_more_than_the_thesaurus():
    (concept,) = plan("tjafs", NO_SYNONYMS).concepts
    weights = [e.weight for e in concept.related if e.source == READER_GLOSSARY]
    assert weights == sorted(weights, reverse=True)  # the most specific term first
    assert weights[0] == reader_glossary_weight(0) < 0.7 < GLOSSARY_WEIGHT  # below an editor's synonym
    assert min(weights) >= 0.5  # never below the surest thesaurus synonym
    assert THESAURUS not in sources(concept)  # the curated words replace the general thesaurus


def with_reader_glossary(tmp_path, text):
    for name in ("sv_thesaurus.tsv.gz", "hr_glossary.yml"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "sv_reader_glossary.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_word_that_stems_like_a_term_of_its_entry_gets_no_readers_terms(tmp_path):
    # Snowball stems "stressad" and "stress" alike: a reader who types "stress" uses the guides'
    # own word, and "arbetsbelastning" would only widen it.
    vocabulary = ReaderVocabulary(with_reader_glossary(tmp_path, "stressad: [stress, arbetsbelastning]\n"))
    assert vocabulary.reader_terms(["stress"]) == {}
    assert vocabulary.reader_terms(["tjafs"]) == {}  # and only the file's entries count
    other = ReaderVocabulary(with_reader_glossary(tmp_path, "stressad: [arbetsbelastning]\n"))
    assert [e.words for e in other.reader_terms(["stress"])["stress"]] == [("arbetsbelastning",)]


def test_the_reader_glossary_is_in_the_expansion_budget():
    query_plan = plan("tjafs", NO_SYNONYMS)
    shares = {"konflikt": 0.5, "samarbetssvårigheter": 0.5}
    (small,) = query_plan.for_library([False], 100, shares).concepts
    assert reader_terms(small)
    (large,) = query_plan.for_library([False], 100 * MAX_EXPANDED_MATCHES, shares).concepts
    assert not reader_terms(large)


@pytest.mark.parametrize(
    "text",
    [
        "tjafs: [konflikt\n",  # not YAML
        "- tjafs\n- bråk\n",  # not a mapping
        "tjafs: konflikt\n",  # terms not a list
        "tjafs: []\n",  # no terms
        "tjafs: [konflikt]\ntjafs: [bråk]\n",  # the same entry twice
    ],
)
def test_a_malformed_reader_glossary_is_refused_naming_the_file(tmp_path, text):
    with pytest.raises(ValueError, match="sv_reader_glossary.yml"):
        ReaderVocabulary(with_reader_glossary(tmp_path, text))


def test_the_shipped_reader_glossary_is_well_formed_and_general():
    vocabulary = ReaderVocabulary()  # refuses a malformed file
    entries = yaml.safe_load((DATA / "sv_reader_glossary.yml").read_text(encoding="utf-8"))
    assert len(entries) >= 400
    assert all(phrase not in terms for phrase, terms in entries.items())  # no word maps to itself
    assert vocabulary.reader_terms(["tjafs"])
