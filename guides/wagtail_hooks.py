"""Admin: areas and situations as snippets editors order and describe."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from guides.models import GuideArea, Situation


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


register_snippet(GuideAreaViewSet)
register_snippet(SituationViewSet)
