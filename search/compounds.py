"""Swedish compounds: "lönesamtal" is "lön" + "samtal", "uppföljningsmöte" is "uppföljning" + "möte".

The lexicon is wordfreq's Swedish word list plus the words of the indexed guides. A word is split
when its parts are content words that are, on average, more common than the whole word (Koehn and
Knight's frequency rule), allowing the linking letters -s- and -e- ("arbetsplats", "lönesamtal") and
a dropped final vowel ("arbet(e)sgivare", "skol(a)gård"). Engines index the parts of every
compound beside the text it stands in, and search the parts of a compound query word.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import wordfreq

MIN_PART_LENGTH = 3
#: Rarer "words" in the list are mostly misspellings and fragments.
MIN_PART_ZIPF = 2.5
#: More common ones are function words ("med", "för", "upp"): bound prefixes, not meaning.
MAX_PART_ZIPF = 6.0
#: Three-letter parts must be well-known words ("lön", "tid", "mål"), not fragments ("ids").
SHORT_PART_ZIPF = 4.5
#: Common words ("samtal", "kompetens", "ledarskap") have a meaning of their own: never split.
COMMON_WORD_ZIPF = 4.0
#: How common a word of the guides is taken to be when wordfreq does not know it.
INDEXED_WORD_ZIPF = 3.0
#: Between readings of equal frequency the longer tail wins: it carries the compound's meaning
#: ("lön|e|revision", not "löner|vision").
TAIL_LENGTH_BONUS = 0.1
LINKING_LETTERS = ("", "s", "e")
DROPPED_VOWELS = ("a", "e")

# Derivational endings and prefixes that wordfreq also lists as words ("het", "ning", "sam"):
# a split there ("trygg" + "het") would make every "-het" word match "het".
BOUND_ENDINGS = frozenset(
    "ande ende het heten heter else ning ningen ningar skap skapet lig liga ligt lighet are aren arna "
    "ing ingen ling tion ism ist isk iska dom domen bar sam samt ell ella era ering eri ighet".split()
)
BOUND_PREFIXES = frozenset("sam miss van all".split())
#: Derivational endings that make a word of a word ("plan" -> "planering", "aktiv" -> "aktivera").
#: A tail that is such an ending plus a letter or two ("ring", "vera") is the ending read as a part:
#: "plane|ring" and "akti(e)|vera" are really "plan-ering" and "aktiv-era", not compounds.
DERIVATIONAL_ENDINGS = (
    "eringarna eringens eringar eringen erings ering erande erade erad erat erar era "
    "ningarna ningar ningen nings ning ingarna ingar ingen ings ing "
    "iserade iserad iserar isera ighet lighet ligt liga lig else het"
).split()


class Lexicon:
    """Known Swedish words and how common they are, on the Zipf scale (log10 per billion words)."""

    def __init__(self) -> None:
        self._frequencies = wordfreq.get_frequency_dict("sv")
        self._indexed: set[str] = set()
        self._seen: set[str] = set()  # every word add_indexed has looked at, to skip them next time
        self._lock = threading.Lock()

    def zipf(self, word: str) -> float:
        """How common a word is in Swedish at large; 0 when wordfreq does not know it."""
        frequency = self._frequencies.get(word)
        return math.log10(frequency) + 9 if frequency else 0.0

    def part_zipf(self, word: str) -> float:
        """How common a word is as a compound part; 0 when it may not be one."""
        zipf = self.zipf(word)
        if not zipf and word in self._indexed:
            zipf = INDEXED_WORD_ZIPF
        if len(word) == MIN_PART_LENGTH and zipf < SHORT_PART_ZIPF:
            return 0.0
        return zipf if MIN_PART_ZIPF <= zipf <= MAX_PART_ZIPF else 0.0

    def is_indexed(self, word: str) -> bool:
        """True for a word of the indexed guides that wordfreq does not know."""
        return word in self._indexed

    def add_indexed(self, words: Iterable[str]) -> None:
        """Teach the lexicon the words of indexed guides that wordfreq does not know, so the guides'
        own terms ("lönekartläggning") can be parts."""
        unseen = set(words) - self._seen
        if not unseen:
            return
        new = {word for word in unseen if len(word) > MIN_PART_LENGTH and word not in self._frequencies}
        with self._lock:
            self._seen |= unseen
            self._indexed |= new
        if new:
            split.cache_clear()  # earlier readings may have missed a part that is known now
            parts.cache_clear()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The process-wide lexicon (wordfreq's list is loaded once, on first use)."""
    return Lexicon()


def _head_forms(head: str) -> Iterable[str]:
    yield head
    # Only longer heads drop a vowel; "för|handling" is not "före" + "handling".
    if len(head) > MIN_PART_LENGTH:
        for vowel in DROPPED_VOWELS:
            yield head + vowel


def _two_way_splits(word: str) -> Iterable[tuple[bool, float, str, str]]:
    """(tail is a word, score, head, tail) for every way to read word as head + linking letter + tail.

    Readings whose tail is itself a word come first; a tail that is a compound of its own
    ("kort|tidsfrånvaro") is the fallback.
    """
    words = lexicon()
    for end in range(MIN_PART_LENGTH, len(word) - MIN_PART_LENGTH + 1):
        head_text = word[:end]
        if head_text in BOUND_PREFIXES:
            continue
        head = max(_head_forms(head_text), key=words.part_zipf)
        head_zipf = words.part_zipf(head)
        if not head_zipf:
            continue
        for link in LINKING_LETTERS:
            tail = word[end + len(link) :]
            if not word.startswith(link, end) or len(tail) < MIN_PART_LENGTH or tail in BOUND_ENDINGS:
                continue
            # The linking letter may be the ending's own first letter: "plan|e|rad" is "plan-erad".
            if word[end:] in BOUND_ENDINGS or _is_derivation(word, tail) or _is_derivation(word, word[end:]):
                continue
            tail_zipf = words.part_zipf(tail)
            is_word = bool(tail_zipf)
            # A tail read as a compound of its own must not end in an ending read as a part
            # ("regi|s|tre|ring" is "registrering").
            if not is_word and (nested := split(tail)) and not _ending_fragment(nested[1]):
                tail_zipf = min(words.part_zipf(part) for part in nested)
            if tail_zipf:
                yield is_word, (head_zipf + tail_zipf) / 2 + TAIL_LENGTH_BONUS * len(tail), head, tail


def _ending_fragment(tail: str) -> str | None:
    """The derivational ending a tail is made of, with a letter or two in front ("ring": "ing")."""
    return next(
        (e for e in DERIVATIONAL_ENDINGS if tail.endswith(e) and len(tail) - len(e) < MIN_PART_LENGTH), None
    )


def _is_derivation(word: str, tail: str) -> bool:
    """True when the tail is only a derivational ending with a letter or two in front ("ring" in
    "planering", "vera" in "aktivera") and the word without that ending is a word of its own."""
    ending = _ending_fragment(tail)
    if not ending:
        return False
    if ending.startswith("er"):  # verbs in -era and their nouns are never compounds on a "-Xera" tail
        return True
    words = lexicon()
    base = word[: -len(ending)]
    return any(words.zipf(form) or words.is_indexed(form) for form in (base, base + "e", base + "a"))


@lru_cache(maxsize=200_000)
def split(word: str) -> tuple[str, str] | None:
    """The best reading of a word as head + tail, or None when it is not (worth reading as) a compound."""
    whole_zipf = lexicon().zipf(word)
    if len(word) < 2 * MIN_PART_LENGTH or not word.isalpha() or whole_zipf >= COMMON_WORD_ZIPF:
        return None
    best = max(_two_way_splits(word), default=None)
    if best is None:
        return None
    _, score, head, tail = best
    mean_zipf = score - TAIL_LENGTH_BONUS * len(tail)
    return (head, tail) if mean_zipf > whole_zipf else None


def text_parts(text_words: Iterable[str]) -> str:
    """The parts of every compound among a text's words, once per occurrence, to be indexed beside
    the text: then "samtal om lön" finds "Lönesamtal" in a title as a match in the title."""
    found: list[str] = []
    for word, count in Counter(text_words).items():
        if len(word) >= 2 * MIN_PART_LENGTH:
            found.extend(parts(word) * count)
    return " ".join(found)


@lru_cache(maxsize=200_000)
def parts(word: str) -> tuple[str, ...]:
    """Every part of a compound at every level ("arbetsplatsträff" -> arbetsplats, träff, arbete, plats)."""
    found: list[str] = []
    pending = [word]
    while pending:
        halves = split(pending.pop())
        if halves:
            found.extend(halves)
            pending.extend(halves)
    return tuple(found)
