"""Markdown sources with YAML front matter beyond guides (expert answers, podcast episodes, letters),
and the management command every importer shares.

Built on the guide importer's own parser, report, link resolution and import loop
(`guides.importer.import_pages`): front matter fields read one by one, Markdown turned into Wagtail
rich text with /guider/<slug>/ links resolved to page links, related guide slugs looked up, and
`ImportCommand`, the `manage.py import_…` command around any importer, guides included.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guides.importer import ImportReport, import_pages, import_parent, resolve_links
from guides.models import GuidePage
from guides.source import (
    GUIDE_LINK,
    SourceError,
    check_no_empty_parts,
    front_text,
    markdown,
    parse_date,
    parse_slug,
)

#: What the importers of answers, episodes and letters use: the readers below, the text reader and the
#: import loop they share with guides.
__all__ = [
    "ImportCommand", "date", "front_text", "import_pages", "import_parent", "integer", "related_guides", "rich_text",
    "slug",
]


def slug(meta: dict, default: str) -> str:
    return parse_slug(meta.get("slug", default))


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


def rich_text(body: str, first_line: int = 1) -> str:
    """Markdown → Wagtail rich text; links to /guider/<slug>/ become links to the guide's page.

    Errors name the line counted from `first_line` (the body's line in its file:
    `guides.source.first_line_of(text, body)`).
    """
    tokens = markdown.parse(body)
    for token in tokens:
        if token.type in {"fence", "code_block"}:  # raw HTML is off in the parser: never a block
            raise SourceError(f"line {token.map[0] + first_line}: code and HTML blocks are not supported")
    html = markdown.renderer.render(tokens, markdown.options, {}).strip()
    if not html:
        raise SourceError("body is empty")
    check_no_empty_parts(tokens, first_line)  # an empty heading or list item, as in a guide
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
