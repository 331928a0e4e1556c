"""Public endpoints of the editorial app: reader feedback."""

from __future__ import annotations

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from editorial.feedback import answered_guides, feedback_rate, remember_answer
from editorial.forms import FeedbackForm
from editorial.models import GuideFeedback
from guides.models import GuidePage, can_read_body
from operations.throttling import client_address


@require_POST
@ratelimit(key=client_address, rate=feedback_rate, method="POST", block=False)
def feedback(request, guide_id: int):
    guide = get_object_or_404(GuidePage.objects.live().public(), pk=guide_id)
    if not can_read_body(request, guide):
        raise Http404("Den här guiden kan bara medlemmar svara på.")
    back = HttpResponseRedirect(f"{guide.url}#omdome", status=303)
    if guide.pk in answered_guides(request):
        return back
    form = FeedbackForm(request.POST)
    if getattr(request, "limited", False):
        form.add_error(None, "Du har skickat många svar på kort tid. Vänta en stund och försök igen.")
        return _form_again(request, guide, form, status=429)
    if not form.is_valid():
        return _form_again(request, guide, form, status=400)
    GuideFeedback.objects.create(guide=guide, helpful=form.helpful, comment=form.cleaned_data["kommentar"].strip())
    remember_answer(request, back, guide.pk)
    return back


def _form_again(request, guide, form, status):
    """The form on a page of its own, with the reader's answer kept and the errors beside it."""
    context = {"guide": guide, "form": form, "page_title": f"Ditt svar om {guide.title}"}
    return TemplateResponse(request, "editorial/feedback_page.html", context, status=status)
