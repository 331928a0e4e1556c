"""The search log: every catalogue and API search a reader makes is logged once, without personal data.

An entry holds the normalised query, the filters, the number of results and the day, never an IP
address, user, session or cookie. Result links pass through /sok/oppna/<guide>/?q=<query>, so
editors can see which searches led somewhere. Later pages of the same results are not new searches.

The view that makes a search logs it with one explicit call, `log_search`. Where the log is written
depends on the deployment, and nothing else knows about it:

- By default the entry is written at once, and the response is private: no cache may answer the
  next reader's search without the view, which logs it.
- Behind the documented proxy (SEARCH_LOG_BY_PROXY, docs/operations.md), the response instead
  carries the entry in a header and stays shareable: the proxy caches the page and writes the header
  of every response it serves, a hit or not, to its search log, which `ingest_search_log` reads
  into the database. Openings go the same way, so they are read after the search they follow.
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

from search.base import MAX_QUERY_LENGTH
from search.models import OpenedResult, SearchLog

#: The response header that hands an entry to the proxy's log (SEARCH_LOG_BY_PROXY).
HEADER = "X-Search-Log"


def normalise_query(query: str) -> str:
    """Lower case, composed Unicode, single spaces: "  Lönesamtal " and "lönesamtal" are one query."""
    text = unicodedata.normalize("NFC", query or "")
    return " ".join(text.lower().split())[:MAX_QUERY_LENGTH]


def log_search(request, response, source: str, query: str, filters: dict, result_count: int):
    """Log a reader's new search (a GET; the caller says it is the first page of results) and
    return the response, private or carrying the entry for the proxy."""
    query = normalise_query(query)
    if request.method != "GET" or not query:
        return response
    filters = {name: sorted(values) for name, values in filters.items() if values}
    if settings.SEARCH_LOG_BY_PROXY:
        response[HEADER] = urlencode(
            {"kind": "search", "source": source, "q": query, "filters": json.dumps(filters), "results": result_count}
        )
    else:
        record_search(source, query, filters, result_count)
        patch_cache_control(response, private=True)  # the next reader's search must reach the view
    return response


def log_opening(response, query: str, guide_id: int):
    """Count that a search for `query` led to this guide (the open endpoint's redirect)."""
    query = normalise_query(query)
    if not query:
        return response
    if settings.SEARCH_LOG_BY_PROXY:
        response[HEADER] = urlencode({"kind": "opened", "q": query, "guide": guide_id})
    else:
        record_opening(query, guide_id)
    return response


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
        fields = {name: values[0] for name, values in parse_qs(value).items()}
        try:
            day = datetime.datetime.fromisoformat(stamp).astimezone(timezone.get_current_timezone()).date()
            query = normalise_query(fields["q"])
            if fields.get("kind") == "search" and query and fields.get("source") in dict(SearchLog.SOURCES):
                filters = json.loads(fields.get("filters") or "{}")
                results = int(fields.get("results", "0"))
                if not isinstance(filters, dict) or results < 0:
                    continue
                pending.append(SearchLog(source=fields["source"], query=query, filters=filters,
                                         result_count=results, searched_on=day))
            elif fields.get("kind") == "opened" and query:
                guide_id = int(fields["guide"])
                SearchLog.objects.bulk_create(pending)
                pending = []
                with transaction.atomic():
                    record_opening(query, guide_id)
            else:
                continue
        except (ValueError, KeyError, IntegrityError):
            continue  # a line cut short, not ours, or a guide deleted since: the rest still counts
        count += 1
    SearchLog.objects.bulk_create(pending)
    return count
