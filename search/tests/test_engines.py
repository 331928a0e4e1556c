"""What every search engine behind the seam must do, run against each of them.

The PostgreSQL engine is skipped when the tests run on SQLite.
"""

import datetime
import logging
import re

import pytest

from operations import content_cache
from search import compounds, expansions, pipeline, query
from search.base import MAX_QUERY_LENGTH, SORT_RELEVANCE, SORT_UPDATED, GuideDocument, SearchFilters, SearchResults
from search.models import SynonymGroup
from search.registry import create_engine
from search.synonyms import forget_synonyms
from search.testing import ENGINE_PARAMS


def guide(
    id,
    title,
    summary="",
    body="",
    *,
    headings=(),
    areas=(),
    situations=(),
    updated=datetime.date(2026, 1, 1),
    members_only=False,
    keywords=(),
):
    return GuideDocument(
        id=id,
        slug=f"guide-{id}",
        title=title,
        summary=summary,
        headings=tuple(headings),
        body=body,
        areas=tuple(areas),
        situations=tuple(situations),
        updated=updated,
        members_only=members_only,
        keywords=tuple(keywords),
    )


def ids(results):
    return [hit.id for hit in results.hits]


@pytest.fixture(autouse=True)
def fresh_synonyms():
    forget_synonyms()
    yield
    forget_synonyms()


@pytest.fixture(params=ENGINE_PARAMS)
def engine_with(request, db, tmp_path):
    """engine_with(*guides): a new engine of each kind holding exactly these guides."""

    def build(*guides):
        engine = create_engine(request.param, index_dir=tmp_path / "index", documents=lambda: guides)
        engine.rebuild(guides)
        return engine

    return build


SALARY_TALK = guide(1, "Lönesamtal med medarbetare", "Så förbereder du lönesamtalet.", "Gå igenom lönekriterierna.")
MONEY_TALK = guide(
    2, "Prata om pengar", "Förbered dig väl.", "Ett samtal om lön kräver att du känner till kriterierna."
)
FOLLOW_UP = guide(3, "Följ upp målen", "Uppföljning varje månad.", "Boka ett möte med varje medarbetare i god tid.")
SICK_LEAVE = guide(
    4, "När en medarbetare blir sjukskriven", "Om sjukskrivning.", "Håll kontakten under sjukskrivningen."
)
FEEDBACK = guide(
    5, "Ge och ta emot feedback", "Feedback som hjälper.", "Beskriv vad du såg och vilken effekt det fick."
)
WELLBEING = guide(6, "Trivsel i gruppen", "Små saker gör skillnad.", "Trivsel byggs varje dag.")
LIBRARY = (SALARY_TALK, MONEY_TALK, FOLLOW_UP, SICK_LEAVE, FEEDBACK, WELLBEING)


# Swedish words ---------------------------------------------------------------------------------


def test_inflected_forms_find_each_other(engine_with):
    engine = engine_with(*LIBRARY)
    assert ids(engine.search("lönesamtalen"))[0] == 1
    assert 4 in ids(engine.search("sjukskrivningar"))
    assert 3 in ids(engine.search("medarbetarna möten"))


def test_a_compound_finds_its_parts_written_apart(engine_with):
    engine = engine_with(*LIBRARY)
    assert {1, 2} <= set(ids(engine.search("lönesamtal")))
    assert 3 in ids(engine.search("uppföljningsmöte"))


def test_parts_written_apart_find_the_compound(engine_with):
    engine = engine_with(*LIBRARY)
    assert {1, 2} <= set(ids(engine.search("samtal om lön")))


def test_a_derivational_ending_is_not_a_word_of_the_guide(engine_with):
    holiday = guide(7, "Planering av semestern", "Rapportering och planering i god tid.", "Aktivera schemat.")
    engine = engine_with(*LIBRARY, holiday)
    assert 7 in ids(engine.search("planering"))
    assert 7 not in ids(engine.search("ring"))
    assert 7 not in ids(engine.search("vera"))


def test_words_typed_without_swedish_letters_are_found_but_rank_below_exact_spelling(engine_with):
    carry = guide(11, "Att föra protokoll", "Anteckningar från mötet.")
    forums = guide(12, "Fora för chefer", "Nätverk att byta erfarenheter i.")
    engine = engine_with(*LIBRARY, carry, forums)
    assert ids(engine.search("fora"))[:2] == [12, 11]
    assert ids(engine.search("lonesamtal"))[0] == 1


def test_swedish_spellings_are_tried_only_for_words_typed_without_swedish_letters(engine_with):
    engine = engine_with(*LIBRARY, guide(125, "Zörblå i tid"))
    typed_without = engine.search("zorbla")
    assert (ids(typed_without), typed_without.suggestion) == ([125], None)  # a spelling, not a typo
    typed_with = engine.search("zörbla")  # "a" for "å" beside an "ö": a typo
    assert (ids(typed_with), typed_with.suggestion) == ([125], "zörblå")


def test_a_word_a_guide_uses_is_not_corrected_to_a_word_one_typo_away(engine_with):
    engine = engine_with(*LIBRARY, guide(126, "Zorblik i tid"), guide(127, "Zorblak och Zorblak"))
    assert ids(engine.search("zorblik")) == [126]
    assert ids(engine.search("zorbluk"))[0] == 127  # a word no guide uses: corrected to the most used


def test_one_typo_is_forgiven_from_four_letters(engine_with):
    engine = engine_with(*LIBRARY)
    assert ids(engine.search("feedbak"))[0] == 5
    assert ids(engine.search("trivsle"))[0] == 6


def test_two_typos_are_forgiven_from_eight_letters(engine_with):
    engine = engine_with(*LIBRARY)
    assert ids(engine.search("sjukskrvnig"))[0] == 4


def test_two_typos_are_too_many_below_eight_letters(engine_with):
    engine = engine_with(*LIBRARY)
    assert engine.search("trvsl").total == 0


def test_words_under_four_letters_must_be_spelt_right(engine_with):
    engine = engine_with(*LIBRARY)
    assert engine.search("lån").total == 0


def test_editors_synonyms_apply_at_once_without_reindexing(engine_with):
    coffee = guide(21, "Fika som ledarverktyg", "Gemensamma pauser bygger laget.")
    engine = engine_with(*LIBRARY, coffee)
    assert engine.search("kaffepaus").total == 0

    group = SynonymGroup.objects.create(words="kaffepaus, fika")
    assert ids(engine.search("kaffepaus")) == [21]
    assert ids(engine.search("kaffepauserna")) == [21]

    group.delete()
    assert engine.search("kaffepaus").total == 0


# Ranking ---------------------------------------------------------------------------------------

FILLER = "Här finns också text om annat som chefen behöver veta i vardagen."


def test_editors_search_words_find_a_guide_that_does_not_use_them(engine_with):
    breaks = guide(22, "Pauser som bygger laget", "Gemensamma stunder.", keywords=["fikarast", "coffee break"])
    engine = engine_with(*LIBRARY, breaks)
    assert ids(engine.search("fikarasten")) == [22]
    assert ids(engine.search("coffee break"))[0] == 22
    assert engine.search("fikarast").hits[0].snippet  # the snippet still comes from the guide's text


# Words the guides do not use: open lexical data ------------------------------------------------


def test_english_queries_find_swedish_guides(engine_with):
    review = guide(31, "Lönerevisionen steg för steg", "Så går lönerevisionen till, från kriterier till nya löner.")
    notice = guide(32, "Uppsägningstider", "Hur lång tid som gäller när någon slutar.")
    engine = engine_with(*LIBRARY, review, notice)
    assert ids(engine.search("salary review"))[0] == 31
    assert ids(engine.search("notice period"))[0] == 32
    assert ids(engine.search("sick leave"))[0] == 4
    assert ids(engine.search("how to give feedback"))[0] == 5


def test_thesaurus_synonyms_find_a_guide_but_never_outrank_the_word_itself(engine_with):
    conflicts = guide(41, "Konflikter i arbetsgruppen", "När två medarbetare inte drar jämnt.")
    quarrel = guide(42, "Tvist om schemat", "När två medarbetare inte drar jämnt.")
    engine = engine_with(*LIBRARY, conflicts)
    assert ids(engine.search("dispyt")) == [41]  # a word no guide uses, through the thesaurus
    engine = engine_with(*LIBRARY, conflicts, quarrel)
    assert ids(engine.search("tvist"))[:2] == [42, 41]  # the guide with the word itself first
    assert ids(engine.search("konflikter"))[:2] == [41, 42]


BURNOUT = guide(
    71,
    "Utmattningssyndrom",
    "När stressen har blivit för mycket.",
    "Utmattningssyndrom kommer smygande; återhämtning tar tid.",
)
CONFLICTS = guide(72, "Konflikter i gruppen", "När två medarbetare inte drar jämnt.", "Ta konflikten tidigt.")
DISMISSAL = guide(73, "Avsked", "När arbetsgivaren avslutar en anställning direkt.", "Avsked kräver grova skäl.")


def test_a_readers_everyday_words_find_the_guide_that_uses_the_hr_term(engine_with):
    engine = engine_with(*LIBRARY, BURNOUT, CONFLICTS, DISMISSAL)
    assert ids(engine.search("gått in i väggen"))[:1] == [71]  # a phrase no guide uses
    assert ids(engine.search("tjafs i gruppen"))[:1] == [72]
    assert ids(engine.search("löneförhöjning"))[:1] == [1]  # lönesamtal


def test_a_readers_inflected_everyday_word_is_matched(engine_with):
    engine = engine_with(*LIBRARY, BURNOUT, CONFLICTS, DISMISSAL)
    assert ids(engine.search("sparkade"))[:1] == [73]
    assert ids(engine.search("bråket"))[:1] == [72]
    assert ids(engine.search("utbrända"))[:1] == [71]


def test_a_guide_with_the_readers_own_word_outranks_one_with_its_hr_term(engine_with):
    squabble = guide(74, "Tjafs om schemat", "När två medarbetare inte drar jämnt.", "Ta konflikten tidigt.")
    engine = engine_with(*LIBRARY, CONFLICTS, squabble)
    assert ids(engine.search("tjafs"))[:2] == [74, 72]
    assert ids(engine.search("konflikter"))[:2] == [72, 74]


def test_a_readers_phrase_outranks_the_one_word_the_index_keeps_of_it(engine_with):
    # "säga upp sig" is resigning; the index drops "upp" and "sig" as stopwords, so a guide that
    # only says "säg" (another sense) matched the phrase's one word at full weight and came first.
    saying_no = guide(75, "Säg nej och prioritera", "Att säga nej till chefen ibland.", "Säg nej i tid.")
    resigning = guide(76, "När en medarbetare slutar", "Egen uppsägning och uppsägningstid.", "Ta emot beskedet.")
    engine = engine_with(*LIBRARY, saying_no, resigning)
    assert ids(engine.search("vill säga upp sig"))[:2] == [76, 75]
    assert ids(engine.search("säga nej"))[:1] == [75]  # no phrase: the word counts in full


def test_a_word_no_guide_uses_counts_as_much_as_the_known_words_beside_it(engine_with):
    # No guide says "berusad"; one says "påverkad" (its synonym) throughout, the other has the
    # generic "jobbet" in its title and "påverkad" in another sense. At its synonyms' weight the
    # reader's own word would count for half as much as "jobbet", and that title would win.
    drunk = guide(
        48,
        "Alkohol och påverkad personal",
        "När en medarbetare är påverkad av alkohol på jobbet.",
        "Påverkad personal får inte arbeta.",
    )
    job = guide(
        49,
        "Besked till kandidater som inte fick jobbet",
        "Ge besked om jobbet i tid.",
        "Kandidaten kan bli påverkad av beskedet.",
    )
    engine = engine_with(*LIBRARY, drunk, job)
    assert ids(engine.search("berusad på jobbet")) == [48, 49]


def test_a_word_most_guides_use_is_not_required_beside_a_rarer_one(engine_with):
    # "anställd" is in most guides; "sparka" in none, but its reader glossary term "avsked" is in "Avsked",
    # which never says "anställd" (nor "personal", "arbetstagare").
    staff = [guide(50 + n, f"Schemat vecka {n}", "Varje anställd får sitt schema i tid.") for n in range(12)]
    dismissal = guide(62, "Avsked", "När arbetsgivaren vill avskeda någon.", "Det mest ingripande beslutet.")
    engine = engine_with(*LIBRARY, *staff, dismissal)
    assert ids(engine.search("sparka en anställd"))[:1] == [62]


def test_a_query_that_would_match_too_much_gives_up_the_thesaurus(engine_with, monkeypatch):
    disputes = [guide(43 + n, f"Tvist nummer {n}", "När medarbetaren inte håller med.") for n in range(3)]
    engine = engine_with(*LIBRARY, *disputes)  # "dispyt" is in no guide; "tvist" in three of nine
    assert set(ids(engine.search("dispyt"))) == {43, 44, 45}
    monkeypatch.setattr(query, "MAX_EXPANDED_MATCHES", 2)
    assert engine.search("dispyt").total == 0
    assert set(ids(engine.search("tvist"))) == {43, 44, 45}  # the word itself is never given up
    monkeypatch.setattr(query, "MAX_EXPANDED_MATCHES", 4)
    assert engine.search("dispyt").total == 3


def test_a_clipped_word_no_guide_uses_finds_the_words_it_starts(engine_with):
    back = guide(47, "Rehabilitering efter sjukskrivning", "Planera återgången tillsammans.")
    engine = engine_with(*LIBRARY, back)
    assert ids(engine.search("rehab")) == [47]
    assert engine.search("rehab").suggestion is None  # not taken for a typo


SICK_LEAVE_DAY_ONE = guide(63, "Sjukskrivning", "Första dagen ringer medarbetaren in.")
NURSE = guide(65, "Sjuksköterskan på plats", "Om företagshälsovården.")  # another compound of "sjuk"


def test_a_compound_no_guide_uses_finds_the_compounds_with_its_first_part(engine_with):
    # No guide says "sjukintyg" (nor "intyg"); "sjukskrivning" and "sjukskriven" share its first part.
    shipping = guide(64, "Sjöfart", "Om båtar.")  # starts alike, no compound of "sjuk"
    engine = engine_with(*LIBRARY, SICK_LEAVE_DAY_ONE, shipping)
    assert set(ids(engine.search("sjukintyg"))) == {4, 63}


def test_a_compound_no_guide_uses_finds_each_compound_with_its_first_part_and_no_other_word(engine_with):
    ill = guide(66, "Sjuka barn", "Vård av barn.")  # starts alike, no compound
    engine = engine_with(*LIBRARY, SICK_LEAVE_DAY_ONE, NURSE, ill)
    assert set(ids(engine.search("sjukintyg"))) == {4, 63, 65}
    assert ids(engine.search("lönebesked")) == [1]  # a first part of three letters: "lönesamtal"


def test_a_compound_a_guide_uses_is_not_widened_to_other_compounds_with_its_first_part(engine_with):
    engine = engine_with(*LIBRARY, SICK_LEAVE_DAY_ONE, NURSE)
    assert set(ids(engine.search("sjukskrivning"))) == {4, 63}


def test_compounds_with_the_same_first_part_are_read_from_the_most_used_words_that_start_alike(
    engine_with, monkeypatch
):
    engine = engine_with(*LIBRARY, SICK_LEAVE_DAY_ONE, NURSE)
    monkeypatch.setattr(expansions, "SIBLING_CANDIDATES", 1)  # "sjukskrivning", in two guides
    assert set(ids(engine.search("sjukintyg"))) == {4, 63}


def test_question_words_are_not_required(engine_with):
    engine = engine_with(*LIBRARY)
    assert ids(engine.search("hur ska jag göra när en medarbetare blir sjukskriven"))[0] == 4
    assert ids(engine.search("vad måste jag tänka på vid lönesamtalet"))[0] == 1


def test_a_compound_no_guide_uses_finds_its_parts(engine_with):
    engine = engine_with(*LIBRARY)
    assert ids(engine.search("uppföljningsmånad"))[:1] == [3]
    assert 4 in ids(engine.search("sjukskrivningskontakt"))


def test_the_guide_on_avsked_comes_before_the_guides_on_uppsagning_with_the_seeded_synonyms(engine_with):
    """Avsked is not uppsägning av personliga skäl (migration 0013): the guides on uppsägning are
    found for "avsked" (the thesaurus relates the words) but after the guide on avsked."""
    engine = engine_with(
        guide(1, "Avsked", "När arbetstagaren grovt har åsidosatt sina åligganden.",
              "Avsked ska vara skriftligt. Gå igenom vad som har hänt och dokumentera."),
        guide(2, "Underrättelse före uppsägning", "Vid uppsägning av personliga skäl eller avsked.",
              "Uppsägning av personliga skäl kräver saklig grund. Personliga skäl ska utredas."),
        guide(3, "Checklista: uppsägning av personliga skäl", "Uppsägning av personliga skäl.",
              "Personliga skäl, uppsägning och saklig grund."),
    )  # fmt: skip
    assert ids(engine.search("avsked"))[0] == 1


def test_a_compound_of_a_word_another_process_indexed_is_split_once_the_content_changed(engine_with):
    """Query compounds split on the guides' own words ("zorblat" is no Swedish word): a web worker
    learns the words of a guide another process published at its next search after the change."""
    engine = engine_with(guide(1, "Lönesamtal", "Om lön.", "Samtal om lön."))
    engine.search("lön")  # the indexed words are read
    engine.index([guide(2, "Zorblat", "Om zorblat.", "Samtal om zorblat, ett sätt att arbeta.")])
    lexicon = compounds.lexicon()  # as another process would have indexed it: this one never saw the word
    lexicon._indexed.discard("zorblat")
    lexicon._seen.discard("zorblat")
    compounds.split.cache_clear()
    content_cache.invalidate()  # what publishing does
    assert 2 in ids(engine.search("zorblatsamtal"))


def test_a_compound_s_halves_a_paragraph_apart_outrank_a_sibling_compound_mentioned_once(engine_with):
    """"uppföljningsmöte", which no guide uses: the guide on meetings that also speaks of follow-up
    comes before one that mentions an "uppföljningsplan" (same first part) once."""
    filler = "Förbered dagordningen och skicka den i tid. " * 8
    engine = engine_with(
        guide(1, "Möten som fungerar", "Om möten.", f"Boka ett möte med gruppen. {filler}Gör en uppföljning efteråt."),
        guide(2, "Skyddsronden", "Om skyddsronder.", f"Skriv en uppföljningsplan. {filler}"),
    )
    assert ids(engine.search("uppföljningsmöte"))[:2] == [1, 2]


def test_title_outranks_ingress_outranks_headings_outranks_body(engine_with):
    in_body = guide(31, "Att leda", FILLER, f"{FILLER} Du kan delegera mer.", headings=["Vardagen"])
    in_headings = guide(32, "Att styra", FILLER, f"{FILLER} Du kan göra mer.", headings=["Delegera"])
    in_summary = guide(
        33, "Att planera", f"{FILLER} Delegera mer.", f"{FILLER} Du kan göra mer.", headings=["Vardagen"]
    )
    in_title = guide(34, "Att delegera", FILLER, f"{FILLER} Du kan göra mer.", headings=["Vardagen"])
    engine = engine_with(in_body, in_headings, in_summary, in_title)
    assert ids(engine.search("delegera")) == [34, 33, 32, 31]


def test_query_words_close_together_rank_higher(engine_with):
    apart = guide(41, "Målarbete", "", f"Tydliga förväntningar hjälper. {FILLER} {FILLER} Sätt mål för året.")
    together = guide(42, "Målbild", "", f"Förväntningar hjälper. {FILLER} {FILLER} Sätt tydliga mål för året.")
    engine = engine_with(apart, together)
    assert ids(engine.search("tydliga mål")) == [42, 41]


def test_sort_by_updated_puts_the_newest_first(engine_with):
    engine = engine_with(
        guide(51, "Lön i januari", updated=datetime.date(2024, 1, 1)),
        guide(52, "Lönen och målen", "Lön, lön och lön.", updated=datetime.date(2026, 5, 1)),
        guide(53, "Lön i mars", updated=datetime.date(2025, 3, 1)),
    )
    assert ids(engine.search("lön", sort=SORT_UPDATED)) == [52, 53, 51]


def test_an_empty_query_lists_every_guide_newest_first(engine_with):
    engine = engine_with(*LIBRARY, guide(61, "Nyast", updated=datetime.date(2027, 1, 1)))
    results = engine.search("")
    assert results.total == len(LIBRARY) + 1
    assert ids(results)[0] == 61


# Filters and facet counts ----------------------------------------------------------------------

FACETED = (
    guide(71, "Lön A", areas=["lon"], situations=["lonerevision"]),
    guide(72, "Lön B", areas=["lon", "kommunikation"], situations=["svara-samtal"]),
    guide(73, "Lön C", areas=["arbetsratt"], situations=["lonerevision", "avsluta"]),
    guide(74, "Lön D", areas=["lon"]),
    guide(75, "Semester", areas=["lon"], situations=["lonerevision"]),
)


def test_filters_are_or_within_a_facet_and_and_across_facets(engine_with):
    engine = engine_with(*FACETED)
    chosen = SearchFilters(areas=("lon",), situations=("lonerevision", "svara-samtal"))
    assert sorted(ids(engine.search("lön", chosen))) == [71, 72]
    assert engine.search("lön", SearchFilters(areas=("lon", "arbetsratt"))).total == 4


def test_each_facet_counts_with_the_other_facets_filter_over_the_matching_guides(engine_with):
    engine = engine_with(*FACETED)
    results = engine.search("lön", SearchFilters(areas=("lon",), situations=("lonerevision", "svara-samtal")))
    assert results.total == 2
    # Areas: guides matching "lön" in the chosen situations (71, 72, 73), whatever their area.
    assert results.facets["area"] == {"lon": 2, "kommunikation": 1, "arbetsratt": 1}
    # Situations: guides matching "lön" in the chosen area (71, 72, 74), whatever their situation.
    assert results.facets["situation"] == {"lonerevision": 1, "svara-samtal": 1}


@pytest.mark.parametrize("sort", [SORT_RELEVANCE, SORT_UPDATED])
def test_a_search_for_no_guides_still_counts_them(engine_with, sort):
    # limit=0: only how many and the facet counts (tantivy itself refuses a limit of 0).
    engine = engine_with(*FACETED)
    results = engine.search("lön", SearchFilters(areas=("lon",)), sort=sort, limit=0)
    assert (results.hits, results.total) == ([], 3)
    assert results.facets["area"] == {"lon": 3, "kommunikation": 1, "arbetsratt": 1}
    assert ids(engine.search("", limit=0)) == [] and engine.search("", limit=0).total == len(FACETED)


def test_pages_share_one_total(engine_with):
    engine = engine_with(*FACETED)
    first, second = engine.search("lön", limit=2), engine.search("lön", limit=2, offset=2)
    assert first.total == second.total == 4
    assert not set(ids(first)) & set(ids(second))


# Snippets --------------------------------------------------------------------------------------


def test_snippets_are_escaped_and_mark_the_matched_words(engine_with):
    hostile = guide(81, "Lön och skript", "", "Skriv aldrig <script>alert('lön')</script> & tro att lönen syns.")
    engine = engine_with(hostile)
    snippet = engine.search("lön").hits[0].snippet
    assert "<mark>lönen</mark>" in snippet
    assert "&lt;script&gt;" in snippet
    assert "<" not in re.sub(r"</?mark>", "", snippet)


def test_the_snippet_is_the_best_matching_passage(engine_with):
    opening = "Den här guiden handlar om vardagen som chef. " * 8
    delegation = guide(82, "Vardagen", "Råd för chefer.", f"{opening}Delegera ansvar, inte bara uppgifter. {opening}")
    engine = engine_with(delegation)
    snippet = engine.search("delegera ansvar").hits[0].snippet
    assert "<mark>Delegera</mark> <mark>ansvar</mark>" in snippet
    assert snippet.startswith("…")


def test_members_only_guides_are_found_by_what_visitors_see_and_quoted_only_from_it(engine_with):
    statistics = guide(
        91,
        "Lönestatistik för chefer",
        "Jämför din lön med andra chefers.",
        "Medianlönen för chefer i staten är hemlig information för medlemmar.",
        members_only=True,
        headings=("Stadsbudgeten i detalj",),
    )
    engine = engine_with(statistics)
    hit = engine.search("lönestatistik jämför").hits[0]
    assert hit.id == 91
    assert re.sub(r"</?mark>", "", hit.snippet) == "Jämför din lön med andra chefers."


@pytest.mark.parametrize("query", ["medianlönen", "medianlönen staten", "hemlig information", "stadsbudgeten"])
def test_a_word_only_in_a_members_only_body_or_heading_finds_nothing(engine_with, query):
    """A hit would confirm to a visitor what the guide says behind the members' wall."""
    statistics = guide(
        91,
        "Lönestatistik för chefer",
        "Jämför din lön med andra chefers.",
        "Medianlönen för chefer i staten är hemlig information för medlemmar.",
        members_only=True,
        headings=("Stadsbudgeten i detalj",),
    )
    engine = engine_with(statistics, guide(95, "Fikapauser", "Pauser.", "Vardagsrutiner hjälper."))
    assert 91 not in ids(engine.search(query))


def test_members_only_body_words_are_never_suggested_nor_offered_as_corrections(engine_with):
    secret = guide(92, "Lönestatistik", "Jämför din lön.", "Kvittrasnurra är hemlig.", members_only=True)
    engine = engine_with(secret)
    assert engine.suggest("kvit") == []
    assert engine.search("kvitrasnurra").suggestion is None


def test_an_inflection_no_guide_uses_is_known_a_members_only_body_word_is_not(engine_with):
    """Known words are not corrected. The vocabulary has the public guides' words as they are spelt;
    the index also knows their other inflections (PostgreSQL looks those up in its GIN index), but
    not what a members-only guide's body says, which is never indexed."""
    secret = guide(96, "Lönestatistik", "Jämför din lön.", "Kvittrasnurra är hemlig.", members_only=True)
    engine = engine_with(secret, *LIBRARY)
    words = ("lönesamtalen", "lönesamtal", "flygbiljett", "kvittrasnurra")
    assert engine._known(tuple(query.Concept(word) for word in words)) == [True, True, False, False]


def test_a_guide_made_members_only_or_removed_takes_its_words_out_of_the_vocabulary(engine_with):
    open_guide = guide(93, "Lönestatistik", "Jämför din lön.", "Kvittrasnurra är öppen.")
    other = guide(94, "Fikapauser", "Pauser.", "Vardagsrutiner hjälper.")
    engine = engine_with(open_guide, other)
    assert engine.suggest("kvit") == ["kvittrasnurra"]
    assert engine.suggest("vardags") == ["vardagsrutiner"]

    engine.index([guide(93, "Lönestatistik", "Jämför din lön.", "Kvittrasnurra är hemlig.", members_only=True)])
    assert engine.suggest("kvit") == []
    assert engine.search("kvitrasnurra").suggestion is None

    engine.remove([94])
    assert engine.suggest("vardags") == []


# Keeping the index current ---------------------------------------------------------------------


def test_removed_guides_are_gone_and_reindexed_guides_show_their_new_text(engine_with):
    engine = engine_with(*LIBRARY)
    engine.remove([5, 999])
    assert engine.search("feedback").total == 0

    engine.index([guide(6, "Arbetsglädje i gruppen", "Små saker gör skillnad.")])
    assert ids(engine.search("arbetsglädje")) == [6]
    assert engine.search("trivsel").total == 0
    assert engine.status()["documents"] == len(LIBRARY) - 1


# Robustness ------------------------------------------------------------------------------------

HOSTILE_QUERIES = [
    "title:(a OR b) AND ^2 ~ *",
    '"lön',
    "'; DROP TABLE search_guidesearchentry; --",
    "lön' OR '1'='1",
    "lön & | ! <-> :* () \\",
    '+-&&||!(){}[]^"~*?:\\/',
    "lön\x00samtal\x1b[31m",
    "lön 🙂💼 " * 3,
    "ö" * 10_000,
    "lönesamtal " * 1000,
    "%s %(p0)s {0} %%",
    "\u200b\u202e lön",
    "",
    "   ",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_input_gives_results_not_errors(engine_with, query, caplog):
    engine = engine_with(*LIBRARY)
    assert isinstance(engine.search(query), SearchResults)
    assert isinstance(engine.search(query, sort=SORT_UPDATED, limit=10_000, offset=-5), SearchResults)
    assert isinstance(engine.suggest(query), list)
    # The engines turn a failure into no results: the log shows whether there was one.
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []


def test_only_the_first_characters_of_a_long_query_count(engine_with):
    engine = engine_with(*LIBRARY)
    padding = "x" * (MAX_QUERY_LENGTH + 1)
    assert engine.search(f"{padding} feedback").total == 0
    assert ids(engine.search(f"feedback {padding}")) == [5]


# Help when a query finds little ----------------------------------------------------------------


def test_a_typo_that_shares_its_stem_with_a_guide_s_word_is_still_corrected(engine_with):
    """"sjukskrivnig" stems as "sjukskrivna" does; no guide spells it so, and no dictionary knows
    it: "Menade du sjukskrivning?", and the guide about sick leave is found. A word the language
    has, in a form no guide uses ("mötena"), is no typo."""
    engine = engine_with(
        guide(1, "Årlig checklista", "Allmänt.", "Hur många är sjukskrivna i år?"),
        guide(2, "Sjukskrivning", "Steg för steg.", "Håll kontakten under sjukskrivningen."),
        guide(3, "Möten som fungerar", "Korta möten.", "Ett möte med dagordning."),
    )
    results = engine.search("sjukskrivnig")
    assert results.suggestion == "sjukskrivning"
    assert 2 in ids(results)
    assert engine.search("mötena").suggestion is None


def test_a_misspelt_query_gets_menade_du_and_its_guide(engine_with):
    engine = engine_with(*LIBRARY)
    results = engine.search("lönesamtl")
    assert results.suggestion == "lönesamtal"
    assert ids(results)[0] == 1


def test_a_query_with_no_hits_offers_the_nearest_guides(engine_with):
    engine = engine_with(*LIBRARY)
    results = engine.search("feedback zqxwv")
    assert results.total == 0
    assert [hit.id for hit in results.nearest] == [5]
    assert "<mark>" in results.nearest[0].snippet


def test_suggest_completes_titles_and_frequent_words_after_two_characters(engine_with):
    engine = engine_with(*LIBRARY)
    assert engine.suggest("l") == []
    completions = engine.suggest("lö")
    assert completions[0] == "Lönesamtal med medarbetare"
    assert "lönesamtalet" in completions
    assert engine.suggest("ge och ta")[0] == "Ge och ta emot feedback"


def test_sort_by_date_overrides_relevance_and_an_unknown_sort_means_relevance(engine_with):
    engine = engine_with(
        guide(61, "Lönesamtal", updated=datetime.date(2025, 1, 1)),
        guide(62, "Att förbereda sig", body="Något om lönesamtal.", updated=datetime.date(2026, 6, 1)),
    )
    assert ids(engine.search("lönesamtal")) == [61, 62]
    assert ids(engine.search("lönesamtal", sort=SORT_UPDATED)) == [62, 61]
    assert ids(engine.search("lönesamtal", sort="okänd")) == [61, 62]


def test_ten_guides_a_page_unless_asked(engine_with):
    engine = engine_with(*(guide(70 + n, f"Guide om lön nummer {n}") for n in range(12)))
    first = engine.search("")
    assert len(first.hits) == 10 and first.total == 12
    assert len(engine.search("", limit=11).hits) == 11


def test_eight_completions_unless_asked(engine_with):
    engine = engine_with(*(guide(70 + n, f"Lön nummer {n}") for n in range(12)))
    assert len(engine.suggest("lö")) == 8
    assert len(engine.suggest("lö", limit=10)) == 10


def test_completions_read_as_many_frequent_words_as_they_show_and_a_margin_for_stopwords(engine_with, monkeypatch):
    engine = engine_with(
        guide(67, "Ansvar", "Du kan delegera mer."),
        guide(68, "Möten", "Det tar tid och det är dyrt."),
        guide(69, "Planer", "Det gäller året."),
    )
    assert engine.suggest("de", limit=1) == ["delegera"]
    monkeypatch.setattr(pipeline, "SUGGEST_WORD_MARGIN", 0)
    assert engine.suggest("de", limit=1) == []  # the one word read, "det", is a stopword


def test_completions_keep_what_was_typed_before_the_last_word_and_skip_stopwords(engine_with):
    engine = engine_with(*LIBRARY)
    assert "lön lönesamtalet" in engine.suggest("lön lö")
    assert "lön" in engine.suggest("lö")  # a three-letter word is offered
    assert not any(completion.endswith("och") for completion in engine.suggest("oc"))
    assert engine.suggest("lö", limit=1) == ["Lönesamtal med medarbetare"]


def test_nearest_guides_are_offered_below_three_hits_up_to_five_and_not_from_three(engine_with):
    both = [guide(100 + n, f"Budget för semestern {n}") for n in range(3)]
    one_word = [guide(110 + n, f"Semester i juli {n}", "Ledighet.") for n in range(6)]
    three_hits = engine_with(*LIBRARY, *both, *one_word).search("budget semester")
    assert (three_hits.total, three_hits.nearest) == (3, [])
    two_hits = engine_with(*LIBRARY, *both[:2], *one_word).search("budget semester")
    assert two_hits.total == 2
    nearest = [hit.id for hit in two_hits.nearest]
    assert len(nearest) == 5 and set(nearest) <= {hit.id for hit in one_word}


def test_many_hits_offer_no_nearest_guides_even_on_a_short_page(engine_with):
    engine = engine_with(*FACETED)
    results = engine.search("lön", limit=1)
    assert (len(results.hits), results.total, results.nearest) == (1, 4, [])


def test_a_query_of_only_symbols_finds_nothing(engine_with):
    engine = engine_with(*LIBRARY)
    results = engine.search("🙂 💼 !!")
    assert (results.hits, results.total, results.nearest, results.suggestion) == ([], 0, [], None)


def test_a_new_engine_splits_query_compounds_on_the_words_of_an_index_it_did_not_build(engine_with, tmp_path, request):
    made_up = guide(120, "Kvittrasnurra", "Ett möte om kvittrasnurran.")
    engine_with(*LIBRARY, made_up)
    # Another process: its lexicon knows only what its own engine reads from the index.
    compounds.lexicon.cache_clear()
    compounds.split.cache_clear()
    compounds.parts.cache_clear()
    kind = request.node.callspec.params["engine_with"]
    engine = create_engine(kind, index_dir=tmp_path / "index", documents=lambda: (*LIBRARY, made_up))
    assert ids(engine.search("kvittrasnurramöte")) == [120]


def test_failed_completions_are_logged_and_give_none(engine_with, caplog, monkeypatch):
    engine = engine_with(*LIBRARY)

    def broken(text, limit):
        raise RuntimeError("the index is gone")

    monkeypatch.setattr(engine, "_titles_starting", broken)
    assert engine.suggest("lö") == []
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == [f"{engine.name} suggestions failed for 'lö'"]


def test_a_two_letter_word_is_never_offered_as_a_completion(engine_with):
    engine = engine_with(*LIBRARY, guide(121, "Budgeten", "Prata med vd om budgeten i tid."))
    assert "budgeten" in engine.suggest("bu")
    assert engine.suggest("vd") == []


def test_a_clipped_word_of_four_letters_finds_the_words_it_starts_three_letters_do_not(engine_with):
    engine = engine_with(*LIBRARY, guide(122, "Zorblimop", "Om zorblimop."))
    assert ids(engine.search("zorb")) == [122]
    assert engine.search("zor").total == 0


def test_a_clipped_word_finds_the_three_most_used_words_it_starts(engine_with):
    # "plexvor" is in no guide; of the words starting with it, "plexvorvek" is the least used. (Made-up
    # words no other test indexes: the compound lexicon keeps the indexed words for the process.)
    uses = {"plexvormop": 4, "plexvortak": 3, "plexvorsung": 2, "plexvorvek": 1}
    guides = [
        guide(130 + 10 * n + i, f"{word.capitalize()} nummer {i}")
        for n, (word, count) in enumerate(uses.items())
        for i in range(count)
    ]
    engine = engine_with(*LIBRARY, *guides)
    results = engine.search("plexvor", limit=20)
    assert results.total == 9
    assert set(ids(results)) == {g.id for g in guides if not g.title.startswith("Plexvorvek")}


def test_a_word_a_guide_uses_is_not_widened_to_the_longer_words_it_starts(engine_with):
    engine = engine_with(*LIBRARY, guide(123, "Zorbli i korthet"), guide(124, "Zorblimop i detalj"))
    assert ids(engine.search("zorbli")) == [123]
    assert set(ids(engine.search("zorb"))) == {123, 124}
