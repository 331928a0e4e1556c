"""Spelling: how far apart two words are, and which indexed word a misspelt one most likely meant.

Engines supply candidate words from their own vocabulary (tantivy: edits checked against the
term dictionary; PostgreSQL: trigram neighbours); the choice among them is made here, the same
way for both.
"""

from __future__ import annotations

from collections.abc import Mapping

from search.analysis import stem

ALPHABET = "abcdefghijklmnopqrstuvwxyzåäöé"


def distance(a: str, b: str, limit: int | None = None) -> int:
    """Edit distance counting a swap of neighbouring letters as one edit (optimal string alignment).

    With a limit, any distance above it may be reported as limit + 1, which is much quicker.
    """
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        if limit is not None and min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def edits1(word: str) -> set[str]:
    """Every string one deletion, swap, replacement or insertion away from word."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {left + right[1:] for left, right in splits if right}
        | {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
        | {left + char + right[1:] for left, right in splits if right for char in ALPHABET}
        | {left + char + right for left, right in splits for char in ALPHABET}
    ) - {word}


def edits_apart(word: str, candidate: str, limit: int) -> int:
    """How far apart two words are as written or as stems, whichever is closer: "sjukskrivnig" is
    three edits from "sjukskriven" but its stem is one edit from that word's stem."""
    return min(distance(word, candidate, limit), distance(stem(word), stem(candidate), limit))


def best_correction(word: str, candidates: Mapping[str, int], max_edits: int) -> str | None:
    """The candidate (word -> number of guides using it) closest to word, then most used."""
    ranked = sorted(
        (edits_apart(word, candidate, max_edits), -documents, candidate)
        for candidate, documents in candidates.items()
        if candidate != word and abs(len(candidate) - len(word)) <= max_edits + 2
    )
    return next((candidate for edits, _, candidate in ranked if edits <= max_edits), None)
