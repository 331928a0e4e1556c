"""Guide library: guide areas and situations (snippets), the catalogue page and guide pages."""

from __future__ import annotations

import datetime
import json
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.http import http_date
from django.utils.module_loading import import_string
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from facts.citations import cite_plain
from guides.blocks import GuideBodyBlock
from guides.signals import guide_cleaning
from operations.content_cache import generation

#: Slugs taken by the catalogue's own routes, so no guide may use them.
RESERVED_GUIDE_SLUGS = {"omrade", "situation"}

#: The forms a guide takes (docs/writing-guides.md): the form follows the reader's question.
GUIDE_FORMS = {
    "guide": "Guide",
    "process": "Steg för steg",
    "snabbt-svar": "Snabbt svar",
    "checklista": "Checklista",
    "samtalsguide": "Samtalsguide",
}


class Term(models.Model):
    """A way to group guides that readers filter by: a guide area or a situation."""

    name = models.CharField("namn", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True, allow_unicode=False)
    intro = RichTextField("introduktion", blank=True, features=["bold", "italic", "link"])
    sort_order = models.PositiveIntegerField("sorteringsordning", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("intro"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class GuideArea(Term):
    url_prefix = "omrade"

    class Meta(Term.Meta):
        verbose_name = "guideområde"
        verbose_name_plural = "guideområden"


class Situation(Term):
    url_prefix = "situation"

    class Meta(Term.Meta):
        verbose_name = "situation"
        verbose_name_plural = "situationer"


@register_setting(icon="group")
class MembershipCallToAction(BaseGenericSetting):
    """The one "Bli medlem" call to action shown under every guide."""

    heading = models.CharField("rubrik", max_length=120, default="Vill du ha mer stöd i chefsrollen?")
    text = models.TextField(
        "text",
        default=(
            "Som medlem läser du alla guider, även de som är för medlemmar, "
            "tar med dem i mötespaket och sparar dem under Mina guider."
        ),
    )
    button_text = models.CharField("knapptext", max_length=60, default="Bli medlem")
    button_url = models.CharField("länk", max_length=200, default="/bli-medlem/")

    panels = [FieldPanel("heading"), FieldPanel("text"), FieldPanel("button_text"), FieldPanel("button_url")]

    class Meta:
        verbose_name = "medlemserbjudande"


class HomePage(Page):
    """The site's front page: the promise, the search field and the ways into the library."""

    intro = RichTextField("introduktion", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "guides.CataloguePage",
        "tools.ToolIndexPage",
        "experts.ExpertIndexPage",
        "podcasts.PodcastIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "startsida"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = CataloguePage.objects.live().first()
        context["areas"] = GuideArea.objects.all()
        context["situations"] = Situation.objects.all()
        context["latest_guides"] = (
            GuidePage.objects.live().order_by("-updated", "title").prefetch_related("areas")[:6]
        )
        return context


class CataloguePage(RoutablePageMixin, Page):
    """/chefsguider/: the filterable guide library and the area and situation landing pages."""

    intro = RichTextField("introduktion", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["guides.GuidePage"]
    max_count = 1

    class Meta:
        verbose_name = "guidekatalog"

    @path("")
    def catalogue(self, request):
        from guides.views import catalogue_view

        return catalogue_view(request, self)

    @path("omrade/<slug:slug>/", name="area")
    def area(self, request, slug):
        from guides.views import term_view

        return term_view(request, self, GuideArea, slug)

    @path("situation/<slug:slug>/", name="situation")
    def situation(self, request, slug):
        from guides.views import term_view

        return term_view(request, self, Situation, slug)

    def term_url(self, term: Term) -> str:
        """The landing page of an area or a situation ({% term_url %} in templates)."""
        return f"{self._own_url}{term.url_prefix}/{term.slug}/"

    @cached_property
    def _own_url(self) -> str:
        # Pages list many terms: the page's address is worked out once per instance (one request).
        return self.url

    def get_sitemap_urls(self, request=None):
        """The catalogue and its area and situation landing pages, for sitemap.xml."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for model in (GuideArea, Situation):
            urls += [{"location": f"{base}{term.url_prefix}/{term.slug}/"} for term in model.objects.all()]
        return urls


class GuidePage(Page):
    """One guide: ingress, a body of blocks, its areas and situations, byline and date."""

    summary = models.TextField("ingress", help_text="En till tre meningar om varför ämnet spelar roll.")
    body = StreamField(GuideBodyBlock(), verbose_name="innehåll", blank=True)
    areas = ParentalManyToManyField(GuideArea, verbose_name="guideområden", related_name="guides")
    situations = ParentalManyToManyField(
        Situation, verbose_name="situationer", related_name="guides", blank=True
    )
    author = models.CharField("skribent", max_length=120)
    updated = models.DateField("uppdaterad", default=datetime.date.today)
    members_only = models.BooleanField(
        "endast för medlemmar", default=False, help_text="Andra ser bara rubrik och ingress."
    )
    form = models.CharField("form", max_length=20, choices=list(GUIDE_FORMS.items()), default="guide")
    keywords = models.TextField(
        "sökord",
        blank=True,
        help_text="Ord som läsare söker på men som guiden inte själv använder, åtskilda med kommatecken, "
        "till exempel ”löneöversyn, salary review”. Syns inte på sidan.",
    )
    # Editorial care (see the editorial app). Not Page.owner: that is whoever created the page
    # and carries edit rights; the editor answering for a guide's correctness is a separate role.
    review_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ansvarig redaktör",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guides_to_review",
        help_text="Får en påminnelse när guiden ska granskas.",
    )
    review_by = models.DateField(
        "granskas senast", null=True, blank=True, help_text="Lämna tomt för ett år efter senaste granskning."
    )
    reviewed_at = models.DateField("granskad", null=True, blank=True)
    change_note = models.CharField(
        "vad har ändrats?",
        max_length=200,
        blank=True,
        help_text="En mening till läsarna när du publicerar en viktig ändring. Visas på guiden med datum; "
        "lämna tomt vid småfixar.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("areas"), FieldPanel("situations")], heading="Område och situation"
        ),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("updated"),
                FieldPanel("form"),
                FieldPanel("members_only"),
                FieldPanel("keywords"),
            ],
            heading="Om guiden",
        ),
        InlinePanel(
            "sources", heading="Källor och lagar", label="Källa",
            help_text="Officiella texter utöver de lagfakta som guiden citerar med {{fakta:id}}.",
        ),
        # The editorial app adds its "Granskning och ändringar" panel and form (editorial.apps).
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["guides.CataloguePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "guide"
        verbose_name_plural = "guider"

    def full_clean(self, *args, **kwargs):
        # Wagtail validates before every save and revision: the moment apps fill derived fields
        # (the editorial app: the default review date), so drafts and the live page agree on them.
        guide_cleaning.send(sender=type(self), guide=self)
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_GUIDE_SLUGS:
            raise ValidationError({"slug": "Den här adressen används redan av katalogen. Välj en annan."})

    @property
    def headings(self) -> list[dict]:
        """Level-2 headings with anchors, in order: the table of contents."""
        return [
            {"text": cite_plain(block.value["text"]), "anchor": heading_anchor(block.value["text"])}
            for block in self.body
            if block.block_type == "heading" and block.value["level"] == "h2"
        ]

    @property
    def table_of_contents(self) -> list[dict]:
        headings = self.headings
        return headings if len(headings) >= 3 else []

    def citation_text(self) -> str:
        """Everything of the page that may cite the register, for finding its cited facts."""
        return json.dumps(self.body.get_prep_value(), ensure_ascii=False)

    def body_text(self) -> str:
        """The body as plain text (citations resolved), for search and summaries: each block's own
        searchable content (Wagtail's get_searchable_content, the same the search index uses)."""
        parts = self.body.stream_block.get_searchable_content(self.body)
        return cite_plain("\n".join(part for part in parts if part))

    def related_guides(self, limit: int = 5, *, area_ids=None, situation_ids=None):
        """Other live guides every reader may open (no view restriction), ranked by shared
        situations, then shared areas.

        Only guides sharing a term are grouped and counted, so the cost follows the size of this
        guide's neighbourhood, not of the library. Callers holding the terms pass their ids."""
        if situation_ids is None:
            situation_ids = list(self.situations.values_list("pk", flat=True))
        if area_ids is None:
            area_ids = list(self.areas.values_list("pk", flat=True))
        neighbours = Q(
            pk__in=GuidePage.situations.through.objects.filter(situation__in=situation_ids).values("guidepage_id")
        ) | Q(pk__in=GuidePage.areas.through.objects.filter(guidearea__in=area_ids).values("guidepage_id"))
        return (
            GuidePage.objects.live()
            .public()
            .filter(neighbours)
            .exclude(pk=self.pk)
            .annotate(
                shared_situations=Count("situations", filter=Q(situations__in=situation_ids), distinct=True),
                shared_areas=Count("areas", filter=Q(areas__in=area_ids), distinct=True),
            )
            .order_by("-shared_situations", "-shared_areas", "-updated", "title")[:limit]
        )

    def search_document(self):
        from search.base import GuideDocument

        return GuideDocument(
            id=self.pk,
            slug=self.slug,
            title=self.title,
            summary=self.summary,
            headings=tuple(cite_plain(block.value["text"]) for block in self.body if block.block_type == "heading"),
            body=self.body_text(),
            # .all(), not values_list: a rebuild prefetches the terms of 500 guides at a time.
            areas=tuple(area.slug for area in self.areas.all()),
            situations=tuple(situation.slug for situation in self.situations.all()),
            updated=self.updated,
            members_only=self.members_only,
            keywords=tuple(self.keyword_list()),
        )

    def keyword_list(self) -> list[str]:
        """The editors' search words ("sökord"), in order."""
        return list(dict.fromkeys(word.strip() for word in self.keywords.split(",") if word.strip()))

    def serve(self, request, *args, **kwargs):
        """The page with validators, so a returning reader gets a 304 when nothing changed."""
        from operations.content_cache import content_version
        from operations.page_cache import is_anonymous_request

        response = super().serve(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        if not is_anonymous_request(request):
            # Members see their own state (saved guides, votes): never reuse a stored copy.
            patch_cache_control(response, private=True, no_cache=True)
            return response
        # The page also shows related guides, terms and site settings: any content change
        # (the content version) changes the validators, not only this guide's own edits.
        generation, changed_at = content_version()
        published = self.last_published_at.timestamp() if self.last_published_at else 0
        response["Last-Modified"] = http_date(max(published, changed_at))
        response["ETag"] = f'W/"guide-{self.pk}-{self.live_revision_id}-{generation}"'
        patch_vary_headers(response, ["Cookie"])
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["can_read_body"] = can_read_body(request, self)
        # Lazy: the parts of the page that show them are kept as fragments (guide_page.html), so a
        # page whose fragments are kept asks the database for none of them.
        context["catalogue"] = SimpleLazyObject(lambda: self.get_parent().specific)
        context["areas"] = areas = SimpleLazyObject(lambda: list(self.areas.all()))
        context["page_situations"] = situations = SimpleLazyObject(lambda: list(self.situations.all()))
        context["related_guides"] = SimpleLazyObject(
            lambda: list(
                self.related_guides(
                    area_ids=[area.pk for area in areas], situation_ids=[situation.pk for situation in situations]
                )
            )
        )
        context.update(self.fragment_key(request))
        return context

    def fragment_key(self, request) -> dict:
        """What keys the page's kept fragments: this published revision in this generation of the
        content (a change to a cited fact, a linked page or a term changes the generation). A
        preview shows unsaved content: its fragments are never read nor kept."""
        if getattr(request, "is_preview", False) or not self.live:
            return {"fragment_seconds": 0, "fragment_key": f"preview:{secrets.token_hex(16)}"}
        return {
            "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
            "fragment_key": f"{self.pk}:{self.live_revision_id}:{generation()}",
        }


class GuideSourceLink(Orderable):
    """An official text a guide relies on beyond the facts it cites: listed under "Källor och lagar"."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField("titel", max_length=200)
    url = models.URLField("adress", max_length=500)

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "källa"
        verbose_name_plural = "källor"


def heading_anchor(text: str) -> str:
    return slugify(text) or "avsnitt"


def can_read_body(request, guide: GuidePage) -> bool:
    """THE gate for a guide's body, whatever the channel: a members-only body reaches members and
    the staff and editors who write it (settings.MEMBERS_ONLY_READERS, the membership app's rule); everyone
    reads the rest."""
    if not guide.members_only:
        return True
    return import_string(settings.MEMBERS_ONLY_READERS)(getattr(request, "user", None))
