"""The "Bli medlem" form: validation in Swedish beside each field, storage, double opt-in e-mail,
one application per address without telling who applied, honeypot and rate limit."""

import pytest
from django.core import mail

from membership.models import Application
from membership.tests.support import VALID, link_in, mails_to


def test_the_form_asks_for_every_detail_and_links_to_the_privacy_page(client, db):
    html = client.get("/bli-medlem/").content.decode()
    for label in ("Namn", "E-postadress", "Arbetsgivare", "Titel", "Antal medarbetare som rapporterar direkt till dig"):
        assert f">{label}" in html
    for sector in ("Privat", "Kommun/region", "Stat", "Ideell"):
        assert sector in html
    assert 'href="/integritet/"' in html and 'name="consent"' in html
    assert '<div class="honeypot" aria-hidden="true">' in html and 'name="webbplats"' in html
    assert "csrfmiddlewaretoken" in html


def test_a_valid_application_is_stored_unconfirmed_and_mails_a_signed_link(apply):
    response = apply(email="  Anna@Example.SE ")

    assert response.status_code == 302 and response["Location"] == "/bli-medlem/tack/"
    application = Application.objects.get()
    assert application.email == "anna@example.se"
    assert (application.name, application.employer, application.job_title) == (
        "Anna Andersson", "Exempelkommunen", "Enhetschef",
    )
    assert application.direct_reports == 12 and application.sector == "kommun-region"
    assert application.consented_at and not application.is_confirmed and application.user is None
    (message,) = mail.outbox
    assert message.to == ["anna@example.se"] and message.subject == "Bekräfta din ansökan till Chefsguider"
    assert link_in(message, "/bli-medlem/bekrafta/")
    assert "7 dagar" in message.body


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"email": "inte-en-adress"}, "email", "Ange en giltig e-postadress."),
        ({"email": ""}, "email", "Fyll i din e-postadress."),
        ({"consent": ""}, "consent", "Du måste godkänna att vi sparar uppgifterna."),
        ({"name": ""}, "name", "Fyll i ditt namn."),
        ({"employer": ""}, "employer", "Fyll i din arbetsgivare."),
        ({"job_title": ""}, "job_title", "Fyll i din titel."),
        ({"direct_reports": "många"}, "direct_reports", "Ange antalet som ett heltal, till exempel 8."),
        ({"direct_reports": "-3"}, "direct_reports", "Antalet kan inte vara negativt."),
        ({"sector": ""}, "sector", "Välj en sektor."),
        ({"sector": "kyrka"}, "sector", "Välj en av sektorerna i listan."),
    ],
)
def test_an_invalid_field_gets_a_swedish_message_beside_it(apply, changes, field, message):
    response = apply(**changes)

    assert response.status_code == 200
    html = response.content.decode()
    # The message sits in the field's own error list, which the input points to for screen readers.
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{message}</li></ul>' in html
    assert f'aria-describedby="id_{field}_error"' in html
    assert '<div class="form-errors" role="alert"' in html  # and a summary linking to the field
    assert f'href="#id_{field}"' in html
    assert not Application.objects.exists() and not mail.outbox


def test_the_form_keeps_what_was_typed_when_it_shows_errors(apply):
    html = apply(email="anna@", consent="").content.decode()
    assert 'value="Anna Andersson"' in html and 'value="anna@"' in html
    assert 'value="Exempelkommunen"' in html and 'value="Enhetschef"' in html and 'value="12"' in html
    assert 'value="kommun-region" required id="id_sector_1" checked' in html


def test_applying_again_with_the_same_address_replaces_the_details_and_sends_a_new_link(apply, settings):
    settings.MEMBERSHIP_APPLICATION_MAIL_RATE = "2/h"
    first = apply()
    second = apply(email="ANNA@example.se", employer="Regionen", sector="stat")

    assert second.status_code == first.status_code and second["Location"] == first["Location"]
    application = Application.objects.get()
    assert (application.employer, application.sector) == ("Regionen", "stat")
    assert len(mails_to("anna@example.se")) == 2
    assert all("/bli-medlem/bekrafta/" in message.body for message in mail.outbox)


def test_an_address_gets_at_most_one_confirmation_mail_an_hour_however_often_it_is_sent(apply, settings):
    """Sending the form again and again (from any number of addresses) must not flood an inbox."""
    settings.MEMBERSHIP_APPLY_RATE = "1000/h"  # as if each came from an address of its own
    first = apply()
    for number in range(20):
        again = apply(name=f"Anna {number}")
        assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
    assert len(mails_to("anna@example.se")) == 1
    assert Application.objects.get().name == "Anna 19"  # the details are still replaced


def test_applying_with_a_members_address_changes_nothing_and_looks_the_same(client, apply, make_member):
    fresh = apply(email="ny@example.se")
    member = make_member("maja@example.se", name="Maja Medlem")

    again = apply(email="Maja@Example.se", name="Någon Annan", employer="Fel AB")

    # The visitor sees exactly what a new applicant sees ...
    assert (again.status_code, again["Location"]) == (fresh.status_code, fresh["Location"])
    assert client.get(again["Location"]).content == client.get(fresh["Location"]).content
    # ... while the member's application is untouched and the member is told how to log in.
    application = Application.objects.get(email="maja@example.se")
    assert (application.name, application.employer, application.user) == ("Maja Medlem", "Exempelbolaget AB", member)
    assert Application.objects.count() == 2
    (message,) = mails_to("maja@example.se")
    assert message.subject == "Du är redan medlem i Chefsguider"
    assert link_in(message, "/logga-in/") and link_in(message, "/glomt-losenord/")
    assert "/bli-medlem/bekrafta/" not in message.body


def test_a_filled_in_honeypot_is_thanked_and_ignored(apply):
    response = apply(webbplats="http://spam.example")
    assert response.status_code == 302 and response["Location"] == "/bli-medlem/tack/"
    assert not Application.objects.exists() and not mail.outbox


def test_too_many_applications_from_one_address_are_refused(apply, settings):
    settings.MEMBERSHIP_APPLY_RATE = "3/h"
    for number in range(3):
        assert apply(email=f"person{number}@example.se").status_code == 302

    refused = apply(email="en-till@example.se")

    assert refused.status_code == 429
    assert "för många försök" in refused.content.decode()
    assert 'value="en-till@example.se"' in refused.content.decode()
    assert Application.objects.count() == 3 and len(mail.outbox) == 3


def test_applications_without_a_client_address_are_counted_not_failed(client, db, settings):
    settings.MEMBERSHIP_APPLY_RATE = "1/h"
    first = client.post("/bli-medlem/", {**VALID, "email": "ett@example.se"}, REMOTE_ADDR="")
    second = client.post("/bli-medlem/", {**VALID, "email": "tva@example.se"}, REMOTE_ADDR="")
    assert (first.status_code, second.status_code) == (302, 429)


def test_the_thank_you_page_says_to_check_the_inbox(client, db):
    html = client.get("/bli-medlem/tack/").content.decode()
    assert "Kolla din e-post" in html and "sju dagar" in html



def test_applying_again_before_confirming_renews_the_consent_with_the_details(apply):
    apply()
    first = Application.objects.get()
    apply(name="Anna Bengtsson")
    again = Application.objects.get()
    assert again.name == "Anna Bengtsson"
    assert again.consented_at > first.consented_at and again.submitted_at > first.submitted_at
