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
