"""The search pipeline both engines share: plan the query, check its spelling against the index,
retrieve, highlight, and fall back to the nearest guides when there are no or few hits.

An engine supplies only what depends on its storage: which words the index knows, which indexed
words are near a misspelt one, and one page of matching guides with facet counts.
"""

from __future__ import annotations

import abc
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from search import compounds, expansions, query, spelling
from search.analysis import is_folded, is_stopword, normalise, stem, words
from search.base import (
    MAX_QUERY_LENGTH,
    SORT_RELEVANCE,
    SORTS,
    GuideDocument,
    Hit,
    SearchEngine,
    SearchFilters,
    SearchResults,
)
from search.snippets import Highlighter
from search.synonyms import SynonymTable, current_synonyms

logger = logging.getLogger(__name__)

#: Below this many hits the results also offer the nearest guides.
FEW_HITS = 3
NEAREST_LIMIT = 5
MAX_LIMIT = 100
#: Completions read this many more frequent words than they show, as stopwords and short words drop out.
SUGGEST_WORD_MARGIN = 50

# Ranking, the same in both engines: the other ways to match a word count for less than the word.
SPELLING_WEIGHT = 0.3  # a Swedish spelling of a word typed without å, ä, ö
SYNONYM_WEIGHT = 0.7
COMPOUND_WEIGHT = query.COMPOUND_WEIGHT  # both halves of a compound query word
CORRECTION_WEIGHT = 0.5
PROXIMITY_WEIGHT = 1.0  # neighbouring query words close together
#: A concept scores by its best way of matching, plus this share of the others.
TIE_BREAKER = 0.2

#: What a members-only guide lends to the vocabulary readers are shown words from (completions,
#: "Menade du …?"): its title, ingress and the editors' search words, never its headings or body.
MEMBERS_ONLY_PUBLIC_FIELDS = ("title", "summary", "keywords")

DocumentSource = Callable[[], Iterable[GuideDocument]]


@dataclass
class StoredGuide:
    """One matching guide as an engine returns it, with the text snippets are cut from."""

    id: int
    score: float
    summary: str
    body: str
    members_only: bool


@dataclass
class RetrievedPage:
    """One page of retrieved guides with the total and facet counts (not a Wagtail page)."""

    guides: list[StoredGuide]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def no_documents() -> Iterable[GuideDocument]:
    return ()


@dataclass
class AnalysedGuide:
    """What engines index of a guide besides its text."""

    parts: dict[str, str]  # per text field, the parts of its compounds, to index with the field's weight
    vocabulary: set[str]  # its distinct words, for spelling and completion


def field_words(title: str, summary: str, headings: str, body: str, keywords: str = "") -> dict[str, list[str]]:
    """The words of each text field of a guide (headings and search words as one text, a line each)."""
    return {
        "title": words(title),
        "summary": words(summary),
        "headings": words(headings),
        "body": words(body),
        "keywords": words(keywords),
    }


def public_vocabulary(fields: Mapping[str, list[str]], members_only: bool) -> set[str]:
    """The distinct words of a guide that readers may be shown: all of them, or for a members-only
    guide only those of its title and ingress. The one place this rule is decided."""
    public = MEMBERS_ONLY_PUBLIC_FIELDS if members_only else tuple(fields)
    return set().union(*(fields[name] for name in public))


def analyse(document: GuideDocument) -> AnalysedGuide:
    """Split the guide's compounds; its words join the compound lexicon first, so its own terms can be parts."""
    fields = field_words(
        document.title, document.summary, "\n".join(document.headings), document.body, "\n".join(document.keywords)
    )
    vocabulary = public_vocabulary(fields, document.members_only)
    compounds.lexicon().add_indexed(vocabulary)
    return AnalysedGuide({field: compounds.text_parts(found) for field, found in fields.items()}, vocabulary)


class AnalysedEngine(SearchEngine):
    """A SearchEngine that searches through the shared Swedish query pipeline."""

    def __init__(
        self,
        *,
        documents: DocumentSource = no_documents,
        synonyms: Callable[[], SynonymTable] = current_synonyms,
    ) -> None:
        self._documents = documents  # all guides, for rebuilding a lost index
        self._synonyms = synonyms
        self._lexicon_read_at: tuple[str | None] | None = None  # the content generation it was read under

    def search(self, query_text, filters=SearchFilters(), *, sort=SORT_RELEVANCE, limit=10, offset=0):
        sort = sort if sort in SORTS else SORT_RELEVANCE
        limit = min(max(int(limit), 0), MAX_LIMIT)
        offset = max(int(offset), 0)
        text = str(query_text or "")
        for attempt in range(2):
            try:
                return self._search(text, filters, sort, limit, offset)
            except Exception as error:  # a broken search shows no results, never an error page
                if attempt or not self._recover(error):
                    logger.exception("%s search failed for %r", self.name, text[:MAX_QUERY_LENGTH])
                    break
        return SearchResults(hits=[], total=0)

    def _search(self, text: str, filters: SearchFilters, sort: str, limit: int, offset: int) -> SearchResults:
        self._learn_indexed_words()
        plan = self._spell(query.plan(text, self._synonyms()))
        if plan.is_empty and plan.text:  # only symbols, emoji or over-long "words": nothing to look for
            return SearchResults(hits=[], total=0)
        page = self._retrieve(plan, filters, sort=sort, limit=limit, offset=offset)
        highlighter = Highlighter.for_plan(plan)
        hits = [self._hit(guide, highlighter) for guide in page.guides]
        nearest: list[Hit] = []
        if page.total < FEW_HITS and not plan.is_empty:
            shown = {hit.id for hit in hits}
            wider = self._retrieve(
                plan, filters, sort=SORT_RELEVANCE, limit=NEAREST_LIMIT + len(shown), offset=0, widen=True
            )
            nearest = [self._hit(guide, highlighter) for guide in wider.guides if guide.id not in shown][:NEAREST_LIMIT]
        return SearchResults(
            hits=hits, total=page.total, facets=page.facets, suggestion=plan.suggestion(), nearest=nearest
        )

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        text = normalise(str(prefix or ""))
        if len(text) < 2 or not words(text) or limit <= 0:
            return []
        try:
            return self._completions(text, min(limit, MAX_LIMIT))
        except Exception:  # completions are a nicety: failing them must not fail the page
            logger.exception("%s suggestions failed for %r", self.name, text)
            return []

    def _completions(self, text: str, limit: int) -> list[str]:
        suggestions = self._titles_starting(text, limit)
        last = words(text)[-1]
        if len(last) >= 2:
            start = text[: text.rfind(last)]
            frequent = self._frequent_words(last, limit + SUGGEST_WORD_MARGIN)
            suggestions += [start + word for word in frequent if len(word) > 2 and not is_stopword(word)]
        return list(dict.fromkeys(suggestions))[:limit]

    def _spell(self, plan: query.QueryPlan) -> query.QueryPlan:
        """The plan for this library: widened by how much it uses each word, spelt as it spells them."""
        if plan.is_empty:
            return plan
        known = self._known(plan.concepts)
        plan = plan.with_doubts(self._doubtful(plan.concepts, known))
        plan = plan.with_longer_words(
            [() if k else self._longer_words(c.word) for c, k in zip(plan.concepts, known, strict=True)]
        )
        plan = plan.with_siblings([() if k else self._siblings(c) for c, k in zip(plan.concepts, known, strict=True)])
        plan = plan.for_library(known, *self._shares(plan.words_to_count()))
        plan = plan.with_spellings([self._spellings(c.word) if is_folded(c.word) else () for c in plan.concepts], known)
        fixes = [self._correction(c) if c.needs_spelling and c.max_edits else None for c in plan.concepts]
        plan = plan.with_corrections(fixes)
        return plan.with_emphasis()

    def _learn_indexed_words(self) -> None:
        """Query compounds split on the indexed guides' own words too ("lönekartläggning"): the
        compound lexicon learns them at the first search, and again when the content has changed,
        as another process (a second web worker, an import) may have indexed a guide since."""
        from operations.content_cache import readable_generation

        content = (readable_generation(),)
        if self._lexicon_read_at != content:
            compounds.lexicon().add_indexed(self._indexed_words())
            self._lexicon_read_at = content

    def _correction(self, concept: query.Concept) -> str | None:
        """The indexed word a misspelt word most likely meant: another word, not one the word
        already finds by its stem (a doubtful word's)."""
        near = self._words_near(concept.word, concept.max_edits)
        others = {word: n for word, n in near.items() if stem(word) != stem(concept.word)}
        return spelling.best_correction(concept.word, others, concept.max_edits)

    def _doubtful(self, concepts: tuple[query.Concept, ...], known: list[bool]) -> list[bool]:
        """For each concept: is its word known only because its stem is some guide's word's stem,
        while no guide spells it so, no dictionary knows it and it is no compound of known parts?
        "sjukskrivnig" shares "sjukskrivn" with "sjukskrivna" and is still a typo of
        "sjukskrivning"; an inflection no guide uses ("mötena") is a word wordfreq knows."""
        lexicon = compounds.lexicon()
        unlisted = [
            c.word for c, k in zip(concepts, known, strict=True)
            if k and not lexicon.zipf(c.word) and not compounds.split(c.word)
        ]  # fmt: skip
        spelt = self._spelt(unlisted) if unlisted else set()
        return [c.word in unlisted and c.word not in spelt for c in concepts]

    def _longer_words(self, word: str) -> tuple[str, ...]:
        """Indexed words that start with a word no guide uses, the most used first ("rehab")."""
        if len(word) < expansions.MIN_CLIPPED_LENGTH or is_stopword(word):
            return ()
        longer = [w for w in self._frequent_words(word, expansions.MAX_LONGER_WORDS + 1) if w != word]
        return tuple(longer[: expansions.MAX_LONGER_WORDS])

    def _siblings(self, concept: query.Concept) -> tuple[str, ...]:
        """Indexed compounds with the same first part as a compound no guide uses, the most used
        first, one form of each ("provtid": "provanställning"; "sjukintyg": "sjukskrivning")."""
        if not concept.compound:
            return ()
        head = concept.compound[0]
        start = os.path.commonprefix([concept.word, head])  # "prov" of "provtid" read as "prova" + "tid"
        if len(start) < compounds.MIN_PART_LENGTH:
            return ()
        found: dict[str, str] = {}
        for word in self._frequent_words(start, expansions.SIBLING_CANDIDATES):
            halves = compounds.split(word)
            if word != concept.word and halves and halves[0] == head and halves[1] != concept.compound[1]:
                found.setdefault(stem(word), word)
        return tuple(found.values())[: expansions.MAX_SIBLINGS]

    @staticmethod
    def _hit(guide: StoredGuide, highlighter: Highlighter) -> Hit:
        # A members-only guide is found by its body but never quotes it.
        texts = [guide.summary] if guide.members_only else [guide.summary, guide.body]
        return Hit(id=guide.id, score=guide.score, snippet=highlighter.snippet(texts))

    def _recover(self, error: Exception) -> bool:
        """Repair the engine after a failed search; True if the search is worth trying again."""
        return False

    @abc.abstractmethod
    def _indexed_words(self) -> Iterable[str]:
        """Every distinct word of the indexed guides."""

    @abc.abstractmethod
    def _known(self, concepts: tuple[query.Concept, ...]) -> list[bool]:
        """For each concept: does any indexed guide contain the word (or its stem, or as a compound part)?"""

    @abc.abstractmethod
    def _shares(self, words: list[str]) -> tuple[int, Mapping[str, float]]:
        """How many guides the index holds, and for each word the share of them that use it (in
        any form the index stems alike): exact, or an estimate good for the common words."""

    @abc.abstractmethod
    def _spelt(self, words: list[str]) -> set[str]:
        """The words a guide readers may read has as written (the public vocabulary), not only by stem."""

    @abc.abstractmethod
    def _spellings(self, word: str) -> tuple[str, ...]:
        """Spellings with å, ä, ö that the guides use, of a word typed without them ("lon" -> "lön")."""

    @abc.abstractmethod
    def _words_near(self, word: str, max_edits: int) -> Mapping[str, int]:
        """Indexed words that may be what a misspelt word meant, with how many guides use them."""

    @abc.abstractmethod
    def _titles_starting(self, text: str, limit: int) -> list[str]:
        """Titles of guides with a word sequence starting like normalised text, best first."""

    @abc.abstractmethod
    def _frequent_words(self, prefix: str, limit: int) -> list[str]:
        """Vocabulary words starting with prefix, used by the most guides first."""

    @abc.abstractmethod
    def _retrieve(
        self, plan: query.QueryPlan, filters: SearchFilters, *, sort: str, limit: int, offset: int, widen: bool = False
    ) -> RetrievedPage:
        """One page of guides matching the plan and filters, with facet counts.

        widen=True asks for the nearest guides instead: any concept may match, misspellings allowed.
        """
