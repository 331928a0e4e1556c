"""Import of guide source files into the library: idempotent, file by file, all or nothing per file.

A file is checked completely (front matter, terms, body, links) before anything is written;
a broken file is reported with its reason and leaves no trace, while the others still import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from facts.register import known_fact_ids
from guides.models import CataloguePage, GuideArea, GuidePage, GuideSourceLink, Situation
from guides.source import GUIDE_HREF, GuideSource, SourceError, parse_guide


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"created: {len(self.created)}, updated: {len(self.updated)}, "
            f"unchanged: {len(self.unchanged)}, failed: {len(self.failed)}"
        )


def import_guides(folder: Path, *, create_terms: bool = False) -> ImportReport:
    report = ImportReport()
    catalogue = CataloguePage.objects.first()
    if catalogue is None:
        raise SourceError("there is no catalogue page to import into; run migrate first")
    sources: dict[str, tuple[Path, GuideSource]] = {}
    known_facts = known_fact_ids()
    for path in sorted(Path(folder).glob("*.md")):
        try:
            source = parse_guide(read_source_file(path), path.stem, known_facts)
            _check_terms(source, create_terms)
            if source.slug in sources:
                raise SourceError(f"slug {source.slug!r} is already used by {sources[source.slug][0].name}")
        except SourceError as error:
            report.failed.append((str(path), str(error)))
            continue
        sources[source.slug] = (path, source)
    _drop_broken_links(sources, report)

    existing = {page.slug: page for page in GuidePage.objects.child_of(catalogue).specific()}
    for slug, (_path, source) in sources.items():
        if slug not in existing:
            existing[slug] = _create_draft(catalogue, source)
    ids = {slug: page.pk for slug, page in existing.items()}
    for slug, (path, source) in sources.items():
        with transaction.atomic():
            outcome = _write(existing[slug], source, ids, create_terms)
        getattr(report, outcome).append(str(path))
    return report


def read_source_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SourceError("file is not UTF-8 text") from None


def _check_terms(source: GuideSource, create_terms: bool) -> None:
    if create_terms:
        return
    checks = ((GuideArea, source.categories, "guide area"), (Situation, source.situations, "situation"))
    for model, names, label in checks:
        known = set(model.objects.filter(name__in=names).values_list("name", flat=True))
        unknown = [name for name in names if name not in known]
        if unknown:
            raise SourceError(f"unknown {label} {', '.join(map(repr, unknown))} (use --create-terms to add)")


def _drop_broken_links(sources, report) -> None:
    """Fail files linking to guides that neither exist nor import now, until none are left."""
    existing = set(GuidePage.objects.values_list("slug", flat=True))
    failed = set()
    while True:
        known = existing | set(sources)
        broken = {
            slug: sorted(source.linked_slugs - known)
            for slug, (path, source) in sources.items()
            if source.linked_slugs - known
        }
        if not broken:
            return
        for slug, missing in broken.items():
            path, _ = sources.pop(slug)
            reasons = [f"{target} (failed above)" if target in failed else target for target in missing]
            report.failed.append((str(path), f"links to unknown guide {', '.join(reasons)}"))
        failed |= set(broken)


def _create_draft(catalogue, source: GuideSource) -> GuidePage:
    page = GuidePage(
        title=source.title, slug=source.slug, summary=source.summary, author=source.author,
        updated=source.updated, live=False,
    )
    catalogue.add_child(instance=page)
    return page


def _terms(model, names, create):
    terms = []
    for name in names:
        term = model.objects.filter(name=name).first()
        if term is None and create:
            term = model.objects.create(name=name, slug=slugify(name), sort_order=model.objects.count() + 1)
        terms.append(term)
    return terms


def resolve_links(blocks: list[dict], ids: dict[str, int]) -> list[dict]:
    """Stable /guider/<slug>/ links → Wagtail page links (rich text) and page ids (link blocks)."""

    def page_link(match):
        return f'<a linktype="page" id="{ids[match.group(1)]}"'

    resolved = []
    for block in blocks:
        block = {"type": block["type"], "value": block["value"]}
        if block["type"] == "rich_text":
            block["value"] = GUIDE_HREF.sub(page_link, block["value"])
        elif block["type"] == "tip":
            block["value"] = {**block["value"], "text": GUIDE_HREF.sub(page_link, block["value"]["text"])}
        elif block["type"] == "guide_link":
            block["value"] = {**block["value"], "page": ids[block["value"]["page"]]}
        resolved.append(block)
    return resolved


def comparable(stream_value) -> list:
    """Block data without the random block ids, to tell whether content really changed."""

    def strip(value):
        if isinstance(value, dict):
            return {key: strip(item) for key, item in value.items() if key != "id"}
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    return strip(stream_value.get_prep_value())


def _write(page: GuidePage, source: GuideSource, ids, create_terms) -> str:
    """Bring one page in line with its source; the outcome names the report list it belongs to."""
    was_live = page.live and not page.has_unpublished_changes
    categories = _terms(GuideArea, source.categories, create_terms)
    situations = _terms(Situation, source.situations, create_terms)
    before = _snapshot(page)
    page.title = source.title
    page.draft_title = source.title
    page.summary = source.summary
    page.author = source.author
    page.updated = source.updated
    page.members_only = source.members_only
    page.reviewed_at = source.reviewed
    page.form = source.form
    page.keywords = ", ".join(source.keywords)
    page.sources = [GuideSourceLink(title=title, url=url) for title, url in source.sources]
    page.body = resolve_links(source.blocks, ids)
    page.categories.set(categories)
    page.situations.set(situations)
    if was_live and _snapshot(page) == before:
        return "unchanged"
    is_new = page.first_published_at is None and not page.live
    page.save_revision(log_action=True).publish()
    return "created" if is_new else "updated"


def _snapshot(page: GuidePage):
    return (
        page.title, page.summary, page.author, page.updated, page.members_only, page.reviewed_at, page.form,
        page.keywords,
        [(link.title, link.url) for link in page.sources.all()],
        comparable(page.body),
        sorted(term.pk for term in page.categories.all()),
        sorted(term.pk for term in page.situations.all()),
    )


def import_terms(path: Path) -> dict[str, int]:
    """Load areas, situations (name, slug, intro, order) and the catalogue intro from terms.yml."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SourceError(f"{path}: cannot read terms ({error.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected a mapping with areas and situations")

    def html(text: str) -> str:
        return "".join(f"<p>{escape(part.strip())}</p>" for part in str(text).split("\n\n") if part.strip())

    counts = {}
    with transaction.atomic():
        for key, model in (("areas", GuideArea), ("situations", Situation)):
            entries = data.get(key) or []
            for order, entry in enumerate(entries, start=1):
                if not isinstance(entry, dict) or not entry.get("name"):
                    raise SourceError(f"{path}: every entry of {key} needs a name")
                slug = entry.get("slug") or slugify(entry["name"])
                model.objects.update_or_create(
                    slug=slug,
                    defaults={"name": entry["name"], "intro": html(entry.get("intro", "")), "sort_order": order},
                )
            counts[key] = len(entries)
        if data.get("catalogue_intro"):
            for catalogue in CataloguePage.objects.all():
                intro = html(data["catalogue_intro"])
                if catalogue.intro != intro:
                    catalogue.intro = intro
                    catalogue.save_revision().publish()
    return counts
