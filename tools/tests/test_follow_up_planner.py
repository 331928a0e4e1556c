"""The follow-up planner: meetings on working days, as a page and as a calendar file."""

import datetime

from tools.tests.conftest import WORKSHEET_BODY

URL = "/verktyg/uppfoljningsplan/"


def plan(client, **params):
    return client.get(URL, {"langd": 60, **params})


def event_days(events):
    return [event.decoded("dtstart") for event in events]


def test_monthly_meetings_on_a_weekend_move_to_monday(client, db, calendar_events):
    # Hand-worked: 31 Jan 2026 and 28 Feb 2026 are Saturdays; 31 Mar is a Tuesday, 30 Apr a Thursday.
    events = calendar_events(
        client.get(URL + "kalender/", {"intervall": "manad", "start": "2026-01-31", "antal": 4, "langd": 60})
    )
    assert event_days(events) == [
        datetime.date(2026, 2, 2),
        datetime.date(2026, 3, 2),
        datetime.date(2026, 3, 31),
        datetime.date(2026, 4, 30),
    ]
    assert [str(event["summary"]) for event in events] == [f"Uppföljning ({n} av 4)" for n in range(1, 5)]


def test_a_meeting_on_midsommarafton_moves_past_the_whole_holiday_weekend(client, db, calendar_events):
    # Every 4 weeks from Fri 22 May 2026: 19 June is midsommarafton, 20 June midsommardagen, 21 a Sunday.
    events = calendar_events(
        client.get(URL + "kalender/", {"intervall": "4-veckor", "start": "2026-05-22", "antal": 3, "langd": 60})
    )
    assert event_days(events) == [datetime.date(2026, 5, 22), datetime.date(2026, 6, 22), datetime.date(2026, 7, 17)]


def test_easter_and_christmas_moves(client, db, calendar_events):
    # 3 Apr 2026 is långfredagen, then påskafton, påskdagen and annandag påsk: Tuesday 7 April.
    easter = calendar_events(
        client.get(URL + "kalender/", {"intervall": "manad", "start": "2026-03-03", "antal": 2, "langd": 60})
    )
    assert event_days(easter) == [datetime.date(2026, 3, 3), datetime.date(2026, 4, 7)]
    # Six weeks after Thu 12 Nov 2026 is julafton; juldagen, a Saturday and a Sunday follow: Monday 28 Dec.
    christmas = calendar_events(
        client.get(URL + "kalender/", {"intervall": "6-veckor", "start": "2026-11-12", "antal": 2, "langd": 60})
    )
    assert event_days(christmas) == [datetime.date(2026, 11, 12), datetime.date(2026, 12, 28)]


def test_the_page_lists_the_meetings_and_says_why_one_moved(client, db):
    html = plan(
        client, intervall="6-veckor", start="2026-11-12", antal=2, rubrik="Uppföljning med Sara"
    ).content.decode()
    assert '<time class="plan__date" datetime="2026-12-28">måndag 28 december 2026</time>' in html
    assert "Flyttat från torsdag 24 december, julafton." in html
    assert "Uppföljning med Sara" in html
    assert 'href="/verktyg/uppfoljningsplan/kalender/?langd=60&amp;intervall=6-veckor&amp;start=2026-11-12' in html


def test_timed_meetings_carry_the_time_zone_and_length(client, db, calendar_events):
    events = calendar_events(
        client.get(
            URL + "kalender/",
            {
                "intervall": "manad",
                "start": "2026-03-03",
                "antal": 1,
                "klockan": "09:30",
                "langd": 45,
                "rubrik": "Avstämning",
            },
        )
    )
    start, end = events[0].decoded("dtstart"), events[0].decoded("dtend")
    assert (start.isoformat(), str(start.tzinfo)) == ("2026-03-03T09:30:00+01:00", "Europe/Stockholm")
    assert end - start == datetime.timedelta(minutes=45)
    assert str(events[0]["summary"]) == "Avstämning (1 av 1)"


def test_the_same_plan_downloaded_twice_has_the_same_event_ids(client, db, calendar_events):
    params = {"intervall": "manad", "start": "2026-03-03", "antal": 3, "langd": 60}
    first = [str(event["uid"]) for event in calendar_events(client.get(URL + "kalender/", params))]
    again = [str(event["uid"]) for event in calendar_events(client.get(URL + "kalender/", params))]
    assert first == again and len(set(first)) == 3


def test_a_guides_questions_become_the_agenda(client, make_guide, calendar_events):
    make_guide("Utvecklingssamtal", slug="utvecklingssamtal", body=WORKSHEET_BODY)
    params = {"intervall": "manad", "start": "2026-03-03", "antal": 1, "langd": 60, "guide": "utvecklingssamtal"}
    description = str(calendar_events(client.get(URL + "kalender/", params))[0]["description"])
    assert "• Vad gick bra?\n• Vad vill du lära dig?" in description
    assert "http://testserver/chefsguider/utvecklingssamtal/" in description
    assert (
        "<li>Vad vill du lära dig?</li>"
        in plan(client, **{k: v for k, v in params.items() if k != "langd"}).content.decode()
    )


def test_members_only_questions_stay_out_of_the_agenda_for_visitors(client, make_guide, calendar_events):
    make_guide(slug="hemlig", members_only=True, body=WORKSHEET_BODY)
    params = {"intervall": "manad", "start": "2026-03-03", "antal": 1, "langd": 60, "guide": "hemlig"}
    # Parsed, so a redirect or an empty file cannot pass for a calendar without the questions.
    (event,) = calendar_events(client.get(URL + "kalender/", params))
    assert "Vad gick bra?" not in str(event.get("description", ""))
    assert "är för medlemmar" in plan(client, **params).content.decode()


def test_a_link_from_a_guide_preselects_it_without_errors(client, make_guide):
    make_guide("Utvecklingssamtal", slug="utvecklingssamtal", body=WORKSHEET_BODY)
    html = client.get(URL, {"guide": "utvecklingssamtal"}).content.decode()
    assert '<option value="utvecklingssamtal" selected>' in html
    assert "field__error" not in html


def test_bad_input_is_explained_next_to_the_fields_and_kept(client, db):
    response = plan(client, intervall="varje-dag", start="2026-02-30", antal=40, rubrik="Min plan")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_start_error">Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-02.</p>' in html
    assert 'aria-describedby="id_start_error"' in html and 'aria-invalid="true"' in html
    assert "Kontrollera att detta värde är mindre än eller lika med 24." in html
    assert (
        'aria-describedby="id_intervall_error"' in html
        and 'id="id_intervall_error">Välj ett av alternativen i listan.' in html
    )
    assert 'value="Min plan"' in html and 'value="2026-02-30"' in html
    assert "plan__list" not in html


def test_a_calendar_asked_for_with_bad_input_sends_the_reader_to_the_form(client, db):
    response = client.get(URL + "kalender/", {"intervall": "manad", "start": "igår", "antal": 2})
    assert response.status_code == 302
    assert response["Location"] == URL + "?intervall=manad&start=ig%C3%A5r&antal=2"
