"""Markdown sources with YAML front matter beyond guides: expert answers and podcast episodes.

The pieces both importers need — front matter read against a list of fields, Markdown turned into
Wagtail rich text with /guider/<slug>/ links resolved to page links, related guide slugs looked
up — live here once, built on the guide importer's own parser and link resolution.
"""

from __future__ import annotations

import datetime

import yaml

from guides.importer import resolve_links
from guides.models import GuidePage
from guides.source import FRONT_MATTER, GUIDE_LINK, SourceError, markdown


def read_source(text: str, required: set[str], optional: set[str]) -> tuple[dict, str]:
    """(front matter, Markdown body), or SourceError naming what is wrong."""
    text = text.lstrip("\ufeff")
    match = FRONT_MATTER.match(text)
    if not match:
        raise SourceError("front matter missing: the file must start with a '---' block")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        raise SourceError("front matter is not valid YAML") from None
    if not isinstance(meta, dict):
        raise SourceError("front matter must be a mapping of field: value")
    missing = sorted(required - meta.keys())
    if missing:
        raise SourceError(f"front matter lacks {', '.join(missing)}")
    unknown = sorted(set(meta) - required - optional)
    if unknown:
        raise SourceError(f"unknown front matter field {', '.join(map(str, unknown))}")
    return meta, text[match.end() :]


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
    value = meta.get(name)
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise SourceError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None


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
    for token in markdown.parse(body):
        if token.type in {"fence", "code_block", "html_block"}:
            raise SourceError(f"line {token.map[0] + 1}: code and HTML blocks are not supported")
    html = markdown.render(body).strip()
    if not html:
        raise SourceError("body is empty")
    slugs = set()
    for token in markdown.parse(body):
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
