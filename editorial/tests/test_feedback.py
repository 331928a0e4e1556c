"""Reader feedback: a plain form on every guide, one answer per browser, rate limited, and a
report that puts the least helpful guides first."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client

from editorial.models import GuideFeedback

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def browser():
    """A browser without JavaScript: it must send the CSRF token the form carries."""
    cache.clear()  # rate limit counters
    return Client(enforce_csrf_checks=True)


def answer(browser, guide, REMOTE_ADDR="127.0.0.1", **data):
    page = browser.get(guide.url).content.decode()
    token = CSRF.search(page).group(1)
    return browser.post(f"/omdome/{guide.pk}/", {"csrfmiddlewaretoken": token, **data}, REMOTE_ADDR=REMOTE_ADDR)


def test_every_guide_asks_with_a_form_that_needs_no_javascript(client, make_guide):
    guide = make_guide()
    html = client.get(guide.url).content.decode()
    form = re.search(r'<form method="post" action="/omdome/\d+/">.*?</form>', html, re.S).group(0)
    assert "Var guiden till hjälp?" in form and "csrfmiddlewaretoken" in form
    # Ja or Nej first, then the optional comment, then one button that sends both.
    assert form.index('name="hjalp" value="ja"') < form.index('name="hjalp" value="nej"') < form.index("<textarea")
    assert '<input type="radio" id="omdome-ja" name="hjalp" value="ja">' in form
    assert '<label for="omdome-kommentar">Vill du berätta mer? (frivilligt)</label>' in form
    assert form.index("<textarea") < form.index('<button type="submit"')
    assert 'aria-describedby="omdome-kommentar-hjalp"' in form


def test_an_answer_is_saved_and_the_browser_is_thanked_instead_of_asked_again(browser, make_guide, today):
    guide = make_guide()
    response = answer(browser, guide, hjalp="nej", kommentar="  Saknar exempel på frågor. ")
    assert response.status_code == 303 and response["Location"] == f"{guide.url}#omdome"
    feedback = GuideFeedback.objects.get()
    assert (feedback.guide_id, feedback.helpful, feedback.comment, feedback.given_on) == (
        guide.pk, False, "Saknar exempel på frågor.", today,
    )
    html = browser.get(guide.url).content.decode()
    assert "Tack för ditt svar!" in html and 'name="hjalp"' not in html

    answer_again = browser.post(f"/omdome/{guide.pk}/", {"csrfmiddlewaretoken": browser.cookies["csrftoken"].value,
                                                         "hjalp": "ja"})
    assert answer_again.status_code == 303
    assert GuideFeedback.objects.count() == 1


def test_one_answer_per_guide_not_per_site(browser, make_guide):
    first, second = make_guide(), make_guide()
    answer(browser, first, hjalp="ja")
    answer(browser, second, hjalp="ja")
    assert GuideFeedback.objects.filter(helpful=True).count() == 2
    assert "Tack för ditt svar!" in browser.get(first.url).content.decode()


def test_the_vote_cookie_holds_guide_ids_only_and_cannot_be_forged(browser, make_guide):
    guide = make_guide()
    answer(browser, guide, hjalp="ja")
    cookie = browser.cookies["guideomdomen"]
    assert cookie.value.split(":")[0] == str(guide.pk) and cookie["httponly"]
    forged = Client()
    forged.cookies["guideomdomen"] = f"{guide.pk}:forged"
    assert 'name="hjalp"' in forged.get(guide.url).content.decode()


def test_bad_answers_show_the_form_again_with_swedish_errors_and_the_text_kept(browser, make_guide):
    guide = make_guide()
    response = answer(browser, guide, hjalp="kanske", kommentar="Min text")
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert '<p class="field-error" id="omdome-hjalp-fel">Välj Ja eller Nej.</p>' in html
    assert 'aria-describedby="omdome-hjalp-fel"' in html
    assert ">Min text</textarea>" in html

    too_long = answer(browser, guide, hjalp="ja", kommentar="x" * 1001)
    assert too_long.status_code == 400
    assert "Skriv högst 1000 tecken (nu 1001)." in too_long.content.decode()
    assert 'aria-describedby="omdome-kommentar-hjalp omdome-kommentar-fel"' in too_long.content.decode()
    assert not GuideFeedback.objects.exists()


def test_without_the_csrf_token_nothing_is_saved(browser, make_guide):
    guide = make_guide()
    assert browser.post(f"/omdome/{guide.pk}/", {"hjalp": "ja"}).status_code == 403
    assert not GuideFeedback.objects.exists()


def test_answers_are_rate_limited_per_address(browser, make_guide, settings):
    settings.EDITORIAL_FEEDBACK_RATE = "2/h"
    guides = [make_guide() for _ in range(3)]
    assert [answer(browser, guide, hjalp="ja").status_code for guide in guides] == [303, 303, 429]
    assert GuideFeedback.objects.count() == 2


def test_answers_without_a_client_address_are_counted_not_failed(browser, make_guide, settings):
    """A server on a unix socket leaves REMOTE_ADDR empty: such answers share one counter."""
    settings.EDITORIAL_FEEDBACK_RATE = "1/h"
    first, second = make_guide(), make_guide()
    assert answer(browser, first, hjalp="ja", REMOTE_ADDR="").status_code == 303
    assert answer(browser, second, hjalp="ja", REMOTE_ADDR="").status_code == 429


def test_unpublished_and_unknown_guides_take_no_answers(browser, make_guide):
    guide = make_guide()
    token = CSRF.search(browser.get(guide.url).content.decode()).group(1)
    guide.unpublish()
    assert browser.post(f"/omdome/{guide.pk}/", {"csrfmiddlewaretoken": token, "hjalp": "ja"}).status_code == 404
    assert browser.post("/omdome/999999/", {"csrfmiddlewaretoken": token, "hjalp": "ja"}).status_code == 404
    assert browser.get(f"/omdome/{guide.pk}/").status_code == 405


def test_members_only_guides_ask_only_those_who_can_read_them(client, make_guide, member):
    guide = make_guide(members_only=True)
    assert 'name="hjalp"' not in client.get(guide.url).content.decode()
    client.force_login(member)
    assert 'name="hjalp"' in client.get(guide.url).content.decode()


# -- the report ------------------------------------------------------------------------------


@pytest.fixture
def answers(make_guide, today):
    def give(guide, helpful, days_ago, comment=""):
        GuideFeedback.objects.create(
            guide=guide, helpful=helpful, comment=comment, given_on=today - datetime.timedelta(days=days_ago)
        )

    good = make_guide("Bra guide")
    for days_ago in (1, 2, 40):
        give(good, True, days_ago)
    give(good, False, 45, comment="För lång.")
    poor = make_guide("Svag guide")
    give(poor, True, 3)
    for days_ago in (4, 5, 50):
        give(poor, False, days_ago, comment="Otydlig." if days_ago == 4 else "")
    make_guide("Utan svar")
    return {"good": good, "poor": poor}


def test_report_shows_share_comments_and_trend_least_helpful_first(admin_client, answers):
    response = admin_client.get("/admin/redaktion/omdomen/")
    rows = response.context["object_list"]
    assert [guide.title for guide in rows] == ["Svag guide", "Bra guide"]
    poor, good = rows
    assert (poor.votes, poor.yes, poor.comments, poor.helpful_percent) == (4, 1, 1, "25 % (1 av 4)")
    assert (good.votes, good.yes, good.comments, good.helpful_percent) == (4, 3, 1, "75 % (3 av 4)")
    # Last 30 days: 2 of 2 "Ja"; the 30 before: 1 of 2.
    assert good.trend_label == "+50 procentenheter"
    # Last 30 days: 1 of 3; before: 0 of 1.
    assert poor.trend_label == "+33 procentenheter"
    html = response.content.decode()
    assert "25 % (1 av 4)" in html and "Utan svar" not in html


def test_report_sorts_by_most_helpful_on_request(admin_client, answers):
    rows = admin_client.get("/admin/redaktion/omdomen/?ordering=-helpful_share").context["object_list"]
    assert [guide.title for guide in rows] == ["Bra guide", "Svag guide"]


def test_each_guide_has_its_comments_listed(admin_client, answers):
    response = admin_client.get(f"/admin/redaktion/omdomen/{answers['poor'].pk}/")
    html = response.content.decode()
    assert "Omdömen om Svag guide" in html and "Otydlig." in html
    assert [f.answer for f in response.context["object_list"]] == ["Ja", "Nej", "Nej", "Nej"]
    with_comments = admin_client.get(f"/admin/redaktion/omdomen/{answers['poor'].pk}/?with_comment=true")
    assert [f.comment for f in with_comments.context["object_list"]] == ["Otydlig."]
