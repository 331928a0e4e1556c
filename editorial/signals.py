"""Publishing a guide with a "Vad har ändrats?" line turns the line into a public change note.

The line is cleared from the page and its revision once captured, so the next publish starts
empty and a note is never repeated.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.signals import page_published

from editorial.review import a_year_after
from guides.signals import guide_cleaning


def fill_review_date(sender, guide, **kwargs) -> None:
    """A guide without a review date is due a year after its last review (or update)."""
    if guide.review_by is None and (guide.reviewed_at or guide.updated):
        guide.review_by = a_year_after(guide.reviewed_at or guide.updated)


def capture_change_note(sender, instance, revision=None, **kwargs) -> None:
    from editorial.models import ChangeNote
    from guides.models import GuidePage

    if not isinstance(instance, GuidePage):
        return
    text = " ".join((instance.change_note or "").split())
    if not text:
        return
    with transaction.atomic():
        latest = instance.change_notes.first()
        # Re-publishing an old revision that still holds its note must not list it twice.
        if latest is None or latest.text != text:
            ChangeNote.objects.create(guide=instance, date=timezone.localdate(), text=text, revision=revision)
        GuidePage.objects.filter(pk=instance.pk).update(change_note="")
        instance.change_note = ""
        for stored in {revision, instance.latest_revision} - {None}:
            if stored.content.get("change_note"):
                stored.content["change_note"] = ""
                stored.save(update_fields=["content"])


def connect() -> None:
    page_published.connect(capture_change_note, dispatch_uid="editorial.capture_change_note")
    guide_cleaning.connect(fill_review_date, dispatch_uid="editorial.fill_review_date")
