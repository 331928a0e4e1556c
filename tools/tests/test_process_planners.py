"""Process planners: dated steps from the rules in tools/rules/, checked against hand-worked dates."""

import datetime
from pathlib import Path

import pytest

from tools.processes import all_processes, make_plan

# Plans read their numbers from the register of legal facts (the database, else content/facts/).
pytestmark = pytest.mark.django_db

D = datetime.date
CONTENT_GUIDES = Path(__file__).resolve().parents[2] / "content" / "guides"


def dates(process_key, start, **values):
    plan = make_plan(all_processes()[process_key], start, values)
    return {planned.step.id: (planned.calendar_date, planned.date) for planned in plan.steps}


def test_sick_leave_from_monday_2_march_2026():
    # Day 1 = 2 March. Day 8 = +7, day 14 = +13, day 21 = +20, day 30 = +29, day 90 = +89, ...
    assert dates("sjukskrivning", D(2026, 3, 2), minst_60_dagar=True) == {
        "forsta-dagen": (D(2026, 3, 2), D(2026, 3, 2)),
        "lakarintyg": (D(2026, 3, 9), D(2026, 3, 9)),
        "sjukloneperioden-slutar": (D(2026, 3, 15), D(2026, 3, 15)),  # a Sunday, but a fact does not move
        # Day 21 is Sunday 22 March: a deadline moves to the working day before, Friday 20 March.
        "anmalan-forsakringskassan": (D(2026, 3, 22), D(2026, 3, 20)),
        "plan-for-atergang": (D(2026, 3, 31), D(2026, 3, 31)),
        "fore-dag-90": (D(2026, 5, 30), D(2026, 5, 29)),  # Saturday 30 May → Friday 29 May
        "fore-dag-180": (D(2026, 8, 28), D(2026, 8, 28)),
        "fore-dag-365": (D(2027, 3, 1), D(2027, 3, 1)),
    }


def test_day_30_on_easter_sunday_moves_the_return_to_work_plan_to_maundy_thursday():
    # Day 1 = Saturday 7 March 2026, day 30 = Easter Sunday 5 April: a deadline, so the plan is due
    # the working day before, past Easter Saturday and Good Friday, on Thursday 2 April.
    result = dates("sjukskrivning", D(2026, 3, 7), minst_60_dagar=True)
    assert result["plan-for-atergang"] == (D(2026, 4, 5), D(2026, 4, 2))


def test_the_return_to_work_plan_is_only_due_when_60_days_are_expected():
    plan = make_plan(all_processes()["sjukskrivning"], D(2026, 3, 2), {"minst_60_dagar": False})
    assert "plan-for-atergang" not in [planned.step.id for planned in plan.steps]
    assert [step.id for step in plan.skipped] == ["plan-for-atergang"]


def test_sick_leave_starting_on_a_saturday_moves_the_first_contact_to_monday():
    # 19 Dec 2026 is a Saturday; day 8 is Saturday 26 Dec (annandag jul), a fact that stays.
    result = dates("sjukskrivning", D(2026, 12, 19), minst_60_dagar=False)
    assert result["forsta-dagen"] == (D(2026, 12, 19), D(2026, 12, 21))
    assert result["lakarintyg"] == (D(2026, 12, 26), D(2026, 12, 26))
    # Day 21 is Friday 8 Jan 2027, an ordinary working day.
    assert result["anmalan-forsakringskassan"] == (D(2027, 1, 8), D(2027, 1, 8))


def test_dismissal_with_three_years_and_eight_affected():
    # Notice on Tuesday 15 Sep 2026; 3 years' employment → 2 months' notice (11 § LAS).
    assert dates("arbetsbrist", D(2026, 9, 15), anstallningsar=3, berorda=8) == {
        "varsel": (D(2026, 7, 15), D(2026, 7, 15)),  # 5–25 affected: two months ahead
        "forhandling": (D(2026, 8, 4), D(2026, 8, 4)),
        "omplacering-och-turordning": (D(2026, 8, 25), D(2026, 8, 25)),
        "beslut": (D(2026, 9, 8), D(2026, 9, 8)),
        "besked": (D(2026, 9, 15), D(2026, 9, 15)),
        "frist-att-ifragasatta": (D(2026, 9, 29), D(2026, 9, 29)),
        "anstallningen-upphor": (D(2026, 11, 15), D(2026, 11, 15)),  # a Sunday: the date holds
        "foretradesratt-upphor": (D(2027, 8, 15), D(2027, 8, 15)),
    }


def test_dismissal_with_twelve_years_and_thirty_affected():
    result = dates("arbetsbrist", D(2026, 9, 15), anstallningsar=12, berorda=30)
    assert result["varsel"] == (D(2026, 5, 15), D(2026, 5, 15))  # 26–100 affected: four months
    assert result["anstallningen-upphor"] == (D(2027, 3, 15), D(2027, 3, 15))  # six months' notice
    assert result["foretradesratt-upphor"] == (D(2027, 12, 15), D(2027, 12, 15))


def test_dismissal_of_a_few_newly_employed_needs_no_varsel_and_gives_no_priority():
    result = dates("arbetsbrist", D(2026, 9, 15), anstallningsar=0, berorda=2)
    assert "varsel" not in result and "foretradesratt-upphor" not in result
    assert result["anstallningen-upphor"] == (D(2026, 10, 15), D(2026, 10, 15))


@pytest.mark.parametrize(
    "years, months",
    [(0, 1), (1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (6, 4), (7, 4), (8, 5), (9, 5), (10, 6), (30, 6)],
)
def test_notice_periods_follow_11_paragraph_las(years, months):
    ends = dates("arbetsbrist", D(2026, 1, 15), anstallningsar=years, berorda=1)["anstallningen-upphor"][0]
    assert ends == D(2026, 1 + months, 15)


def test_new_employee_starting_monday_17_august_2026_with_six_months_probation():
    assert dates("introduktion", D(2026, 8, 17), provanstallning_manader=6) == {
        "forbered": (D(2026, 8, 3), D(2026, 8, 3)),
        "valkomstbrev": (D(2026, 8, 14), D(2026, 8, 14)),
        "forsta-dagen": (D(2026, 8, 17), D(2026, 8, 17)),
        "forsta-veckan": (D(2026, 8, 21), D(2026, 8, 21)),
        "skriftlig-information": (D(2026, 8, 24), D(2026, 8, 24)),
        "efter-30-dagar": (D(2026, 9, 16), D(2026, 9, 16)),
        "efter-60-dagar": (D(2026, 10, 16), D(2026, 10, 16)),
        "efter-90-dagar": (D(2026, 11, 15), D(2026, 11, 16)),  # Sunday → Monday
        "provanstallningen-slutar": (D(2027, 2, 16), D(2027, 2, 16)),
        "besked-om-provanstallningen": (D(2027, 2, 2), D(2027, 2, 2)),
    }


def test_without_probation_there_is_no_probation_step():
    steps = dates("introduktion", D(2026, 8, 17), provanstallning_manader=0)
    assert "provanstallningen-slutar" not in steps and "besked-om-provanstallningen" not in steps


def test_every_step_names_existing_guides_and_most_name_a_law():
    known = {path.stem for path in CONTENT_GUIDES.glob("*.md")}
    for process in all_processes().values():
        for step in process.steps:
            assert step.guides and set(step.guides) <= known, (process.key, step.id)
    legal = [step for key in ("sjukskrivning", "arbetsbrist") for step in all_processes()[key].steps]
    assert all(step.law for step in legal)


# -- through the pages --------------------------------------------------------------------


def test_the_plan_page_shows_dates_laws_guides_and_why_a_date_moved(client, make_guide):
    make_guide("När en medarbetare blir sjukskriven", slug="sjukskriven-medarbetare")
    html = client.get("/verktyg/sjukskrivning/", {"start": "2026-03-02", "minst_60_dagar": "on"}).content.decode()
    assert html.count("<h1>") == 1
    assert '<time class="plan__date" datetime="2026-03-20">fredag 20 mars 2026</time> · Senast dag 21' in html
    assert "Sista dagen, 22 mars, är en söndag. Gör det senast vardagen före." in html
    assert "30 kap. 6 § socialförsäkringsbalken" in html
    assert '<a href="/chefsguider/sjukskriven-medarbetare/">När en medarbetare blir sjukskriven</a>' in html
    assert 'href="/verktyg/sjukskrivning/kalender/?start=2026-03-02&amp;minst_60_dagar=on"' in html


def test_the_plan_page_asks_in_swedish_when_input_is_missing(client, db):
    html = client.get("/verktyg/arbetsbrist/", {"start": "2026-09-15", "anstallningsar": "-1"}).content.decode()
    assert 'id="id_anstallningsar_error">Kontrollera att detta värde är större än eller lika med 0.</p>' in html
    assert 'id="id_berorda_error">Fyll i ett tal.</p>' in html
    assert 'value="2026-09-15"' in html and "plan__list" not in html


def test_the_plan_as_a_calendar_file(client, db, calendar_events):
    events = calendar_events(
        client.get("/verktyg/arbetsbrist/kalender/", {"start": "2026-09-15", "anstallningsar": 3, "berorda": 8})
    )
    by_day = {event.decoded("dtstart"): str(event["summary"]) for event in events}
    assert by_day[D(2026, 7, 15)] == "Varsla Arbetsförmedlingen (uppsägning på grund av arbetsbrist)"
    assert by_day[D(2026, 11, 15)] == "Anställningen upphör (uppsägning på grund av arbetsbrist)"
    assert len(events) == 8
    assert "Lag: 11 och 12 §§ lagen (1982:80) om anställningsskydd (LAS)" in str(
        next(event for event in events if event.decoded("dtstart") == D(2026, 11, 15))["description"]
    )


def test_the_plan_as_a_pdf(client, db, pdf_text):
    text = pdf_text(client.get("/verktyg/ny-medarbetare/pdf/", {"start": "2026-08-17", "provanstallning_manader": 6}))
    assert "Ny medarbetare" in text
    assert "Sista dag för besked om provanställningen" in text and "2 februari 2027" in text
    assert "31 § lagen (1982:80) om anställningsskydd (LAS)" in text


def test_an_export_with_bad_input_goes_back_to_the_form(client, db):
    response = client.get("/verktyg/ny-medarbetare/pdf/", {"start": "snart"})
    assert response.status_code == 302 and response["Location"] == "/verktyg/ny-medarbetare/?start=snart"
