"""The documented deployment with its proxy cache (deploy/nginx, docs/operations.md): a real nginx in
front of a real app server on the test database. Anonymous pages come from nginx's cache, a
published change reaches the next anonymous reader, members' text never reaches anyone else, forms
keep working with each reader's own CSRF token, and every search served is logged once."""

import re
import shutil

import pytest
from django.core.management import call_command

from operations.tests.proxy import Proxy
from operations.tests.servers import SERVER_SECRET_KEY, Server, free_port
from operations.tests.test_two_processes import SECRET
from search.models import SearchLog
from search.registry import reset_engine

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (bin/test installs it)"),
]


@pytest.fixture
def proxy(tmp_path, settings):
    folder = tmp_path / "proxy"
    folder.mkdir()
    port = free_port()
    settings.PROXY_CACHE_DIR = str(folder / "cache")  # this process publishes: it purges too
    settings.SEARCH_LOG_BY_PROXY = str(folder / "searches.log")
    server = Server(tmp_path / "data", PROXY_CACHE_SECONDS="60", PROXY_CACHE_DIR=settings.PROXY_CACHE_DIR,
                    SEARCH_LOG_BY_PROXY=settings.SEARCH_LOG_BY_PROXY)
    try:
        proxy = Proxy(folder, server.port, port)
    except Exception:
        server.stop()
        raise
    yield proxy
    proxy.stop()
    server.stop()


def cache_status(response) -> str:
    return response.getheader("X-Proxy-Cache")


def test_a_published_change_reaches_the_next_anonymous_reader_through_the_proxy(proxy, make_guide):
    guide = make_guide("Guiden före", slug="genom-proxyn", publish=True,
                       body=[{"type": "rich_text", "value": "<p>Första versionen.</p>"}])
    assert cache_status(proxy.get(guide.url)) == "MISS"
    kept = proxy.get(guide.url)
    assert cache_status(kept) == "HIT" and "Första versionen." in kept.text
    guide.title = "Guiden efter"
    guide.body = [{"type": "rich_text", "value": "<p>Andra versionen.</p>"}]
    guide.save_revision().publish()
    after = proxy.get(guide.url)
    assert "Andra versionen." in after.text and "Guiden efter" in after.text and "Första versionen." not in after.text
    # The catalogue, kept before as well, lists the new title at once.
    assert "Guiden efter" in proxy.get("/chefsguider/").text


def test_members_only_text_never_reaches_an_anonymous_reader_from_any_cache(proxy, make_guide, member, client,
                                                                             settings):
    guide = make_guide("Bara för medlemmar", slug="for-medlemmar", members_only=True, publish=True,
                       body=[{"type": "rich_text", "value": f"<p>{SECRET}.</p>"}])
    settings.SECRET_KEY = SERVER_SECRET_KEY  # the session is the server's
    client.force_login(member)
    session = {"sessionid": client.cookies["sessionid"].value}
    for _ in range(2):  # a member reads it twice: neither answer is kept nor comes from a cache
        page = proxy.get(guide.url, cookies=session)
        assert SECRET in page.text and cache_status(page) == "BYPASS"
    readers = [{}, {"csrftoken": "a" * 32}, {"sessionid": "forged"}, {"csrftoken": "b" * 32, "x": "1"}]
    for cookies in readers * 2:
        page = proxy.get(guide.url, cookies=cookies)
        assert page.status == 200 and SECRET not in page.text and "Den här guiden är för medlemmar" in page.text
    # What the proxy keeps was never the member's page.
    kept = b"".join(path.read_bytes() for path in proxy.cache_dir.rglob("*") if path.is_file())
    assert kept and SECRET.encode() not in kept


def test_each_reader_gets_a_csrf_token_of_their_own_and_forms_work(proxy, make_guide):
    guide = make_guide("Guide med formulär", slug="med-formular", publish=True)
    first, second = proxy.get(guide.url), proxy.get(guide.url)
    assert (cache_status(first), cache_status(second)) == ("MISS", "HIT")
    tokens = []
    for page in (first, second):
        cookie = re.search(r"csrftoken=([A-Za-z0-9]{32});", page.getheader("Set-Cookie")).group(1)
        assert f'name="csrfmiddlewaretoken" value="{cookie}"' in page.text
        tokens.append(cookie)
    assert tokens[0] != tokens[1]
    # A returning reader keeps the cookie they have: no new one.
    again = proxy.get(guide.url, cookies={"csrftoken": tokens[0]})
    assert cache_status(again) == "HIT" and again.getheader("Set-Cookie") is None
    assert f'value="{tokens[0]}"' in again.text
    answer = proxy.request(
        "POST", f"/omdome/{guide.pk}/", body=f"csrfmiddlewaretoken={tokens[0]}&hjalp=ja",
        headers={"Cookie": f"csrftoken={tokens[0]}", "Content-Type": "application/x-www-form-urlencoded",
                 "Referer": f"http://127.0.0.1:{proxy.port}{guide.url}"},
    )
    assert answer.status == 303, answer.text[:300]
    forged = proxy.request(
        "POST", f"/omdome/{guide.pk}/", body=f"csrfmiddlewaretoken={tokens[1]}&hjalp=ja",
        headers={"Cookie": f"csrftoken={tokens[0]}", "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert forged.status == 403


def test_every_search_the_proxy_serves_is_logged_once(proxy, make_guide, settings, tmp_path):
    make_guide("Lönesamtal med medarbetare", slug="lonesamtal-proxy", areas=["lon"], publish=True)
    settings.CHEFSGUIDER_SEARCH_INDEX_DIR = tmp_path / "data" / "search-index"  # the server's index
    reset_engine()
    call_command("rebuild_search_index")
    answers = [proxy.get("/chefsguider/?q=L%C3%B6nesamtal") for _ in range(3)]
    assert [cache_status(answer) for answer in answers] == ["MISS", "HIT", "HIT"]
    proxy.request("HEAD", "/chefsguider/?q=L%C3%B6nesamtal")  # no reader searched
    proxy.get("/chefsguider/?q=L%C3%B6nesamtal&sida=2")  # the same search, turned to page two
    link = re.search(r'href="(/sok/oppna/\d+/\?q=[^"]+)"', answers[2].text).group(1)
    assert proxy.get(link).status == 302
    assert not SearchLog.objects.exists()  # written by ingest_search_log, in order
    call_command("ingest_search_log")
    assert list(SearchLog.objects.values_list("query", "result_count")) == [("lönesamtal", 1)] * 3
    assert SearchLog.objects.filter(opened__isnull=False).count() == 1
    reset_engine()
