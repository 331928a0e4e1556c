"""What a Swedish query asks for, before any engine sees it: one concept per meaningful word.

A concept is a word with the ways it may be found: its stem, the Swedish spellings of a word typed
without å, ä, ö ("lon" for "lön"), the editors' synonyms, related words from open lexical data
(thesaurus synonyms, Swedish for English words; search.expansions), the parts of a compound
("lönesamtal" -> "lön" + "samtal") and, when the index does not know the word, the closest word it
does know. Question and function words ("hur", "måste", "how to") are not concepts.
Engines turn a plan into their own query language; none of the user's text is ever parsed as query syntax.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from search import analysis, compounds, expansions
from search.analysis import is_stopword, max_edits, normalise, words
from search.synonyms import SynonymTable

#: Expansions from general lexical data, the least sure: the ones given up when a query would
#: match too much of a large library.
UNSURE_SOURCES = frozenset(
    {
        expansions.READER_GLOSSARY,
        expansions.THESAURUS,
        expansions.SECOND_HOP,
        expansions.DICTIONARY,
        expansions.PREFIX,
        expansions.SIBLING,
    }
)
#: A query keeps its unsure expansions only while it is expected to match at most this many guides
#: (the least sure and most common go first). Never binds in a library smaller than this; at
#: 100,000 guides, it keeps "styrka" from matching a third of them through "kraft", "fördel", "ork"…
#: that each count for little (their inverse document frequency is low), and bounds the work of
#: counting and faceting the matches.
MAX_EXPANDED_MATCHES = 3_000
#: A concept that more than this share of the library matches says little of what a guide is about
#: ("jobbet", "anställd" in a library for managers): beside rarer concepts it is not required, and
#: adds to a guide's score without counting to its coverage (QueryPlan.with_common_concepts).
COMMON_SHARE = 0.4
#: ... only while the rarer concepts alone are expected to match at most this many guides: then
#: no query matches more guides for it than a rare word does (at 100,000 guides, 1 %), and the
#: PostgreSQL engine's counting and faceting stay cheap. Never binds below 1,000 guides.
MAX_CORE_MATCHES = 1_000
#: Both halves of a compound query word (the engines weigh that way of matching with this).
COMPOUND_WEIGHT = 0.6
#: The weight of a word that stands alone for a reader glossary phrase whose other words the
#: index drops ("säga" of "säga upp sig", expansions.ReaderVocabulary.loose_words). Without the
#: rest of the phrase it is mostly another sense ("Säg nej"), as far off as a synonym of a
#: synonym: a guide with it in its title must not outrank one with the phrase's term in its ingress.
LOOSE_WORD_WEIGHT = expansions.SECOND_HOP_WEIGHT
#: Expansions that are the word itself in another form.
WORD_FORMS = frozenset({expansions.FORM, expansions.DERIVED})
#: A concept whose word no guide uses counts at most this many times its ways' own weights
#: (QueryPlan.with_emphasis): enough for its surest expansion to count as a word a guide has.
MAX_EMPHASIS = 2.0


def phrase_share(phrase: tuple[str, ...], shares: Mapping[str, float]) -> float:
    """The share of guides with all the words of a phrase but its stopwords ("på en gång": "gång")."""
    meaningful = [word for word in phrase if not is_stopword(word)] or phrase
    return min(shares.get(word, 0.0) for word in meaningful)


@dataclass(frozen=True)
class Concept:
    word: str  # as typed, normalised
    synonyms: tuple[tuple[str, ...], ...] = ()  # each editor's synonym as its words
    related: tuple[expansions.Expansion, ...] = ()  # thesaurus synonyms and translations, each with its weight
    compound: tuple[str, ...] = ()  # the two halves of a compound word
    spellings: tuple[str, ...] = ()  # spellings with å, ä, ö that the guides use, of a word typed without
    known: bool = True  # the guides have the word or one of its spellings
    doubtful: bool = False  # known only by a stem, and no word as written (AnalysedEngine._doubtful)
    correction: str | None = None  # the closest indexed word when the word is unknown
    emphasis: float = 1.0  # how much the whole concept counts beside the others (QueryPlan.with_emphasis)
    common: bool = False  # matched by most of the library: neither required nor counted to coverage
    literal_weight: float = 1.0  # the word's own weight: less when it stands alone for a reader phrase
    specificity: float = 1.0  # how few of the library's guides have the word (specificity_in)

    def compound_halves(self) -> tuple[tuple[str, ...], ...]:
        """Each half of a compound query word with its other forms: "konflikthantering" is found by
        "konflikt" and "hantering" or "hantera" ("Hantera konflikter i gruppen")."""
        return tuple((half, *analysis.base_forms(half), *analysis.derived_forms(half)) for half in self.compound)

    def forms(self) -> tuple[str, ...]:
        """The word, its stems, its other inflected forms and the thesaurus headwords it is a form of
        ("konflikterna": "konflikt"): the share of guides that use any of them is the word's."""
        found = (
            self.word,
            *analysis.stems(self.word),
            *(e.words[0] for e in self.related if e.source == expansions.FORM),
            *expansions.vocabulary().headwords(self.word),
        )
        return tuple(dict.fromkeys(found))

    def specificity_in(self, guides: int, shares: Mapping[str, float]) -> float:
        """How few of the library's guides have the word (any of its forms, not its expansions):
        its inverse document frequency, ln(1 / share), over the largest one, ln(guides): 1 for a
        word one guide has (or none, or one the statistics do not list), 0 for one every guide has."""
        share = max(shares.get(form, 0.0) for form in self.forms())
        if guides < 2 or share <= 0.0:
            return 1.0
        return min(math.log(1.0 / max(share, 1.0 / guides)) / math.log(guides), 1.0)

    def share(self, shares: Mapping[str, float]) -> float:
        """The share of guides expected to match the concept, if its words occur independently."""
        missed = 1.0 - max(shares.get(form, 0.0) for form in self.forms())
        for expansion in self.related:
            missed *= 1.0 - phrase_share(expansion.words, shares)
        return 1.0 - missed

    def without(self, dropped: set[expansions.Expansion]) -> Concept:
        return replace(self, related=tuple(e for e in self.related if e not in dropped))

    def surest_weight(self) -> float:
        """The weight of the concept's surest expansion (or of its compound halves)."""
        return max([e.weight for e in self.related] + ([COMPOUND_WEIGHT] if self.compound else []))

    def explained_only(self) -> bool:
        """A word no guide uses that only the reader vocabulary explains ("berusad", "sparka"):
        not a misspelling, a folded word or a word with editors' synonyms; or a word that stands
        alone for a reader glossary phrase and is weighed below it ("säga" of "säga upp sig")."""
        unknown = not (self.known or self.synonyms or self.spellings or self.correction)
        return (unknown or self.literal_weight < 1.0) and bool(self.related)

    @property
    def max_edits(self) -> int:
        return max_edits(self.word)

    @property
    def needs_spelling(self) -> bool:
        """Unknown to the index (or known only by a stem, and doubtful as written), and neither an
        editor's synonym nor a word the lexical data knows: probably misspelt."""
        return not ((self.known and not self.doubtful) or self.synonyms or self.related)

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

    def core(self) -> tuple[Concept, ...]:
        """The concepts a guide is chosen by: all but the common ones (with_common_concepts)."""
        return tuple(c for c in self.concepts if not c.common)

    @property
    def required(self) -> int:
        """How many of the core concepts a guide must match: of all the concepts, all of up to two,
        then about two in three, so a question in plain words ("hur ger jag feedback till en
        kollega") still finds guides; the common concepts are taken as matched. So a common concept
        only ever loosens what a guide must match, never tightens it."""
        count = len(self.concepts)
        of_all = count - (count - 1) // 2 if count > 2 else count
        return max(of_all - (count - len(self.core())), 1)

    def adjacent_pairs(self) -> list[tuple[Concept, Concept]]:
        """Neighbouring concepts, for the bonus when guide text has them close together."""
        return list(zip(self.concepts, self.concepts[1:], strict=False))

    def words_to_count(self) -> list[str]:
        """The words whose share of the library for_library() needs."""
        found = [form for concept in self.concepts for form in concept.forms()]
        found += [word for concept in self.concepts for e in concept.related for word in e.words]
        return list(dict.fromkeys(found))

    def expected_matches(self, guides: int, shares: Mapping[str, float]) -> float:
        """Guides expected to match: the required number of the broadest concepts, all at once."""
        broadest = sorted((c.share(shares) for c in self.core()), reverse=True)[: self.required]
        return guides * math.prod(broadest)

    def with_common_concepts(self, guides: int, shares: Mapping[str, float]) -> QueryPlan:
        """Concepts that most of the library matches (over COMMON_SHARE), beside at least one that it
        does not, are no longer required: "sparka en anställd" is about "sparka" (avskeda), and the
        guide "Avsked" need not say "anställd" to be found. They still add to the score (as
        Elasticsearch's common terms query treats frequent words). Only while the rarer concepts
        alone are expected to match at most MAX_CORE_MATCHES guides, so a large library never
        counts and facets many more guides for it."""
        common = [c.share(shares) > COMMON_SHARE for c in self.concepts]
        if all(common) or not any(common):
            return self
        found = replace(self, concepts=tuple(replace(c, common=x) for c, x in zip(self.concepts, common, strict=True)))
        return found if found.expected_matches(guides, shares) <= MAX_CORE_MATCHES else self

    def for_library(self, known: list[bool], guides: int, shares: Mapping[str, float]) -> QueryPlan:
        """The plan for a library of `guides` guides that has each concept's word or not (known),
        given the share of its guides that use each of words_to_count(): how specific each word is,
        synonyms of synonyms only for words it does not have, and no more unsure expansions than
        MAX_EXPANDED_MATCHES allows; then the concepts most of it matches are marked common
        (with_common_concepts)."""
        concepts = tuple(
            replace(
                c.without({e for e in c.related if e.source == expansions.SECOND_HOP}) if used else c,
                specificity=c.specificity_in(guides, shares),
            )
            for c, used in zip(self.concepts, known, strict=True)
        )
        found = replace(self, concepts=concepts)
        unsure = sorted(
            {e for c in concepts for e in c.related if e.source in UNSURE_SOURCES},
            key=lambda e: (e.weight, -phrase_share(e.words, shares), e.words, e.source),  # the same in every process
        )
        for expansion in unsure:
            if found.expected_matches(guides, shares) <= MAX_EXPANDED_MATCHES:
                break
            found = replace(found, concepts=tuple(c.without({expansion}) for c in found.concepts))
        return found.with_common_concepts(guides, shares)

    def with_longer_words(self, longer: list[tuple[str, ...]]) -> QueryPlan:
        """Each concept also found by indexed words that start with its word, for a clipped word
        no guide uses ("rehab": "rehabilitering")."""
        return self._with_words(longer, expansions.PREFIX_WEIGHT, expansions.PREFIX)

    def with_siblings(self, siblings: list[tuple[str, ...]]) -> QueryPlan:
        """Each compound no guide uses also found by the library's compounds with its first part
        ("provtid": "provanställning")."""
        return self._with_words(siblings, expansions.SIBLING_WEIGHT, expansions.SIBLING)

    def _with_words(self, found_words: list[tuple[str, ...]], weight: float, source: str) -> QueryPlan:
        concepts = tuple(
            replace(c, related=(*c.related, *(expansions.Expansion((w,), weight, source) for w in found)))
            for c, found in zip(self.concepts, found_words, strict=True)
        )
        return replace(self, concepts=concepts)

    def with_spellings(self, spellings: list[tuple[str, ...]], known: list[bool]) -> QueryPlan:
        concepts = tuple(
            replace(c, spellings=s, known=k or bool(s)) for c, s, k in zip(self.concepts, spellings, known, strict=True)
        )
        return replace(self, concepts=concepts)

    def with_doubts(self, doubtful: list[bool]) -> QueryPlan:
        concepts = tuple(replace(c, doubtful=d) for c, d in zip(self.concepts, doubtful, strict=True))
        return replace(self, concepts=concepts)

    def with_corrections(self, corrections: list[str | None]) -> QueryPlan:
        concepts = tuple(replace(c, correction=fix) for c, fix in zip(self.concepts, corrections, strict=True))
        return replace(self, concepts=concepts)

    def with_emphasis(self) -> QueryPlan:
        """A word no guide uses, beside words the guides do use, counts as much as they do.

        Its expansions weigh less than a word itself so that a guide with the word outranks a
        guide with a synonym of it. No guide has this word, so that comparison never arises; but
        at its expansions' weights it would count for less than the query's other words, which
        are often the generic ones ("berusad på jobbet": "Besked till kandidater som inte fick
        jobbet" above "Alkohol och missbruk", whose text says "påverkad"). Such a concept is
        scaled so that its surest way of matching counts as a word would (at most MAX_EMPHASIS
        times), keeping the order of its ways. When no word of the query is known (an English
        query, a query of unknown words) every concept is alike and nothing is scaled: scaling
        would only lift the weakest translations ("planning") above the surer ones."""
        if not any(c.known for c in self.concepts):
            return self
        concepts = tuple(
            replace(c, emphasis=min(1.0 / c.surest_weight(), MAX_EMPHASIS)) if c.explained_only() else c
            for c in self.concepts
        )
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
    loose = reader.loose_words(all_words, meaningful)
    concepts = []
    for word in meaningful:
        editors = tuple(
            tuple(words(term)) for term in dict.fromkeys((*synonyms.alternatives(word), *in_phrases.get(word, ())))
        )
        others = tuple(dict.fromkeys(e for e in related.get(word, ()) if e.words not in editors and e.words != (word,)))
        literal = LOOSE_WORD_WEIGHT if word in loose and not editors else 1.0
        # The word's other forms are the word: they weigh as little when it stands for a phrase.
        others = tuple(replace(e, weight=e.weight * literal) if e.source in WORD_FORMS else e for e in others)
        concepts.append(
            Concept(
                word=word,
                synonyms=editors,
                related=others,
                compound=compounds.split(word) or (),
                literal_weight=literal,
            )
        )
    return QueryPlan(text=text, concepts=tuple(concepts))
