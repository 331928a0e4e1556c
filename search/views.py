"""The search app's public endpoint: opening a result of a logged search."""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from guides.models import GuidePage
from search.log import log_opening


@require_GET
def open_result(request, guide_id: int):
    """Count that a search (?q=) led to this guide, then go there."""
    guide = get_object_or_404(GuidePage.objects.live().public(), pk=guide_id)
    response = HttpResponseRedirect(guide.url)
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "no-store"
    return log_opening(response, request.GET.get("q", ""), guide.pk)
