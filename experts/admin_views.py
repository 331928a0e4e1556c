"""Editors' view: turn a reader's question into a draft answer page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from experts.models import ExpertAnswerPage, ExpertIndexPage, ExpertQuestion


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
