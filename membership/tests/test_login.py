"""Members' login and logout, throttled failed logins, and the password reset by e-mail."""

import pytest
from django.core import mail

from membership.tests.support import link_in

PASSWORD = "ett-bra-lösenord-42"


@pytest.fixture
def guide(make_guide):
    return make_guide(members_only=True, body=[{"type": "rich_text", "value": "<p>Medlemstext</p>"}])


def test_a_member_logs_in_with_the_email_address_and_lands_where_they_were(client, member, guide):
    html = client.get(guide.url).content.decode()
    assert f'href="/logga-in/?next={guide.url}"' in html

    response = client.post("/logga-in/", {"username": " MAJA@example.se", "password": PASSWORD, "next": guide.url})

    assert response.status_code == 302 and response["Location"] == guide.url
    assert "Medlemstext" in client.get(guide.url).content.decode()


def test_without_next_the_member_lands_in_mina_guider(client, member):
    response = client.post("/logga-in/", {"username": "maja@example.se", "password": PASSWORD})
    assert response["Location"] == "/mina-guider/"


def test_a_wrong_password_is_refused_in_swedish(client, member):
    response = client.post("/logga-in/", {"username": "maja@example.se", "password": "fel"})
    assert response.status_code == 200
    assert "Fel e-postadress eller lösenord." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_login_page_is_in_swedish(client, db):
    html = client.get("/logga-in/").content.decode()
    assert "<h1>Logga in</h1>" in html and ">E-postadress:</label>" in html and ">Lösenord:</label>" in html
    assert 'href="/glomt-losenord/"' in html and 'href="/bli-medlem/"' in html


def test_failed_logins_are_throttled_per_address(client, member, settings):
    settings.MEMBERSHIP_LOGIN_RATE = "3/15m"
    for _ in range(3):
        assert client.post("/logga-in/", {"username": "maja@example.se", "password": "fel"}).status_code == 200

    refused = client.post("/logga-in/", {"username": "maja@example.se", "password": PASSWORD})

    assert refused.status_code == 429 and "för många försök" in refused.content.decode()
    assert "_auth_user_id" not in client.session  # not even the right password gets through now


def test_failed_logins_are_throttled_per_login_name_from_any_address(client, member, settings):
    settings.MEMBERSHIP_LOGIN_ACCOUNT_RATE = "3/h"
    for number in range(3):
        client.post("/logga-in/", {"username": "maja@example.se", "password": "fel"}, REMOTE_ADDR=f"10.0.0.{number}")

    refused = client.post("/logga-in/", {"username": "Maja@example.se", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")

    assert refused.status_code == 429


def test_a_fullwidth_spelling_of_the_name_counts_against_the_same_account(client, member, settings):
    """Django logs "ｍａｊａ＠ｅｘａｍｐｌｅ．ｓｅ" in as maja@example.se (NFKC): it is no fresh counter."""
    settings.MEMBERSHIP_LOGIN_ACCOUNT_RATE = "3/h"
    for number in range(3):
        client.post("/logga-in/", {"username": "maja@example.se", "password": "fel"}, REMOTE_ADDR=f"10.0.0.{number}")
    fullwidth = "ｍａｊａ＠ｅｘａｍｐｌｅ．ｓｅ"
    refused = client.post("/logga-in/", {"username": fullwidth, "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert refused.status_code == 429


def test_a_strangers_guesses_do_not_lock_the_owner_out_at_their_usual_address(client, member, settings):
    """Guesses from elsewhere count against the account only from addresses it does not log in from."""
    settings.MEMBERSHIP_LOGIN_ACCOUNT_RATE = "3/h"
    home, right, wrong = "192.0.2.10", {"username": "maja@example.se", "password": PASSWORD}, {
        "username": "maja@example.se", "password": "fel"}
    assert client.post("/logga-in/", right, REMOTE_ADDR=home).status_code == 302
    client.post("/logga-ut/")
    for number in range(20):  # a guesser on many addresses
        client.post("/logga-in/", wrong, REMOTE_ADDR=f"10.0.1.{number}")
    assert client.post("/logga-in/", wrong, REMOTE_ADDR="10.0.2.1").status_code == 429  # strangers are stopped

    at_home = client.post("/logga-in/", right, REMOTE_ADDR=home)

    assert at_home.status_code == 302


def test_successful_logins_are_not_counted(client, member, settings):
    settings.MEMBERSHIP_LOGIN_RATE = "2/15m"
    for _ in range(4):
        assert client.post("/logga-in/", {"username": "maja@example.se", "password": PASSWORD}).status_code == 302
        client.post("/logga-ut/")


def test_logging_out_takes_a_post_and_ends_the_session(client, member, guide):
    client.force_login(member)
    html = client.get("/").content.decode()
    assert 'action="/logga-ut/"' in html and "Mina guider" in html and "Logga in" not in html

    response = client.post("/logga-ut/")

    assert response.status_code == 302 and response["Location"] == "/"
    assert "Medlemstext" not in client.get(guide.url).content.decode()
    assert 'href="/logga-in/"' in client.get("/").content.decode()


def test_a_forgotten_password_is_reset_by_email(client, member, guide):
    response = client.post("/glomt-losenord/", {"email": "maja@example.se"})
    assert response.status_code == 302 and response["Location"] == "/glomt-losenord/skickat/"
    (message,) = mail.outbox
    assert message.subject == "Nytt lösenord till Chefsguider"
    link = link_in(message, "/nytt-losenord/")

    form = client.get(link, follow=True)  # Django moves the token from the address into the session
    assert "Välj ett nytt lösenord" in form.content.decode()
    new_password = {"new_password1": "Helt-nytt-2026", "new_password2": "Helt-nytt-2026"}
    done = client.post(form.redirect_chain[-1][0], new_password)

    assert done["Location"] == "/nytt-losenord/klart/"
    assert client.post("/logga-in/", {"username": "maja@example.se", "password": "Helt-nytt-2026"}).status_code == 302


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, db):
    response = client.post("/glomt-losenord/", {"email": "okand@example.se"})
    assert response.status_code == 302 and response["Location"] == "/glomt-losenord/skickat/"
    assert not mail.outbox
    assert "Om adressen hör till ett konto" in client.get(response["Location"]).content.decode()


def test_password_reset_emails_are_throttled(client, member, settings):
    settings.MEMBERSHIP_PASSWORD_RESET_RATE = "2/h"
    for _ in range(2):
        client.post("/glomt-losenord/", {"email": "maja@example.se"})
    assert client.post("/glomt-losenord/", {"email": "maja@example.se"}).status_code == 429
    assert len(mail.outbox) == 2


def test_requests_without_a_client_address_are_counted_not_failed(client, member, settings):
    """A server on a unix socket leaves REMOTE_ADDR empty: such requests share one counter."""
    settings.MEMBERSHIP_LOGIN_RATE = "2/15m"
    settings.MEMBERSHIP_PASSWORD_RESET_RATE = "1/h"
    wrong = {"username": "maja@example.se", "password": "fel"}
    assert [client.post("/logga-in/", wrong, REMOTE_ADDR="").status_code for _ in range(3)] == [200, 200, 429]
    reset = {"email": "maja@example.se"}
    assert [client.post("/glomt-losenord/", reset, REMOTE_ADDR="").status_code for _ in range(2)] == [302, 429]


def test_ipv6_visitors_are_counted_by_their_network(client, member, settings):
    """One IPv6 visitor holds a whole /64: changing the last part of the address starts no new count."""
    settings.MEMBERSHIP_LOGIN_RATE = "2/15m"
    for host in (1, 2):
        client.post("/logga-in/", {"username": f"person{host}@example.se", "password": "fel"},
                    REMOTE_ADDR=f"2001:db8:1:2::{host}")
    refused = client.post("/logga-in/", {"username": "maja@example.se", "password": PASSWORD},
                          REMOTE_ADDR="2001:db8:1:2::3")
    assert refused.status_code == 429
