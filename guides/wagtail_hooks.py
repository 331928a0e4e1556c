"""Admin: areas and situations as snippets editors order and describe; which guides cite which facts."""

from django.urls import reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from facts.citations import cited_ids
from guides.models import GuideArea, GuidePage, Situation


class GuideAreaViewSet(SnippetViewSet):
    model = GuideArea
    icon = "folder-open-inverse"
    menu_label = "Guideområden"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    search_fields = ["name"]


class SituationViewSet(GuideAreaViewSet):
    model = Situation
    icon = "tag"
    menu_label = "Situationer"
    menu_order = 201


@hooks.register("register_fact_usage")
def guide_fact_usage():
    for guide in GuidePage.objects.order_by("title").only("pk", "title", "body"):
        for fact_id in cited_ids(guide.citation_text()):
            yield fact_id, "Guide", guide.title, reverse("wagtailadmin_pages:edit", args=[guide.pk])


register_snippet(GuideAreaViewSet)
register_snippet(SituationViewSet)
