"""The e-mails an application sends: the confirmation link, or a note to someone already a member.

Both go out after the transaction commits, through Django's e-mail backend (console locally,
SMTP in production, see docs/operations.md)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from membership.confirmation import MAX_AGE, make_token
from membership.models import Application, Submission


def absolute_url(path: str) -> str:
    """A link for an e-mail, on the site's configured address (CHEFSGUIDER_BASE_URL)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_application_email(application: Application, submission: Submission) -> None:
    """A confirmation link for a new or renewed application; a reminder of how to log in for a member."""
    if submission is Submission.MEMBER:
        template, subject = "membership/email/already_member.txt", "Du är redan medlem i Chefsguider"
        context = {
            "application": application,
            "login_url": absolute_url(reverse("membership:login")),
            "reset_url": absolute_url(reverse("membership:password_reset")),
        }
    else:
        template, subject = "membership/email/confirm.txt", "Bekräfta din ansökan till Chefsguider"
        context = {
            "application": application,
            "confirm_url": absolute_url(reverse("membership:confirm", args=[make_token(application)])),
            "valid_days": MAX_AGE.days,
        }
    body = render_to_string(template, context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [application.email]))
