"""Privacy: the page that says what is kept, why and how long; the member's data as JSON; deleting
the account and everything tied to it; and purging unconfirmed applications after 30 days."""

import datetime
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from membership.models import Application, SavedGuide

PASSWORD = "ett-bra-lösenord-42"


def test_the_privacy_page_says_what_why_how_long_and_the_rights(client, db):
    html = client.get("/integritet/").content.decode()
    for what in ("namn", "e-postadress", "arbetsgivare", "titel", "medarbetare som rapporterar direkt", "sektor",
                 "sparat i Mina guider"):
        assert what in html
    assert "<h2 id=\"varfor\">Varför</h2>" in html
    assert "30 dagar" in html and "så länge du har kvar ditt konto" in html
    assert "GDPR" in html and "Integritetsskyddsmyndigheten" in html
    assert 'href="/mitt-konto/"' in html


def test_every_page_links_to_the_privacy_page(client, make_guide):
    assert 'href="/integritet/"' in client.get(make_guide().url).content.decode()


@pytest.fixture
def member_with_guides(member, make_guide):
    for title in ("Lönesamtalet", "Feedback"):
        SavedGuide.objects.create(user=member, guide=make_guide(title))
    return member


def test_a_member_downloads_their_data_as_json(client, member_with_guides):
    client.force_login(member_with_guides)

    response = client.get("/mitt-konto/mina-uppgifter.json")

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="chefsguider-mina-uppgifter-')
    data = json.loads(response.content)
    assert data["account"]["email"] == "maja@example.se" and data["account"]["username"] == "maja@example.se"
    (application,) = data["applications"]
    assert application["name"] == "Maja Medlem" and application["employer"] == "Exempelbolaget AB"
    assert application["sector"] == "Privat" and application["direct_reports"] == 8
    assert application["consented_at"] and application["confirmed_at"]
    assert sorted(saved["title"] for saved in data["saved_guides"]) == ["Feedback", "Lönesamtalet"]
    assert all(saved["url"].startswith("http://testserver/chefsguider/") for saved in data["saved_guides"])


def test_the_account_page_shows_the_data_and_the_ways_out(client, member_with_guides):
    client.force_login(member_with_guides)
    html = client.get("/mitt-konto/").content.decode()
    assert "Exempelbolaget AB" in html and "2 st." in html
    assert 'href="/mitt-konto/mina-uppgifter.json"' in html and 'href="/mitt-konto/radera/"' in html


@pytest.mark.parametrize("address", ["/mitt-konto/", "/mitt-konto/mina-uppgifter.json", "/mitt-konto/radera/"])
def test_the_members_own_data_is_kept_by_no_cache(client, member_with_guides, address):
    """Browsers and proxies must not keep personal data: a shared computer's next user or a proxy
    could show it again."""
    client.force_login(member_with_guides)
    directives = {part.strip() for part in client.get(address)["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


@pytest.mark.parametrize("address", ["/mitt-konto/", "/mitt-konto/mina-uppgifter.json", "/mitt-konto/radera/"])
def test_visitors_are_sent_to_log_in(client, db, address):
    response = client.get(address)
    assert response.status_code == 302 and response["Location"].startswith("/logga-in/?next=")


def test_deleting_the_account_needs_the_password(client, member_with_guides):
    client.force_login(member_with_guides)
    response = client.post("/mitt-konto/radera/", {"password": "fel"})
    assert "Lösenordet stämmer inte." in response.content.decode()
    assert get_user_model().objects.filter(pk=member_with_guides.pk).exists()


def test_deleting_the_account_deletes_everything_tied_to_it(client, member_with_guides, make_member, make_guide):
    other = make_member("annan@example.se")
    SavedGuide.objects.create(user=other, guide=make_guide())
    application = Application.objects.get(user=member_with_guides)
    log(application, "wagtail.edit")  # an editor corrected the application in the admin
    client.force_login(member_with_guides)

    response = client.post("/mitt-konto/radera/", {"password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/mitt-konto/raderat/"
    assert "Ditt konto är raderat" in client.get(response["Location"]).content.decode()
    assert not get_user_model().objects.filter(email="maja@example.se").exists()
    assert not Application.objects.filter(email="maja@example.se").exists()
    assert not SavedGuide.objects.filter(user_id=member_with_guides.pk).exists()
    assert not ModelLogEntry.objects.filter(object_id=str(application.pk)).exists()
    assert "_auth_user_id" not in client.session
    assert client.post("/logga-in/", {"username": "maja@example.se", "password": PASSWORD}).status_code == 200
    # Nobody else loses anything.
    assert Application.objects.filter(user=other).exists() and SavedGuide.objects.filter(user=other).count() == 1


def _application(email, *, days_old, confirmed=False):
    sent = timezone.now() - datetime.timedelta(days=days_old)
    return Application.objects.create(
        name="Test", email=email, employer="X", job_title="Y", direct_reports=1, sector="stat",
        consented_at=sent, submitted_at=sent, confirmed_at=sent if confirmed else None,
    )


def test_purge_unconfirmed_deletes_unconfirmed_applications_older_than_30_days(db):
    _application("gammal@example.se", days_old=31)
    _application("ny@example.se", days_old=29)
    _application("medlem@example.se", days_old=400, confirmed=True)
    output = StringIO()

    call_command("purge_unconfirmed", stdout=output)

    assert sorted(Application.objects.values_list("email", flat=True)) == ["medlem@example.se", "ny@example.se"]
    assert "Deleted 1 unconfirmed applications older than 30 days." in output.getvalue()


def test_purge_unconfirmed_dry_run_deletes_nothing(db):
    _application("gammal@example.se", days_old=31)
    output = StringIO()
    call_command("purge_unconfirmed", "--dry-run", stdout=output)
    assert Application.objects.count() == 1 and "Would delete 1" in output.getvalue()


def test_applying_again_restarts_the_30_days(apply, db):
    _application("anna@example.se", days_old=31)
    apply(email="anna@example.se")
    call_command("purge_unconfirmed", stdout=StringIO())
    assert Application.objects.filter(email="anna@example.se").exists()


def test_wrong_passwords_on_the_delete_form_count_against_that_account_only(client, make_member, settings):
    """A borrowed session must not test passwords without end, and one member's guesses never
    lock out another member."""
    settings.MEMBERSHIP_LOGIN_RATE = "100/h"
    settings.MEMBERSHIP_LOGIN_ACCOUNT_RATE = "2/h"
    first, second = make_member("forsta@example.se"), make_member("andra@example.se")
    client.force_login(first)
    statuses = [client.post("/mitt-konto/radera/", {"password": "fel"}, REMOTE_ADDR="10.0.3.1").status_code
                for _ in range(3)]
    assert statuses == [200, 200, 429]
    client.force_login(second)
    assert client.post("/mitt-konto/radera/", {"password": "fel"}, REMOTE_ADDR="10.0.3.2").status_code == 200
