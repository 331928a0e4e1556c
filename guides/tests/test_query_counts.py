"""A page's database queries do not grow with the size of the library."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

AREAS = ["lon", "ledarskap", "arbetsratt", "karriar"]
SITUATIONS = ["lonerevision", "svara-samtal", "ny-som-chef"]


def fill(make_guide, count):
    guides = [
        make_guide(areas=[AREAS[i % 4], AREAS[(i + 1) % 4]], situations=[SITUATIONS[i % 3]])
        for i in range(count)
    ]
    return guides[0]


def queries(client, url):
    client.get(url)  # warm per-process caches (site root, settings)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize(
    "url", ["/chefsguider/", "/chefsguider/?omrade=lon&situation=lonerevision", "/chefsguider/omrade/lon/", "GUIDE"]
)
def test_queries_do_not_grow_from_10_to_200_guides(client, make_guide, url):
    first = fill(make_guide, 10)
    small = queries(client, first.url if url == "GUIDE" else url)
    fill(make_guide, 190)
    large = queries(client, first.url if url == "GUIDE" else url)
    assert large == small, f"{url}: {small} queries with 10 guides, {large} with 200"
