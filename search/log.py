"""The search log: every catalogue and API search a reader makes is logged once, without personal data.

An entry holds the normalised query, the filters, the number of results and the day, never an IP
address, user, session or cookie. Result links pass through /sok/oppna/<guide>/?q=<query>, so
editors can see which searches led somewhere. Later pages of the same results are not new searches.

The view that makes a search logs it with one explicit call, `log_search`, which hands the entry
on in a response header (`X-Search-Log`). The page stays shareable: a cache that keeps the page
keeps the header with it, so every reader's copy, rendered or cached, carries its entry. Whoever
serves the response writes it, and nothing else knows about it:

- By default `SearchLogMiddleware`, which sits above the page cache, writes the entry of every
  response served (a hit or not) to the database and takes the header off. The page cache keeps the
  page; any cache below the app (a browser's, a proxy's) is told the page is not to be shared.
- Behind the documented proxy (SEARCH_LOG_BY_PROXY, docs/operations.md), the header is left on for
  the proxy, which caches the page and writes the header of every response it serves to its search
  log; `ingest_search_log` reads that into the database. (nginx logs the header as sent, hits
  included, so it reaches the reader too: it holds only what the reader asked.)

Openings go the same way, so they are written after the search they follow.
"""

from __future__ import annotations

import datetime
import json
import unicodedata
from urllib.parse import parse_qs, urlencode

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from operations.throttling import searches_exceeded
from search.base import MAX_QUERY_LENGTH
from search.models import OpenedResult, SearchLog

#: The response header that hands an entry to the proxy's log (SEARCH_LOG_BY_PROXY).
HEADER = "X-Search-Log"


def normalise_query(query: str) -> str:
    """Lower case, composed Unicode, single spaces: "  Lönesamtal " and "lönesamtal" are one query."""
    text = unicodedata.normalize("NFC", query or "")
    return " ".join(text.lower().split())[:MAX_QUERY_LENGTH]


def log_search(response, source: str, query: str, filters: dict, result_count: int):
    """Log a reader's new search (the caller says it is the first page of results): the response
    carries the entry to whoever serves it, for every reader it is served to."""
    query = normalise_query(query)
    if not query:
        return response
    filters = {name: sorted(values) for name, values in filters.items() if values}
    response[HEADER] = urlencode(
        {"kind": "search", "source": source, "q": query, "filters": json.dumps(filters), "results": result_count}
    )
    return response


def log_opening(response, query: str, guide_id: int):
    """Count that a search for `query` led to this guide (the open endpoint's redirect)."""
    query = normalise_query(query)
    if query:
        response[HEADER] = urlencode({"kind": "opened", "q": query, "guide": guide_id})
    return response


class SearchLogMiddleware:
    """Write the entry of every response served that carries one, cached or not, unless the proxy
    writes it (SEARCH_LOG_BY_PROXY). Sits above the page cache, so a search it serves is logged like
    one the view made, and counts against the reader's search rate limit as the view's do; a HEAD
    request is no search."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER not in response or settings.SEARCH_LOG_BY_PROXY:
            return response
        searched = request.method == "GET"
        if searched and response.get("X-Cache") == "hit" and searches_exceeded(request):
            request.page_cache_bypass = True  # the view answers this reader, with its 429
            response = self.get_response(request)
            if HEADER not in response:
                return response
        entry = response[HEADER]
        del response[HEADER]
        if searched and response.status_code < 400:
            record(entry)
        # A cache below the app would answer the next reader without logging: only this one may keep it.
        if "X-Accel-Expires" in response:
            del response["X-Accel-Expires"]  # the documented proxy's (nginx's) permission to keep it
        if "no-store" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True)
        return response


def record(entry: str) -> None:
    """Write one entry as `log_search` or `log_opening` encoded it (one not ours is ignored)."""
    parsed = parse(entry, timezone.localdate())
    if isinstance(parsed, SearchLog):
        parsed.save()
    elif parsed is not None:
        try:
            with transaction.atomic():
                record_opening(*parsed)
        except IntegrityError:
            pass  # the guide was deleted since


def parse(entry: str, day) -> SearchLog | tuple[str, int] | None:
    """An entry read back: an unsaved search of that day, an opening (query, guide id), or None
    for one cut short or not ours."""
    fields = {name: values[0] for name, values in parse_qs(entry).items()}
    try:
        query = normalise_query(fields["q"])
        if fields.get("kind") == "search" and query and fields.get("source") in dict(SearchLog.SOURCES):
            filters = json.loads(fields.get("filters") or "{}")
            results = int(fields.get("results", "0"))
            if isinstance(filters, dict) and results >= 0:
                return SearchLog(source=fields["source"], query=query, filters=filters,
                                 result_count=results, searched_on=day)
        elif fields.get("kind") == "opened" and query:
            return query, int(fields["guide"])
    except (ValueError, KeyError):
        pass
    return None


def open_url(query: str, guide_id: int) -> str:
    """Where a result of a logged search links to: the open endpoint, which then leads to the guide."""
    return f"{reverse('search:open_result', args=[guide_id])}?{urlencode({'q': normalise_query(query)})}"


def record_search(source: str, query: str, filters: dict, result_count: int, day=None) -> SearchLog:
    return SearchLog.objects.create(
        source=source, query=query, filters=filters, result_count=result_count,
        searched_on=day or timezone.localdate(),
    )


def record_opening(query: str, guide_id: int) -> None:
    """The opening counts for the latest search for that query that had not led to this guide yet."""
    search = (
        SearchLog.objects.filter(query=query, searched_on__gte=timezone.localdate() - datetime.timedelta(days=1))
        .exclude(opened__guide_id=guide_id)
        .order_by("-pk")
        .first()
    )
    if search is not None:
        OpenedResult.objects.get_or_create(search=search, guide_id=guide_id)


def ingest(lines) -> int:
    """Read the proxy's search log lines ("<ISO time> <header value>") into the database, in order:
    searches in bulk, each opening after the searches before it."""
    pending: list[SearchLog] = []
    count = 0
    for line in lines:
        stamp, _, value = line.strip().partition(" ")
        try:
            day = datetime.datetime.fromisoformat(stamp).astimezone(timezone.get_current_timezone()).date()
        except ValueError:
            continue  # a line cut short: the rest still counts
        parsed = parse(value, day)
        if parsed is None:
            continue
        if isinstance(parsed, SearchLog):
            pending.append(parsed)
        else:
            SearchLog.objects.bulk_create(pending)
            pending = []
            try:
                with transaction.atomic():
                    record_opening(*parsed)
            except IntegrityError:
                continue  # a guide deleted since
        count += 1
    SearchLog.objects.bulk_create(pending)
    return count
