"""Podcast pages: the podcast (episode list and feed settings) and its episodes.

An episode's audio is either an uploaded Wagtail document or an external https address (then
with its size in bytes, which podcast apps need for the enclosure). Episodes without audio are
published as pages with their transcript but left out of the feed, since a feed item without an
enclosure is not an episode to a podcast app. Each episode has a GUID fixed at creation, so edits,
new titles or new addresses never make apps download it again.
"""

from __future__ import annotations

import mimetypes
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from guides.catalogue import readable_guides

EPISODES_PER_PAGE = 20
AUDIO_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/x-m4a",
    ".mp4": "audio/mp4",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
}


@dataclass(frozen=True)
class Audio:
    url: str
    size: int
    mime_type: str


def audio_type(name: str) -> str:
    for extension, mime_type in AUDIO_TYPES.items():
        if name.lower().split("?")[0].endswith(extension):
            return mime_type
    return mimetypes.guess_type(name)[0] or "audio/mpeg"


class PodcastIndexPage(RoutablePageMixin, Page):
    """/podd/: every episode, newest first, and the feed podcast apps subscribe to."""

    intro = RichTextField("introduktion", blank=True, features=["bold", "italic", "link"])
    feed_description = models.TextField(
        "beskrivning i poddappar",
        default="Samtal om vardagen som chef: lönesamtal, sjukskrivningar, nya team och allt däremellan. "
        "Med chefer och experter från Chefsguider.",
    )
    author = models.CharField("upphovsman", max_length=120, default="Chefsguider")
    owner_email = models.EmailField("kontaktadress för poddkataloger", blank=True)
    category = models.CharField("kategori (Apple Podcasts)", max_length=60, default="Business")
    subcategory = models.CharField("underkategori", max_length=60, default="Management", blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="omslagsbild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Kvadratisk, 1400–3000 pixlar. Utan bild används Chefsguiders standardomslag.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("feed_description"),
                FieldPanel("author"),
                FieldPanel("owner_email"),
                FieldPanel("category"),
                FieldPanel("subcategory"),
                FieldPanel("cover_image"),
            ],
            heading="Flödet till poddappar",
        ),
    ]
    parent_page_types = ["guides.HomePage"]
    subpage_types = ["podcasts.EpisodePage"]
    max_count = 1

    class Meta:
        verbose_name = "podd"

    def episodes(self):
        return (
            EpisodePage.objects.child_of(self)
            .live()
            .public()
            .select_related("audio_document")
            .prefetch_related("participants")
            .order_by("-published_on", "-number")
        )

    @path("")
    def episode_list(self, request):
        page = Paginator(self.episodes(), EPISODES_PER_PAGE).get_page(request.GET.get("sida"))
        return self.render(request, context_overrides={"episodes": page, "page_obj": page, "filter_query": ""})

    @path("feed/", name="feed")
    def feed(self, request):
        from podcasts.feeds import PodcastFeed

        return PodcastFeed()(request, index=self)


class EpisodePage(Page):
    """One episode: what it is about, who takes part, the audio and the transcript."""

    number = models.PositiveIntegerField("avsnittsnummer", null=True, blank=True)
    published_on = models.DateField("publiceringsdatum")
    description = models.TextField("beskrivning", max_length=1000)
    duration_seconds = models.PositiveIntegerField("längd i sekunder")
    audio_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="ljudfil",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ladda upp en mp3- eller m4a-fil, eller ange en extern adress nedan.",
    )
    audio_url = models.URLField("extern ljudadress", blank=True, help_text="En https-adress till mp3- eller m4a-filen.")
    audio_size = models.PositiveBigIntegerField(
        "extern ljudfils storlek i byte", null=True, blank=True, help_text="Krävs av poddappar för externa ljudfiler."
    )
    transcript = RichTextField("utskrift", blank=True, features=["bold", "italic", "link"])
    guid = models.UUIDField("GUID", default=uuid.uuid4, unique=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("published_on"),
        FieldPanel("description"),
        FieldPanel("duration_seconds"),
        InlinePanel("participants", label="Medverkande"),
        MultiFieldPanel(
            [FieldPanel("audio_document"), FieldPanel("audio_url"), FieldPanel("audio_size")], heading="Ljud"
        ),
        FieldPanel("transcript"),
        InlinePanel("related_guides", label="Relaterade guider"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description"), index.SearchField("transcript")]
    parent_page_types = ["podcasts.PodcastIndexPage"]
    subpage_types: list[str] = []
    # A copy is a new episode: it must not share the original's GUID.
    exclude_fields_in_copy = ["guid"]

    class Meta:
        verbose_name = "poddavsnitt"
        verbose_name_plural = "poddavsnitt"

    def clean(self):
        super().clean()
        errors = {}
        if self.audio_document_id and self.audio_url:
            errors["audio_url"] = "Välj antingen en uppladdad ljudfil eller en extern adress, inte båda."
        if self.audio_url and not self.audio_url.startswith("https://"):
            errors["audio_url"] = "Den externa ljudfilen måste ha en https-adress."
        if self.audio_url and not self.audio_size:
            errors["audio_size"] = "Ange filens storlek i byte. Poddappar behöver den."
        if errors:
            raise ValidationError(errors)

    @property
    def duration_minutes(self) -> int:
        return max(1, round(self.duration_seconds / 60)) if self.duration_seconds else 0

    @property
    def duration_hms(self) -> str:
        minutes, seconds = divmod(self.duration_seconds or 0, 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours:02d}:{minutes:02d}:{seconds:02d}"

    def audio(self, request=None) -> Audio | None:
        """The playable audio with size and type, or None for an episode without sound."""
        document = self.audio_document
        if document is not None:
            url = document.url
            if request is not None:
                url = request.build_absolute_uri(url)
            size = document.file_size or document.get_file_size() or 0
            return Audio(url, size, audio_type(document.filename))
        if self.audio_url:
            return Audio(self.audio_url, self.audio_size or 0, audio_type(self.audio_url))
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["podcast"] = self.get_parent().specific
        context["audio"] = self.audio()
        context["related"] = readable_guides(self.related_guides.values_list("guide_id", flat=True))
        return context


class EpisodeParticipant(Orderable):
    episode = ParentalKey(EpisodePage, related_name="participants", on_delete=models.CASCADE)
    name = models.CharField("namn", max_length=120)
    role = models.CharField("roll", max_length=120, help_text="Till exempel ”Programledare” eller ”HR-chef”.")

    panels = [FieldPanel("name"), FieldPanel("role")]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class EpisodeRelatedGuide(Orderable):
    episode = ParentalKey(EpisodePage, related_name="related_guides", on_delete=models.CASCADE)
    guide = models.ForeignKey("guides.GuidePage", verbose_name="guide", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("guide")]
