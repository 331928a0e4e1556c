"""StreamField blocks of a guide body: the building pieces editors and the importer use.

What a block *is* lives on its class, so adding a block type is one class here (plus its branch in
guides.source, which reads Markdown token by token):

- plain text for search and summaries: Wagtail's own `get_searchable_content` (GuidePage.body_text);
- its Markdown in a guide source file: `to_markdown(value, writer)`, writing through the exporter's
  `MarkdownWriter` (a block without it has no source form and is left out of an export);
- links to other guides in imported data: `resolve_guide_links(data, rewrite_html, page_id)`, turning
  the stable /guider/<slug>/ form into page links (guides.importer.resolve_links).
"""

from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Rubrik", max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", "Rubrik 2"), ("h3", "Rubrik 3")], default="h2", label="Nivå")

    class Meta:
        icon = "title"
        label = "Rubrik"
        template = "guides/blocks/heading.html"

    def get_searchable_content(self, value):
        return [value["text"]]  # the level is layout, not text

    def to_markdown(self, value, writer) -> None:
        writer.add(f"{'###' if value['level'] == 'h3' else '##'} {writer.escape(value['text'])}")


class QuestionListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Rubrik", required=False, max_length=200)
    questions = blocks.ListBlock(blocks.CharBlock(label="Fråga", max_length=500), label="Frågor")

    class Meta:
        icon = "help"
        label = "Frågelista"
        template = "guides/blocks/question_list.html"

    def to_markdown(self, value, writer) -> None:
        writer.titled_list(value.get("title"), value["questions"])


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Rubrik", required=False, max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label="Punkt", max_length=500), label="Punkter")

    class Meta:
        icon = "tasks"
        label = "Checklista"
        template = "guides/blocks/checklist.html"

    def to_markdown(self, value, writer) -> None:
        writer.titled_list(value.get("title"), value["items"], task=True)


class KeyPointsBlock(blocks.StructBlock):
    #: A source file marks key points with this level-2 heading over a list (guides.source reads it).
    SOURCE_HEADING = "I korthet"

    points = blocks.ListBlock(blocks.CharBlock(label="Punkt", max_length=300), label="Punkter")

    class Meta:
        icon = "list-ul"
        label = "I korthet"
        template = "guides/blocks/key_points.html"

    def to_markdown(self, value, writer) -> None:
        writer.add(f"## {self.SOURCE_HEADING}")
        writer.plain_list(value["points"])


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Rubrik", default="Tips", max_length=100)
    text = blocks.RichTextBlock(label="Text", features=["bold", "italic", "link"])

    class Meta:
        icon = "pick"
        label = "Tips"
        template = "guides/blocks/tip.html"

    def to_markdown(self, value, writer) -> None:
        chunks = writer.nested_html(value["text"].source) or [""]
        chunks[0] = f"**Tips:** {chunks[0]}".rstrip()
        writer.quote(chunks)

    def resolve_guide_links(self, data: dict, rewrite_html, page_id) -> dict:
        return {**data, "text": rewrite_html(data["text"])}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citat")
    attribution = blocks.CharBlock(label="Källa", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Citat"
        template = "guides/blocks/quote.html"

    def to_markdown(self, value, writer) -> None:
        paragraphs = [writer.escape(part) for part in value["text"].split("\n\n") if part.strip()]
        if value.get("attribution"):
            paragraphs.append(f"— {writer.escape(value['attribution'])}")
        writer.quote(paragraphs)


class GuideLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(page_type="guides.GuidePage", label="Guide")
    text = blocks.CharBlock(label="Länktext", required=False, max_length=200)

    class Meta:
        icon = "link"
        label = "Länk till guide"
        template = "guides/blocks/guide_link.html"

    def get_searchable_content(self, value):
        return []  # a pointer: the text is the other guide's

    def to_markdown(self, value, writer) -> None:
        page = value["page"]
        target = writer.links.page(page.pk) if page is not None else None
        if target is None or not target.startswith("/guider/"):
            writer.warn("a link to a guide that is not published was left out")
            return
        writer.add(f"[{writer.escape(value.get('text') or page.title)}]({target})")

    def resolve_guide_links(self, data: dict, rewrite_html, page_id) -> dict:
        return {**data, "page": page_id(data["page"])}


class PodcastTeaserBlock(blocks.StructBlock):
    """A pointer to a podcast episode. The podcasts app provides the page type and the template;
    guides name them by string only, so guides import nothing of podcasts."""

    episode = blocks.PageChooserBlock(page_type="podcasts.EpisodePage", label="Avsnitt")
    heading = blocks.CharBlock(label="Rubrik", required=False, default="Lyssna på podden", max_length=100)

    class Meta:
        icon = "media"
        label = "Poddtips"
        template = "podcasts/blocks/podcast_teaser.html"

    def get_searchable_content(self, value):
        return []  # a pointer: the text is the episode's


RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h4"]


class GuideRichTextBlock(blocks.RichTextBlock):
    """Running text: its Markdown is the HTML's (writer.html); its guide links are rewritten."""

    def to_markdown(self, value, writer) -> None:
        writer.html(value.source)

    def resolve_guide_links(self, data: str, rewrite_html, page_id) -> str:
        return rewrite_html(data)

    def deconstruct(self):
        # Only behaviour is added: migrations keep describing a plain RichTextBlock, as Wagtail does
        # for the StructBlock subclasses above.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.RichTextBlock", args, kwargs


class GuideBodyBlock(blocks.StreamBlock):
    key_points = KeyPointsBlock()
    heading = HeadingBlock()
    rich_text = GuideRichTextBlock(
        label="Text", features=RICH_TEXT_FEATURES, template="guides/blocks/rich_text.html"
    )
    question_list = QuestionListBlock()
    checklist = ChecklistBlock()
    tip = TipBlock()
    quote = QuoteBlock()
    guide_link = GuideLinkBlock()
    podcast_teaser = PodcastTeaserBlock()
