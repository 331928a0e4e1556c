"""Export of the guide library into the guide source format: the inverse of guides.source and
guides.importer.

Every live guide becomes <slug>.md (YAML front matter and a Markdown body) and the areas,
situations and catalogue intro become terms.yml, so `import_terms` + `import_guides` rebuild the
same library elsewhere. Blocks map back to the Markdown the importer reads: "I korthet" →
`## I korthet` and a list, tips → `> **Tips:** ...`, guide links → a paragraph that is only the
link, and links to guides → /guider/<slug>/. What the format cannot express (a title on a
question list, an editor's h4 in rich text) is written in the nearest form it has; blocks with no
form at all (a podcast teaser) are left out and reported as warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

from guides.blocks import GuideBodyBlock
from guides.models import CataloguePage, GuideArea, GuidePage, Situation

INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<&])")
LINE_START_SPECIALS = re.compile(r"^(#|>|~|[-+*](?=\s|$))")
LINE_START_NUMBER = re.compile(r"^(\d{1,9})([.)])")
SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
DESTINATION_SPECIALS = re.compile(r"([()\\<> ])")
BLOCK_TAGS = {"p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr"}


@dataclass
class ExportReport:
    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"guides written: {len(self.written)}, warnings: {len(self.warnings)}"


def export_guides(folder: Path) -> ExportReport:
    """Write every live guide and terms.yml into folder (created when missing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    report = ExportReport()
    guides = list(
        GuidePage.objects.live().order_by("slug").prefetch_related("areas", "situations")
    )
    links = LinkTargets({guide.pk: guide.slug for guide in guides})
    for guide in guides:
        path = folder / f"{guide.slug}.md"
        path.write_text(guide_source(guide, links, report.warnings), encoding="utf-8")
        report.written.append(str(path))
    (folder / "terms.yml").write_text(terms_source(), encoding="utf-8")
    return report


def backup_export(folder: Path) -> int:
    """The library's readable copy in a backup (settings.BACKUP_EXPORTS): how many guides it holds."""
    return len(export_guides(folder).written)


class LinkTargets:
    """Where a stored link points: live guides by slug, other pages by URL, documents by URL."""

    def __init__(self, live_guides: dict[int, str]):
        self.live_guides = live_guides

    def page(self, page_id: int) -> str | None:
        if page_id in self.live_guides:
            return f"/guider/{self.live_guides[page_id]}/"
        from wagtail.models import Page

        page = Page.objects.filter(pk=page_id).exclude(content_type__model="guidepage").first()
        return page.url if page is not None and page.live else None

    def document(self, document_id: int) -> str | None:
        from wagtail.documents import get_document_model

        document = get_document_model().objects.filter(pk=document_id).first()
        return document.url if document is not None else None


# -- one guide ------------------------------------------------------------------------------


def guide_source(guide: GuidePage, links: LinkTargets, warnings: list[str] | None = None) -> str:
    """One guide as the text of a guide source file."""
    warnings = warnings if warnings is not None else []
    meta = {
        "title": guide.title,
        "slug": guide.slug,
        "summary": guide.summary,
        "categories": [term.name for term in guide.areas.all()],
        "situations": [term.name for term in guide.situations.all()],
        "author": guide.author,
        "updated": guide.updated,
        "members_only": guide.members_only,
    }
    if guide.reviewed_at:
        meta["reviewed"] = guide.reviewed_at
    if guide.form != "guide":
        meta["form"] = guide.form
    sources = [{"title": link.title, "url": link.url} for link in guide.sources.all()]
    if sources:
        meta["sources"] = sources
    if keywords := guide.keyword_list():
        meta["keywords"] = keywords
    front = yaml.dump(meta, Dumper=SourceDumper, allow_unicode=True, sort_keys=False, width=10_000)
    writer = MarkdownWriter(links, warnings, guide.slug)
    for block in guide.body:
        writer.block(block.block_type, block.value)
    return f"---\n{front}---\n{writer.text()}"


class SourceDumper(yaml.SafeDumper):
    """YAML as people write it: lists of names inline, long texts as literal blocks."""


def _represent_str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper, value):
    flow = all(isinstance(item, str) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


SourceDumper.add_representer(str, _represent_str)
SourceDumper.add_representer(list, _represent_list)


class MarkdownWriter:
    """Turns body blocks into Markdown chunks, one per top-level element.

    Two lists in a row merge into one in Markdown, so a list directly after another list of the
    same kind switches marker ("-" ↔ "*", "." ↔ ")"), which keeps them apart on import.
    """

    def __init__(self, links: LinkTargets, warnings: list[str], slug: str = ""):
        self.links = links
        self.warnings = warnings
        self.slug = slug
        self.chunks: list[str] = []
        self.last_list: tuple[str, str] | None = None

    def text(self) -> str:
        return "\n\n".join(self.chunks) + "\n"

    def _marker(self, ordered: bool) -> str:
        kind = "ordered" if ordered else "bullet"
        first, second = (".", ")") if ordered else ("-", "*")
        if self.last_list == (kind, first):
            return second
        return first

    # what blocks write through (their to_markdown, guides.blocks) -------------------------------

    def block(self, block_type: str, value) -> None:
        to_markdown = getattr(GuideBodyBlock.base_blocks.get(block_type), "to_markdown", None)
        if to_markdown is None:
            self.warn(f"a {block_type} block has no source form and was left out")
            return
        to_markdown(value, self)

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.slug}: {message}")

    def add(self, chunk: str, last_list: tuple[str, str] | None = None) -> None:
        self.chunks.append(chunk)
        self.last_list = last_list

    @staticmethod
    def escape(text: str) -> str:
        return escape_line(text)

    def quote(self, paragraphs: list[str]) -> None:
        self.add(quote_lines("\n\n".join(paragraphs)))

    def nested_html(self, html: str) -> list[str]:
        """The Markdown chunks of rich text inside another construct (a tip, a block quote)."""
        inner = MarkdownWriter(self.links, self.warnings, self.slug)
        inner.html(html)
        return inner.chunks

    def titled_list(self, title, items, task=False) -> None:
        if title:
            self.add(f"**{escape_line(title)}**")
        self.plain_list(items, task=task)

    def plain_list(self, items, task=False) -> None:
        marker = self._marker(ordered=False)
        box = "[ ] " if task else ""  # unescaped, so the importer reads a checklist
        self.add("\n".join(f"{marker} {box}{escape_line(item)}" for item in items), ("bullet", marker))

    # rich text -----------------------------------------------------------------------------

    def html(self, html: str) -> None:
        soup = BeautifulSoup(html or "", "html.parser")
        inline: list = []
        for node in soup.contents:
            if isinstance(node, Tag) and node.name in BLOCK_TAGS:
                self._flush_inline(inline)
                self._html_block(node)
            elif isinstance(node, NavigableString) and not node.strip():
                continue
            else:
                inline.append(node)
        self._flush_inline(inline)

    def _flush_inline(self, nodes: list) -> None:
        if nodes:
            text = self.inline(nodes).strip()
            if text:
                self.add(text)
            nodes.clear()

    def _html_block(self, node: Tag) -> None:
        if node.name == "p":
            text = self.inline(node.contents).strip()
            if text:
                self.add(text)
        elif node.name in {"ul", "ol"}:
            ordered = node.name == "ol"
            marker = self._marker(ordered)
            self.add(self.list_markdown(node, marker), ("ordered" if ordered else "bullet", marker))
        elif node.name == "hr":
            self.add("---")
        elif node.name == "blockquote":
            self.quote(self.nested_html(node.decode_contents()))
        else:  # h1–h6 inside rich text: the source format has only ## and ### as block headings
            self.add(f"**{self.inline(node.contents).strip()}**")

    def list_markdown(self, node: Tag, marker: str) -> str:
        ordered = node.name == "ol"
        number = int(node.get("start") or 1)
        items = [child for child in node.children if isinstance(child, Tag) and child.name == "li"]
        loose = any(isinstance(child, Tag) and child.name == "p" for item in items for child in item.children)
        rendered = []
        for item in items:
            bullet = f"{number}{marker} " if ordered else f"{marker} "
            number += 1
            parts = self._item_parts(item)
            body = "\n\n".join(parts) if loose else "\n".join(parts)
            indent = " " * len(bullet)
            lines = body.split("\n")
            rendered.append(bullet + lines[0] + "".join(f"\n{indent}{line}" if line else "\n" for line in lines[1:]))
        return ("\n\n" if loose else "\n").join(rendered)

    def _item_parts(self, item: Tag) -> list[str]:
        parts, inline = [], []

        def flush():
            text = self.inline(inline).strip()
            if text:
                parts.append(text)
            inline.clear()

        for child in item.children:
            if isinstance(child, Tag) and child.name in {"ul", "ol"}:
                flush()
                parts.append(self.list_markdown(child, "-" if child.name == "ul" else "."))
            elif isinstance(child, Tag) and child.name == "p":
                flush()
                parts.append(self.inline(child.contents).strip())
            else:
                inline.append(child)
        flush()
        return parts or [""]

    def inline(self, nodes) -> str:
        out: list[str] = []
        after_break = False
        for node in nodes:
            if isinstance(node, NavigableString):
                text = str(node)
                if after_break:
                    text = text.lstrip("\n")
                out.append(escape_text(text))
                after_break = False
                continue
            after_break = False
            name = node.name
            if name in {"strong", "b"}:
                out.append(f"**{self.inline(node.contents)}**")
            elif name in {"em", "i"}:
                out.append(f"*{self.inline(node.contents)}*")
            elif name == "code":
                out.append(code_span(node.get_text()))
            elif name == "br":
                out.append("\\\n")
                after_break = True
            elif name == "a":
                out.append(self._link(node))
            else:
                out.append(self.inline(node.contents))
        return escape_line_starts("".join(out))

    def _link(self, node: Tag) -> str:
        text = self.inline(node.contents)
        if node.get("linktype") == "page":
            href = self.links.page(int(node.get("id", 0) or 0))
        elif node.get("linktype") == "document":
            href = self.links.document(int(node.get("id", 0) or 0))
        else:
            href = node.get("href")
        if not href:
            self.warn(f"the link on {node.get_text()!r} leads nowhere public and became text")
            return text
        destination = DESTINATION_SPECIALS.sub(r"\\\1", href)
        title = ' "{}"'.format(node["title"].replace('"', '\\"')) if node.get("title") else ""
        return f"[{text}]({destination}{title})"


# -- escaping -------------------------------------------------------------------------------


def escape_text(text: str) -> str:
    """Characters that would start Markdown syntax inside a line, backslash-escaped."""
    return INLINE_SPECIALS.sub(r"\\\1", text)


def escape_line_starts(text: str) -> str:
    """Escape what would make a line a heading, quote, list item, fence or setext underline."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if SETEXT_UNDERLINE.match(line):
            lines[index] = "\\" + line
        elif LINE_START_NUMBER.match(line):  # "2026. Året" must not become a numbered list
            lines[index] = LINE_START_NUMBER.sub(r"\1\\\2", line, count=1)
        else:
            lines[index] = LINE_START_SPECIALS.sub(r"\\\1", line, count=1)
    return "\n".join(lines)


def escape_line(text: str) -> str:
    """Plain text of one line (a heading, list item or quote) as Markdown that reads back the same."""
    return escape_line_starts(escape_text(" ".join(str(text).split())))


def code_span(text: str) -> str:
    fence = "`"
    while fence in text:
        fence += "`"
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def quote_lines(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


# -- terms ----------------------------------------------------------------------------------


def terms_source() -> str:
    """Areas, situations (in their order) and the catalogue intro as terms.yml."""
    data = {}
    catalogue = CataloguePage.objects.first()
    if catalogue is not None and catalogue.intro:
        data["catalogue_intro"] = plain_paragraphs(catalogue.intro)
    for key, model in (("areas", GuideArea), ("situations", Situation)):
        data[key] = [
            {"name": term.name, "slug": term.slug, "intro": plain_paragraphs(term.intro)}
            for term in model.objects.order_by("sort_order", "name")
        ]
    return yaml.dump(data, Dumper=SourceDumper, allow_unicode=True, sort_keys=False, width=10_000)


def plain_paragraphs(html: str) -> str:
    """Rich text as the plain paragraphs terms.yml holds, separated by blank lines."""
    soup = BeautifulSoup(html or "", "html.parser")
    paragraphs = [node.get_text() for node in soup.find_all("p")] or [soup.get_text()]
    return "\n\n".join(text.strip() for text in paragraphs if text.strip())
