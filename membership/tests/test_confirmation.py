"""Double opt-in: the signed link in the e-mail confirms the application when the applicant
chooses a password; it expires after 7 days and works once."""

import datetime
import time

import pytest
from django.contrib.auth import get_user_model

from guides.models import can_read_body
from membership.models import Application, is_member
from membership.tests.support import link_in, mails_to

PASSWORD = "Stark-lösen-2026"


@pytest.fixture
def confirm_link(apply):
    apply()
    return link_in(mails_to("anna@example.se")[-1], "/bli-medlem/bekrafta/")


def test_the_link_confirms_when_a_password_is_chosen_and_logs_the_member_in(client, confirm_link, make_guide):
    page = client.get(confirm_link)
    assert page.status_code == 200 and "Välj ett lösenord" in page.content.decode()
    assert not Application.objects.get().is_confirmed  # opening the link (a mail scanner, say) changes nothing

    response = client.post(confirm_link, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/mina-guider/"
    application = Application.objects.get()
    assert application.is_confirmed and application.user.username == "anna@example.se"
    assert application.user.email == "anna@example.se" and application.user.first_name == "Anna"
    assert application.user.check_password(PASSWORD)
    assert is_member(application.user)
    assert "Välkommen som medlem" in client.get("/mina-guider/").content.decode()
    guide = make_guide(members_only=True, body=[{"type": "rich_text", "value": "<p>Medlemstext</p>"}])
    assert "Medlemstext" in client.get(guide.url).content.decode()


def test_a_weak_password_is_refused_in_swedish(client, confirm_link):
    response = client.post(confirm_link, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200
    assert "Det här lösenordet är för kort." in response.content.decode()
    assert not Application.objects.get().is_confirmed and not get_user_model().objects.exists()


def _days_later(monkeypatch, days):
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + datetime.timedelta(days=days).total_seconds())


def test_the_link_still_works_just_before_seven_days(client, confirm_link, monkeypatch):
    _days_later(monkeypatch, 6.99)
    assert client.get(confirm_link).status_code == 200


def test_the_link_expires_after_seven_days(client, confirm_link, monkeypatch):
    _days_later(monkeypatch, 7.01)

    response = client.post(confirm_link, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    assert response.status_code == 410 and "Länken har gått ut" in response.content.decode()
    assert not Application.objects.get().is_confirmed


def test_applying_again_sends_a_fresh_link(client, apply, confirm_link, monkeypatch):
    _days_later(monkeypatch, 8)
    apply()
    fresh = link_in(mails_to("anna@example.se")[-1], "/bli-medlem/bekrafta/")
    assert client.get(fresh).status_code == 200


@pytest.mark.parametrize(
    "tamper", [lambda link: link.replace("/bekrafta/", "/bekrafta/x"), lambda link: link[:-5] + "/"]
)
def test_a_tampered_link_confirms_nothing(client, confirm_link, tamper):
    response = client.post(tamper(confirm_link), {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 404 and "Länken fungerar inte" in response.content.decode()
    assert not Application.objects.get().is_confirmed


def test_a_link_works_once(client, confirm_link):
    client.post(confirm_link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    client.post("/logga-ut/")

    again = client.post(confirm_link, {"new_password1": "Annat-lösen-99", "new_password2": "Annat-lösen-99"})

    assert "Du är redan medlem" in again.content.decode()
    assert Application.objects.get().user.check_password(PASSWORD)


def test_only_confirmed_members_and_editors_read_members_only_bodies(
    rf, apply, make_member, make_guide, django_user_model
):
    from django.contrib.auth.models import AnonymousUser, Group

    guide, open_guide = make_guide(members_only=True), make_guide()
    editor = django_user_model.objects.create_user("redaktor")
    editor.groups.add(Group.objects.get(name="Editors"))
    apply(email="obekraftad@example.se")
    inactive = make_member()
    inactive.is_active = False
    readers = {
        "anonymous": AnonymousUser(),
        "logged in, not a member": django_user_model.objects.create_user("besokare"),
        "unconfirmed applicant": django_user_model.objects.create_user("obekraftad@example.se"),
        "member": make_member(),
        "inactive member": inactive,
        "staff": django_user_model.objects.create_user("personal", is_staff=True),
        "editor": editor,
    }

    allowed = {}
    for name, user in readers.items():
        request = rf.get(guide.url)
        request.user = user
        allowed[name] = can_read_body(request, guide)
        assert can_read_body(request, open_guide)

    assert allowed == {
        "anonymous": False,
        "logged in, not a member": False,
        "unconfirmed applicant": False,
        "member": True,
        "inactive member": False,
        "staff": True,
        "editor": True,
    }


def test_a_name_of_three_words_gives_the_first_as_first_name_and_the_rest_as_last_name(client, apply):
    apply(name="Anna Maria Svensson")
    link = link_in(mails_to("anna@example.se")[-1], "/bli-medlem/bekrafta/")
    client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    user = Application.objects.get().user
    assert (user.first_name, user.last_name) == ("Anna", "Maria Svensson")


def test_whether_a_login_is_a_member_is_asked_of_the_database_once_per_request(
    make_member, django_user_model, django_assert_num_queries
):
    member = django_user_model.objects.get(pk=make_member().pk)  # a fresh user object, as a request has
    with django_assert_num_queries(1):
        assert is_member(member) and is_member(member)
