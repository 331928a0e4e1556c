"""The search app's public endpoint: opening a result of a logged search."""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET
from wagtail.models import Page

from search.log import log_opening


@require_GET
def open_result(request, guide_id: int):
    """Count that a search (?q=) led to this guide, then go there. Only a live guide every reader may
    open (the search app sits below guides: it names the page type, never imports it)."""
    guides = Page.objects.live().public().filter(content_type__app_label="guides", content_type__model="guidepage")
    guide = get_object_or_404(guides, pk=guide_id)
    response = HttpResponseRedirect(guide.url)
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "no-store"
    return log_opening(response, request.GET.get("q", ""), guide.pk)
