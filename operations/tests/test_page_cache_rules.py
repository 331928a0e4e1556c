"""What the anonymous page cache keeps and for whom: asked of the middleware itself, in front of a
small view that counts how often it is asked (a page served from the cache never reaches it), and of
the real site for the proxy's copies and the invalidation the app connects."""

import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotFound, StreamingHttpResponse
from django.test import Client, RequestFactory

from operations import page_cache
from operations.page_cache import AnonymousPageCacheMiddleware

pytestmark = pytest.mark.django_db
PROXY = {"X-Chefsguider-Proxy": "cache"}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PROXY_CACHE_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


class CountingSite:
    """The middleware in front of a view that returns `make_response()` and counts its calls."""

    def __init__(self, make_response):
        self.calls = 0
        self.make_response = make_response
        self.middleware = AnonymousPageCacheMiddleware(self.view)

    def view(self, request):
        self.calls += 1
        return self.make_response()

    def ask(self, path="/sida/", method="get", cookies=None, **headers):
        request = getattr(RequestFactory(), method)(path, headers=headers)
        request.COOKIES.update(cookies or {})
        request.user = AnonymousUser()
        return self.middleware(request)


def page(**headers):
    return lambda: HttpResponse("<p>Sidan</p>", headers=headers)


def test_a_page_is_kept_and_served_again_without_the_view():
    site = CountingSite(page())
    assert site.ask()["X-Cache"] == "miss"
    again = site.ask()
    assert again["X-Cache"] == "hit" and again.status_code == 200 and again.content == b"<p>Sidan</p>"
    assert site.calls == 1


def make_streaming():
    return StreamingHttpResponse(iter([b"<p>Del</p>"]), content_type="text/html")


def make_cookie_page():
    response = HttpResponse("<p>Ditt val</p>")
    response.set_cookie("vald-vy", "lista")
    return response


@pytest.mark.parametrize(
    "make_response",
    [
        pytest.param(lambda: HttpResponseNotFound("<p>Finns inte</p>"), id="404"),
        pytest.param(make_streaming, id="streaming"),
        pytest.param(lambda: HttpResponse("User-agent: *", content_type="text/plain"), id="plain text"),
        pytest.param(lambda: HttpResponse(b"%PDF-1.7", content_type="application/pdf"), id="pdf"),
        pytest.param(page(**{"Cache-Control": "no-store"}), id="no-store"),
        pytest.param(page(**{"Cache-Control": "max-age=0, No-Cache"}), id="no-cache"),
        pytest.param(page(**{"Cache-Control": "private"}), id="private"),
        pytest.param(make_cookie_page, id="a cookie of its own"),
    ],
)
def test_a_response_that_is_not_a_shared_page_reaches_the_view_every_time(make_response):
    site = CountingSite(make_response)
    first, second = site.ask(), site.ask()
    assert site.calls == 2
    assert "X-Cache" not in first and "X-Cache" not in second


def test_the_csrf_cookie_alone_does_not_stop_a_page_from_being_kept(settings):
    def make():
        response = HttpResponse("<p>Formulär</p>")
        response.set_cookie(settings.CSRF_COOKIE_NAME, "x" * 32)
        return response

    site = CountingSite(make)
    site.ask(), site.ask()
    assert site.calls == 1


@pytest.mark.parametrize("path", ["/admin/login/", "/dokument/1/fil.pdf", "/healthz", "/static/s.css", "/media/b.jpg"])
def test_excluded_addresses_are_never_kept(path):
    site = CountingSite(lambda: HttpResponse('{"status": "ok"}', content_type="application/json"))
    site.ask(path), site.ask(path)
    assert site.calls == 2


def test_a_post_always_reaches_the_view_even_at_a_kept_address():
    site = CountingSite(page())
    site.ask()
    answer = site.ask(method="post")
    assert site.calls == 2 and "X-Cache" not in answer


def test_head_is_answered_from_a_kept_get_but_never_stored_itself():
    site = CountingSite(page())
    site.ask(method="head")
    assert site.ask()["X-Cache"] == "miss"
    assert site.ask(method="head")["X-Cache"] == "hit"
    assert site.calls == 2


def test_a_reader_with_a_session_or_other_cookie_is_never_served_a_kept_page(settings):
    site = CountingSite(page())
    site.ask(cookies={settings.CSRF_COOKIE_NAME: "x" * 32})
    assert site.ask(cookies={settings.CSRF_COOKIE_NAME: "y" * 32})["X-Cache"] == "hit"
    assert "X-Cache" not in site.ask(cookies={settings.SESSION_COOKIE_NAME: "abc"})
    assert "X-Cache" not in site.ask(cookies={"messages": "m"})
    assert site.calls == 3


def test_a_kept_page_expires_after_page_cache_seconds(settings):
    settings.PAGE_CACHE_SECONDS = 1
    site = CountingSite(page())
    site.ask()
    assert site.ask()["X-Cache"] == "hit"
    time.sleep(1.1)
    assert site.ask()["X-Cache"] == "miss"


def test_the_page_cache_off_keeps_and_serves_nothing(settings):
    settings.PAGE_CACHE_SECONDS = 0
    site = CountingSite(page())
    site.ask(), site.ask(**PROXY)
    assert "X-Cache" not in site.ask() and site.calls == 3


# The documented proxy (deploy/nginx) asks with X-Chefsguider-Proxy: cache for pages it may keep.


def test_the_proxy_is_given_pages_with_the_token_placeholder_and_no_csrf_cookie(settings, make_guide):
    settings.PROXY_CACHE_SECONDS = 60
    guide = make_guide("Guide för proxyn", publish=True)
    for _ in ("rendered", "kept"):
        response = Client().get(guide.url, headers=PROXY)
        assert response["X-Accel-Expires"] == "60" and response["X-Chefsguider-Csrf"] == "placeholder"
        html = response.content.decode()
        assert "Guide för proxyn" in html and 'name="csrfmiddlewaretoken" value="__CSRF_TOKEN__"' in html
        assert settings.CSRF_COOKIE_NAME not in response.cookies
    # A reader not coming through the proxy gets the same kept page with a token of their own.
    reader = Client().get(guide.url)
    assert reader["X-Cache"] == "hit" and "X-Accel-Expires" not in reader
    assert "__CSRF_TOKEN__" not in reader.content.decode() and "Guide för proxyn" in reader.content.decode()


def test_a_proxy_page_without_a_form_is_not_marked_for_a_token(settings):
    settings.PROXY_CACHE_SECONDS = 60
    site = CountingSite(page())
    for _ in range(2):
        response = site.ask(**PROXY)
        assert response["X-Accel-Expires"] == "60" and "X-Chefsguider-Csrf" not in response
        assert response.content == b"<p>Sidan</p>"


def test_the_proxy_alone_keeps_nothing_in_the_page_cache(settings):
    settings.PAGE_CACHE_SECONDS, settings.PROXY_CACHE_SECONDS = 0, 60
    site = CountingSite(page())
    for _ in range(2):
        response = site.ask(**PROXY)
        assert response["X-Accel-Expires"] == "60" and "X-Cache" not in response
    assert site.calls == 2


def test_the_proxy_header_is_ignored_unless_the_site_lets_the_proxy_keep_pages(settings):
    site = CountingSite(page())
    site.ask(**PROXY)
    assert "X-Accel-Expires" not in site.ask(**PROXY)
    settings.PROXY_CACHE_SECONDS = 60
    assert "X-Accel-Expires" not in site.ask(**{"X-Chefsguider-Proxy": "inte"})


# Invalidation: the receivers the app connects at start (operations.apps), connected again here so
# that this test sees what connect_invalidation() does now.


@pytest.fixture
def connected_again():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.disconnect(dispatch_uid="page-cache-save")
    post_delete.disconnect(dispatch_uid="page-cache-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.disconnect(dispatch_uid=f"page-cache-{signal}")
    page_cache.connect_invalidation()


def test_saving_deleting_and_unpublishing_refresh_kept_pages(connected_again, client, make_guide):
    from guides.models import GuideArea

    kept = make_guide("Guiden som flyttas", publish=True)
    doomed = make_guide("Guiden som tas bort", publish=True)
    assert client.get("/chefsguider/")["X-Cache"] == "miss"
    doomed.delete()
    catalogue = client.get("/chefsguider/").content.decode()
    assert "Guiden som tas bort" not in catalogue and "Guiden som flyttas" in catalogue
    area = GuideArea.objects.get(slug="ledarskap")
    area.name = "Ledarskap och grupp"
    area.save()
    assert "Ledarskap och grupp" in client.get("/chefsguider/").content.decode()
    kept.unpublish()
    assert "Guiden som flyttas" not in client.get("/chefsguider/").content.decode()
