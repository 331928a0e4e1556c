"""GET /api/v1/guides/: the documented shape, filters, paging and 400s that name the parameter."""

import pytest


@pytest.fixture
def library(make_guide):
    make_guide("Lön ett", areas=["lon"], situations=["lonerevision"])
    make_guide("Lön två", areas=["lon", "ledarskap"], situations=["lonerevision", "svara-samtal"])
    make_guide("Ledare", areas=["ledarskap"], situations=["svara-samtal"])


def test_shape_of_a_filtered_listing(client, library):
    data = client.get("/api/v1/guides/?category=lon&situation=svara-samtal").json()
    assert data["count"] == 1
    (guide,) = data["results"]
    assert set(guide) >= {"slug", "title", "url", "summary", "snippet", "categories", "situations", "updated"}
    assert guide["title"] == "Lön två"
    assert guide["url"].startswith("http://testserver/chefsguider/")
    assert guide["categories"] == [{"slug": "ledarskap", "name": "Ledarskap"}, {"slug": "lon", "name": "Lön"}]
    assert guide["situations"][0] == {"slug": "svara-samtal", "name": "Svåra samtal"}
    category_counts = {facet["slug"]: facet["count"] for facet in data["facets"]["category"]}
    assert category_counts["lon"] == 1 and category_counts["ledarskap"] == 2 and category_counts["karriar"] == 0
    assert {facet["slug"]: facet["count"] for facet in data["facets"]["situation"]}["lonerevision"] == 2
    assert data["facets"]["situation"][0] == {"slug": "ny-som-chef", "name": "Ny som chef", "count": 0}


def test_repeated_category_means_or_and_listing_is_newest_first(client, library):
    data = client.get("/api/v1/guides/?category=lon&category=ledarskap").json()
    assert data["count"] == 3
    dates = [guide["updated"] for guide in data["results"]]
    assert dates == sorted(dates, reverse=True)


def test_limit_and_offset(client, library):
    first = client.get("/api/v1/guides/?limit=2").json()
    rest = client.get("/api/v1/guides/?limit=2&offset=2").json()
    assert first["count"] == rest["count"] == 3
    assert len(first["results"]) == 2 and len(rest["results"]) == 1


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("category=finns-inte", "category"),
        ("situation=lon", "situation"),
        ("limit=-1", "limit"),
        ("limit=0", "limit"),
        (f"limit={10**9}", "limit"),
        ("limit=tio", "limit"),
        ("offset=abc", "offset"),
        ("offset=-5", "offset"),
        ("sort=baklanges", "sort"),
    ],
)
def test_bad_parameters_give_400_naming_the_parameter(client, db, query, parameter):
    response = client.get(f"/api/v1/guides/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["parameter"] == parameter


def test_only_get_is_allowed(client, db):
    assert client.post("/api/v1/guides/").status_code == 405


def test_searches_and_suggestions_are_rate_limited(client, db, settings):
    from django.core.cache import cache

    cache.clear()
    settings.SEARCH_RATE = "2/h"  # an hour: a minute window can roll over between the requests
    settings.SUGGEST_RATE = "2/h"
    statuses = [client.get("/api/v1/guides/?q=lön").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get("/api/v1/guides/?q=lön").json()["error"]["parameter"] == "q"
    assert client.get("/api/v1/guides/").status_code == 200  # listing without a query is not counted
    assert [client.get("/api/v1/suggest/?q=lö").status_code for _ in range(3)] == [200, 200, 429]
    assert [client.get("/chefsguider/?q=lön").status_code for _ in range(1)] == [429]
    assert "För många sökningar" in client.get("/chefsguider/?q=lön").content.decode()
    cache.clear()
