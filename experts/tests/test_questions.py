"""Readers' questions: the form, its checks, the moderation queue and the way to a published answer."""

import pytest

from experts.models import ExpertAnswerPage, ExpertIndexPage, ExpertQuestion

QUESTION = "Min medarbetare vill ha fyra veckor semester i juli, men vi har för lite folk. Får jag säga nej?"


@pytest.fixture
def ask_url(experts_page):
    return experts_page.url + "fraga/"


@pytest.fixture
def open_to_everyone(experts_page):
    experts_page.questions_from = ExpertIndexPage.EVERYONE
    experts_page.save_revision().publish()


def test_visitors_are_asked_to_log_in_and_cannot_post(client, ask_url):
    html = client.get(ask_url).content.decode()
    assert "Att ställa frågor till experterna ingår i medlemskapet." in html
    assert 'href="/logga-in/?next=/experten-svarar/fraga/"' in html
    assert "<textarea" not in html
    client.post(ask_url, {"question": QUESTION})
    assert not ExpertQuestion.objects.exists()


def test_a_member_sends_a_question_to_the_queue(client, member, ask_url):
    client.force_login(member)
    html = client.get(ask_url).content.decode()
    assert '<label for="id_question">Din fråga</label>' in html
    response = client.post(ask_url, {"question": QUESTION, "area": "", "signature": "Chef i Borås", "email": ""})
    assert response.status_code == 302 and response["Location"] == "/experten-svarar/fraga/tack/"
    question = ExpertQuestion.objects.get()
    assert (question.question, question.signature, question.status, question.submitted_by) == (
        QUESTION,
        "Chef i Borås",
        ExpertQuestion.NEW,
        member,
    )
    assert "<h1>Tack för din fråga</h1>" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"question": ""}, "question", "Skriv din fråga."),
        (
            {"question": "Hur gör jag?"},
            "question",
            "Skriv lite mer, minst 30 tecken, så att experten förstår situationen.",
        ),
        ({"question": "x" * 2001}, "question", "Frågan får vara högst 2000 tecken. Korta ner den lite."),
        (
            {"question": QUESTION + " http://a.se http://b.se www.c.se"},
            "question",
            "Frågan får innehålla högst 2 länkar.",
        ),
        (
            {"question": QUESTION, "email": "inte-en-adress"},
            "email",
            "Skriv en giltig e-postadress, till exempel namn@exempel.se, eller lämna fältet tomt.",
        ),
        ({"question": QUESTION, "signature": "s" * 61}, "signature", "Signaturen får vara högst 60 tecken."),
        ({"question": QUESTION, "area": "999999"}, "area", "Välj ett giltigt alternativ."),
    ],
)
def test_bad_input_gets_a_swedish_error_at_the_field_and_stores_nothing(
    client, open_to_everyone, ask_url, data, field, message
):
    response = client.post(ask_url, {"signature": "Chef i Umeå", **data})
    html = response.content.decode()
    assert response.status_code == 400
    assert f'<p class="field__error" id="id_{field}_error">{message}' in html
    assert (
        f'aria-describedby="id_{field}_helptext id_{field}_error"' in html
        or f'aria-describedby="id_{field}_error"' in html
    )
    if field != "signature":
        assert 'value="Chef i Umeå"' in html  # what was typed is kept
    assert not ExpertQuestion.objects.exists()


def test_a_filled_in_honeypot_looks_like_success_but_stores_nothing(client, open_to_everyone, ask_url):
    html = client.get(ask_url).content.decode()
    assert '<div class="honeypot" aria-hidden="true">' in html and 'tabindex="-1"' in html
    response = client.post(ask_url, {"question": QUESTION, "webbplats": "https://spam.example"})
    assert response.status_code == 302 and response["Location"].endswith("/fraga/tack/")
    assert not ExpertQuestion.objects.exists()


def test_questions_are_rate_limited_per_address(client, open_to_everyone, ask_url, settings):
    settings.EXPERTS_QUESTION_RATE = "2/h"
    for number in range(2):
        assert client.post(ask_url, {"question": f"{QUESTION} ({number})"}).status_code == 302
    refused = client.post(ask_url, {"question": QUESTION + " (3)"})
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Du har skickat flera frågor på kort tid. Vänta en stund och försök igen." in html
    assert "(3)</textarea>" in html
    assert ExpertQuestion.objects.count() == 2


def test_invalid_posts_do_not_use_up_the_limit(client, open_to_everyone, ask_url, settings):
    settings.EXPERTS_QUESTION_RATE = "1/h"
    for _ in range(3):
        client.post(ask_url, {"question": "kort"})
    assert client.post(ask_url, {"question": QUESTION}).status_code == 302


def test_an_editor_turns_a_question_into_a_published_answer(client, admin_user, experts_page):
    from guides.models import GuideArea

    question = ExpertQuestion.objects.create(
        question=QUESTION, signature="Chef i Borås", area=GuideArea.objects.get(slug="arbetsratt")
    )
    client.force_login(admin_user)
    listing = client.get("/admin/snippets/experts/expertquestion/").content.decode()
    answer_url = f"/admin/experten-svarar/fragor/{question.pk}/besvara/"
    assert f'href="{answer_url}"' in listing and "Skriv svar" in listing

    assert "Skapa utkast till svar" in client.get(answer_url).content.decode()
    response = client.post(answer_url)
    page = ExpertAnswerPage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert (page.live, page.question, page.signature, page.area.slug) == (False, QUESTION, "Chef i Borås", "arbetsratt")
    assert page.title == "Får jag säga nej?"  # the reader's question, for the editor to improve
    question.refresh_from_db()
    assert (question.status, question.answer_page) == (ExpertQuestion.DRAFTED, page)
    # A second click opens the same draft instead of making another.
    assert client.post(answer_url)["Location"] == f"/admin/pages/{page.pk}/edit/"

    page.answer, page.expert_name, page.expert_role = "<p>Ja, om verksamheten kräver det.</p>", "Lena Ek", "Jurist"
    page.save_revision(user=admin_user).publish()
    question.refresh_from_db()
    assert question.status == ExpertQuestion.ANSWERED
    assert "Ja, om verksamheten kräver det." in client.get(page.url).content.decode()


def test_readers_without_admin_rights_cannot_create_answers(client, member, experts_page):
    question = ExpertQuestion.objects.create(question=QUESTION)
    client.force_login(member)
    response = client.post(f"/admin/experten-svarar/fragor/{question.pk}/besvara/")
    assert response.status_code in (302, 403)
    assert not ExpertAnswerPage.objects.exists()


def test_a_members_questions_are_in_their_data_export(member):
    from membership.privacy import member_data

    ExpertQuestion.objects.create(question=QUESTION, submitted_by=member)
    assert member_data(member)["expert_questions"][0]["question"] == QUESTION
