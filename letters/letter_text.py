"""The letter text format: what editors write in a letter's body, and how it becomes a document.

A small format on purpose (content/letters/README.md): blocks separated by blank lines; `# ` and
`## ` headings; `- ` list items; other lines are paragraphs whose line breaks are kept (an address,
a signature); `**bold**`; `[[field]]` for what the manager fills in; a line starting with
`[[om:field]]` or `[[om-inte:field]]` (one or more) is kept only when those fields are (not) filled
in (a ticked box counts as filled in); and the
register's `{{fakta:ID}}` / `{{fakta:ID:påstående}}` citations.

The text is split into spans *before* any value goes in, so what a manager types is never read as
markup, a placeholder or a citation. The same spans become HTML (page preview, PDF) and .docx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.html import escape

from facts.citations import CITATION, STATEMENT, FactTable

PLACEHOLDER = re.compile(r"\[\[\s*([a-z][a-z0-9_]*)\s*\]\]")
CONDITION = re.compile(r"^\[\[(om|om-inte):([a-z][a-z0-9_]*)\]\]\s*")
BOLD = re.compile(r"\*\*(.+?)\*\*")
INLINE = re.compile(f"{CITATION.pattern}|{PLACEHOLDER.pattern}")


class LetterTextError(ValueError):
    """A letter text that names a field the letter does not have (line: 1-based)."""

    def __init__(self, message: str, line: int):
        self.line = line
        super().__init__(f"line {line}: {message}")


@dataclass
class Span:
    text: str
    bold: bool = False
    field: str = ""  # set when the span is a placeholder left unfilled (the page's preview)
    law: str = ""  # set when the span is a cited fact: the law it is followed by


@dataclass
class Line:
    spans: list[Span]
    conditions: list[tuple[str, str]] = field(default_factory=list)  # ("om" | "om-inte", name): preview only


@dataclass
class Block:
    kind: str  # "title" (#), "heading" (##), "paragraph" or "list"
    lines: list[Line] = field(default_factory=list)


def fields_used(text: str) -> list[tuple[str, int]]:
    """(field name, line) for every placeholder and condition in the text, in order."""
    found = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        while condition := CONDITION.match(line):
            found.append((condition.group(2), number))
            line = line[condition.end() :]
        found += [(match.group(1), number) for match in PLACEHOLDER.finditer(line)]
    return found


def check_fields(text: str, names) -> None:
    for name, line in fields_used(text):
        if name not in names:
            known = ", ".join(sorted(names))
            raise LetterTextError(f"unknown field [[{name}]] (the letter's fields are {known})", line)


def render(text: str, facts: FactTable, values: dict | None = None, labels: dict | None = None) -> list[Block]:
    """The letter as blocks. With `values` (field name -> text, "" when empty) placeholders are
    filled and conditional lines dropped or kept; without, it is the preview: placeholders show
    their label (from `labels`) and conditional lines stay, marked."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", (text or "").strip()):
        block = None
        for raw in chunk.splitlines():
            raw = raw.rstrip()
            conditions = []
            while condition := CONDITION.match(raw):
                conditions.append(condition.groups())
                raw = raw[condition.end() :]
            if values is not None and any(bool(values.get(name)) != (wanted == "om") for wanted, name in conditions):
                continue
            kind, raw = _kind(raw)
            line = Line(_spans(raw, facts, values, labels or {}), conditions if values is None else [])
            if kind in ("title", "heading"):
                blocks.append(Block(kind, [line]))
                block = None
            elif block is not None and block.kind == kind:
                block.lines.append(line)
            else:
                block = Block(kind, [line])
                blocks.append(block)
    return [block for block in blocks if any(_has_text(line) for line in block.lines)]


def _kind(line: str) -> tuple[str, str]:
    if line.startswith("## "):
        return "heading", line[3:].strip()
    if line.startswith("# "):
        return "title", line[2:].strip()
    if line.startswith("- "):
        return "list", line[2:].strip()
    return "paragraph", line.strip()


def _has_text(line: Line) -> bool:
    return any(span.text.strip() for span in line.spans)


def _spans(line: str, facts: FactTable, values, labels) -> list[Span]:
    spans: list[Span] = []
    position = 0
    for bold_match in BOLD.finditer(line):
        spans += _inline(line[position : bold_match.start()], False, facts, values, labels)
        spans += _inline(bold_match.group(1), True, facts, values, labels)
        position = bold_match.end()
    spans += _inline(line[position:], False, facts, values, labels)
    return [span for span in spans if span.text]


def _inline(text: str, bold: bool, facts: FactTable, values, labels) -> list[Span]:
    spans, position = [], 0
    for match in INLINE.finditer(text):
        spans.append(Span(text[position : match.start()], bold))
        fact_id, part, name = match.groups()
        if fact_id:
            spans.append(_citation(facts, fact_id, part, bold))
        elif values is None:
            spans.append(Span(labels.get(name, name), bold, field=name))
        else:
            spans.append(Span(values.get(name, ""), bold))
        position = match.end()
    spans.append(Span(text[position:], bold))
    return spans


def _citation(facts: FactTable, fact_id: str, part: str | None, bold: bool) -> Span:
    """A cited fact as the register shows it on the letter's day (value, or the whole statement),
    with its law kept apart so the page can set it off."""
    fact = facts.get(fact_id)
    if fact is None:
        return Span("[uppgiften saknas i registret]", bold)
    qualifier = fact.qualifier(facts.day)
    if part == STATEMENT:
        text = fact.statement.strip()
        if qualifier:
            text = f"{qualifier[0].upper()}{qualifier[1:]}: {text}"
        return Span(text, bold, law=fact.law)
    return Span(fact.value, bold, law=f"{qualifier}, {fact.law}" if qualifier else fact.law)


def to_html(blocks: list[Block], condition_labels: dict | None = None, top: int = 1) -> str:
    """HTML of the blocks: the letter in the PDF (`top` 1: # is h1) and in the page's preview."""
    parts = []
    for block in blocks:
        lines = [_line_html(line, condition_labels or {}) for line in block.lines]
        if block.kind == "title":
            parts.append(f'<h{top} class="letter__title">{lines[0]}</h{top}>')
        elif block.kind == "heading":
            parts.append(f'<h{top + 1} class="letter__heading">{lines[0]}</h{top + 1}>')
        elif block.kind == "list":
            parts.append("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
        else:
            parts.append("<p>" + "<br>".join(lines) + "</p>")
    return "\n".join(parts)


def _line_html(line: Line, condition_labels: dict) -> str:
    html = ""
    if line.conditions:
        parts = [
            f"”{escape(condition_labels.get(name, name))}” är {'ifyllt' if wanted == 'om' else 'tomt'}"
            for wanted, name in line.conditions
        ]
        html += f'<span class="letter__condition">[Bara om {" och ".join(parts)}:]</span> '
    for span in line.spans:
        text = "<br>".join(escape(part) for part in span.text.split("\n"))
        if span.field:
            text = f'<span class="letter__field">[{text}]</span>'
        if span.law:
            text = f'{text} <span class="letter__law">({escape(span.law)})</span>'
        html += f"<strong>{text}</strong>" if span.bold else text
    return html


def to_plain(blocks: list[Block]) -> str:
    """The letter as plain text (tests, and anything that wants the words alone)."""
    out = []
    for block in blocks:
        for line in block.lines:
            text = "".join(span.text + (f" ({span.law})" if span.law else "") for span in line.spans)
            out.append(("• " if block.kind == "list" else "") + text)
        out.append("")
    return "\n".join(out).strip()
