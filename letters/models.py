"""Letters and templates under /verktyg/brev/: pages editors write and maintain in the admin.

A `LetterPage` holds the letter's text (letters/letter_text.py: placeholders for the manager's
fields and citations of the register), the fields the manager fills in (`LetterField`: type, label,
whether required, which planner step fills it in, which date it may not precede), the guidance
beside the letter, the guide it belongs to and the process planner it takes dates from. The letter
is made on request as .docx or PDF (letters/views.py); nothing the manager types is stored.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from letters import views
from tools.processes import process_choices

FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
GUIDANCE_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class LetterIndexPage(Page):
    """/verktyg/brev/: every live letter with its summary."""

    intro = RichTextField("introduktion", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["tools.ToolIndexPage"]
    subpage_types = ["letters.LetterPage"]
    max_count = 1

    class Meta:
        verbose_name = "brevsamling"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = LetterPage.objects.child_of(self).live().public().order_by("title")
        return context


class LetterPage(RoutablePageMixin, Page):
    """One letter: its text, its fields and the guidance beside it."""

    summary = models.TextField("kort beskrivning", max_length=300, help_text="Visas i listan över brev.")
    body = models.TextField(
        "brevets text",
        help_text="Fält skrivs [[namn]], villkorade rader börjar med [[om:namn]] eller [[om-inte:namn]], "
        "lagfakta {{fakta:id}}. Rubriker # och ##, punktlistor med -, fetstil **så här**. "
        "Se content/letters/README.md.",
    )
    guidance = RichTextField(
        "vägledning",
        features=GUIDANCE_FEATURES,
        help_text="Visas bredvid brevet: när det ska skickas, till vem och vad som händer sedan. "
        "Lagfakta kan citeras med {{fakta:id}}.",
    )
    guide = models.ForeignKey(
        "guides.GuidePage",
        verbose_name="guide",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Guiden brevet hör till.",
    )
    planner = models.CharField(
        "processplanerare",
        max_length=60,
        choices=process_choices,
        blank=True,
        help_text="Planeraren som länkar till brevet och fyller i dess datum.",
    )
    updated = models.DateField("uppdaterad", null=True, blank=True)
    reviewed = models.DateField("granskad", null=True, blank=True, help_text="Dagen då fakta i brevet kontrollerades.")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("letter_fields", heading="Fält som chefen fyller i", label="fält"),
        FieldPanel("guidance"),
        MultiFieldPanel(
            [FieldPanel("guide"), FieldPanel("planner"), FieldPanel("updated"), FieldPanel("reviewed")],
            heading="Guide, planerare och datum",
        ),
    ]
    parent_page_types = ["letters.LetterIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "brev"
        verbose_name_plural = "brev"

    def clean(self):
        super().clean()
        from facts.citations import UnknownFact, check_citations
        from facts.register import known_fact_ids
        from letters.letter_text import LetterTextError, check_fields

        names = [item.name for item in self.letter_fields.all()]
        if len(set(names)) != len(names):
            raise ValidationError("Två fält har samma namn. Ge varje fält ett eget namn.")
        errors: dict[str, list[str]] = {}
        try:
            check_fields(self.body, set(names))
        except LetterTextError as error:
            errors.setdefault("body", []).append(f"Rad {error.line}: texten använder ett fält som brevet inte har.")
        known = known_fact_ids()
        for name in ("body", "guidance"):
            try:
                check_citations(getattr(self, name), known)
            except UnknownFact as error:
                errors.setdefault(name, []).append(
                    f"Rad {error.line}: lagfaktan {error.fact_id!r} finns inte i registret."
                )
        if errors:
            raise ValidationError(errors)

    @path("")
    def letter(self, request):
        return views.letter_page(request, self)

    @path("word/", name="docx")
    def docx(self, request):
        return views.letter_download(request, self, "docx")

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return views.letter_download(request, self, "pdf")


class LetterField(Orderable):
    """One thing the manager fills in: a name used in the text as [[name]], a label and a type."""

    TEXT, TEXTAREA, DATE, NUMBER, CHECKBOX = "text", "textarea", "date", "number", "checkbox"
    TYPES = [
        (TEXT, "Kort text"),
        (TEXTAREA, "Längre text"),
        (DATE, "Datum"),
        (NUMBER, "Tal"),
        (CHECKBOX, "Ja/nej-ruta"),
    ]

    letter = ParentalKey(LetterPage, on_delete=models.CASCADE, related_name="letter_fields")
    name = models.CharField("namn i texten", max_length=40, help_text="Skrivs [[namn]] i brevet: a–z, 0–9 och _.")
    label = models.CharField("etikett", max_length=120)
    field_type = models.CharField("typ", max_length=20, choices=TYPES, default=TEXT)
    required = models.BooleanField("obligatoriskt", default=True)
    help_text = models.CharField("hjälptext", max_length=300, blank=True)
    planner_step = models.CharField(
        "från planeraren",
        max_length=60,
        blank=True,
        help_text="Stegets id i planerarens regler (t.ex. besked) vars datum fylls i, eller namnet på en fråga.",
    )
    not_before = models.CharField(
        "inte före fältet",
        max_length=40,
        blank=True,
        help_text="För datum: namnet på ett annat datumfält som det här datumet inte får ligga före.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("label"),
        FieldPanel("field_type"),
        FieldPanel("required"),
        FieldPanel("help_text"),
        FieldPanel("planner_step"),
        FieldPanel("not_before"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "fält"
        verbose_name_plural = "fält"

    def __str__(self) -> str:
        return self.label

    def clean(self):
        super().clean()
        if not FIELD_NAME.match(self.name or ""):
            raise ValidationError({"name": "Namnet får bara innehålla a–z, 0–9 och _ och börja med en bokstav."})
        if self.not_before and self.field_type != self.DATE:
            raise ValidationError({"not_before": "Bara datumfält kan jämföras med ett annat datum."})
