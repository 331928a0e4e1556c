"""The question form's view, and the admin view that turns a question into a draft answer."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django_ratelimit.core import get_usage
from wagtail.models import Page

from experts.forms import QuestionForm
from experts.models import ExpertAnswerPage, ExpertIndexPage, ExpertQuestion
from operations.throttling import client_address

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


# -- admin --------------------------------------------------------------------------------


def _unique_slug(parent: Page, title: str) -> str:
    base = slugify(title)[:60].strip("-") or "fraga"
    slug, number = base, 2
    while Page.objects.child_of(parent).filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def draft_answer(question: ExpertQuestion, user) -> ExpertAnswerPage:
    """A draft answer page holding the question, for an editor to write the answer in."""
    index = ExpertIndexPage.objects.first()
    if index is None:
        raise ExpertIndexPage.DoesNotExist("there is no Experten svarar page to add the answer to")
    title = question.headline()
    with transaction.atomic():
        page = ExpertAnswerPage(
            title=title,
            slug=_unique_slug(index, title),
            area=question.area,
            question=question.question,
            signature=question.signature,
            answered_on=timezone.localdate(),
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        question.answer_page = page
        question.status = ExpertQuestion.DRAFTED
        question.save(update_fields=["answer_page", "status"])
    return page


def answer_question(request, pk):
    """Admin: confirm, then create the draft answer and open it in the page editor."""
    if not request.user.has_perm("experts.change_expertquestion"):
        raise PermissionDenied
    question = get_object_or_404(ExpertQuestion, pk=pk)
    index = ExpertIndexPage.objects.first()
    if index is None or not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    if question.answer_page_id:
        return redirect("wagtailadmin_pages:edit", question.answer_page_id)
    if request.method == "POST":
        page = draft_answer(question, request.user)
        messages.success(request, "Ett utkast till svar är skapat. Skriv svaret och publicera när det är klart.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(request, "experts/admin/answer_question.html", {"question": question, "index": index})
