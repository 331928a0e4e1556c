"""Kept pages are right across processes: two real gunicorn servers on one database, each with
its own in-process cache (the embedded default, no Redis), as bin/serve's two workers are.

A change made in another process (here: this test's, as import_guides or a cron job would) or
through one of the servers is seen by the next anonymous request to the other, and both answer
with the same validators (ETag, Last-Modified)."""

import re

import pytest

from operations.tests.servers import Server

SECRET = "Hemligheten i brödtexten"


@pytest.fixture
def servers(tmp_path):
    first = second = None
    try:
        first = Server(tmp_path / "data")
        second = Server(tmp_path / "data")
        yield first, second
    finally:
        for server in (first, second):
            if server is not None:
                server.stop()


def both_kept(servers, path):
    """Read `path` twice from each server, so each holds it in its own cache; the last answers."""
    answers = []
    for server in servers:
        server.get(path)
        answer = server.get(path)
        assert answer.status == 200 and answer.getheader("X-Cache") == "hit", (path, answer.status)
        answers.append(answer)
    return answers


pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_change_from_another_process_reaches_every_server_at_once(servers, make_guide):
    guide = make_guide("Delad guide", slug="delad-guide", areas=["lon"], publish=True,
                       body=[{"type": "rich_text", "value": f"<p>{SECRET}.</p>"}])
    for path in ("/chefsguider/?omrade=lon", "/api/v1/guides/?category=lon"):
        both_kept(servers, path)
    first, second = both_kept(servers, guide.url)
    assert SECRET in first.text and SECRET in second.text
    # The same validators from both: a revalidating browser gets the same answer from either.
    assert first.getheader("ETag") == second.getheader("ETag")
    assert first.getheader("Last-Modified") == second.getheader("Last-Modified")

    guide.members_only = True  # made in this process: neither server took part
    guide.save_revision().publish()

    for server in servers:
        page = server.get(guide.url)
        assert page.status == 200 and SECRET not in page.text
        assert page.getheader("ETag") != first.getheader("ETag")
        api = server.get("/api/v1/guides/?category=lon")
        assert '"members_only": true' in api.text.replace('":true', '": true')


def admin_session(server) -> dict:
    """Log an editor in on `server`: the cookies, and the CSRF token for its forms."""
    login = server.get("/admin/login/")
    cookie = re.search(r"csrftoken=([^;]+)", login.getheader("Set-Cookie")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    body = f"csrfmiddlewaretoken={token}&username=redaktor&password=ett-redaktorslosenord-7"
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}"}
    answer = server.request("POST", "/admin/login/", body, headers)
    assert answer.status == 302, answer.status
    session = re.search(r"sessionid=([^;]+)", answer.getheader("Set-Cookie")).group(1)
    return {"Cookie": f"csrftoken={cookie}; sessionid={session}", "token": token}


def test_unpublishing_through_one_server_reaches_the_other_at_once(servers, make_guide, django_user_model):
    django_user_model.objects.create_superuser("redaktor", "redaktor@example.se", "ett-redaktorslosenord-7")
    guide = make_guide("Snart avpublicerad", slug="snart-avpublicerad", publish=True,
                       body=[{"type": "rich_text", "value": f"<p>{SECRET}.</p>"}])
    first, second = servers
    both_kept(servers, guide.url)

    session = admin_session(first)
    unpublished = first.request(
        "POST", f"/admin/pages/{guide.pk}/unpublish/", f"csrfmiddlewaretoken={session['token']}",
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": session["Cookie"]},
    )
    assert unpublished.status == 302, unpublished.status

    assert second.get(guide.url).status == 404
    assert first.get(guide.url).status == 404
