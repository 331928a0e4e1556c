"""Tool pages: /verktyg/ lists the tools, and each tool is a page editors place and describe.

A `ToolPage` says which tool it shows (`tool`, and for process planners which `process` from
tools/rules/). The tool's own sub-addresses — the calendar file, the PDF, the text export —
are routes of that page, so the tool keeps working wherever an editor moves it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from tools import views
from tools.processes import process_choices

#: Slugs taken by plain Django views under /verktyg/ (tools/urls.py).
RESERVED_TOOL_SLUGS = {"pdf"}


class ToolIndexPage(Page):
    """/verktyg/: every live tool with its description."""

    intro = RichTextField("introduktion", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["guides.HomePage"]
    subpage_types = ["tools.ToolPage", "letters.LetterIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "verktygssida"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tools"] = ToolPage.objects.child_of(self).live().public()
        context["libraries"] = self.get_children().live().public().not_type(ToolPage).specific()
        return context


class ToolPage(RoutablePageMixin, Page):
    """One tool, with the editor's description above it."""

    FOLLOW_UP = "follow_up"
    MEETING_PACK = "meeting_pack"
    PERSONAL_EVALUATION = "personal_evaluation"
    PROCESS = "process"
    TOOLS = [
        (FOLLOW_UP, "Uppföljningsplan"),
        (MEETING_PACK, "Mötespaket"),
        (PERSONAL_EVALUATION, "Personlig utvärdering"),
        (PROCESS, "Processplanerare"),
    ]

    tool = models.CharField("verktyg", max_length=40, choices=TOOLS)
    process = models.CharField(
        "process",
        max_length=60,
        choices=process_choices,
        blank=True,
        help_text="Bara för processplanerare. Reglerna finns i tools/rules/.",
    )
    summary = models.TextField("kort beskrivning", max_length=300, help_text="Visas i listan över verktyg.")
    intro = RichTextField("introduktion", blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("tool"),
        FieldPanel("process"),
        FieldPanel("summary"),
        FieldPanel("intro"),
    ]
    parent_page_types = ["tools.ToolIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "verktyg"
        verbose_name_plural = "verktyg"

    def clean(self):
        super().clean()
        if self.slug in RESERVED_TOOL_SLUGS:
            raise ValidationError({"slug": "Den här adressen används redan av PDF-exporten. Välj en annan."})
        if self.tool == self.PROCESS and not self.process:
            raise ValidationError({"process": "Välj vilken process planeraren ska visa."})
        if self.tool != self.PROCESS:
            self.process = ""

    def _view(self, name: str):
        return views.TOOL_VIEWS[self.tool].get(name)

    def _dispatch(self, request, name):
        from django.http import Http404

        view = self._view(name)
        if view is None:
            raise Http404("Verktyget har ingen sådan sida")
        return view(request, self)

    @path("")
    def tool_form(self, request):
        return self._dispatch(request, "page")

    @path("kalender/", name="calendar")
    def calendar_file(self, request):
        return self._dispatch(request, "calendar")

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return self._dispatch(request, "pdf")

    @path("text/", name="text")
    def text(self, request):
        return self._dispatch(request, "text")
