"""What else a reader's words may mean: other forms of a word, Swedish synonyms, English words in
Swedish, and the words that only ask ("hur", "måste", "how") rather than say what the reader is looking for.

Built from open lexical data shipped in search/data/ (licences in docs/search.md), so a library
needs no synonym per guide: the Swedish thesaurus of Synlex / Folkets synonymlexikon (as Debian's
mythes-sv ships it), FreeDict English-Swedish, a curated glossary of English HR terms and a curated
glossary of the everyday Swedish readers use for the terms of working life ("sparka", "tjafs").
Every expansion carries a weight below an exact match's 1.0, by how reliable its source is.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import wordfreq
import yaml

from search.analysis import base_forms, derived_forms, is_stopword, stem, words
from search.compounds import split

DATA = Path(__file__).resolve().parent / "data"

#: Another form of the same word that Snowball stems differently ("sjukskrivna", "sjukskriven").
INFLECTION_WEIGHT = 0.9
#: The noun of a verb or the verb of a noun ("planera", "planering"): the same act, another word.
DERIVED_WEIGHT = 0.6
#: An English phrase of the curated glossary: as sure as an editor's synonym, a little surer for
#: its first (most specific) Swedish term, less for each further one.
GLOSSARY_WEIGHT = 0.8
GLOSSARY_STEP = 0.1
MIN_GLOSSARY_WEIGHT = 0.5
#: A Swedish reader's word or phrase of the curated reader glossary ("gå in i väggen" ->
#: utmattningssyndrom): less sure than an editor's synonym (it is general, not the library's own),
#: surer than a derivation or the thesaurus; less for each further term.
READER_GLOSSARY_WEIGHT = 0.65
READER_GLOSSARY_STEP = 0.05
MIN_READER_GLOSSARY_WEIGHT = 0.5
#: Words Swedish word order puts after the first word of a phrase: a subject pronoun between a
#: verb and the rest of its phrase in a question or after a fronted word ("hur säger jag upp
#: någon", "då går man in i väggen"), a finite "är", "blir", "har" after an adverb in a
#: subordinate clause ("när någon ofta är sjuk"). A reader glossary phrase is found across one.
PHRASE_GAPS = frozenset(
    {"jag", "du", "man", "vi", "ni", "han", "hon", "hen", "de", "dom", "är", "var", "blir", "blev", "har", "hade"}
)
#: Object pronouns of a reflexive verb, read alike in a reader glossary phrase ("säga upp sig",
#: "sa upp mig").
REFLEXIVES = frozenset({"sig", "mig", "dig", "oss", "er", "sej", "mej", "dej"})
#: A longer word of the library that an unknown query word starts: a clipped word ("rehab" for
#: "rehabilitering"), or the start of a compound. At most MAX_LONGER_WORDS, the most used first.
PREFIX_WEIGHT = 0.5
MAX_LONGER_WORDS = 3
MIN_CLIPPED_LENGTH = 4
#: A compound of the library with the same first part as a compound no guide uses ("provtid" ->
#: provanställning, "sjukfrånvaro" -> sjukskrivning, sjuklön): a sibling, not a synonym. At most
#: MAX_SIBLINGS, the most used first, read from SIBLING_CANDIDATES words that start alike.
SIBLING_WEIGHT = 0.4
MAX_SIBLINGS = 3
SIBLING_CANDIDATES = 200
#: A word FreeDict translates: one of several senses, often the wrong one.
DICTIONARY_WEIGHT = 0.45
#: Thesaurus synonyms: both words list each other / only the query word lists it / only the other does.
MUTUAL_SYNONYM_WEIGHT = 0.5
LISTED_SYNONYM_WEIGHT = 0.4
LISTING_SYNONYM_WEIGHT = 0.35
#: The synonyms of a headword of the word's family ("utbränd" for "utbrändhet") count this share.
FAMILY_FACTOR = 0.8
#: A synonym of a synonym: found only for words the library does not use (query.Concept.for_library).
SECOND_HOP_WEIGHT = 0.25
MAX_SECOND_HOP = 4
MIN_SECOND_HOP_PATHS = 2
#: Two steps from the word, a common word is more often another sense than the same one:
#: "utmattad" -> slutkörd, utsliten -> *slut* (Zipf 5.4), which every guide about ending something
#: uses. Rarer words two steps away keep the sense ("sliten", "matt"). What counts is the stem, as
#: the engines search it: "vissen" is rare, but its stem "viss" is that of "vissa" (Zipf 6.2).
MAX_SECOND_HOP_ZIPF = 5.0
#: Endings tried on a stem to find the commonest word that shares it (stem_zipf).
STEM_ENDINGS = ("", "a", "e", "t", "en", "er", "ar", "or", "ade", "as", "na")
#: At most this many thesaurus synonyms per word (the most reliable, then the most common).
MAX_SYNONYMS = 6
MAX_TRANSLATIONS = 4
#: Words more common than this are too vague to stand for a query word ("bra", "sak").
MAX_SYNONYM_ZIPF = 5.8
#: An English word is read as English when English uses it this much more than Swedish (Zipf).
ENGLISH_MARGIN = 1.0
MIN_ENGLISH_ZIPF = 3.0

#: Words of a question that do not say what it is about: the Snowball stopwords drop most
#: ("hur", "vad", "jag", "kan"); these are the modal and general verbs and fillers it keeps.
QUESTION_WORDS = frozenset(
    """
    ska skall bör borde måste får fick kunna vill ville behöver behövde brukar gör göra gjorde görs
    gäller finns fanns tycker tänka tänker egentligen typ liksom bäst bästa viss vissa
    tips råd hjälp sätt vanligt hen någonting något alls
    """.split()
)
#: English function words: "how to handle conflict in the team" is about handle, conflict, team.
ENGLISH_FUNCTION_WORDS = frozenset(
    """
    a an the to of in on at for with from by about as into over after before between and or but if
    when what how why who whom which where whose do does did doing done should would could can may
    might must shall will i me my we our you your he she his her it its they them their this that
    these those is are was were be been being have has had get gets got any some there here not no
    handle deal dealing manage managing someone somebody employee's best good way ways tips advice
    """.split()
)


#: Where an expansion comes from (Expansion.source).
FORM, DERIVED, GLOSSARY, DICTIONARY = "form", "derived", "glossary", "dictionary"
READER_GLOSSARY = "reader glossary"
THESAURUS, SECOND_HOP, PREFIX, SIBLING = "thesaurus", "second hop", "prefix", "sibling"


@dataclass(frozen=True)
class Expansion:
    words: tuple[str, ...]  # the alternative, as words ("fysisk", "aktivitet")
    weight: float  # below 1.0: an expansion never counts as much as the word itself
    source: str  # FORM, DERIVED, GLOSSARY, READER_GLOSSARY, DICTIONARY, THESAURUS, SECOND_HOP, PREFIX or SIBLING


def glossary_weight(rank: int) -> float:
    """The weight of a glossary phrase's Swedish term by its place in the entry."""
    return max(GLOSSARY_WEIGHT - GLOSSARY_STEP * rank, MIN_GLOSSARY_WEIGHT)


def reader_glossary_weight(rank: int) -> float:
    """The weight of a Swedish reader glossary entry's term by its place in the entry."""
    return max(READER_GLOSSARY_WEIGHT - READER_GLOSSARY_STEP * rank, MIN_READER_GLOSSARY_WEIGHT)


def stem_zipf(phrase: str) -> float:
    """How common the commonest Swedish word is that a phrase's rarest word stems like (Zipf): what an
    engine matches when it searches the stem."""
    return min(
        max(
            wordfreq.zipf_frequency(form, "sv")
            for form in (word, *(stem(word) + ending for ending in STEM_ENDINGS))
            if form == word or stem(form) == stem(word)
        )
        for word in words(phrase) or [phrase]
    )


def _read_table(path: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or "\t" not in line:
                continue
            head, terms = line.rstrip("\n").split("\t", 1)
            table[head] = terms.split("|")
    return table


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML's safe loader (libyaml's parser when installed: the glossaries load in a fifth of the
    time), refusing a mapping that names a key twice (YAML would keep the last)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate entry {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def read_glossary(path: Path) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """A curated glossary: each word or phrase (as its words) and its terms, most specific first.
    A file that is not a mapping of phrases to non-empty lists of terms is refused, naming it."""
    try:
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506 (safe)
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not a glossary: {error}") from error
    if not isinstance(entries, dict) or not entries:
        raise ValueError(f"{path}: not a glossary: expected a mapping of phrases to lists of terms")
    glossary = {}
    for phrase, terms in entries.items():
        valid = isinstance(terms, list) and terms and all(isinstance(t, str) and words(t) for t in terms)
        if not isinstance(phrase, str) or not words(phrase) or not valid:
            raise ValueError(f"{path}: {phrase!r} needs a list of terms (phrase: [term, ...]), not {terms!r}")
        glossary[tuple(words(phrase))] = [tuple(words(term)) for term in terms]
    return glossary


def glossary_key(word: str) -> str:
    """How a word of a reader glossary phrase is matched: by its stem, any reflexive pronoun alike."""
    return "sig" if word in REFLEXIVES else stem(word)


@dataclass(frozen=True)
class Phrase:
    """A glossary phrase found in a query: its words as typed and the glossary's terms for it."""

    words: tuple[str, ...]
    terms: list[tuple[str, ...]]


def _phrase_spans(
    query_words: list[str], longest: int, lookup, gaps: frozenset[str] = frozenset()
) -> dict[int, Phrase]:
    """Glossary phrases in a query, longest first, none overlapping: for each word of a found
    phrase, the phrase (lookup(phrase words) gives its terms, or nothing). A phrase of several
    words may have one of `gaps` after its first word ("säger jag upp någon": "säga upp någon")."""
    found: dict[int, Phrase] = {}
    for size in range(min(longest, len(query_words)), 0, -1):
        for start in range(len(query_words) - size + 1):
            spans = [list(range(start, start + size))]
            if size > 1 and start + size < len(query_words) and query_words[start + 1] in gaps:
                spans.append([start, *range(start + 2, start + size + 1)])
            for span in spans:
                covered = range(span[0], span[-1] + 1)
                if found.keys() & set(covered):
                    continue
                phrase = tuple(query_words[index] for index in span)
                terms = lookup(phrase)
                if terms:
                    found.update(dict.fromkeys(covered, Phrase(phrase, terms)))
                    break
    return found


def _starts_one(word_stem: str, stems: set[str]) -> bool:
    return word_stem in stems or (len(word_stem) >= 3 and any(other.startswith(word_stem) for other in stems))


class ReaderVocabulary:
    """The lexical data, loaded once per process (see vocabulary())."""

    def __init__(self, data: Path = DATA) -> None:
        self._synonyms = self._graded_synonyms(_read_table(data / "sv_thesaurus.tsv.gz"))
        self._by_stem: dict[str, list[str]] = defaultdict(list)
        for head in self._synonyms:
            if " " not in head:
                self._by_stem[stem(head)].append(head)
        # FreeDict is GPL (docs/search.md): a distribution may leave the file out, and English
        # words outside the glossary then go untranslated.
        freedict = data / "en_sv_freedict.tsv.gz"
        self._dictionary = _read_table(freedict) if freedict.exists() else {}
        self._glossary = read_glossary(data / "hr_glossary.yml")
        self._longest_phrase = max(map(len, self._glossary))
        # The Swedish reader glossary, by stems: an entry's inflected forms find it too ("sparkade").
        self._reader: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        for phrase, terms in read_glossary(data / "sv_reader_glossary.yml").items():
            known = self._reader[tuple(map(glossary_key, phrase))]
            # One term per stem ("konflikt", "konflikter"): the engines search them alike.
            stems_known = {tuple(map(stem, term)) for term in known}
            for term in terms:
                if tuple(map(stem, term)) not in stems_known:
                    stems_known.add(tuple(map(stem, term)))
                    known.append(term)
        self._longest_reader_phrase = max(map(len, self._reader))

    @staticmethod
    def _graded_synonyms(table: dict[str, list[str]]) -> dict[str, dict[str, float]]:
        """Each headword's synonyms with a weight: higher when both entries list each other."""
        graded: dict[str, dict[str, float]] = defaultdict(dict)
        for head, synonyms in table.items():
            for synonym in synonyms:
                mutual = head in table.get(synonym, ())
                graded[head][synonym] = MUTUAL_SYNONYM_WEIGHT if mutual else LISTED_SYNONYM_WEIGHT
                if " " not in synonym:
                    graded[synonym].setdefault(head, LISTING_SYNONYM_WEIGHT)
        return dict(graded)

    # Swedish -----------------------------------------------------------------------------------

    def synonyms(self, word: str) -> list[Expansion]:
        """Thesaurus synonyms of a word as typed, or else of the headwords it is a form of
        ("konflikterna" -> "konflikt"), or else of a headword of its family ("utbrändhet" -> "utbränd");
        then, further off, the synonyms of those synonyms (SECOND_HOP)."""
        heads, factor = self.headwords(word), 1.0
        if not heads:
            heads, factor = self._family_heads(word), FAMILY_FACTOR
        found: dict[str, float] = {}
        for head in heads:
            for synonym, weight in self._synonyms[head].items():
                found[synonym] = max(factor * weight, found.get(synonym, 0.0))
        direct = self._usable(word, found)[:MAX_SYNONYMS]
        # Two steps away: a word that at least two of the direct synonyms list (one may be a
        # different sense: "ros" leads to "kritik"), along more or surer paths first.
        paths: dict[str, list[float]] = defaultdict(list)
        for synonym, weight in direct:
            for further, second in self._synonyms.get(synonym, {}).items():
                if further not in found and further not in heads:
                    paths[further].append(weight * second)
        corroborated = {
            further: sum(found)
            for further, found in paths.items()
            if len(found) >= MIN_SECOND_HOP_PATHS and stem_zipf(further) <= MAX_SECOND_HOP_ZIPF
        }
        further = self._usable(word, corroborated)[:MAX_SECOND_HOP]
        return [Expansion(tuple(words(synonym)), weight, THESAURUS) for synonym, weight in direct] + [
            Expansion(tuple(words(synonym)), SECOND_HOP_WEIGHT, SECOND_HOP) for synonym, _ in further
        ]

    def headwords(self, word: str) -> list[str]:
        """The thesaurus headwords a word is, or is a form of."""
        if word in self._synonyms:
            return [word]
        # A form of a headword shares its stem and at most an ending ("konflikt" for "konflikterna"),
        # not a derivation with the same stem ("märklig" for "märker").
        word_stem = stem(word)
        return [head for head in self._by_stem.get(word_stem, []) if len(head) <= len(word_stem) + 2] or [
            form for form in base_forms(word) if form in self._synonyms
        ]

    def _family_heads(self, word: str) -> list[str]:
        """Headwords of the word's family: the adjective of a noun in -het ("utbrändhet" -> "utbränd"),
        the verb of a noun or the noun of a verb ("delegering" -> "delegera")."""
        family = [word.removesuffix(ending) for ending in ("heten", "het") if word.endswith(ending)][:1]
        family += derived_forms(word)
        return [head for form in family if len(form) >= 3 for head in self.headwords(form)]

    @staticmethod
    def _usable(word: str, found: dict[str, float]) -> list[tuple[str, float]]:
        """The found words that may stand for the word, the most reliable and then most common first:
        not the word itself, no stopwords, nothing as vague as "bra" or "sak"."""
        usable = [
            (synonym, weight)
            for synonym, weight in found.items()
            if stem(synonym) != stem(word)
            and not is_stopword(synonym)
            and wordfreq.zipf_frequency(synonym, "sv") <= MAX_SYNONYM_ZIPF
        ]
        usable.sort(key=lambda item: (-item[1], -wordfreq.zipf_frequency(item[0], "sv")))
        return usable

    # English -----------------------------------------------------------------------------------

    def english(self, query_words: list[str]) -> dict[str, list[Expansion]]:
        """For each English word of a query, the Swedish it may stand for: a glossary phrase the
        word is part of ("notice period" -> "uppsägningstid") lends its terms to each of its words;
        other English words get FreeDict's translations."""
        found: dict[str, list[Expansion]] = defaultdict(list)
        in_phrases = _phrase_spans(query_words, self._longest_phrase, self._glossary_terms)
        covered = set(in_phrases)
        for index, phrase in in_phrases.items():
            if query_words[index] not in ENGLISH_FUNCTION_WORDS:
                found[query_words[index]] += [
                    Expansion(term, glossary_weight(rank), GLOSSARY) for rank, term in enumerate(phrase.terms)
                ]
        for index, word in enumerate(query_words):
            if index not in covered and self.is_english(word):
                translations = self._dictionary.get(word) or self._dictionary.get(word.removesuffix("s"), [])
                found[word] += [
                    Expansion(tuple(words(t)), DICTIONARY_WEIGHT, DICTIONARY) for t in translations[:MAX_TRANSLATIONS]
                ]
        return {word: expansions for word, expansions in found.items() if expansions}

    def _glossary_terms(self, phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
        terms = self._glossary.get(phrase)
        if terms is None and phrase[-1].endswith("s"):  # "layoffs", "meetings"
            terms = self._glossary.get((*phrase[:-1], phrase[-1][:-1]))
        return terms or []

    # Swedish readers' words ------------------------------------------------------------------------

    def reader_terms(self, query_words: list[str]) -> dict[str, list[Expansion]]:
        """For each word of a query that is part of a phrase of the Swedish reader glossary, longest
        first ("gå in i väggen", "säga upp sig", "tjafs"), the phrase's terms: matched by stem, so
        "sparkade" finds "sparka" and "bråket" "bråk"; or, for one word, by a base form."""
        found: dict[str, list[Expansion]] = defaultdict(list)
        for index, phrase in self._reader_phrases(query_words).items():
            found[query_words[index]] += [
                Expansion(term, reader_glossary_weight(rank), READER_GLOSSARY) for rank, term in enumerate(phrase.terms)
            ]
        return dict(found)

    def _reader_phrases(self, query_words: list[str]) -> dict[int, Phrase]:
        return _phrase_spans(query_words, self._longest_reader_phrase, self._reader_lookup, PHRASE_GAPS)

    def loose_words(self, query_words: list[str], meaningful: Iterable[str]) -> set[str]:
        """The meaningful words of a query's reader glossary phrases of several words that are no
        word (nor part of a compound) of the phrase's terms: "säga" of "vill säga upp sig", "jobba"
        of "jobba över", "jobbet" of "ny på jobbet". Alone such a word means something else (the
        indexes drop "upp" and "över" as stopwords, so "säga upp" cannot be told from "säga"): it
        should count less than the phrase's terms. "lön" of "min lön" (lönesamtal), "prov" of "på
        prov" (provanställning) and "klimat" of "dåligt klimat" (arbetsklimat) are the topic
        itself and keep their weight."""
        meaningful = set(meaningful)
        loose = set()
        for phrase in {phrase.words: phrase for phrase in self._reader_phrases(query_words).values()}.values():
            if len(phrase.words) < 2:
                continue
            # The terms' words and compound parts, as stems ("klimat": arbetsklimat); a word is the
            # topic when one is, or starts like it ("lön": lönesamtal), from three letters on ("sa"
            # of "sa upp sig" is not "samtal").
            parts = {stem(part) for term in phrase.terms for word in term for part in (word, *(split(word) or ()))}
            loose.update(word for word in phrase.words if word in meaningful and not _starts_one(stem(word), parts))
        return loose

    def _reader_lookup(self, phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
        terms = self._reader.get(tuple(map(glossary_key, phrase)))
        if terms is None and len(phrase) == 1:  # "slitna", "ledsna": sliten, ledsen, which Snowball stems apart
            found = (self._reader.get((stem(form),)) for form in base_forms(phrase[0]))
            terms = next((terms for terms in found if terms), None)
        # A word that stems like one of the entry's own terms is already the guides' word: "stress"
        # stems like the entry "stressad", "ledighet" like "ledig", and needs no reader's sense.
        if terms and len(phrase) == 1 and any(tuple(map(stem, term)) == (stem(phrase[0]),) for term in terms):
            return []
        return terms or []

    @staticmethod
    def is_english(word: str) -> bool:
        english = wordfreq.zipf_frequency(word, "en")
        return english >= MIN_ENGLISH_ZIPF and english > wordfreq.zipf_frequency(word, "sv") + ENGLISH_MARGIN

    # Words that only ask -------------------------------------------------------------------------

    def is_filler(self, word: str) -> bool:
        """A question or function word (Swedish or English) that says nothing of the topic."""
        return word in QUESTION_WORDS or (word in ENGLISH_FUNCTION_WORDS and self.is_english_or_unknown(word))

    @staticmethod
    def is_english_or_unknown(word: str) -> bool:
        return wordfreq.zipf_frequency(word, "en") >= wordfreq.zipf_frequency(word, "sv")


@lru_cache(maxsize=1)
def vocabulary() -> ReaderVocabulary:
    """The process-wide reader vocabulary (the data files are read on first use)."""
    return ReaderVocabulary()


def expand(query_words: Iterable[str], meaningful: Iterable[str]) -> dict[str, list[Expansion]]:
    """Every expansion of the meaningful words of a query: the curated glossaries' (English phrases,
    then Swedish readers' words) or else the thesaurus's."""
    known = vocabulary()
    query_words = list(query_words)
    found = known.english(query_words)
    readers = known.reader_terms(query_words)
    for word in meaningful:
        forms = [Expansion((form,), INFLECTION_WEIGHT, FORM) for form in base_forms(word)]
        forms += [Expansion((form,), DERIVED_WEIGHT, DERIVED) for form in derived_forms(word)]
        curated = found.get(word, []) + readers.get(word, [])
        found[word] = forms + (curated or known.synonyms(word))
    return found
