"""Import of source files into pages: idempotent, file by file, all or nothing per file.

`import_pages` is the one import loop of every page source (guides here; answers, episodes and
letters through guides.page_source). A file is checked completely (front matter, terms, body,
links) before anything is written; a broken file is reported with its reason and leaves no trace,
while the others still import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page

from facts.register import ImportReport, known_fact_ids
from guides.blocks import GuideBodyBlock
from guides.models import CataloguePage, GuideArea, GuidePage, GuideSourceLink, Situation
from guides.source import GUIDE_HREF, GuideSource, SourceError, parse_guide


def import_pages(
    folder: Path,
    parent: Page,
    page_model: type[Page],
    parse: Callable[[str, str], object],
    fill: Callable[[Page, object], None],
    snapshot: Callable[[Page], tuple],
    *,
    first_pass: Callable[[dict, dict, ImportReport], set[str]] | None = None,
) -> ImportReport:
    """THE import loop of every page source (guides, answers, episodes, letters): one child page of
    `parent` per Markdown file in `folder`, created or updated, idempotent and all or nothing per file.

    `parse(text, default slug)` checks a file completely (or raises SourceError) before anything is
    written and returns a source with a `slug`; `fill(page, source)` copies it onto a new or existing
    page; `snapshot(page)` is what counts as a change, so an unchanged live page is left alone.
    `first_pass(sources, existing, report)` runs once every file is parsed and before any is written:
    it may fail files ({slug: (path, source)} loses them, the report gains them) and add pages to
    `existing` ({slug: page}); it returns the slugs of the pages it created (guides: drafts, so that
    guides importing together can link to each other).
    """
    report = ImportReport()
    sources: dict[str, tuple[Path, object]] = {}
    for path in sorted(Path(folder).glob("*.md")):
        try:
            source = parse(read_source_file(path), path.stem)
            if source.slug in sources:
                raise SourceError(f"slug {source.slug!r} is already used by {sources[source.slug][0].name}")
        except SourceError as error:
            report.failed.append((str(path), str(error)))
            continue
        sources[source.slug] = (path, source)
    existing = {page.slug: page for page in page_model.objects.child_of(parent)}
    created = first_pass(sources, existing, report) if first_pass else set()
    for slug, (path, source) in sources.items():
        page = existing.get(slug) or page_model(slug=slug, live=False)
        with transaction.atomic():
            outcome = _write(parent, page, source, fill, snapshot, new=page.pk is None or slug in created)
        getattr(report, outcome).append(str(path))
    return report


def import_parent(page_type: type[Page], name: str) -> Page:
    """The page an import writes under (the catalogue, an index page), made by the migrations; a
    SourceError naming it when there is none."""
    parent = page_type.objects.first()
    if parent is None:
        raise SourceError(f"there is no {name} to import into; run migrate first")
    return parent


def _write(parent: Page, page: Page, source, fill, snapshot, *, new: bool) -> str:
    """Bring one page in line with its source; the outcome names the report list it belongs to."""
    was_live = page.live and not page.has_unpublished_changes
    before = None if page.pk is None else snapshot(page)
    fill(page, source)
    if page.pk is None:
        parent.add_child(instance=page)
    elif was_live and snapshot(page) == before:
        return "unchanged"
    page.save_revision(log_action=True).publish()
    return "created" if new else "updated"


def import_guides(folder: Path, *, create_terms: bool = False) -> ImportReport:
    """Guide files into the catalogue (import_pages), with the guides' own first pass: files linking
    to guides that neither exist nor import now fail, and new guides start as drafts so that links
    between guides of one import resolve to page ids."""
    catalogue = import_parent(CataloguePage, "catalogue page")
    known_facts = known_fact_ids()
    ids: dict[str, int] = {}

    def parse(text: str, default_slug: str) -> GuideSource:
        source = parse_guide(text, default_slug, known_facts)
        _check_terms(source, create_terms)
        return source

    def first_pass(sources, existing, report) -> set[str]:
        _drop_broken_links(sources, report)
        drafts = {slug: _create_draft(catalogue, source) for slug, (_path, source) in sources.items()
                  if slug not in existing}
        existing.update(drafts)
        ids.update({slug: page.pk for slug, page in existing.items()})
        # A guide never published before (a draft made now or earlier) counts as created.
        return {slug for slug, page in existing.items() if page.first_published_at is None and not page.live}

    def fill(page: GuidePage, source: GuideSource) -> None:
        _fill(page, source, ids, create_terms)

    return import_pages(folder, catalogue, GuidePage, parse, fill, _snapshot, first_pass=first_pass)


def read_source_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SourceError("file is not UTF-8 text") from None


def _check_terms(source: GuideSource, create_terms: bool) -> None:
    if create_terms:
        return
    checks = ((GuideArea, source.areas, "guide area"), (Situation, source.situations, "situation"))
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
    """Stable /guider/<slug>/ links → Wagtail page links (rich text) and page ids (link blocks), each
    block type the way its class says (resolve_guide_links in guides.blocks)."""

    def rewrite_html(html: str) -> str:
        return GUIDE_HREF.sub(lambda match: f'<a linktype="page" id="{ids[match.group(1)]}"', html)

    resolved = []
    for block in blocks:
        resolve = getattr(GuideBodyBlock.base_blocks[block["type"]], "resolve_guide_links", None)
        value = resolve(block["value"], rewrite_html, ids.__getitem__) if resolve else block["value"]
        resolved.append({"type": block["type"], "value": value})
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


def _fill(page: GuidePage, source: GuideSource, ids: dict[str, int], create_terms: bool) -> None:
    areas = _terms(GuideArea, source.areas, create_terms)
    situations = _terms(Situation, source.situations, create_terms)
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
    page.areas.set(areas)
    page.situations.set(situations)


def _snapshot(page: GuidePage):
    return (
        page.title, page.summary, page.author, page.updated, page.members_only, page.reviewed_at, page.form,
        page.keywords,
        [(link.title, link.url) for link in page.sources.all()],
        comparable(page.body),
        sorted(term.pk for term in page.areas.all()),
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
