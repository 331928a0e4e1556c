"""The podcast teaser block editors place in a guide body (listed in guides.blocks.GuideBodyBlock)."""

from wagtail import blocks


class PodcastTeaserBlock(blocks.StructBlock):
    episode = blocks.PageChooserBlock(page_type="podcasts.EpisodePage", label="Avsnitt")
    heading = blocks.CharBlock(label="Rubrik", required=False, default="Lyssna på podden", max_length=100)

    class Meta:
        icon = "media"
        label = "Poddtips"
        template = "podcasts/blocks/podcast_teaser.html"
