"""The "Experten svarar" page: answers grouped by area, and the route of the question form.

Read last by the package: the question form's view imports the question model above it."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from experts.models.answers import ExpertAnswerPage
from experts.views import ask_question
from guides.models import GuideArea


class ExpertIndexPage(RoutablePageMixin, Page):
    """/experten-svarar/: every answer grouped by guide area, and the form to ask a question."""

    MEMBERS = "members"
    EVERYONE = "everyone"

    intro = RichTextField("introduktion", blank=True, features=["bold", "italic", "link"])
    questions_from = models.CharField(
        "vem kan ställa frågor",
        max_length=20,
        choices=[(MEMBERS, "Inloggade medlemmar"), (EVERYONE, "Alla besökare")],
        default=MEMBERS,
    )
    ask_intro = RichTextField(
        "text vid frågeformuläret",
        blank=True,
        features=["bold", "italic", "link"],
        default="<p>Beskriv situationen så konkret du kan. Vi publicerar aldrig ditt namn eller din e-post, "
        "och vi väljer ut frågor som många chefer känner igen sig i.</p>",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("ask_intro"), FieldPanel("questions_from")]
    parent_page_types = ["guides.HomePage"]
    subpage_types = ["experts.ExpertAnswerPage"]
    max_count = 1

    class Meta:
        verbose_name = "Experten svarar"

    def answers(self):
        return (
            ExpertAnswerPage.objects.child_of(self)
            .live()
            .public()
            .select_related("area")
            .order_by("-answered_on", "title")
        )

    def answers_by_area(self) -> list[tuple[GuideArea | None, list]]:
        """(area, answers newest first) in the editors' area order; answers without an area last."""
        groups: dict[int | None, list] = {}
        for answer in self.answers():
            groups.setdefault(answer.area_id, []).append(answer)
        ordered = [(area, groups[area.pk]) for area in GuideArea.objects.filter(pk__in=[k for k in groups if k])]
        if None in groups:
            ordered.append((None, groups[None]))
        return ordered

    def accepts_question_from(self, user) -> bool:
        if self.questions_from == self.EVERYONE:
            return True
        from membership.models import is_member

        return bool(getattr(user, "is_authenticated", False) and (user.is_staff or is_member(user)))

    @path("")
    def index(self, request):
        return self.render(request, context_overrides={"groups": self.answers_by_area()})

    @path("fraga/", name="ask")
    def ask(self, request):
        return ask_question(request, self)

    @path("fraga/tack/", name="thanks")
    def thanks(self, request):
        return self.render(request, template="experts/thanks.html")
