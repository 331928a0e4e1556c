"""StreamField blocks of a guide body: the building pieces editors and the importer use."""

from wagtail import blocks

from podcasts.blocks import PodcastTeaserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Rubrik", max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", "Rubrik 2"), ("h3", "Rubrik 3")], default="h2", label="Nivå")

    class Meta:
        icon = "title"
        label = "Rubrik"
        template = "guides/blocks/heading.html"


class QuestionListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Rubrik", required=False, max_length=200)
    questions = blocks.ListBlock(blocks.CharBlock(label="Fråga", max_length=500), label="Frågor")

    class Meta:
        icon = "help"
        label = "Frågelista"
        template = "guides/blocks/question_list.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Rubrik", required=False, max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label="Punkt", max_length=500), label="Punkter")

    class Meta:
        icon = "tasks"
        label = "Checklista"
        template = "guides/blocks/checklist.html"


class KeyPointsBlock(blocks.StructBlock):
    points = blocks.ListBlock(blocks.CharBlock(label="Punkt", max_length=300), label="Punkter")

    class Meta:
        icon = "list-ul"
        label = "I korthet"
        template = "guides/blocks/key_points.html"


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Rubrik", default="Tips", max_length=100)
    text = blocks.RichTextBlock(label="Text", features=["bold", "italic", "link"])

    class Meta:
        icon = "pick"
        label = "Tips"
        template = "guides/blocks/tip.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citat")
    attribution = blocks.CharBlock(label="Källa", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Citat"
        template = "guides/blocks/quote.html"


class GuideLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(page_type="guides.GuidePage", label="Guide")
    text = blocks.CharBlock(label="Länktext", required=False, max_length=200)

    class Meta:
        icon = "link"
        label = "Länk till guide"
        template = "guides/blocks/guide_link.html"


RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h4"]


class GuideBodyBlock(blocks.StreamBlock):
    key_points = KeyPointsBlock()
    heading = HeadingBlock()
    rich_text = blocks.RichTextBlock(
        label="Text", features=RICH_TEXT_FEATURES, template="guides/blocks/rich_text.html"
    )
    question_list = QuestionListBlock()
    checklist = ChecklistBlock()
    tip = TipBlock()
    quote = QuoteBlock()
    guide_link = GuideLinkBlock()
    podcast_teaser = PodcastTeaserBlock()
