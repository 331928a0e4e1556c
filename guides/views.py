"""HTML views of the catalogue: the filter form with counts, and area and situation pages.

Everything works as a plain GET form; the catalogue script asks for the results fragment only
(header X-Chefsguider-Fragment) to update counts and list without a page load.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers

from guides.catalogue import SORT_CHOICES, find_guides, term_lists
from guides.models import GuideArea, Situation
from operations.throttling import searches_exceeded
from search.base import MAX_QUERY_LENGTH, SORT_RELEVANCE, SORT_UPDATED
from search.log import log_search, normalise_query
from search.models import SearchLog

PER_PAGE = 10
#: Page numbers beyond this are treated as "the last page", and never become a database offset
#: too large for the database's integers.
MAX_PAGE = 10_000
FRAGMENT_HEADER = "X-Chefsguider-Fragment"


class ResultSpan:
    """A sized stand-in for a result list, so Django's Paginator can do the page arithmetic."""

    def __init__(self, total: int):
        self.total = total

    def count(self):
        return self.total

    def __getitem__(self, item):
        return range(self.total)[item]


def known_slugs(values: list[str], options) -> list[str]:
    """Selected slugs that exist, in the editors' order; unknown ones are ignored in HTML."""
    wanted = set(values)
    return [term.slug for term in options if term.slug in wanted]


def catalogue_view(request, catalogue):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    terms = term_lists()
    areas = known_slugs(request.GET.getlist("omrade"), terms["area"])
    situations = known_slugs(request.GET.getlist("situation"), terms["situation"])
    if query and searches_exceeded(request):
        context = catalogue.get_context(request)
        response = TemplateResponse(request, "guides/too_many_searches.html", context, status=429)
        response["Retry-After"] = "60"
        return response
    sort = request.GET.get("sortera")
    if sort not in SORT_CHOICES:
        sort = SORT_RELEVANCE if query else SORT_UPDATED
    results, page = paged_results(request, query, areas, situations, sort=sort, terms=terms)
    context = catalogue.get_context(request)
    chosen = chosen_filters(request, catalogue.url, terms, areas, situations)
    context.update(
        {
            "results": results,
            "result_heading": result_heading(results.total, query, bool(chosen)),
            "chosen_filters": chosen,
            "query": query,
            "sort": sort,
            "sort_choices": SORT_CHOICES,
            "page_obj": page,
            "filters_active": bool(query or areas or situations),
            "filter_query": _filter_query(request),
        }
    )
    new_search = bool(query) and request.GET.get("sida", "") in ("", "1")  # page two is the same search
    if new_search:  # result links then count which searches led somewhere
        context["open_query"] = urlencode({"q": normalise_query(query)})
    template = "guides/catalogue_results.html" if request.headers.get(FRAGMENT_HEADER) else "guides/catalogue_page.html"
    response = TemplateResponse(request, template, context)
    patch_vary_headers(response, [FRAGMENT_HEADER])
    if new_search:
        # The log (and the proxy's log lines) name filters as the API does: a stored format.
        chosen_slugs = {"category": areas, "situation": situations}
        log_search(response, SearchLog.CATALOGUE, query, chosen_slugs, results.total)
    return response


def term_view(request, catalogue, model, slug):
    try:
        term = model.objects.get(slug=slug)
    except model.DoesNotExist:
        raise Http404("Okänt område eller situation") from None
    facet = {GuideArea: "areas", Situation: "situations"}[model]
    results, page = paged_results(request, **{facet: [slug]})
    context = catalogue.get_context(request)
    context.update(
        {
            "term": term,
            "term_kind": "Guideområde" if model is GuideArea else "Situation",
            "filter_param": "omrade" if model is GuideArea else "situation",
            "results": results,
            "page_obj": page,
            "filter_query": "",
        }
    )
    return TemplateResponse(request, "guides/term_page.html", context)


def paged_results(request, *args, **kwargs):
    """One page of results for ?sida=N; a page past the end shows the last page."""
    try:
        number = min(max(1, int(request.GET.get("sida", "1"))), MAX_PAGE)
    except ValueError:
        number = 1
    results = find_guides(*args, **kwargs, limit=PER_PAGE, offset=(number - 1) * PER_PAGE)
    page = Paginator(ResultSpan(results.total), PER_PAGE).get_page(number)
    if page.number != number and results.total:
        results = find_guides(*args, **kwargs, limit=PER_PAGE, offset=(page.number - 1) * PER_PAGE)
    return results, page


def result_heading(total: int, query: str, filtered: bool) -> str:
    """What the results are: "21 guider om ”lönesamtal”", "Det finns 12 guider inom ditt val"."""
    guides = "1 guide" if total == 1 else f"{total} guider"
    if query:
        heading = f"{guides if total else 'Inga guider'} om ”{query}”"
    else:
        heading = f"Det finns {guides}" if total else "Det finns inga guider"
    return f"{heading} inom ditt val" if filtered else heading


def chosen_filters(request, base_url: str, terms, areas: list[str], situations: list[str]) -> list[dict]:
    """The chosen areas and situations, each with the address of the same choice without it (a chip)."""
    chosen = []
    for facet, parameter, slugs in (("area", "omrade", areas), ("situation", "situation", situations)):
        names = {term.slug: term.name for term in terms[facet]}
        for slug in slugs:
            params = request.GET.copy()
            params.setlist(parameter, [value for value in params.getlist(parameter) if value != slug])
            params.pop("sida", None)
            chosen.append({"name": names[slug], "input_id": f"{facet}-{slug}",
                           "remove_url": f"{base_url}?{params.urlencode()}" if params else base_url})
    return chosen


def _filter_query(request) -> str:
    """The current choice as a query string without the page number, for pagination links."""
    params = request.GET.copy()
    params.pop("sida", None)
    return params.urlencode()
