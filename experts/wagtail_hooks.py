"""Admin: the question queue, with a "Skriv svar" button that starts a draft answer page."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from experts.admin_views import answer_question
from experts.models import ExpertAnswerPage, ExpertQuestion
from facts.citations import cited_ids


class QuestionIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        label = "Öppna svaret" if instance.answer_page_id else "Skriv svar"
        url = reverse("experts_answer_question", args=[instance.pk])
        return [ListingButton(label, url=url, icon_name="edit", priority=5), *buttons]


class ExpertQuestionViewSet(SnippetViewSet):
    model = ExpertQuestion
    icon = "help"
    menu_label = "Frågor till experterna"
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = QuestionIndexView
    list_display = ["__str__", "area", "status", "submitted_at"]
    list_filter = ["status", "area"]
    ordering = ["-submitted_at"]
    search_fields = ["question", "signature"]
    inspect_view_enabled = True


register_snippet(ExpertQuestionViewSet)


@hooks.register("register_admin_urls")
def admin_urls():
    return [path("experten-svarar/fragor/<id:pk>/besvara/", answer_question, name="experts_answer_question")]


@hooks.register("register_fact_usage")
def answer_fact_usage():
    for answer in ExpertAnswerPage.objects.order_by("title").only("pk", "title", "answer"):
        for fact_id in cited_ids(answer.answer):
            yield fact_id, "Expertsvar", answer.title, reverse("wagtailadmin_pages:edit", args=[answer.pk])
