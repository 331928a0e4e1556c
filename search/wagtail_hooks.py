"""Editors maintain synonym groups under Snippets ("Synonymgrupper")."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    list_display = ["words"]
    search_fields = ["words"]


register_snippet(SynonymGroupViewSet)
