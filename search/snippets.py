"""Highlighted snippets: the passage of a guide that best matches a query, HTML-escaped, with <mark>.

Both engines build snippets here from stored text, so a word is highlighted by the same rules that
found it: its stem, its folded form, a synonym, a correction or a compound part ("lönesamtalet"
is highlighted for "samtal om lön").
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from search import compounds
from search.analysis import Token, fold, stem, tokens
from search.query import QueryPlan

SNIPPET_LENGTH = 220
ELLIPSIS = "…"


@dataclass(frozen=True)
class Highlighter:
    stems: frozenset[str]
    folded: frozenset[str]  # folded stems of words typed without å, ä, ö

    @classmethod
    def for_plan(cls, plan: QueryPlan) -> Highlighter:
        stems = frozenset().union(*(concept.stems() for concept in plan.concepts))
        folded = frozenset(fold(concept.stem) for concept in plan.concepts if concept.folded)
        return cls(stems, folded)

    def _key(self, token: Token, surface: str) -> str | None:
        """Which query stem a token of guide text matches, if any."""
        if token.stem in self.stems:
            return token.stem
        if self.folded and fold(token.stem) in self.folded:
            return fold(token.stem)
        for part in compounds.split(surface.lower()) or ():
            if stem(part) in self.stems:
                return stem(part)
        return None

    def passage(self, text: str) -> tuple[int, str] | None:
        """(distinct query words in it, safe HTML) of the best passage, or None if nothing matches."""
        matched = [(token, key) for token in tokens(text) if (key := self._key(token, text[token.start : token.end]))]
        if not matched:
            return None
        best_count, best_first, best_last = 0, 0, 0
        for first in range(len(matched)):
            last = first
            while last + 1 < len(matched) and matched[last + 1][0].end - matched[first][0].start <= SNIPPET_LENGTH:
                last += 1
            count = len({key for _, key in matched[first : last + 1]})
            if count > best_count:
                best_count, best_first, best_last = count, first, last
        start, end = _window(text, matched[best_first][0].start, matched[best_last][0].end)
        marks = [token for token, _ in matched if start <= token.start and token.end <= end]
        return best_count, _render(text, start, end, marks)

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


def _render(text: str, start: int, end: int, marks: list[Token]) -> str:
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
