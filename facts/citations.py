"""Citing the register in text: `{{fakta:ID}}` (the value) and `{{fakta:ID:påstående}}` (the statement).

Texts keep the tokens as written (so exports round-trip them and a changed fact changes every page);
they are resolved when a page, PDF, plan or letter is rendered, on the reader's day.
"""

from __future__ import annotations

import datetime
import re

from django.utils import timezone
from django.utils.html import format_html

from facts.models import LegalFact, version_on

CITATION = re.compile(r"\{\{\s*fakta:([a-z0-9-]+)(?::(påstående|[a-z_]+))?\s*\}\}")
STATEMENT = "påstående"


class UnknownFact(ValueError):
    """A text cites a fact id the register does not have (line: 1-based within the text, if known)."""

    def __init__(self, fact_id: str, line: int | None = None, detail: str = ""):
        self.fact_id, self.line = fact_id, line
        self.reason = detail or f"unknown fact {fact_id!r} (not in the register, content/facts/)"
        super().__init__(f"line {line}: {self.reason}" if line else self.reason)


def cited_ids(text: str) -> list[str]:
    """The fact ids a text cites, in order of first citation."""
    return list(dict.fromkeys(match.group(1) for match in CITATION.finditer(text or "")))


def check_citations(text: str, known_ids) -> None:
    """Raise UnknownFact naming the line (1-based, within text) of the first unknown id.

    `known_ids` may map ids to their number keys; then {{fakta:ID:key}} must name a key the fact has."""
    for match in CITATION.finditer(text or ""):
        line = text.count("\n", 0, match.start()) + 1
        if match.group(1) not in known_ids:
            raise UnknownFact(match.group(1), line)
        key = match.group(2)
        if key not in (None, STATEMENT) and isinstance(known_ids, dict) and key not in known_ids[match.group(1)]:
            raise UnknownFact(match.group(1), line, f"fact {match.group(1)!r} has no number {key!r}")


def anchor(fact_id: str) -> str:
    return f"kalla-{fact_id}"


class FactTable:
    """The versions of the facts some texts cite, loaded with one query, seen on one day."""

    def __init__(self, ids, day: datetime.date | None = None):
        self.day = day or timezone.localdate()
        self.versions: dict[str, list[LegalFact]] = {}
        ids = set(ids)
        if not ids:
            return
        for fact in LegalFact.objects.filter(fact_id__in=ids):
            self.versions.setdefault(fact.fact_id, []).append(fact)
        missing = ids - set(self.versions)
        if missing:
            from facts.register import shipped_facts

            shipped = shipped_facts()
            self.versions.update({fact_id: shipped[fact_id] for fact_id in missing if fact_id in shipped})

    @classmethod
    def for_text(cls, text: str, day=None) -> FactTable:
        return cls(cited_ids(text), day)

    def get(self, fact_id: str) -> LegalFact | None:
        return version_on(self.versions.get(fact_id, []), self.day)

    def facts(self, ids) -> list[LegalFact]:
        return [fact for fact in (self.get(fact_id) for fact_id in ids) if fact]

    def _parts(self, match):
        """(fact, text, law, end): a statement's closing full stop goes after the law, which
        belongs to the sentence ("… dag 21 (12 § sjuklönelagen).")."""
        fact = self.get(match.group(1))
        if fact is None:
            return None, "", "", ""
        qualifier = fact.qualifier(self.day)
        if match.group(2) not in (None, STATEMENT):  # one number, e.g. "fyller {{fakta:las-alder:age}} år"
            return fact, _number_text(fact.values.get(match.group(2))), "", ""
        if match.group(2) == STATEMENT:
            text = fact.statement.strip()
            if qualifier:
                text = f"{qualifier[0].upper()}{qualifier[1:]}: {text}"
            end = text[-1] if text[-1] in ".!?" else ""
            return fact, text[: len(text) - len(end)], fact.law, end
        return fact, fact.value, f"{qualifier}, {fact.law}" if qualifier else fact.law, ""

    def html(self, text: str, link: str = "anchor") -> str:
        """Rendered HTML with every citation resolved; `link` is "anchor" (the page's source list)
        or "source" (the official text, for documents without the list)."""

        def replace(match):
            fact, body, law, end = self._parts(match)
            if fact is None:
                return '<span class="fact fact--missing">[uppgiften saknas i registret]</span>'
            href = f"#{anchor(fact.fact_id)}" if link == "anchor" else fact.url
            if not law:  # a bare number: the source list names its law
                return format_html('<span class="fact" data-fact="{}">{}</span>', fact.fact_id, body)
            return format_html(
                '<span class="fact" data-fact="{}">{}</span> <a class="fact__law" href="{}">({})</a>{}',
                fact.fact_id, body, href, law, end,
            )

        return CITATION.sub(replace, text or "")

    def plain(self, text: str) -> str:
        """Plain text with every citation resolved, for search, calendars and text exports."""

        def replace(match):
            fact, body, law, end = self._parts(match)
            if fact is None:
                return "[uppgiften saknas i registret]"
            return f"{body} ({law}){end}" if law else body

        return CITATION.sub(replace, text or "")

    def number(self, fact_id: str, key: str | None = None):
        """A number (or threshold table) of a fact, for planners and letters."""
        fact = self.get(fact_id)
        if fact is None:
            raise UnknownFact(fact_id)
        value = fact.values.get(key) if key else fact.values
        if value is None:
            raise UnknownFact(fact_id, detail=f"fact {fact_id!r} has no value {key!r}")
        return value


def cite_plain(text: str, day=None) -> str:
    return FactTable.for_text(text, day).plain(text)


def cite_html(text: str, day=None, link: str = "anchor") -> str:
    return FactTable.for_text(text, day).html(text, link)


def _number_text(value) -> str:
    """A number as Swedish text: 10 000, 2,5; a missing or table value as a visible gap."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "[uppgiften saknas i registret]"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}".replace(",", "\u00a0").replace(".", ",")
    return f"{int(value):,}".replace(",", "\u00a0")
