"""The public JSON API (/api/v1/): guide listing and search, and search suggestions.

Parameters are checked strictly: a bad value gives 400 with {"error": {"parameter", "message"}}.
"""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from guides.catalogue import find_guides, term_lists
from operations.throttling import searches_exceeded, suggestions_exceeded
from search.base import MAX_QUERY_LENGTH, SORTS
from search.log import log_search, open_url
from search.models import SearchLog

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 100_000


class ParameterError(Exception):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def bad_request(error: ParameterError, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": {"parameter": error.parameter, "message": error.message}}, status=status)


def too_many(parameter: str) -> JsonResponse:
    error = ParameterError(parameter, "too many requests from this address; wait a minute and try again")
    response = bad_request(error, status=429)
    response["Retry-After"] = "60"
    return response


def _integer(params, name, default, low, high) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ParameterError(name, f"{name} must be an integer") from None
    if not low <= value <= high:
        raise ParameterError(name, f"{name} must be between {low} and {high}")
    return value


def _slugs(params, name, options) -> list[str]:
    values = params.getlist(name)
    known = {term.slug for term in options}
    unknown = [value for value in values if value not in known]
    if unknown:
        raise ParameterError(name, f"unknown {name}: {', '.join(unknown)[:200]}")
    return values


#: The API's names of the facets (a public contract, docs in api/openapi.py): areas are "category".
PUBLIC_FACET_NAMES = {"area": "category", "situation": "situation"}


def _query(params) -> str:
    query = params.get("q", "")
    return query[:MAX_QUERY_LENGTH]


def term_json(term) -> dict:
    return {"slug": term.slug, "name": term.name}


def guide_json(request, guide, snippet: str, search_query: str = "") -> dict:
    """One guide in a response; results of a logged search open through the search log."""
    data = {
        "slug": guide.slug,
        "title": guide.title,
        "url": request.build_absolute_uri(guide.url),
        "summary": guide.summary,
        "snippet": snippet,
        "members_only": guide.members_only,
        "categories": [term_json(term) for term in guide.areas.all()],  # public name
        "situations": [term_json(term) for term in guide.situations.all()],
        "updated": guide.updated.isoformat(),
    }
    if search_query:
        data["open_url"] = request.build_absolute_uri(open_url(search_query, guide.pk))
    return data


@require_GET
def guides(request):
    params = request.GET
    try:
        limit = _integer(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        offset = _integer(params, "offset", 0, 0, MAX_OFFSET)
        terms = term_lists()
        areas = _slugs(params, "category", terms["area"])  # public parameter: category
        situations = _slugs(params, "situation", terms["situation"])
        sort = params.get("sort", "")
        if sort and sort not in SORTS:
            raise ParameterError("sort", f"sort must be one of {', '.join(SORTS)}")
    except ParameterError as error:
        return bad_request(error)
    if _query(params).strip() and searches_exceeded(request):
        return too_many("q")
    query = _query(params)
    results = find_guides(query, areas, situations, sort=sort, limit=limit, offset=offset, terms=terms)
    # A new search is a GET of the first results; turning to the next ones is the same search.
    new_search = query.strip() and request.method == "GET" and offset == 0

    def listed(guides):
        snippets = results.snippets
        return [guide_json(request, guide, snippets.get(guide.pk, ""), query if new_search else "") for guide in guides]

    response = JsonResponse(
        {
            "count": results.total,
            "results": listed(results.guides),
            "facets": {
                PUBLIC_FACET_NAMES[facet]: [
                    {"slug": option.slug, "name": option.name, "count": option.count} for option in options
                ]
                for facet, options in results.facets.items()
            },
            "suggestion": results.suggestion,
            "nearest": listed(results.nearest),
        },
        json_dumps_params={"ensure_ascii": False},
    )
    if new_search:
        filters = {"category": areas, "situation": situations}  # the log's stored names, as the API's
        log_search(response, SearchLog.API, query, filters, results.total)
    return response


@csrf_exempt
@require_GET
def suggest(request):
    from search import get_engine

    query = _query(request.GET).strip()
    if len(query) >= 2 and suggestions_exceeded(request):
        return too_many("q")
    suggestions = get_engine().suggest(query) if len(query) >= 2 else []
    guides, completions = split_suggestions(suggestions)
    return JsonResponse(
        {"query": query, "suggestions": suggestions, "guides": guides, "completions": completions},
        json_dumps_params={"ensure_ascii": False},
    )


def split_suggestions(suggestions: list[str]) -> tuple[list[dict], list[str]]:
    """The engine's suggestions as guides to open ({"title", "url"}) and searches to complete, the
    latter one per word stem: "lönesamtal", not also "lönesamtalet" and "lönesamtalen"."""
    from guides.models import GuidePage
    from search.analysis import stem, words

    pages = {page.title: page for page in GuidePage.objects.live().public().filter(title__in=suggestions)}
    guides, completions, by_stem = [], [], {}
    for text in suggestions:
        if text in pages:
            guides.append({"title": text, "url": pages[text].url})
            continue
        key = " ".join(stem(word) for word in words(text.lower()))
        if key not in by_stem:
            by_stem[key] = len(completions)
            completions.append(text)
        elif len(text) < len(completions[by_stem[key]]):
            completions[by_stem[key]] = text  # the shortest form stands for the word
    return guides, completions
