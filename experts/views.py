"""The question form's view (the route of ExpertIndexPage); the editors' view is in admin_views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.shortcuts import redirect
from django_ratelimit.core import get_usage

from experts.forms import QuestionForm
from operations.throttling import client_address

if TYPE_CHECKING:
    from experts.models import ExpertIndexPage

RATE_GROUP = "experts.ask"
RATE_LIMITED = "Du har skickat flera frågor på kort tid. Vänta en stund och försök igen."


def _usage(request, increment: bool):
    rate = settings.EXPERTS_QUESTION_RATE
    return get_usage(request, group=RATE_GROUP, key=client_address, rate=rate, increment=increment)


def _rate_limited(request) -> bool:
    usage = _usage(request, increment=False)
    return bool(usage and usage["count"] >= usage["limit"])


def ask_question(request, index: ExpertIndexPage):
    allowed = index.accepts_question_from(request.user)
    form = QuestionForm()
    status = 200
    if request.method == "POST" and allowed:
        form = QuestionForm(request.POST)
        if form.is_from_a_bot():
            # Looks like success to the bot; nothing is stored.
            return redirect(index.url + index.reverse_subpage("thanks"))
        if _rate_limited(request):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            question = form.save(commit=False)
            if request.user.is_authenticated:
                question.submitted_by = request.user
            question.save()
            # Only questions that reach the queue count against the limit.
            _usage(request, increment=True)
            return redirect(index.url + index.reverse_subpage("thanks"))
        else:
            status = 400
    response = index.render(request, template="experts/ask.html", context_overrides={"form": form, "allowed": allowed})
    response.status_code = status
    return response
