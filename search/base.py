"""The search seam: what every guide search engine offers, and the values it trades in.

Callers (catalogue, API, signals) use only these types and `search.get_engine()`; they never
ask which engine is behind. Engines live in `search/engines/` and share one test suite.
"""

from __future__ import annotations

import abc
import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

#: Queries are cut to this many characters before analysis (documented in docs/search.md).
MAX_QUERY_LENGTH = 200

SORT_RELEVANCE = "relevans"
SORT_UPDATED = "uppdaterad"
SORTS = (SORT_RELEVANCE, SORT_UPDATED)


@dataclass(frozen=True)
class GuideDocument:
    """What the engines know of one published guide."""

    id: int
    slug: str
    title: str
    summary: str
    headings: tuple[str, ...]
    body: str
    areas: tuple[str, ...]  # area slugs
    situations: tuple[str, ...]  # situation slugs
    updated: datetime.date
    members_only: bool = False
    keywords: tuple[str, ...] = ()  # editors' search words ("sökord"), searched like the ingress


def searchable(guide: GuideDocument) -> GuideDocument:
    """What of a guide any reader's query may match. Of a members-only guide, a visitor sees the
    title and the ingress only, and one index answers visitors and members alike: matching its
    headings or body would confirm to a visitor words that only members may read. Every engine
    indexes guides through this (decision and consequences in docs/operations.md)."""
    if not guide.members_only:
        return guide
    return dataclasses.replace(guide, headings=(), body="")


@dataclass(frozen=True)
class SearchFilters:
    """OR within one facet, AND across facets; empty means no restriction."""

    areas: tuple[str, ...] = ()
    situations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    id: int
    score: float
    snippet: str  # safe HTML: escaped text with <mark> around matched words


@dataclass
class SearchResults:
    hits: list[Hit]  # the requested page, best first
    total: int  # matches for query and filters
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # "area"/"situation" -> slug -> count
    suggestion: str | None = None  # "Menade du …?" when the query looks misspelt
    nearest: list[Hit] = field(default_factory=list)  # fallback guides when there are no or few hits


class SearchEngine(abc.ABC):
    """One interchangeable engine behind the search seam."""

    name: str = "abstract"

    @abc.abstractmethod
    def index(self, documents: Iterable[GuideDocument]) -> None:
        """Add or replace these guides, visible to searches when this returns."""

    @abc.abstractmethod
    def remove(self, ids: Iterable[int]) -> None:
        """Remove these guides; unknown ids are ignored."""

    @abc.abstractmethod
    def rebuild(self, documents: Iterable[GuideDocument]) -> None:
        """Replace the whole index with these guides."""

    @abc.abstractmethod
    def search(
        self,
        query: str,
        filters: SearchFilters = SearchFilters(),
        *,
        sort: str = SORT_RELEVANCE,
        limit: int = 10,
        offset: int = 0,
    ) -> SearchResults:
        """Guides matching query and filters, with facet counts over the matching set."""

    @abc.abstractmethod
    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        """Completions for a prefix of at least two characters: titles and frequent terms."""

    @abc.abstractmethod
    def status(self) -> dict:
        """Health for /healthz: {"ok": bool, "documents": int, ...}."""
