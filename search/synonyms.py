"""Editors' synonyms ("utvecklingssamtal, medarbetarsamtal"), applied when a query is planned.

Expansion happens at query time, so an edited group takes effect without reindexing. Each process
forgets its copy when a group is saved or deleted there, and re-reads the groups when the content
generation changed (saving a group bumps it in every process that shares the cache, see
operations.content_cache), or at the latest every SYNONYM_TTL seconds.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterable

from search.analysis import normalise, stem, words

logger = logging.getLogger(__name__)

SYNONYM_TTL = 60.0
TERM_SEPARATOR = re.compile(r"[,;\n]")


def parse_terms(text: str) -> list[str]:
    """The distinct terms of an editor's comma-separated list, normalised like queries."""
    terms: list[str] = []
    for raw in TERM_SEPARATOR.split(text or ""):
        term = " ".join(words(normalise(raw)))
        if term and term not in terms:
            terms.append(term)
    return terms


class SynonymTable:
    """Synonym groups, looked up by a query word as typed or by its stem."""

    def __init__(self, groups: Iterable[Iterable[str]] = ()) -> None:
        self.groups = tuple(tuple(group) for group in groups)
        self._by_key: dict[str, set[int]] = {}
        self._phrases: list[tuple[tuple[str, ...], int]] = []  # multi-word terms, as stems
        for number, group in enumerate(self.groups):
            for term in group:
                if " " in term:
                    self._phrases.append((tuple(stem(word) for word in term.split()), number))
                else:
                    for key in {term, stem(term)}:
                        self._by_key.setdefault(key, set()).add(number)

    def alternatives(self, word: str) -> tuple[str, ...]:
        """The other terms of every group the word belongs to ("medarbetarsamtal" -> "utvecklingssamtal")."""
        numbers = self._by_key.get(word, set()) | self._by_key.get(stem(word), set())
        found: list[str] = []
        for number in sorted(numbers):
            for term in self.groups[number]:
                if term != word and stem(term) != stem(word) and term not in found:
                    found.append(term)
        return tuple(found)

    def phrase_alternatives(self, query_words: list[str]) -> dict[str, tuple[str, ...]]:
        """For each word of the query inside a multi-word term, that term's alternatives:
        in "lagen om anställningsskydd", "lagen" and "anställningsskydd" may also be "las"."""
        stems = [stem(word) for word in query_words]
        found: dict[str, list[str]] = {}
        for phrase, number in self._phrases:
            for start in range(len(stems) - len(phrase) + 1):
                if tuple(stems[start : start + len(phrase)]) == phrase:
                    others = [t for t in self.groups[number] if tuple(stem(w) for w in t.split()) != phrase]
                    for word in query_words[start : start + len(phrase)]:
                        found.setdefault(word, []).extend(others)
        return {word: tuple(dict.fromkeys(alternatives)) for word, alternatives in found.items()}


_lock = threading.Lock()
_cached: tuple[float, int, SynonymTable] | None = None


def current_synonyms() -> SynonymTable:
    """The editors' synonym groups as this process last read them (empty if the table is unreadable)."""
    global _cached
    from operations.content_cache import readable_generation

    content = readable_generation()  # None when the cache does not answer: the TTL alone decides
    with _lock:
        if _cached and time.monotonic() - _cached[0] < SYNONYM_TTL and _cached[1] == content:
            return _cached[2]
    from search.models import SynonymGroup

    try:
        table = SynonymTable(group.terms() for group in SynonymGroup.objects.all())
    except Exception:  # a search must not fail because the synonyms cannot be read
        logger.exception("Could not read synonym groups; searching without synonyms")
        return SynonymTable()
    with _lock:
        _cached = (time.monotonic(), content, table)
    return table


def forget_synonyms(**kwargs) -> None:
    """Signal receiver: the next query re-reads the synonym groups."""
    global _cached
    with _lock:
        _cached = None
