"""Finding guides: filters (OR within a facet, AND across), facet counts, search and paging.

One function, `find_guides`, serves the catalogue page, the landing pages and the JSON API,
so the three can never disagree on what a choice of filters means.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet

from guides.models import GuideArea, GuidePage, Situation
from operations.content_cache import remember
from search.base import SORT_RELEVANCE, SORT_UPDATED, SearchFilters

FACETS = {"area": GuideArea, "situation": Situation}


@dataclass
class FacetOption:
    term: GuideArea | Situation
    count: int
    selected: bool

    @property
    def slug(self) -> str:
        return self.term.slug

    @property
    def name(self) -> str:
        return self.term.name


@dataclass
class GuideResults:
    guides: list[GuidePage]
    total: int
    facets: dict[str, list[FacetOption]]
    snippets: dict[int, str] = field(default_factory=dict)
    suggestion: str | None = None
    nearest: list[GuidePage] = field(default_factory=list)


def live_guides() -> QuerySet[GuidePage]:
    return GuidePage.objects.live().public()


def readable_guides(guide_ids) -> list[GuidePage]:
    """The guides among `guide_ids` a reader may see (live, no view restriction), in the given order."""
    ids = list(guide_ids)
    found = live_guides().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def with_terms(queryset: QuerySet[GuidePage]) -> QuerySet[GuidePage]:
    """Guides with their areas and situations in two extra queries, however many guides."""
    return queryset.prefetch_related(
        Prefetch("areas", queryset=GuideArea.objects.order_by("sort_order", "name")),
        Prefetch("situations", queryset=Situation.objects.order_by("sort_order", "name")),
    )


def apply_filters(queryset, areas=(), situations=()):
    if areas:
        queryset = queryset.filter(
            pk__in=GuidePage.areas.through.objects.filter(guidearea__slug__in=areas).values("guidepage_id")
        )
    if situations:
        queryset = queryset.filter(
            pk__in=GuidePage.situations.through.objects.filter(situation__slug__in=situations).values("guidepage_id")
        )
    return queryset


def database_facet_counts(areas=(), situations=()) -> dict[str, dict[str, int]]:
    """How many live guides each option would give together with the other facet's choice."""
    counts = {}
    for facet, through, term_field, other in (
        ("area", GuidePage.areas.through, "guidearea", {"situations": situations}),
        ("situation", GuidePage.situations.through, "situation", {"areas": areas}),
    ):
        matching = apply_filters(live_guides(), **other).values("pk")
        rows = (
            through.objects.filter(guidepage_id__in=matching)
            .values(f"{term_field}__slug")
            .annotate(n=Count("guidepage_id", distinct=True))
        )
        counts[facet] = {row[f"{term_field}__slug"]: row["n"] for row in rows}
    return counts


def term_lists() -> dict[str, list]:
    """Every area and situation in the editors' order: the options of the two facets.

    Loaded once per request and handed around, since both the validation of a choice and the
    facet counts need them."""
    return {facet: list(model.objects.all()) for facet, model in FACETS.items()}


def facet_options(counts, areas=(), situations=(), terms=None) -> dict[str, list[FacetOption]]:
    selected = {"area": set(areas), "situation": set(situations)}
    terms = terms or term_lists()
    return {
        facet: [
            FacetOption(term, counts.get(facet, {}).get(term.slug, 0), term.slug in selected[facet]) for term in options
        ]
        for facet, options in terms.items()
    }


def find_guides(
    query: str = "",
    areas=(),
    situations=(),
    *,
    sort: str = "",
    limit: int = 10,
    offset: int = 0,
    terms: dict[str, list] | None = None,
) -> GuideResults:
    """Live guides matching the query and filters, one page of them, with facet counts.

    `terms` (from term_lists()) saves reloading the facet options when the caller has them."""
    query = (query or "").strip()
    if query:
        return _search(query, tuple(areas), tuple(situations), sort or SORT_RELEVANCE, limit, offset, terms)
    filtered = apply_filters(live_guides(), areas, situations)
    total = filtered.count()
    guides = list(with_terms(filtered.order_by("-updated", "title"))[offset : offset + limit]) if limit else []
    counts = remember(
        "facet-counts", (tuple(areas), tuple(situations)), lambda: database_facet_counts(areas, situations)
    )
    return GuideResults(guides, total, facet_options(counts, areas, situations, terms))


def _search(query, areas, situations, sort, limit, offset, terms) -> GuideResults:
    from search import get_engine

    engine = get_engine()
    results = remember(
        "search",
        (engine.name, query, areas, situations, sort, limit, offset),
        lambda: engine.search(query, SearchFilters(areas, situations), sort=sort, limit=limit, offset=offset),
    )
    wanted = [hit.id for hit in results.hits] + [hit.id for hit in results.nearest]
    pages = with_terms(live_guides().filter(pk__in=wanted)).in_bulk()
    guides = [pages[hit.id] for hit in results.hits if hit.id in pages]
    nearest = [pages[hit.id] for hit in results.nearest if hit.id in pages]
    snippets = {hit.id: hit.snippet for hit in [*results.hits, *results.nearest]}
    return GuideResults(
        guides,
        results.total,
        facet_options(results.facets, areas, situations, terms),
        snippets=snippets,
        suggestion=results.suggestion,
        nearest=nearest,
    )


SORT_CHOICES = {SORT_RELEVANCE: "relevans", SORT_UPDATED: "senast uppdaterad"}
