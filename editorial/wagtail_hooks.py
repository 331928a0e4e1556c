"""Admin: the editorial reports under Rapporter, a dashboard panel of guides due for review, and
change notes and reader answers as snippets, so a wrong note can be fixed and a comment holding
personal data deleted."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial import reports
from editorial.models import ChangeNote, GuideFeedback
from editorial.review import OVERDUE, guides_to_review, review_status
from facts.citations import cited_ids
from facts.models import LegalFact
from guides.models import GuidePage

#: The dashboard panel lists at most this many guides.
PANEL_GUIDES = 8


def is_editor(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, reports.EDITING)


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [path("redaktion/", include((reports.urlpatterns, "editorial_admin"), namespace="editorial_admin"))]


@hooks.register("register_reports_menu_item")
def register_review_report():
    return EditorsMenuItem(
        "Guider att granska", reverse("editorial_admin:review"), name="guides-to-review", icon_name="time", order=90
    )


@hooks.register("register_reports_menu_item")
def register_feedback_report():
    return EditorsMenuItem(
        "Läsarnas omdömen", reverse("editorial_admin:feedback"), name="reader-feedback", icon_name="pick", order=91
    )


class ReviewDuePanel(Component):
    """Guides overdue or due within 30 days: the editor's own first, then everyone's."""

    name = "guides_to_review"
    order = 50
    template_name = "editorial/admin/review_panel.html"

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        guides = list(guides_to_review())
        for guide in guides:
            guide.is_overdue = review_status(guide.review_by) == OVERDUE
        own = [guide for guide in guides if guide.review_owner_id == user.pk]
        return {
            "overdue": sum(guide.is_overdue for guide in guides),
            "due_soon": sum(not guide.is_overdue for guide in guides),
            "own": own[:PANEL_GUIDES],
            "own_count": len(own),
            "report_url": reverse("editorial_admin:review"),
            "own_report_url": f"{reverse('editorial_admin:review')}?owner={user.pk}",
        }


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    if is_editor(request.user):
        panels.append(ReviewDuePanel())


@hooks.register("after_edit_snippet")
def note_changed_fact(request, instance):
    """An edited fact of the register tells the readers of every guide that cites it."""
    if not isinstance(instance, LegalFact):
        return
    text = f"Uppgiften om {instance.law} har uppdaterats: {instance.value}."
    guides = [
        guide for guide in GuidePage.objects.only("pk", "body") if instance.fact_id in cited_ids(guide.citation_text())
    ]
    ChangeNote.objects.bulk_create([ChangeNote(guide=guide, text=text[:200]) for guide in guides])


class ChangeNoteViewSet(SnippetViewSet):
    model = ChangeNote
    icon = "history"
    list_display = ["text", "guide", "date"]
    list_filter = ["date"]
    search_fields = ["text"]
    ordering = ["-date", "-pk"]
    panels = [FieldPanel("guide", read_only=True), FieldPanel("date"), FieldPanel("text")]


class GuideFeedbackViewSet(SnippetViewSet):
    model = GuideFeedback
    icon = "pick"
    list_display = ["guide", "helpful", "comment", "given_on"]
    list_filter = ["helpful", "given_on"]
    search_fields = ["comment"]
    ordering = ["-given_on", "-pk"]
    panels = [FieldPanel("guide", read_only=True), FieldPanel("helpful", read_only=True), FieldPanel("comment")]


register_snippet(ChangeNoteViewSet)
register_snippet(GuideFeedbackViewSet)
