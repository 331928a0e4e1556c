"""Readability of guide text: the Swedish LIX index (läsbarhetsindex).

LIX = words / sentences + 100 * long words / words, where a long word has
more than six letters. Headings and list items count as sentences of their own
even without a full stop, since that is how a reader takes them in.
Run as a script to print the LIX of Markdown guide files.
"""

import re
import sys

WORD = re.compile(r"[^\W\d_]+")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown: str) -> str:
    """Markdown body without front matter, link targets and markup characters."""
    text = FRONT_MATTER.sub("", markdown)
    text = LINK.sub(r"\1", text)
    return re.sub(r"[*_#>`]|^\s*(?:[-+]\s+\[[ xX]\]|[-+]|\d+\.)\s+", "", text, flags=re.M)


def lix(text: str) -> float:
    """LIX of plain text; 0 for text without words."""
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = 0
    for line in text.splitlines():
        line = line.strip()
        if not WORD.search(line):
            continue
        sentences += len(SENTENCE_END.findall(line))
        if line[-1] not in ".!?:":
            sentences += 1
    long_words = sum(1 for word in words if len(word) > 6)
    return len(words) / max(sentences, 1) + 100 * long_words / len(words)


def word_count(text: str) -> int:
    return len(WORD.findall(text))


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            body = plain_text(handle.read())
        print(f"{path}: LIX {lix(body):.1f}, {word_count(body)} words")
