"""The guide page, its sources and the gate of a members-only body."""

from __future__ import annotations

import datetime
import json
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date
from django.utils.module_loading import import_string
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from facts.citations import cite_plain
from guides.blocks import GuideBodyBlock
from guides.models.terms import GUIDE_FORMS, RESERVED_GUIDE_SLUGS, GuideArea, Situation
from guides.signals import guide_cleaning
from operations.content_cache import generation, remember_for_pages
from operations.routing import KeptViewRestrictionsMixin


class GuidePage(KeptViewRestrictionsMixin, Page):
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
        fragments = self.fragment_key(request)
        context.update(fragments)
        # The areas show in the page meta on every render: kept like the fragments, when they are.
        context["areas"] = areas = SimpleLazyObject(
            (lambda: remember_for_pages("guide-areas", (self.pk,), lambda: list(self.areas.all())))
            if fragments["fragment_seconds"]
            else (lambda: list(self.areas.all()))
        )
        context["page_situations"] = situations = SimpleLazyObject(lambda: list(self.situations.all()))
        context["related_guides"] = SimpleLazyObject(
            lambda: list(
                self.related_guides(
                    area_ids=[area.pk for area in areas], situation_ids=[situation.pk for situation in situations]
                )
            )
        )
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
