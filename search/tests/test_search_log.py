"""Search insights: catalogue and API searches are logged without personal data, opened results
are counted, the report answers for a chosen period, and old entries are purged."""

import re
from urllib.parse import parse_qs, urlencode

import pytest
from django.core.cache import cache
from django.core.management import call_command

from search.documents import all_documents
from search.log import HEADER
from search.models import OpenedResult, SearchLog
from search.registry import get_engine, reset_engine


@pytest.fixture
def library(make_guide, settings, tmp_path):
    settings.CHEFSGUIDER_SEARCH_ENGINE = "tantivy"
    settings.CHEFSGUIDER_SEARCH_INDEX_DIR = tmp_path / "index"
    cache.clear()  # search rate limits
    reset_engine()
    guides = {
        "lon": make_guide("Lönesamtal med medarbetare", areas=["lon"], situations=["lonerevision"],
                          summary="Så förbereder du lönesamtalet."),
        "sjuk": make_guide("När en medarbetare blir sjukskriven", areas=["arbetsmiljo"],
                           summary="Rehabilitering steg för steg."),
    }
    get_engine().rebuild(all_documents())
    yield guides
    reset_engine()


def test_a_catalogue_search_is_logged_normalised_with_filters_and_count(client, library, today):
    client.get("/chefsguider/", {"q": "  LÖNESAMTAL  ", "omrade": ["lon"]})
    log = SearchLog.objects.get()
    assert (log.source, log.query, log.filters, log.result_count, log.searched_on) == (
        "katalog", "lönesamtal", {"category": ["lon"]}, 1, today,
    )


def test_the_log_holds_nothing_that_identifies_the_reader(client, library):
    client.get("/chefsguider/", {"q": "lönesamtal"}, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Testläsare")
    stored = repr(list(SearchLog.objects.values())) + repr(list(OpenedResult.objects.values()))
    assert "203.0.113" not in stored and "Testläsare" not in stored
    fields = {field.name for field in SearchLog._meta.get_fields()}
    assert fields == {"id", "searched_on", "source", "query", "filters", "result_count", "opened"}


def test_browsing_without_a_query_and_turning_pages_are_not_new_searches(client, library):
    client.get("/chefsguider/")
    client.get("/chefsguider/", {"omrade": "lon"})
    assert client.get("/chefsguider/", {"q": "medarbetare", "sida": "2"}).status_code == 200
    assert not SearchLog.objects.exists()
    # The same search on its first page is one: the log was listening all along.
    client.get("/chefsguider/", {"q": "medarbetare"})
    assert list(SearchLog.objects.values_list("query", flat=True)) == ["medarbetare"]


def open_links(content: str) -> list[str]:
    """The result links in a page that go through the open endpoint."""
    return re.findall(r'href="(/sok/oppna/\d+/\?q=[^"]*)"', content)


def test_every_readers_search_is_logged_once_also_when_the_page_cache_serves_it(client, library, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    answers = [client.get("/chefsguider/", {"q": "lönesamtal"}) for _ in range(3)]
    assert [answer["X-Cache"] for answer in answers] == ["miss", "hit", "hit"]
    # Private for every cache below the app, which would answer the next reader without logging;
    # the entry's header is the app's own business.
    assert all("private" in answer["Cache-Control"] and HEADER not in answer for answer in answers)
    assert all("X-Accel-Expires" not in answer for answer in answers)
    entries = list(SearchLog.objects.values_list("query", "result_count"))
    assert entries == [("lönesamtal", 1)] * 3


def test_every_api_search_is_logged_once_also_when_the_page_cache_serves_it(client, library, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    answers = [client.get("/api/v1/guides/", {"q": "sjukskriven"}) for _ in range(2)]
    assert [answer["X-Cache"] for answer in answers] == ["miss", "hit"]
    assert all("private" in answer["Cache-Control"] and HEADER not in answer for answer in answers)
    assert SearchLog.objects.filter(source="api").count() == 2
    assert answers[1].json()["count"] == 1


def test_a_search_served_from_the_page_cache_counts_against_the_search_rate_limit(client, library, settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.SEARCH_RATE = "2/h"
    cache.clear()
    answers = [client.get("/chefsguider/", {"q": "lönesamtal"}) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[1]["X-Cache"] == "hit"  # the second reader was served from the cache, and counted
    assert "Retry-After" in answers[2] and HEADER not in answers[2]
    assert SearchLog.objects.count() == 2
    # A reader at another address is served from the cache as before.
    other = client.get("/chefsguider/", {"q": "lönesamtal"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200 and other["X-Cache"] == "hit"
    assert SearchLog.objects.count() == 3


def test_a_head_request_is_no_search(client, library, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    assert client.head("/chefsguider/", {"q": "lönesamtal"}).status_code == 200
    assert not SearchLog.objects.exists()


def test_later_pages_of_results_are_not_logged_and_stay_cacheable(client, library, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    first = client.get("/chefsguider/", {"q": "medarbetare", "sida": "2"})
    second = client.get("/chefsguider/", {"q": "medarbetare", "sida": "2"})
    assert "private" not in first.get("Cache-Control", "") and second.get("X-Cache") == "hit"
    assert not SearchLog.objects.exists()


def test_results_link_through_the_open_endpoint_which_counts_the_opening(client, library):
    html = client.get("/chefsguider/", {"q": "  Lönesamtal"}).content.decode()
    log = SearchLog.objects.get()
    guide = library["lon"]
    link = f"/sok/oppna/{guide.pk}/?q=l%C3%B6nesamtal"
    assert f'<a href="{link}">Lönesamtal med medarbetare</a>' in html
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == guide.url
    assert response["Cache-Control"] == "no-store"
    client.get(link)  # opening it twice counts once
    assert list(OpenedResult.objects.values_list("search_id", "guide_id")) == [(log.pk, guide.pk)]


def test_each_opening_counts_for_a_search_that_had_not_led_there_yet(client, library):
    for _ in range(2):
        client.get("/chefsguider/", {"q": "lönesamtal"})
    first, second = SearchLog.objects.order_by("pk")
    link = open_links(client.get("/chefsguider/", {"q": "lönesamtal"}).content.decode())[0]
    third = SearchLog.objects.order_by("pk").last()
    for _ in range(3):
        client.get(link)
    assert set(OpenedResult.objects.values_list("search_id", flat=True)) == {first.pk, second.pk, third.pk}


def test_the_open_endpoint_still_leads_on_without_a_logged_search(client, library):
    guide = library["sjuk"]
    for link in (f"/sok/oppna/{guide.pk}/?q=aldrig+sökt", f"/sok/oppna/{guide.pk}/"):
        response = client.get(link)
        assert response.status_code == 302 and response["Location"] == guide.url
    assert not OpenedResult.objects.exists()
    assert client.get("/sok/oppna/999999/?q=x").status_code == 404


def test_api_searches_are_logged_and_results_carry_an_open_url(client, library):
    data = client.get("/api/v1/guides/", {"q": "Sjukskriven", "category": "arbetsmiljo"}).json()
    log = SearchLog.objects.get()
    assert (log.source, log.query, log.filters, log.result_count) == (
        "api", "sjukskriven", {"category": ["arbetsmiljo"]}, data["count"],
    )
    assert data["count"] == 1
    assert data["results"][0]["open_url"] == f"http://testserver/sok/oppna/{library['sjuk'].pk}/?q=sjukskriven"
    assert data["results"][0]["url"].endswith(library["sjuk"].url)  # the contract's fields are unchanged


# -- behind the proxy: the proxy logs what it serves, ingest_search_log reads it ----------------


def test_behind_the_proxy_a_search_is_handed_to_the_proxy_and_stays_shareable(client, library, settings):
    settings.SEARCH_LOG_BY_PROXY = "/nonexistent/searches.log"
    response = client.get("/chefsguider/", {"q": "Lönesamtal", "omrade": "lon"})
    assert "private" not in response.get("Cache-Control", "")
    assert not SearchLog.objects.exists()
    handed = parse_qs(response[HEADER])
    assert handed["kind"] == ["search"] and handed["q"] == ["lönesamtal"] and handed["results"] == ["1"]
    assert handed["filters"] == ['{"category": ["lon"]}'] and handed["source"] == ["katalog"]
    opened = client.get(open_links(response.content.decode())[0])
    assert parse_qs(opened[HEADER]) == {"kind": ["opened"], "q": ["lönesamtal"], "guide": [str(library["lon"].pk)]}
    assert not OpenedResult.objects.exists()


def test_ingest_reads_the_proxys_log_in_order_once_and_after_rotation(library, settings, tmp_path, today):
    log = tmp_path / "searches.log"
    settings.SEARCH_LOG_BY_PROXY = str(log)
    guide = library["lon"]
    stamp = f"{today.isoformat()}T10:00:00+01:00"
    search = urlencode({"kind": "search", "source": "katalog", "q": "lönesamtal", "filters": "{}", "results": 1})
    opening = urlencode({"kind": "opened", "q": "lönesamtal", "guide": guide.pk})
    log.write_text(f"{stamp} {search}\n{stamp} {search}\n{stamp} {opening}\nnot a line\n{stamp} {search}")
    call_command("ingest_search_log")
    assert SearchLog.objects.count() == 2  # the last line is still being written
    assert OpenedResult.objects.get().search == SearchLog.objects.order_by("pk").last()
    assert SearchLog.objects.first().searched_on == today
    call_command("ingest_search_log")
    assert SearchLog.objects.count() == 2  # read once
    with log.open("a") as more:
        more.write("\n")
    call_command("ingest_search_log")
    assert SearchLog.objects.count() == 3
    log.write_text(f"{stamp} {search}\n")  # rotated: a new, shorter file
    call_command("ingest_search_log")
    assert SearchLog.objects.count() == 4


def test_api_listing_without_query_or_with_bad_parameters_is_not_logged(client, library):
    assert client.get("/api/v1/guides/").status_code == 200
    assert client.get("/api/v1/guides/", {"q": "lön", "limit": "x"}).status_code == 400
    assert client.get("/api/v1/guides/", {"q": "lön", "offset": "20"}).status_code == 200
    assert not SearchLog.objects.exists()
    # The same search from its first result is logged: the API's log was listening all along.
    client.get("/api/v1/guides/", {"q": "lön"})
    assert list(SearchLog.objects.values_list("source", "query")) == [("api", "lön")]


# -- the report ------------------------------------------------------------------------------


@pytest.fixture
def searches(library, days):
    def search(query, results, day, opened=None):
        log = SearchLog.objects.create(query=query, result_count=results, searched_on=days(day), source="katalog")
        if opened:
            OpenedResult.objects.create(search=log, guide=opened)

    lon = library["lon"]
    for day in (0, -1, -2):
        search("lönesamtal", 1, day, opened=lon)
    search("lönesamtal", 1, -3)
    search("semester", 0, 0)
    search("semester", 0, -5)
    search("friskvård", 0, -1)
    search("medarbetare", 2, -2)
    search("medarbetare", 2, -4)
    search("gammal sökning", 0, -90)


def rows(client, query=""):
    response = client.get(f"/admin/redaktion/sokningar/{query}")
    assert response.status_code == 200
    return [(row["query"], row["searches"]) for row in response.context["object_list"]]


def test_report_top_queries_for_the_last_30_days(admin_client, searches):
    assert rows(admin_client) == [("lönesamtal", 4), ("medarbetare", 2), ("semester", 2), ("friskvård", 1)]
    html = admin_client.get("/admin/redaktion/sokningar/").content.decode()
    assert "Vanligaste sökningarna" in html and "75 %" in html


def test_report_queries_without_results(admin_client, searches):
    assert rows(admin_client, "?visa=utan-traffar") == [("semester", 2), ("friskvård", 1)]


def test_report_queries_where_nothing_was_opened(admin_client, searches):
    assert rows(admin_client, "?visa=inget-oppnat") == [("medarbetare", 2)]


def test_report_for_a_chosen_period(admin_client, searches, days):
    period = f"?searched_on_from={days(-2).isoformat()}&searched_on_to={days(-1).isoformat()}"
    assert rows(admin_client, period) == [("lönesamtal", 2), ("friskvård", 1), ("medarbetare", 1)]
    assert rows(admin_client, f"?searched_on_from={days(-100).isoformat()}&visa=utan-traffar") == [
        ("semester", 2), ("friskvård", 1), ("gammal sökning", 1),
    ]


def test_purge_deletes_entries_older_than_180_days(searches, days, capsys):
    SearchLog.objects.create(query="mycket gammal", result_count=0, searched_on=days(-181), source="api")
    SearchLog.objects.create(query="precis inom", result_count=0, searched_on=days(-180), source="api")
    call_command("purge_search_log")
    assert not SearchLog.objects.filter(query="mycket gammal").exists()
    assert SearchLog.objects.filter(query="precis inom").exists()
    assert SearchLog.objects.count() == 11
    assert re.search(r"search log entries deleted: 1 \(before", capsys.readouterr().out)


def test_report_numbers_are_for_editors_only(client, searches, django_user_model):
    client.force_login(django_user_model.objects.create_user("medlem", password="x"))
    assert client.get("/admin/redaktion/sokningar/").status_code in {302, 403}


def test_a_proxy_without_the_search_log_is_never_let_keep_a_search(client, library, settings):
    # The proxy keeps only what carries X-Accel-Expires; without SEARCH_LOG_BY_PROXY it would serve
    # the next reader's search without anyone logging it. Pages without a search it still keeps.
    settings.PROXY_CACHE_SECONDS = 600
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    through_proxy = {"X-Chefsguider-Proxy": "cache"}
    for _reader in range(2):
        search = client.get("/chefsguider/", {"q": "lönesamtal"}, headers=through_proxy)
        assert "X-Accel-Expires" not in search and "private" in search["Cache-Control"]
    assert SearchLog.objects.count() == 2
    browsing = client.get("/chefsguider/", {"omrade": "lon"}, headers=through_proxy)
    assert browsing["X-Accel-Expires"] == "600"
