"""Import of the starter letters (content/letters/*.md, format in content/letters/README.md).

Idempotent and file by file like the other importers (guides.importer.import_pages): a file is
checked completely — its fields, the fields its text uses, the planner steps it names, the guide
it belongs to and every fact it cites — before anything is written, a broken file is reported
with its line and reason, and an unchanged letter is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from facts.register import known_fact_ids
from guides import page_source as source
from guides.importer import ImportReport
from guides.models import GuidePage
from guides.source import SourceError, check_cited_facts, first_line_of, lines_before, split_front_matter
from letters.letter_text import LetterTextError, check_fields
from letters.models import FIELD_NAME, LetterField, LetterIndexPage, LetterPage
from tools.processes import get_process

REQUIRED = {"title", "summary", "updated", "fields"}
OPTIONAL = {"slug", "guide", "planner", "reviewed"}
FIELD_KEYS = {"name", "label", "type", "required", "help", "planner", "not_before"}
FIELD_TYPES = {choice for choice, _ in LetterField.TYPES}
GUIDANCE = re.compile(r"^=== Vägledning ===\s*$", re.M)


@dataclass
class LetterSource:
    slug: str
    title: str
    summary: str
    body: str
    guidance: str
    guide: GuidePage | None
    planner: str
    updated: object
    reviewed: object
    fields: list[dict]


def parse_letter(text: str, default_slug: str) -> LetterSource:
    meta, rest = split_front_matter(text, REQUIRED, OPTIONAL)
    check_cited_facts(text, text, known_fact_ids())
    match = GUIDANCE.search(rest)
    if not match:
        raise SourceError("the guidance is missing: end the letter with a line '=== Vägledning ===' and the guidance")
    # The guidance is read to the file's end, unstripped, so that its errors name the file's line.
    body, guidance = rest[: match.start()].strip(), rest[match.end() :]
    if not body:
        raise SourceError("the letter's text is empty")
    planner = _planner(meta.get("planner"))
    fields = _fields(meta.get("fields"), planner)
    try:
        check_fields(body, {item["name"] for item in fields})
    except LetterTextError as error:
        offset = lines_before(text, rest) + rest[: rest.index(body)].count("\n")
        raise SourceError(f"line {error.line + offset}: {str(error).split(': ', 1)[1]}") from None
    guide_slug = meta.get("guide")
    guide = None
    if guide_slug:
        guide = source.related_guides({"guide": [guide_slug]}, "guide")[0]
    return LetterSource(
        slug=source.slug(meta, default_slug),
        title=source.front_text(meta, "title", 255),
        summary=source.front_text(meta, "summary", 300),
        body=body,
        guidance=source.rich_text(guidance, first_line=first_line_of(text, guidance)),
        guide=guide,
        planner=planner,
        updated=source.date(meta, "updated"),
        reviewed=source.date(meta, "reviewed") if meta.get("reviewed") else None,
        fields=fields,
    )


def _planner(key) -> str:
    if key in (None, ""):
        return ""
    if not isinstance(key, str) or get_process(key) is None:
        raise SourceError(f"planner {key!r} is not a process planner (tools/rules/)")
    return key


def _fields(items, planner: str) -> list[dict]:
    if not isinstance(items, list) or not items:
        raise SourceError("fields must be a list of {name, label, type, …}")
    process = get_process(planner) if planner else None
    planner_names = {step.id for step in process.steps} | {item.name for item in process.inputs} if process else set()
    fields, names = [], set()
    for item in items:
        if not isinstance(item, dict) or not {"name", "label"} <= set(item):
            raise SourceError("every field needs at least a name and a label")
        unknown = sorted(set(item) - FIELD_KEYS)
        if unknown:
            raise SourceError(f"field {item['name']!r}: unknown key {', '.join(map(str, unknown))}")
        name = item["name"]
        if not isinstance(name, str) or not FIELD_NAME.match(name) or len(name) > 40 or name in names:
            raise SourceError(f"field name {name!r} must be unique, a-z, 0-9 and _, starting with a letter")
        names.add(name)
        field_type = item.get("type", "text")
        if field_type not in FIELD_TYPES:
            raise SourceError(f"field {name}: type must be one of {', '.join(sorted(FIELD_TYPES))}")
        step = str(item.get("planner") or "")
        if step and step not in planner_names:
            raise SourceError(f"field {name}: planner step {step!r} is not a step or question of planner {planner!r}")
        fields.append(
            {
                "name": name,
                "label": source.front_text(item, "label", 120),
                "field_type": field_type,
                "required": bool(item.get("required", True)) and field_type != "checkbox",
                "help_text": source.front_text(item, "help", 300, required=False),
                "planner_step": step,
                "not_before": str(item.get("not_before") or ""),
            }
        )
    dates = {item["name"] for item in fields if item["field_type"] == "date"}
    for item in fields:
        if item["not_before"] and (item["field_type"] != "date" or item["not_before"] not in dates - {item["name"]}):
            raise SourceError(f"field {item['name']}: not_before must name another date field")
    return fields


def import_letters(folder: Path) -> ImportReport:
    index = source.import_parent(LetterIndexPage, "letter library (/verktyg/brev/)")
    return source.import_pages(folder, index, LetterPage, parse_letter, _fill, _snapshot)


def _snapshot(page: LetterPage):
    return (
        page.title,
        page.summary,
        page.body,
        page.guidance,
        page.guide_id,
        page.planner,
        page.updated,
        page.reviewed,
        [
            (item.name, item.label, item.field_type, item.required, item.help_text, item.planner_step, item.not_before)
            for item in page.letter_fields.all()
        ],
    )


def _fill(page: LetterPage, letter: LetterSource) -> None:
    page.title = page.draft_title = letter.title
    page.summary = letter.summary
    page.body = letter.body
    page.guidance = letter.guidance
    page.guide = letter.guide
    page.planner = letter.planner
    page.updated = letter.updated
    page.reviewed = letter.reviewed
    # The form shows the fields in the file's order (Orderable sorts by sort_order, which only the
    # admin's inline panel sets by itself).
    page.letter_fields = [LetterField(sort_order=number, **values) for number, values in enumerate(letter.fields)]
