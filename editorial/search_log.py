"""Search insights: every catalogue and API search is logged without personal data.

A log entry holds the normalised query, the filters, the number of results and the day, never
an IP address, user, session or cookie. Result links pass through /sok/oppna/<search>/<guide>/
so editors can see which searches led somewhere. Logged responses are marked private (no proxy may
share one entry's links between readers) and carry a `LoggedSearch`: the anonymous page cache keeps
such a page with its entry's number taken out, and every reader it serves the page to is logged
anew, under the search rate limit, with the links naming that reader's own entry. Later pages of
results are neither logged nor private.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from django.urls import reverse
from django.utils.cache import patch_cache_control

from editorial.models import SearchLog
from operations.throttling import searches_exceeded
from search.base import MAX_QUERY_LENGTH

ENTRY_PLACEHOLDER = b"__SEARCH_LOG_ENTRY_LINK__"  # stands for _entry_prefix(<entry>) in a stored page


def normalise_query(query: str) -> str:
    """Lower case, composed Unicode, single spaces: "  Lönesamtal " and "lönesamtal" are one query."""
    text = unicodedata.normalize("NFC", query or "")
    return " ".join(text.lower().split())[:MAX_QUERY_LENGTH]


def record_search(source: str, query: str, filters: dict, result_count: int) -> SearchLog | None:
    query = normalise_query(query)
    if not query:
        return None
    filters = {name: sorted(values) for name, values in filters.items() if values}
    return SearchLog.objects.create(source=source, query=query, filters=filters, result_count=result_count)


def open_url(search: SearchLog, guide_id: int) -> str:
    return reverse("editorial:open_result", args=[search.pk, guide_id])


def _entry_prefix(search_id: int) -> bytes:
    """The part of every open_url that names the entry: /sok/oppna/<search>/."""
    return reverse("editorial:open_result", args=[search_id, 0]).removesuffix("0/").encode()


@dataclass(frozen=True)
class LoggedSearch:
    """What the page cache needs to serve a logged search's page again: the search to log anew."""

    source: str
    query: str
    filters: dict
    result_count: int
    search_id: int

    def freeze(self, content: bytes) -> bytes:
        return content.replace(_entry_prefix(self.search_id), ENTRY_PLACEHOLDER)

    def thaw(self, request, content: bytes) -> bytes | None:
        """The kept page for this reader, logged as their search; None when they are over the
        search rate limit (the view then answers, with its 429)."""
        if searches_exceeded(request):
            return None
        if request.method != "GET":
            return content  # HEAD: no body is sent, and no reader searched
        entry = record_search(self.source, self.query, self.filters, self.result_count)
        return None if entry is None else content.replace(ENTRY_PLACEHOLDER, _entry_prefix(entry.pk))


def mark_logged(response, search: SearchLog | None):
    """A response naming a log entry: private for every other cache, replayable for the page cache."""
    if search is not None:
        patch_cache_control(response, private=True)
        response.page_cache_replay = LoggedSearch(
            search.source, search.query, search.filters, search.result_count, search.pk
        )
    return response


def log_api_search(request, query: str, filters: dict, result_count: int) -> SearchLog | None:
    """Log an API search on its first page; pass the response and the entry to `mark_logged`."""
    if not _new_search(request, "offset", "0"):
        return None
    return record_search(SearchLog.API, query, filters, result_count)


def _new_search(request, parameter: str, first: str) -> bool:
    """A reader's new search: a GET of the first page. Turning to page two of the same results is
    not a new search, nor is a HEAD request (a link checker's; its answer is never cached)."""
    return request.method == "GET" and request.GET.get(parameter, "") in {"", first}


def log_catalogue_searches(view):
    """Log the catalogue's searches; result links in the page then go through the open endpoint."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        results = context.get("results")
        if not context.get("query") or results is None or not _new_search(request, "sida", "1"):
            return response
        selected = {
            facet: [option.slug for option in options if option.selected] for facet, options in results.facets.items()
        }
        context["search_log"] = record_search(SearchLog.CATALOGUE, context["query"], selected, results.total)
        return mark_logged(response, context["search_log"])

    return wrapper
