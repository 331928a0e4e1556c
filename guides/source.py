"""The guide source format: one Markdown file with YAML front matter per guide.

`parse_guide` turns a file's text into a `GuideSource` (metadata plus StreamField block data)
or raises `SourceError` with a reason a person can act on. Nothing here touches the database;
links to other guides stay in their stable form (/guider/<slug>/) until the importer resolves them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

import yaml
from django.utils.text import slugify
from markdown_it import MarkdownIt

from facts.citations import UnknownFact, check_citations
from facts.register import field_problems, read_date, read_text
from guides.blocks import KeyPointsBlock
from guides.models import GUIDE_FORMS, RESERVED_GUIDE_SLUGS

REQUIRED_FIELDS = {"title", "summary", "categories", "author", "updated"}
OPTIONAL_FIELDS = {"slug", "situations", "members_only", "reviewed", "form", "sources", "keywords"}
MAX_KEYWORDS = 30
MAX_KEYWORD_LENGTH = 60
SOURCE_URL = re.compile(r"^https://[^\s]+$")
GUIDE_LINK = re.compile(r"^/guider/([a-z0-9-]+)/?$")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.S)
TIP_PREFIX = re.compile(r"^<p><strong>Tips:?</strong>:?\s*", re.I)
KEY_POINTS_HEADING = KeyPointsBlock.SOURCE_HEADING.lower()

markdown = MarkdownIt("commonmark", {"html": False}).disable("image")
#: A guide body is read with tables recognised, so that a table is refused naming its line instead of
#: passing as a paragraph of pipes (CommonMark has no tables).
body_markdown = MarkdownIt("commonmark", {"html": False}).disable("image").enable("table")


class SourceError(Exception):
    """A guide file that cannot be imported, with the reason."""


@dataclass
class GuideSource:
    slug: str
    title: str
    summary: str
    areas: list[str]  # front matter "categories"
    situations: list[str]
    author: str
    updated: datetime.date
    members_only: bool
    blocks: list[dict]
    linked_slugs: set[str] = field(default_factory=set)
    reviewed: datetime.date | None = None
    form: str = "guide"
    sources: list[tuple[str, str]] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)  # "sökord": words readers search for that the guide does not use


def parse_guide(text: str, default_slug: str, known_facts=None) -> GuideSource:
    """Parse a guide file; with `known_facts` (the register's ids) a citation of any other id fails."""
    meta, body = split_front_matter(text)
    if known_facts is not None:
        check_cited_facts(text, body, known_facts)
    source = GuideSource(
        slug=_guide_slug(meta.get("slug", default_slug)),
        title=front_text(meta, "title", 255),
        summary=front_text(meta, "summary", 1000),
        areas=_names(meta, "categories", required=True),
        situations=_names(meta, "situations", required=False),
        author=front_text(meta, "author", 120),
        updated=parse_date(meta.get("updated"), "updated"),
        members_only=_bool(meta.get("members_only", False)),
        blocks=[],
        reviewed=parse_date(meta["reviewed"], "reviewed") if meta.get("reviewed") else None,
        form=_form(meta.get("form", "guide")),
        sources=parse_sources(meta.get("sources")),
        keywords=parse_keywords(meta.get("keywords")),
    )
    source.blocks = body_blocks(body, source.linked_slugs, first_line=first_line_of(text, body))
    return source


def check_cited_facts(text: str, body: str, known_facts) -> None:
    """SourceError naming the file's line of the first citation of a fact the register lacks."""
    try:
        check_citations(body, known_facts)
    except UnknownFact as error:
        raise SourceError(f"line {error.line + lines_before(text, body)}: {error.reason}") from None


def lines_before(text: str, body: str) -> int:
    """How many lines of a source file come before its body (messages name the file's lines)."""
    return text[: len(text) - len(body)].count("\n")


def first_line_of(text: str, body: str) -> int:
    """The line of its file on which a body (the end of the file's text) begins, counted from 1."""
    return lines_before(text, body) + 1


def _form(value) -> str:
    if value not in GUIDE_FORMS:
        raise SourceError(f"form must be one of {', '.join(GUIDE_FORMS)}")
    return value


def parse_sources(value) -> list[tuple[str, str]]:
    """Official texts a page relies on beyond its cited facts: a list of {title, url}."""
    if value in (None, []):
        return []
    if not isinstance(value, list):
        raise SourceError("sources must be a list of {title, url}")
    sources = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"title", "url"}:
            raise SourceError("every source needs exactly a title and a url")
        title, url = item["title"], item["url"]
        if not isinstance(title, str) or not title.strip() or len(title) > 200:
            raise SourceError("a source's title must be a non-empty text of at most 200 characters")
        if not isinstance(url, str) or not SOURCE_URL.match(url) or len(url) > 500:
            raise SourceError(f"source url {str(url)[:60]!r} must be an https address")
        sources.append((title.strip(), url))
    return sources


def parse_keywords(value) -> list[str]:
    """Search words ("sökord") editors add for a guide: a list of short texts, kept in order, once each."""
    if value in (None, []):
        return []
    if not isinstance(value, list) or len(value) > MAX_KEYWORDS:
        raise SourceError(f"keywords must be a list of at most {MAX_KEYWORDS} words or phrases")
    keywords: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip() or len(item) > MAX_KEYWORD_LENGTH or "," in item:
            raise SourceError(
                f"every keyword must be a text of at most {MAX_KEYWORD_LENGTH} characters without commas"
            )
        if item.strip() not in keywords:
            keywords.append(item.strip())
    return keywords


def split_front_matter(text: str, required=REQUIRED_FIELDS, optional=OPTIONAL_FIELDS) -> tuple[dict, str]:
    """(front matter, Markdown body) of a source file whose front matter has these fields."""
    text = text.lstrip("\ufeff")  # editors' tools sometimes save a byte-order mark
    match = FRONT_MATTER.match(text)
    if not match:
        raise SourceError("front matter missing: the file must start with a '---' block")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise SourceError(f"front matter is not valid YAML{where}") from None
    if not isinstance(meta, dict):
        raise SourceError("front matter must be a mapping of field: value")
    missing, unknown = field_problems(meta, required, optional)
    if missing:
        raise SourceError(f"front matter lacks {', '.join(missing)}")
    if unknown:
        raise SourceError(f"unknown front matter field {', '.join(unknown)}")
    return meta, text[match.end() :]


def front_text(meta: dict, name: str, max_length: int, *, required: bool = True) -> str:
    """A text field of front matter (facts.register.read_text); an optional one may be missing or empty."""
    value = meta.get(name)
    if value in (None, "") and not required:
        return ""
    try:
        return read_text(value, name, max_length)
    except ValueError as error:
        raise SourceError(str(error)) from None


def _names(meta, name, required) -> list[str]:
    value = meta.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise SourceError(f"{name} must be a list of names")
    if required and not value:
        raise SourceError(f"{name} must name at least one")
    return [item.strip() for item in value]


def parse_slug(value) -> str:
    if not isinstance(value, str) or not value or slugify(value) != value:
        raise SourceError(f"slug {value!r} is not a valid slug (lowercase a-z, 0-9 and -)")
    return value


def _guide_slug(value) -> str:
    value = parse_slug(value)
    if value in RESERVED_GUIDE_SLUGS:
        raise SourceError(f"slug {value!r} is reserved by the catalogue")
    return value


def parse_date(value, name: str) -> datetime.date:
    """A front matter date: YAML's own date, or text in the form YYYY-MM-DD."""
    try:
        return read_date(value)
    except ValueError:
        raise SourceError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None


def _bool(value) -> bool:
    if not isinstance(value, bool):
        raise SourceError("members_only must be true or false")
    return value


# -- body ---------------------------------------------------------------------------------


def body_blocks(body: str, linked_slugs: set[str], first_line: int = 1) -> list[dict]:
    """Markdown body → StreamField block data (list of {"type", "value"}); errors name the line,
    counted from `first_line` (the body's line in its file)."""
    tokens = body_markdown.parse(body)
    _check_supported(tokens, first_line)
    if not any(token.type == "inline" and token.content.strip() for token in tokens):
        raise SourceError("body is empty")
    check_no_empty_parts(tokens, first_line)
    blocks: list[dict] = []
    rich: list = []

    def flush():
        if rich:
            html = markdown.renderer.render(rich, markdown.options, {}).strip()
            blocks.append({"type": "rich_text", "value": html})
            rich.clear()

    position = 0
    while position < len(tokens):
        token = tokens[position]
        end = _closing(tokens, position)
        chunk = tokens[position : end + 1]
        block = None
        if token.type == "heading_open":
            block = _heading(chunk, tokens[end + 1 : _closing(tokens, end + 1) + 1] if end + 1 < len(tokens) else [])
            if block and block["type"] == "key_points":
                end = _closing(tokens, end + 1)
        elif token.type == "bullet_list_open":
            block = _list_block(chunk)
        elif token.type == "blockquote_open":
            block = _quote_or_tip(chunk)
        elif token.type == "paragraph_open":
            block = _guide_link(chunk)
        if block:
            flush()
            blocks.append(block)
        else:
            rich.extend(chunk)
        position = end + 1
    flush()
    for block in blocks:
        linked_slugs.update(_links_in(block))
    return blocks


def _check_supported(tokens, first_line):
    for token in tokens:
        if token.type in {"fence", "code_block"}:
            raise _unsupported(token, first_line, "code blocks are not supported in guides")
        if token.type == "heading_open" and token.tag not in {"h2", "h3"}:
            raise _unsupported(token, first_line, "only ## and ### headings are allowed")
        if token.type == "table_open":
            raise _unsupported(token, first_line, "tables are not supported in guides")
        if token.type == "inline" and re.search(r"!\[[^\]]*\]\(", token.content):
            raise _unsupported(token, first_line, "images are not supported in guides")
        for child in token.children or []:
            if child.type == "link_open":  # markdown-it already refuses javascript: and others, not data:image
                href = child.attrGet("href") or ""
                if href.lower().startswith(("javascript:", "data:", "vbscript:")):
                    raise _unsupported(token, first_line, f"link {href[:30]!r} is not allowed")


#: A list item's text that says nothing: none at all, or only a checklist box.
EMPTY_ITEM = re.compile(r"^\s*(\[[ xX]\])?\s*$")


def check_no_empty_parts(tokens, first_line):
    """A heading or list item without text would be imported as an empty heading, point or item."""
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and not _inline_text(tokens[index + 1]):
            raise _unsupported(token, first_line, "a heading must have text")
        if token.type == "list_item_open" and all(
            EMPTY_ITEM.match(inner.content)
            for inner in tokens[index : _closing(tokens, index)]
            if inner.type == "inline"
        ):
            raise _unsupported(token, first_line, "a list item must have text")


def _unsupported(token, first_line, reason) -> SourceError:
    return SourceError(f"line {token.map[0] + first_line}: {reason}")


def _closing(tokens, start) -> int:
    """Index of the token that closes the block opened at start (itself if self-contained)."""
    token = tokens[start]
    if token.nesting != 1:
        return start
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return "".join(parts).strip()


def _heading(chunk, following):
    text = _inline_text(chunk[1])
    if text.lower() == KEY_POINTS_HEADING and following and following[0].type == "bullet_list_open":
        points = _list_items(following)
        if points and not _has_links(points):  # key points are plain text: a link would be lost
            return {"type": "key_points", "value": {"points": [_inline_text(item) for item in points]}}
    return {"type": "heading", "value": {"text": text, "level": chunk[0].tag}}


def _list_items(chunk):
    """The inline token of each top-level item, or None when items hold more than one paragraph."""
    level = chunk[0].level
    items, paragraphs = [], 0
    for token in chunk:
        if token.type == "list_item_open" and token.level == level + 1:
            paragraphs = 0
        if token.type == "inline":
            if token.level != level + 3:
                return None
            paragraphs += 1
            if paragraphs > 1:
                return None
            items.append(token)
    return items


def _has_links(items) -> bool:
    return any(child.type == "link_open" for item in items for child in item.children or [])


TASK = re.compile(r"^\[[ xX]\]\s+")


def _list_block(chunk):
    items = _list_items(chunk)
    if not items or _has_links(items):
        return None
    texts = [_inline_text(item) for item in items]
    if all(TASK.match(item.content) for item in items):
        return {"type": "checklist", "value": {"title": "", "items": [TASK.sub("", text) for text in texts]}}
    if all(text.endswith("?") for text in texts):
        return {"type": "question_list", "value": {"title": "", "questions": texts}}
    return None


def _quote_or_tip(chunk):
    inner = chunk[1:-1]
    html = markdown.renderer.render(inner, markdown.options, {}).strip()
    if TIP_PREFIX.match(html):
        return {"type": "tip", "value": {"title": "Tips", "text": "<p>" + TIP_PREFIX.sub("", html)}}
    paragraphs = [_inline_text(token) for token in inner if token.type == "inline"]
    attribution = ""
    if len(paragraphs) > 1 and paragraphs[-1].startswith(("— ", "– ", "-- ")):
        attribution = paragraphs.pop().lstrip("—–- ").strip()
    return {"type": "quote", "value": {"text": "\n\n".join(paragraphs), "attribution": attribution}}


def _guide_link(chunk):
    """A paragraph that is nothing but one link to another guide becomes a guide link block."""
    children = [child for child in chunk[1].children or [] if not (child.type == "text" and not child.content.strip())]
    if len(children) >= 3 and children[0].type == "link_open" and children[-1].type == "link_close":
        match = GUIDE_LINK.match(children[0].attrGet("href") or "")
        if match and all(child.type in {"text", "softbreak"} for child in children[1:-1]):  # plain link text
            return {"type": "guide_link", "value": {"page": match.group(1), "text": _inline_text(chunk[1])}}
    return None


HREF = re.compile(r'href="(/guider/[^"]*)"')
#: A well-formed link to another guide in rendered body HTML; the importer turns it into a page link.
GUIDE_HREF = re.compile(r'<a href="/guider/([a-z0-9-]+)/?"')


def _links_in(block) -> set[str]:
    if block["type"] == "guide_link":
        return {block["value"]["page"]}
    if block["type"] == "rich_text":
        html = block["value"]
    elif block["type"] == "tip":
        html = block["value"]["text"]
    else:
        return set()
    slugs = set()
    for href in HREF.findall(html):
        match = GUIDE_LINK.match(href)
        if not match:
            raise SourceError(f"link {href!r} is not of the form /guider/<slug>/")
        slugs.add(match.group(1))
    return slugs
