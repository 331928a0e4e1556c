"""Highlighted snippets: the passage of a guide that best matches a query, HTML-escaped, with <mark>.

Both engines build snippets here from stored text, so a word is highlighted by the same rules that
found it: its stem, its Swedish spelling, a synonym, a correction or a compound part ("lönesamtalet"
is highlighted for "samtal om lön").
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cached_property

from search import compounds
from search.analysis import MAX_WORD_LENGTH, stem, stems
from search.query import QueryPlan

SNIPPET_LENGTH = 220
ELLIPSIS = "…"
SHORT_STEM = 4
WORD_START = r"(?<![^\W_])"
# The rest of the word around a match, found by the regex engine rather than letter by letter.
WORD_BEFORE = re.compile(r"[^\W_]*\Z")
WORD_AFTER = re.compile(r"[^\W_]*")


@dataclass(frozen=True)
class Mark:
    start: int  # character offsets of a matched word in the text
    end: int
    key: str  # the query stem it matched


@dataclass(frozen=True)
class Highlighter:
    stems: frozenset[str]
    _keys: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def for_plan(cls, plan: QueryPlan) -> Highlighter:
        return cls(frozenset().union(*(concept.stems() for concept in plan.concepts)))

    @cached_property
    def _candidates(self) -> re.Pattern | None:
        """Words that may match: those with a query stem anywhere in them (compounds too).

        Searching for these first keeps highlighting cheap: most words of a guide are never analysed.
        """
        lowered = sorted({s.lower() for s in self.stems if s}, key=len, reverse=True)
        # Short stems ("ny", "ge") only where a word starts, or every other word would be a candidate.
        patterns = [re.escape(s) if len(s) >= SHORT_STEM else WORD_START + re.escape(s) for s in lowered]
        # Searched in lower-cased text (a fifth faster than IGNORECASE), and only from a letter that
        # starts a stem: Python's regex engine tries every alternative at every position otherwise
        # (three times slower on a guide's body).
        first_letters = "".join(re.escape(letter) for letter in sorted({s[0] for s in lowered}))
        return re.compile(f"(?=[{first_letters}])(?:{'|'.join(patterns)})") if patterns else None

    @cached_property
    def _candidates_any_case(self) -> re.Pattern:
        return re.compile(self._candidates.pattern, re.IGNORECASE)

    def _candidates_in(self, text: str):
        """The candidates' matches, at their offsets in text."""
        if not self._candidates:
            return ()
        lowered = text.lower()
        if len(lowered) == len(text):  # one character for one: offsets carry over
            return self._candidates.finditer(lowered)
        return self._candidates_any_case.finditer(text)  # "İ" lower-cases to two characters

    def _key(self, surface: str) -> str | None:
        """Which query stem a word of guide text matches, if any."""
        word = surface.lower()
        if word not in self._keys:
            parts = sorted(stem(part) for part in compounds.split(word) or ())
            self._keys[word] = next((key for key in (*stems(word), *parts) if key in self.stems), None)
        return self._keys[word]

    def marks(self, text: str) -> list[Mark]:
        found: list[Mark] = []
        for candidate in self._candidates_in(text):
            if found and candidate.start() < found[-1].end:
                continue  # another candidate in a word already marked
            start = WORD_BEFORE.search(text, max(candidate.start() - MAX_WORD_LENGTH, 0), candidate.start()).start()
            end = WORD_AFTER.match(text, candidate.end()).end()
            if key := self._key(text[start:end]):
                found.append(Mark(start, end, key))
        return found

    def passage(self, text: str) -> tuple[int, str] | None:
        """(distinct query words in it, safe HTML) of the best passage, or None if nothing matches."""
        matched = self.marks(text)
        if not matched:
            return None
        best_count, best_first, best_last = 0, 0, 0
        for first in range(len(matched)):
            last = first
            while last + 1 < len(matched) and matched[last + 1].end - matched[first].start <= SNIPPET_LENGTH:
                last += 1
            count = len({mark.key for mark in matched[first : last + 1]})
            if count > best_count:
                best_count, best_first, best_last = count, first, last
        start, end = _window(text, matched[best_first].start, matched[best_last].end)
        return best_count, _render(text, start, end, [m for m in matched if start <= m.start and m.end <= end])

    def snippet(self, texts: list[str]) -> str:
        """The best passage among texts (earlier texts win ties), or the start of the first text."""
        passages = [passage for text in texts if text and (passage := self.passage(text))]
        if passages:
            return max(passages, key=lambda passage: passage[0])[1]
        first = next((text for text in texts if text), "")
        start, end = _window(first, 0, 0)
        return _render(first, start, end, [])


def _window(text: str, match_start: int, match_end: int) -> tuple[int, int]:
    """About SNIPPET_LENGTH characters around a matched span, cut at spaces."""
    slack = max(SNIPPET_LENGTH - (match_end - match_start), 0)
    start = max(match_start - slack // 3, 0)
    if start > 0:
        space = text.find(" ", start, match_start)
        start = space + 1 if space != -1 else start
    end = min(max(start + SNIPPET_LENGTH, match_end), len(text))
    if end < len(text):
        space = text.rfind(" ", match_end, end)
        end = space if space != -1 else end
    return start, end


def _render(text: str, start: int, end: int, marks: list[Mark]) -> str:
    pieces = [ELLIPSIS] if start > 0 else []
    position = start
    for token in marks:
        pieces += [
            html.escape(text[position : token.start]),
            "<mark>",
            html.escape(text[token.start : token.end]),
            "</mark>",
        ]
        position = token.end
    pieces.append(html.escape(text[position:end]))
    if end < len(text):
        pieces.append(ELLIPSIS)
    return " ".join("".join(pieces).split())
