"""Editors maintain synonym groups under Snippets ("Synonymgrupper") and read what readers search
for under Rapporter ("Sökinsikter")."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search import reports
from search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    list_display = ["words"]
    search_fields = ["words"]


register_snippet(SynonymGroupViewSet)


class SearchInsightsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, reports.EDITING)


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [path("redaktion/", include((reports.urlpatterns, "search_admin"), namespace="search_admin"))]


@hooks.register("register_reports_menu_item")
def register_search_report():
    return SearchInsightsMenuItem(
        "Sökinsikter", reverse("search_admin:search"), name="search-insights", icon_name="search", order=92
    )
