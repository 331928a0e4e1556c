"""Markdown sources with YAML front matter beyond guides (expert answers, podcast episodes), and
the management command every importer shares.

Built on the guide importer's own parser, report and link resolution: front matter read against a
list of fields, Markdown turned into Wagtail rich text with /guider/<slug>/ links resolved to page
links, related guide slugs looked up, the import itself (`import_pages`, file by file), and
`ImportCommand`, the `manage.py import_…` command around any importer, guides included.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from guides.importer import ImportReport, read_source_file, resolve_links
from guides.models import GuidePage
from guides.source import GUIDE_LINK, SourceError, markdown, parse_date, parse_slug


def slug(meta: dict, default: str) -> str:
    return parse_slug(meta.get("slug", default))


def text(meta: dict, name: str, max_length: int, *, required: bool = True) -> str:
    value = meta.get(name)
    if value in (None, "") and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise SourceError(f"{name} must be a non-empty text")
    value = value.strip()
    if len(value) > max_length:
        raise SourceError(f"{name} is longer than {max_length} characters")
    return value


def date(meta: dict, name: str) -> datetime.date:
    return parse_date(meta.get(name), name)


def integer(meta: dict, name: str, *, minimum: int = 0) -> int:
    value = meta.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise SourceError(f"{name} must be a whole number of at least {minimum}")
    return value


def related_guides(meta: dict, name: str = "related") -> list[GuidePage]:
    """The guides named by slug, in the order given; an unknown slug fails the file."""
    slugs = meta.get(name) or []
    if not isinstance(slugs, list) or not all(isinstance(slug, str) for slug in slugs):
        raise SourceError(f"{name} must be a list of guide slugs")
    guides = {guide.slug: guide for guide in GuidePage.objects.filter(slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in guides]
    if unknown:
        raise SourceError(f"{name} names unknown guide {', '.join(unknown)}")
    return [guides[slug] for slug in dict.fromkeys(slugs)]


def rich_text(body: str) -> str:
    """Markdown → Wagtail rich text; links to /guider/<slug>/ become links to the guide's page."""
    tokens = markdown.parse(body)
    for token in tokens:
        if token.type in {"fence", "code_block"}:  # raw HTML is off in the parser: never a block
            raise SourceError(f"line {token.map[0] + 1}: code and HTML blocks are not supported")
    html = markdown.renderer.render(tokens, markdown.options, {}).strip()
    if not html:
        raise SourceError("body is empty")
    slugs = set()
    for token in tokens:
        for child in token.children or []:
            href = child.attrGet("href") if child.type == "link_open" else None
            if href and href.startswith("/guider/"):
                match = GUIDE_LINK.match(href)
                if not match:
                    raise SourceError(f"link {href!r} is not of the form /guider/<slug>/")
                slugs.add(match.group(1))
    ids = dict(GuidePage.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    unknown = sorted(slugs - ids.keys())
    if unknown:
        raise SourceError(f"links to unknown guide {', '.join(unknown)}")
    return resolve_links([{"type": "rich_text", "value": html}], ids)[0]["value"]


# -- the import ---------------------------------------------------------------------------


def import_pages(
    folder: Path,
    parent: Page,
    page_model: type[Page],
    parse: Callable[[str, str], object],
    fill: Callable[[Page, object], None],
    snapshot: Callable[[Page], tuple],
) -> ImportReport:
    """Create or update one child page of `parent` per Markdown file, like the guide importer.

    `parse(text, default slug)` checks a file completely (or raises SourceError) before anything is
    written and returns a source with a `slug`; `fill(page, source)` copies it onto a new or existing
    page; `snapshot(page)` is what counts as a change, so an unchanged live page is left alone.
    """
    report = ImportReport()
    existing = {page.slug: page for page in page_model.objects.child_of(parent)}
    files: dict[str, Path] = {}
    for path in sorted(Path(folder).glob("*.md")):
        try:
            item = parse(read_source_file(path), path.stem)
            if item.slug in files:
                raise SourceError(f"slug {item.slug!r} is already used by {files[item.slug].name}")
        except SourceError as error:
            report.failed.append((str(path), str(error)))
            continue
        files[item.slug] = path
        page = existing.get(item.slug) or page_model(slug=item.slug, live=False)
        with transaction.atomic():
            outcome = _write(parent, page, item, fill, snapshot)
        getattr(report, outcome).append(str(path))
    return report


def _write(parent: Page, page: Page, item, fill, snapshot) -> str:
    """Bring one page in line with its source; the outcome names the report list it belongs to."""
    created = page.pk is None
    was_live = page.live and not page.has_unpublished_changes
    before = None if created else snapshot(page)
    fill(page, item)
    if created:
        parent.add_child(instance=page)
    elif was_live and snapshot(page) == before:
        return "unchanged"
    page.save_revision(log_action=True).publish()
    return "created" if created else "updated"


class ImportCommand(BaseCommand):
    """`manage.py import_… FOLDER`: a subclass names its `import_folder(folder, **options)`.

    Options a subclass adds in `add_arguments` reach the importer through `import_options`.
    """

    import_folder: Callable[..., ImportReport]
    # What a failed file and a run with failures print (each command keeps its released wording).
    failure_line = "failed: {path}: {reason}"
    failures_message = "{count} file(s) could not be imported"

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def import_options(self, options: dict) -> dict:
        return {}

    def handle(self, folder: Path, **options):
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        try:
            report = self.import_folder(folder, **self.import_options(options))
        except SourceError as error:
            raise CommandError(str(error)) from None
        for path, reason in report.failed:
            self.stderr.write(self.failure_line.format(path=path, reason=reason))
        self.stdout.write(report.summary())
        if report.failed:
            raise CommandError(self.failures_message.format(count=len(report.failed)))
