"""What the editorial app remembers: change notes, sent review reminders and reader feedback
(the search log is the search app's). None of it identifies a reader: no IP address, user, session or cookie id is
stored, and days rather than timestamps are kept so entries cannot be matched to server logs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ChangeNote(models.Model):
    """A public one-line note about a published change to a guide ("Vad har ändrats?")."""

    guide = models.ForeignKey(
        "guides.GuidePage", verbose_name="guide", on_delete=models.CASCADE, related_name="change_notes"
    )
    date = models.DateField("datum", default=timezone.localdate)
    text = models.CharField("ändring", max_length=200)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "ändringsnotis"
        verbose_name_plural = "ändringsnotiser"

    def __str__(self) -> str:
        return f"{self.date}: {self.text}"


class ReviewReminder(models.Model):
    """That an owner got their review list on a day, so reminders go out at most once a day."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_reminders")
    sent_on = models.DateField("skickad")
    guide_count = models.PositiveIntegerField("antal guider")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "sent_on"], name="one_review_reminder_a_day")]
        verbose_name = "granskningspåminnelse"
        verbose_name_plural = "granskningspåminnelser"

    def __str__(self) -> str:
        return f"{self.owner} {self.sent_on}"


class GuideFeedback(models.Model):
    """One reader's answer to "Var guiden till hjälp?"."""

    guide = models.ForeignKey(
        "guides.GuidePage", verbose_name="guide", on_delete=models.CASCADE, related_name="feedback"
    )
    helpful = models.BooleanField("till hjälp")
    comment = models.TextField("kommentar", max_length=1000, blank=True)
    given_on = models.DateField("datum", default=timezone.localdate, db_index=True)

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = "läsaromdöme"
        verbose_name_plural = "läsaromdömen"

    def __str__(self) -> str:
        return f"{'Ja' if self.helpful else 'Nej'} ({self.given_on})"
