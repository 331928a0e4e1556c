"""Review dates: when a guide is next due for review, and which guides are overdue or due soon."""

from __future__ import annotations

import datetime

from django.utils import timezone

#: A guide counts as "due soon" this many days before its review date.
DUE_SOON_DAYS = 30

OVERDUE = "overdue"
DUE_SOON = "due_soon"
STATUS_LABELS = {OVERDUE: "Försenad", DUE_SOON: "Snart"}


def a_year_after(day: datetime.date) -> datetime.date:
    """The same date next year (28 February when the day is a leap day)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def review_status(review_by: datetime.date | None, today: datetime.date | None = None) -> str:
    """OVERDUE after the review date, DUE_SOON within DUE_SOON_DAYS of it, else ""."""
    today = today or timezone.localdate()
    if review_by is None:
        return ""
    if review_by < today:
        return OVERDUE
    if review_by <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return DUE_SOON
    return ""


def guides_to_review(today: datetime.date | None = None):
    """Live guides that are overdue or due within DUE_SOON_DAYS, the most urgent first."""
    from guides.models import GuidePage

    today = today or timezone.localdate()
    return (
        GuidePage.objects.live()
        .filter(review_by__lte=today + datetime.timedelta(days=DUE_SOON_DAYS))
        .select_related("review_owner")
        .order_by("review_by", "title")
    )
