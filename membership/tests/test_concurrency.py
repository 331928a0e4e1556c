"""200 people apply at the same moment, against a real server over HTTP, each on their own thread:
every application lands exactly once, nobody gets an error, and the database never reports itself
locked. One more person sends the form ten times at once and still has one application.

Runs on SQLite (WAL, IMMEDIATE transactions, busy timeout) and on PostgreSQL alike."""

import http.client
import re
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail

from membership.models import Application
from membership.tests.support import VALID

PEOPLE = 200
REPEATS = 10  # simultaneous sends of one more person's form


def form_session(live_server) -> tuple[str, str]:
    """(CSRF cookie, form token) from one visit to the form, shared by every applicant."""
    address = urllib.parse.urlsplit(live_server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    connection.request("GET", "/bli-medlem/")
    response = connection.getresponse()
    html = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return cookie, token


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_applications_each_land_exactly_once(live_server, settings):
    settings.MEMBERSHIP_APPLY_RATE = "10000/h"  # all of them come from 127.0.0.1
    # Let connections wait their turn as in production (gunicorn's backlog is 2048): the test
    # server's default of 10 waiting connections would reset the rest before the app sees them.
    live_server.thread.httpd.socket.listen(1024)
    cookie, token = form_session(live_server)
    address = urllib.parse.urlsplit(live_server.url)
    emails = [f"chef{number}@example.se" for number in range(PEOPLE)]
    emails += [f"{'Samma' if n % 2 else 'samma'}@Example.se" for n in range(REPEATS)]
    start = threading.Barrier(len(emails))

    def send(email):
        body = urllib.parse.urlencode({**VALID, "email": email, "csrfmiddlewaretoken": token})
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        start.wait()
        connection.request(
            "POST", "/bli-medlem/", body,
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}"},
        )
        response = connection.getresponse()
        return response.status, response.getheader("Location"), response.read().decode(errors="replace")

    with ThreadPoolExecutor(max_workers=len(emails)) as pool:
        results = list(pool.map(send, emails))

    errors = [(status, text[:300]) for status, _, text in results if status != 302]
    assert not errors, f"{len(errors)} applications failed, e.g. {errors[:3]}"
    assert all(location == "/bli-medlem/tack/" for _, location, _ in results)
    assert not any("database is locked" in text for _, _, text in results)
    stored = list(Application.objects.values_list("email", flat=True))
    assert sorted(stored) == sorted({email.lower() for email in emails})  # each exactly once
    # Every address got its confirmation e-mail, the one sent ten times too, but only once.
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(stored)
