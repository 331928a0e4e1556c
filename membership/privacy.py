"""What a member takes with them and what goes when they leave: the data export and account deletion.

An app that keeps data tied to a login adds it to the export with `@export_section("name")`
(a function of the user returning JSON-ready data, registered when the app loads) and gives its
foreign key to the user on_delete=CASCADE, so that deleting the account deletes it too.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from membership.emails import absolute_url
from membership.forms import normalise_email
from membership.models import Application, SavedGuide

_sections: dict[str, Callable] = {}


def export_section(name: str):
    """Register `function(user) -> JSON-ready data` as one section of the member's export."""

    def register(function):
        _sections[name] = function
        return function

    return register


def member_data(user) -> dict:
    """Everything we hold about this login, as the JSON the member downloads."""
    return {"exported_at": timezone.now().isoformat(), **{name: section(user) for name, section in _sections.items()}}


def _applications_of(user):
    applications = Application.objects.filter(user=user)
    if user.email:
        applications = applications | Application.objects.filter(email=normalise_email(user.email))
    return applications


def forget_applications(applications) -> int:
    """Delete these applications and the admin's history of them, which names the applicant."""
    with transaction.atomic():
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id__in=[str(pk) for pk in applications.values_list("pk", flat=True)],
        ).delete()
        deleted, _ = applications.delete()
    return deleted


def delete_member(user) -> None:
    """Delete the login and everything tied to it: applications under its e-mail address, saved
    guides and every other row that cascades from the user."""
    with transaction.atomic():
        forget_applications(_applications_of(user))
        user.delete()


def _when(value):
    return value.isoformat() if value else None


@export_section("account")
def _account(user) -> dict:
    return {
        "username": user.get_username(),
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
    }


@export_section("applications")
def _applications(user) -> list[dict]:
    return [
        {
            "name": application.name,
            "email": application.email,
            "employer": application.employer,
            "job_title": application.job_title,
            "direct_reports": application.direct_reports,
            "sector": application.get_sector_display(),
            "consented_at": _when(application.consented_at),
            "submitted_at": _when(application.submitted_at),
            "confirmed_at": _when(application.confirmed_at),
        }
        for application in _applications_of(user).order_by("submitted_at")
    ]


@export_section("saved_guides")
def _saved_guides(user) -> list[dict]:
    return [
        {"title": saved.guide.title, "url": absolute_url(saved.guide.url), "saved_at": _when(saved.saved_at)}
        for saved in SavedGuide.objects.filter(user=user).select_related("guide")
    ]
