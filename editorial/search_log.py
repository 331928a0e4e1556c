"""Search insights: every catalogue and API search is logged without personal data.

A log entry holds the normalised query, the filters, the number of results and the day, never
an IP address, user, session or cookie. Result links pass through /sok/oppna/<search>/<guide>/
so editors can see which searches led somewhere. Logged responses are marked private, so the
anonymous page cache does not answer them (which would skip the log and share one entry's
links between readers); later pages of results are neither logged nor private.
"""

from __future__ import annotations

import functools
import unicodedata

from django.urls import reverse
from django.utils.cache import patch_cache_control

from editorial.models import SearchLog
from search.base import MAX_QUERY_LENGTH


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


def log_api_search(request, query: str, filters: dict, result_count: int) -> SearchLog | None:
    """Log an API search on its first page; the response must then be private (it names the entry)."""
    if not _first_page(request, "offset", "0"):
        return None
    return record_search(SearchLog.API, query, filters, result_count)


def _first_page(request, parameter: str, first: str) -> bool:
    """Turning to page two of the same results is not a new search."""
    return request.GET.get(parameter, "") in {"", first}


def log_catalogue_searches(view):
    """Log the catalogue's searches; result links in the page then go through the open endpoint."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        results = context.get("results")
        if not context.get("query") or results is None or not _first_page(request, "sida", "1"):
            return response
        patch_cache_control(response, private=True)
        selected = {
            facet: [option.slug for option in options if option.selected] for facet, options in results.facets.items()
        }
        context["search_log"] = record_search(SearchLog.CATALOGUE, context["query"], selected, results.total)
        return response

    return wrapper
