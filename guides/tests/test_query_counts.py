"""A page's database queries do not grow with the size of the library."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

AREAS = ["lon", "ledarskap", "arbetsratt", "karriar"]
SITUATIONS = ["lonerevision", "svara-samtal", "ny-som-chef"]
URLS = ["/chefsguider/", "/chefsguider/?omrade=lon&situation=lonerevision", "/chefsguider/omrade/lon/"]


def fill(make_guide, count):
    return [
        make_guide(areas=[AREAS[i % 4], AREAS[(i + 1) % 4]], situations=[SITUATIONS[i % 3]])
        for i in range(count)
    ]


def queries(client, url):
    client.get(url)  # warm per-process caches (site root, settings)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_queries_do_not_grow_from_10_to_200_guides(client, make_guide):
    guide = fill(make_guide, 10)[0]
    urls = URLS + [guide.url]
    small = {url: queries(client, url) for url in urls}
    fill(make_guide, 190)
    large = {url: queries(client, url) for url in urls}
    assert large == small
    assert max(small.values()) <= 24, small
    assert small[guide.url] <= 21, small


def test_with_kept_fragments_and_routes_a_guide_costs_one_query(client, make_guide, settings):
    """What the speed benchmark's uncached guide row measures (FRAGMENT_CACHE_SECONDS on, page cache
    off): a guide is the content generation's one query, whatever the library's size."""
    from django.core.cache import cache

    settings.FRAGMENT_CACHE_SECONDS = 600
    cache.clear()
    guide = fill(make_guide, 10)[0]
    urls = URLS + [guide.url]
    small = {url: queries(client, url) for url in urls}
    fill(make_guide, 190)
    large = {url: queries(client, url) for url in urls}
    assert large == small
    assert small[guide.url] == 1, small
    assert max(small.values()) <= 16, small
