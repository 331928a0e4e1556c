"""Anonymous pages come from the cache, stay fresh on every content change, and keep forms working."""

import re

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_second_anonymous_request_is_a_hit(client, make_guide):
    guide = make_guide("Cachad guide")
    assert client.get(guide.url)["X-Cache"] == "miss"
    hit = client.get(guide.url)
    assert hit["X-Cache"] == "hit" and "Cachad guide" in hit.content.decode()


def test_publishing_changes_what_readers_see(client, make_guide):
    guide = make_guide("Före ändringen", publish=True)
    client.get("/chefsguider/")
    guide.title = "Efter ändringen"
    guide.save_revision().publish()
    response = client.get("/chefsguider/")
    assert response["X-Cache"] == "miss" and "Efter ändringen" in response.content.decode()


def test_unpublishing_and_term_changes_invalidate(client, make_guide):
    from guides.models import GuideArea

    guide = make_guide("Snart borta", areas=["lon"], publish=True)
    assert "Snart borta" in client.get("/chefsguider/").content.decode()
    guide.unpublish()
    assert "Snart borta" not in client.get("/chefsguider/").content.decode()
    client.get("/chefsguider/omrade/lon/")
    area = GuideArea.objects.get(slug="lon")
    area.intro = "<p>Helt ny introduktion.</p>"
    area.save()
    assert "Helt ny introduktion." in client.get("/chefsguider/omrade/lon/").content.decode()


def test_the_query_string_is_part_of_the_key(client, make_guide):
    make_guide("Lönesamtalet", areas=["lon"], publish=True)
    make_guide("Konflikten i gruppen", areas=["ledarskap"], publish=True)
    everything = client.get("/chefsguider/")
    assert everything["X-Cache"] == "miss" and "Det finns 2 guider<" in everything.content.decode()
    # The filtered catalogue is another page: never the unfiltered one from the cache.
    filtered = client.get("/chefsguider/?omrade=lon")
    assert filtered["X-Cache"] == "miss"
    html = filtered.content.decode()
    assert "Det finns 1 guide inom ditt val" in html and "Konflikten i gruppen" not in html
    assert client.get("/chefsguider/?omrade=lon")["X-Cache"] == "hit"
    assert "Konflikten i gruppen" in client.get("/chefsguider/").content.decode()


def test_the_fragment_and_the_whole_page_are_kept_apart(client, make_guide):
    make_guide("Lönesamtalet", areas=["lon"], publish=True)
    fragment_header = {"X-Chefsguider-Fragment": "1"}
    assert "<html" in client.get("/chefsguider/?omrade=lon").content.decode()
    fragment = client.get("/chefsguider/?omrade=lon", headers=fragment_header)
    assert fragment["X-Cache"] == "miss" and "<html" not in fragment.content.decode()
    again = client.get("/chefsguider/?omrade=lon", headers=fragment_header)
    assert again["X-Cache"] == "hit" and "<html" not in again.content.decode()
    assert "<html" in client.get("/chefsguider/?omrade=lon").content.decode()


def test_logged_in_readers_are_never_served_or_stored(client, django_user_model, make_guide):
    guide = make_guide()
    client.force_login(django_user_model.objects.create_user("medlem"))
    first, second = client.get(guide.url), client.get(guide.url)
    assert "X-Cache" not in first and "X-Cache" not in second
    assert "private" in second["Cache-Control"]


def test_a_cached_form_gets_each_readers_own_csrf_token(make_guide):
    from django.test import Client

    guide = make_guide("Guide med omdömesformulär", publish=True)
    first_reader, second_reader = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_reader.get(guide.url)
    page = second_reader.get(guide.url)
    assert page["X-Cache"] == "hit"
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert "__CSRF_TOKEN__" not in page.content.decode()
    assert tokens and all(token for token in tokens)
    # The token served from the cache is this reader's own: the form it sits in is accepted.
    vote = second_reader.post(f"/omdome/{guide.pk}/", {"hjalp": "ja", "csrfmiddlewaretoken": tokens[0]})
    assert vote.status_code == 303


def redis_is_running() -> bool:
    import socket
    from urllib.parse import urlsplit

    address = urlsplit(django_settings.TEST_REDIS_URL)
    try:
        socket.create_connection((address.hostname, address.port or 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_is_running(), reason=f"needs Redis at {django_settings.TEST_REDIS_URL}")
def test_redis_backend_is_used_and_shared(client, make_guide):
    redis_cache = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": django_settings.TEST_REDIS_URL,
            "KEY_PREFIX": "chefsguider-test",
        }
    }
    with override_settings(CACHES=redis_cache):
        from django.core.cache import caches

        caches["default"].clear()
        guide = make_guide("Redisguide")
        assert client.get(guide.url)["X-Cache"] == "miss"
        assert client.get(guide.url)["X-Cache"] == "hit"
        assert any(key.startswith("page-cache:") for key in caches["default"].keys("page-cache:*"))
        caches["default"].clear()


def test_guide_page_answers_304_when_unchanged(client, make_guide):
    guide = make_guide(publish=True)
    response = client.get(guide.url)
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(guide.url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(guide.url, headers={"If-Modified-Since": modified}).status_code == 304
    guide.summary = "Ny ingress"
    guide.save_revision().publish()
    assert client.get(guide.url, headers={"If-None-Match": etag}).status_code == 200
