"""Citations of the register in text: resolved as HTML or plain text, numbers for planners, and
errors that name the fact, the line and the reason."""

import datetime

import pytest

from facts.citations import FactTable, UnknownFact, check_citations, cite_html, cite_plain, cited_ids

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 2)
PLAN = "plan-for-atergang-dag-30"  # shipped: "senast dag 30" (30 kap. 6 § SFB), values day 30, min_days 60
TEXT = "Planen ska vara klar {{fakta:plan-for-atergang-dag-30}}."


def test_an_unknown_fact_names_itself_and_the_line_when_known():
    assert str(UnknownFact("okand")) == "unknown fact 'okand' (not in the register, content/facts/)"
    assert str(UnknownFact("okand", 3)) == "line 3: unknown fact 'okand' (not in the register, content/facts/)"
    assert str(UnknownFact("okand", 3, detail="särskilt skäl")) == "line 3: särskilt skäl"
    assert UnknownFact("okand", 3).fact_id == "okand"


def test_the_line_of_an_unknown_citation_counts_from_the_first_line_of_the_text():
    with pytest.raises(UnknownFact) as error:
        check_citations("\n{{fakta:okand}}", {PLAN})
    assert (error.value.fact_id, error.value.line) == ("okand", 2)
    check_citations(None, set())  # no text, nothing to check


def test_cited_ids_in_order_of_first_citation():
    assert cited_ids("{{fakta:b}} {{ fakta:a:påstående }} {{fakta:b}}") == ["b", "a"]
    assert cited_ids(None) == []


def test_html_links_the_law_to_the_page_source_list_or_the_official_text():
    assert cite_html(TEXT, DAY) == (
        'Planen ska vara klar <span class="fact" data-fact="plan-for-atergang-dag-30">senast dag 30</span> '
        '<a class="fact__law" href="#kalla-plan-for-atergang-dag-30">(30 kap. 6 § SFB)</a>.'
    )
    assert 'href="https://www.forsakringskassan.se/arbetsgivare/sjukfranvaro/"' in cite_html(TEXT, DAY, link="source")
    assert FactTable.for_text(TEXT, DAY).html(TEXT) == cite_html(TEXT, DAY, link="anchor")


def test_a_fact_missing_from_the_register_says_so_in_html_and_plain_text():
    text = "Se {{fakta:finns-inte}}."
    assert cite_html(text, DAY) == 'Se <span class="fact fact--missing">[uppgiften saknas i registret]</span>.'
    assert cite_plain(text, DAY) == "Se [uppgiften saknas i registret]."


def test_plain_text_gives_value_and_law():
    assert cite_plain(TEXT, DAY) == "Planen ska vara klar senast dag 30 (30 kap. 6 § SFB)."
    assert cite_plain("", DAY) == "" and cite_html("", DAY) == ""
    # Read on a day before the rule came into force (1 July 2018), the citation says from when it applies.
    before = "Planen ska vara klar senast dag 30 (från 1 juli 2018, 30 kap. 6 § SFB)."
    assert cite_plain(TEXT, datetime.date(2010, 1, 1)) == before
    assert "från 1 juli 2018, 30 kap. 6 § SFB" in cite_html(TEXT, datetime.date(2010, 1, 1))


def test_numbers_of_a_fact_by_key_or_all_of_them():
    table = FactTable([PLAN], DAY)
    assert table.number(PLAN, "day") == 30
    assert table.number(PLAN) == {"day": 30, "min_days": 60}
    with pytest.raises(UnknownFact, match=r"^fact 'plan-for-atergang-dag-30' has no value 'vecka'$") as error:
        table.number(PLAN, "vecka")
    assert error.value.fact_id == PLAN
    with pytest.raises(UnknownFact, match="unknown fact 'finns-inte'") as error:
        table.number("finns-inte")
    assert error.value.fact_id == "finns-inte"
    assert table.get("finns-inte") is None
