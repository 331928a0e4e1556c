"""What a Swedish query asks for, before any engine sees it: one concept per meaningful word.

A concept is a word with the ways it may be found: its stem, the Swedish spellings of a word typed
without å, ä, ö ("lon" for "lön"), the editors' synonyms, related words from open lexical data
(thesaurus synonyms, Swedish for English words; search.expansions), the parts of a compound
("lönesamtal" -> "lön" + "samtal") and, when the index does not know the word, the closest word it
does know. Question and function words ("hur", "måste", "how to") are not concepts.
Engines turn a plan into their own query language; none of the user's text is ever parsed as query syntax.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from search import analysis, compounds, expansions
from search.analysis import is_stopword, max_edits, normalise, words
from search.synonyms import SynonymTable

#: A word more than this share of the library's guides use needs no thesaurus synonyms: the library
#: already speaks the reader's language, and the synonyms of a common word would only add guides
#: that merely mention them (and, at 100,000 guides, tens of thousands of matches to count).
COMMON_SHARE = 0.1


def is_common(guides_using: int, guides: int) -> bool:
    return guides_using > COMMON_SHARE * guides


@dataclass(frozen=True)
class Concept:
    word: str  # as typed, normalised
    synonyms: tuple[tuple[str, ...], ...] = ()  # each editor's synonym as its words
    related: tuple[expansions.Expansion, ...] = ()  # thesaurus synonyms and translations, each with its weight
    compound: tuple[str, ...] = ()  # the two halves of a compound word
    spellings: tuple[str, ...] = ()  # spellings with å, ä, ö that the guides use, of a word typed without
    known: bool = True  # the guides have the word or one of its spellings
    correction: str | None = None  # the closest indexed word when the word is unknown

    def compound_halves(self) -> tuple[tuple[str, ...], ...]:
        """Each half of a compound query word with its other forms: "konflikthantering" is found by
        "konflikt" and "hantering" or "hantera" ("Hantera konflikter i gruppen")."""
        return tuple((half, *analysis.base_forms(half), *analysis.derived_forms(half)) for half in self.compound)

    def forms(self) -> tuple[str, ...]:
        """The word, its other inflected forms and the thesaurus headwords it is a form of
        ("konflikterna": "konflikt"): how many guides use any of them says how common it is."""
        return tuple(
            dict.fromkeys(
                (
                    self.word,
                    *(e.words[0] for e in self.related if e.source == expansions.FORM),
                    *expansions.vocabulary().headwords(self.word),
                )
            )
        )

    def for_library(self, guides_using: Mapping[str, int], guides: int) -> Concept:
        """Synonyms of synonyms only for a word the library does not use, and no thesaurus synonyms
        at all for a word it commonly uses."""
        using = max(guides_using.get(form, 0) for form in self.forms())
        dropped = {expansions.SECOND_HOP} if using else set()
        if is_common(using, guides):
            dropped.add(expansions.THESAURUS)
        return replace(self, related=tuple(e for e in self.related if e.source not in dropped))

    @property
    def max_edits(self) -> int:
        return max_edits(self.word)

    @property
    def needs_spelling(self) -> bool:
        """Unknown to the index, and neither an editor's synonym nor a word the lexical data knows:
        probably misspelt."""
        return not (self.known or self.synonyms or self.related)

    def stems(self) -> set[str]:
        """Every stem this concept matches in guide text, for highlighting."""
        corrections = (self.correction,) if self.correction else ()
        related = tuple(expansion.words for expansion in self.related)
        alternatives = ((self.word,), *self.synonyms, *related, *self.compound_halves(), self.spellings, corrections)
        return {form for alternative in alternatives for word in alternative for form in analysis.stems(word)}


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

    def words_to_count(self) -> list[str]:
        """The words whose number of guides for_library() needs."""
        return list(dict.fromkeys(form for concept in self.concepts for form in concept.forms()))

    def for_library(self, guides_using: Mapping[str, int], guides: int) -> QueryPlan:
        """The plan for a library of `guides` guides, given how many use each of words_to_count()."""
        return replace(self, concepts=tuple(c.for_library(guides_using, guides) for c in self.concepts))

    def with_spellings(self, spellings: list[tuple[str, ...]], known: list[bool]) -> QueryPlan:
        concepts = tuple(
            replace(c, spellings=s, known=k or bool(s)) for c, s, k in zip(self.concepts, spellings, known, strict=True)
        )
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
    """The concepts of a query. Stopwords and question words are dropped unless nothing else is left."""
    text = normalise(query)
    all_words = words(text)
    in_phrases = synonyms.phrase_alternatives(all_words)
    query_words = list(dict.fromkeys(all_words))
    reader = expansions.vocabulary()
    content = [word for word in query_words if not is_stopword(word)]
    meaningful = [word for word in content if not reader.is_filler(word)] or content or query_words
    related = expansions.expand(all_words, meaningful)
    concepts = []
    for word in meaningful:
        editors = tuple(
            tuple(words(term)) for term in dict.fromkeys((*synonyms.alternatives(word), *in_phrases.get(word, ())))
        )
        others = tuple(dict.fromkeys(e for e in related.get(word, ()) if e.words not in editors and e.words != (word,)))
        concepts.append(Concept(word=word, synonyms=editors, related=others, compound=compounds.split(word) or ()))
    return QueryPlan(text=text, concepts=tuple(concepts))
