"""The compound splitter reads real Swedish compounds as their parts, and nothing else.

A compound read wrongly makes its false parts findable: when "planering" was plan + ring,
a search for "ring" found "Planering av semestern".
"""

import pytest

from search import compounds

#: Real compounds and the parts they must be read as (linking -s-/-e-, dropped vowels, nesting).
COMPOUNDS = {
    "lönesamtal": ("lön", "samtal"),
    "lönerevision": ("lön", "revision"),
    "lönekriterier": ("lön", "kriterier"),
    "uppföljningsmöte": ("uppföljning", "möte"),
    "arbetsplatsträff": ("arbetsplats", "träff"),
    "introduktionsplan": ("introduktion", "plan"),
    "rehabiliteringsplan": ("rehabilitering", "plan"),
    "utvecklingssamtal": ("utveckling", "samtal"),
    "medarbetarsamtal": ("medarbetare", "samtal"),
    "konfliktlösning": ("konflikt", "lösning"),
    "kompetensutveckling": ("kompetens", "utveckling"),
    "uppsägningstid": ("uppsägning", "tid"),
    "sjukfrånvaro": ("sjuk", "frånvaro"),
    "distansarbete": ("distans", "arbete"),
    "skolgård": ("skola", "gård"),  # dropped vowel
    "arbetsförmåga": ("arbete", "förmåga"),  # dropped vowel and linking -s-
    # Derived words are parts too: the ending belongs to the part, not to a split.
    "semesterplanering": ("semester", "planering"),
    "personalplanering": ("personal", "planering"),
    "verksamhetsplanering": ("verksamhet", "planering"),
    "tidrapportering": ("tid", "rapportering"),
    # A tail that is a derived word of its own ("ledning", "frihet") is a part, not an ending.
    "vägledning": ("väg", "ledning"),
    "valfrihet": ("val", "frihet"),
    "samhällsproblem": ("samhälle", "problem"),  # a bound prefix ("sam") at the start is no reason to stop
    "kycklingfilé": ("kyckling", "filé"),  # "filé" is among the rarest words still taken as a part
    "måltid": ("mål", "tid"),  # six letters: the shortest compound
    "dagbok": ("dag", "bok"),
    "felsökning": ("fel", "sökning"),  # not fel + s + ökning
    "jätteroligt": ("jätte", "roligt"),
    "miljöpartister": ("miljö", "partister"),
}

#: Derived and simple words that are not compounds: -ering, -ing, -era and -ning are endings.
NOT_COMPOUNDS = [
    "planering",
    "rapportering",
    "aktivera",
    "registrering",
    "budgetering",
    "prioritering",
    "dokumentering",
    "motivering",
    "omorganisering",
    "delegera",
    "informera",
    "kontrollera",
    "presentera",
    "kommentera",
    "regissera",
    "kategorisera",
    "sympatisera",
    "samtal",
    "kompetens",
    "ledarskap",
    "förhandling",
    "arbetsgivare",
    # -ering, -ring, -rad: derived from a verb in -era (värdera, parkera, planera) or -a (skildra).
    "värdering",
    "parkeringen",
    "formuleringar",
    "skildring",
    "planerad",
    "motiverad",
    # An inflected word is not a word plus a fragment ("barn" + "ts").
    "barnets",
    "snabbaste",
    "diktatur",
    "festivalen",
    "registrerad",
    "frustrerad",
    # A rare three-letter word is no part ("kom" + "promiss").
    "kompromiss",
    "kommissarie",
]


@pytest.mark.parametrize("word, expected", COMPOUNDS.items())
def test_a_compound_is_read_as_its_parts(word, expected):
    assert compounds.split(word) == expected


@pytest.mark.parametrize("word", NOT_COMPOUNDS)
def test_a_derived_or_simple_word_is_not_split(word):
    assert compounds.split(word) is None
    assert compounds.parts(word) == ()


def test_nested_compounds_give_every_part():
    assert set(compounds.parts("korttidsfrånvaro")) >= {"kort", "tid", "frånvaro"}
    assert "ring" not in compounds.parts("tidrapportering")


def test_derivational_endings_never_become_indexed_parts():
    parts = compounds.text_parts(["planering", "rapportering", "aktivera", "semesterplanering"]).split()
    assert "ring" not in parts and "vera" not in parts and "aktie" not in parts
    assert parts == ["semester", "planering"]


def test_a_guides_own_word_can_be_a_part():
    compounds.lexicon().add_indexed(["chefsguidning"])
    assert compounds.split("chefsguidningsmöte") == ("chefsguidning", "möte")


def test_the_indexed_words_of_every_guide_are_kept_as_more_guides_are_indexed():
    words = compounds.Lexicon()
    assert not words.is_indexed("chefsguidning") and words.part_zipf("chefsguidning") == 0
    words.add_indexed(["chefsguidning"])
    words.add_indexed(["ledarlyftning"])  # another guide: the first one's words stay known
    assert words.is_indexed("chefsguidning") and words.is_indexed("ledarlyftning")
    assert words.part_zipf("chefsguidning") == compounds.INDEXED_WORD_ZIPF


def test_only_unknown_words_longer_than_three_letters_are_learnt_from_the_guides():
    words = compounds.Lexicon()
    words.add_indexed(["qvz", "lön", "samtal"])  # too short to be a part, or known to wordfreq already
    assert not any(words.is_indexed(word) for word in ("qvz", "lön", "samtal"))


def test_a_six_letter_compound_in_a_text_is_indexed_with_its_parts():
    assert compounds.text_parts(["måltid", "och", "dagbok", "dagbok"]) == "mål tid dag bok dag bok"
