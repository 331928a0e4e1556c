"""What a Swedish query asks for, before any engine sees it: one concept per meaningful word.

A concept is a word with the ways it may be found: its stem, its folded form ("lon" for "lön"),
the editors' synonyms, the parts of a compound ("lönesamtal" -> "lön" + "samtal") and, when the
index does not know the word, the closest word it does know. Engines turn a plan into their own
query language; none of the user's text is ever parsed as query syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from search import compounds
from search.analysis import is_folded, is_stopword, max_edits, normalise, stem, words
from search.synonyms import SynonymTable


@dataclass(frozen=True)
class Concept:
    word: str  # as typed, normalised
    synonyms: tuple[tuple[str, ...], ...] = ()  # each synonym as its words
    compound: tuple[str, ...] = ()  # the two halves of a compound word
    known: bool = True  # the index has the word (as a stem, a folded form or in a compound)
    correction: str | None = None  # the closest indexed word when the word is unknown

    @property
    def stem(self) -> str:
        return stem(self.word)

    @property
    def folded(self) -> bool:
        """Typed without å, ä, ö: may mean a word with them."""
        return is_folded(self.word)

    @property
    def max_edits(self) -> int:
        return max_edits(self.word)

    @property
    def needs_spelling(self) -> bool:
        """Unknown to the index and not an editor's synonym: probably misspelt."""
        return not (self.known or self.synonyms)

    def stems(self) -> set[str]:
        """Every stem this concept matches in guide text, for highlighting."""
        found = {self.stem}
        for alternative in (*self.synonyms, self.compound, (self.correction,) if self.correction else ()):
            found.update(stem(word) for word in alternative)
        return found


@dataclass(frozen=True)
class QueryPlan:
    text: str  # the normalised query
    concepts: tuple[Concept, ...]

    @property
    def is_empty(self) -> bool:
        return not self.concepts

    @property
    def required(self) -> int:
        """How many concepts a guide must match: all of up to two, then about two in three,
        so a question in plain words ("hur ger jag feedback till en kollega") still finds guides."""
        count = len(self.concepts)
        return count - (count - 1) // 2 if count > 2 else count

    def adjacent_pairs(self) -> list[tuple[Concept, Concept]]:
        """Neighbouring concepts, for the bonus when guide text has them close together."""
        return list(zip(self.concepts, self.concepts[1:], strict=False))

    def with_known(self, known: list[bool]) -> QueryPlan:
        concepts = tuple(replace(c, known=k) for c, k in zip(self.concepts, known, strict=True))
        return replace(self, concepts=concepts)

    def with_corrections(self, corrections: list[str | None]) -> QueryPlan:
        concepts = tuple(replace(c, correction=fix) for c, fix in zip(self.concepts, corrections, strict=True))
        return replace(self, concepts=concepts)

    def suggestion(self) -> str | None:
        """The query with unknown words replaced by their corrections ("Menade du …?")."""
        corrections = {c.word: c.correction for c in self.concepts if c.correction and c.needs_spelling}
        if not corrections:
            return None
        return re.sub(r"[^\W_]+", lambda match: corrections.get(match.group(), match.group()), self.text)


def plan(query: str, synonyms: SynonymTable) -> QueryPlan:
    """The concepts of a query; stopwords are dropped unless nothing else is left."""
    text = normalise(query)
    all_words = words(text)
    in_phrases = synonyms.phrase_alternatives(all_words)
    query_words = list(dict.fromkeys(all_words))
    meaningful = [word for word in query_words if not is_stopword(word)] or query_words
    concepts = tuple(
        Concept(
            word=word,
            synonyms=tuple(
                tuple(words(term)) for term in dict.fromkeys((*synonyms.alternatives(word), *in_phrases.get(word, ())))
            ),
            compound=compounds.split(word) or (),
        )
        for word in meaningful
    )
    return QueryPlan(text=text, concepts=concepts)
