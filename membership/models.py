"""Membership applications, who counts as a member, and the guides members save."""

from __future__ import annotations

import datetime
import enum

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils import timezone


class Sector(models.TextChoices):
    PRIVATE = "privat", "Privat"
    MUNICIPALITY_OR_REGION = "kommun-region", "Kommun/region"
    STATE = "stat", "Stat"
    NON_PROFIT = "ideell", "Ideell"


class Submission(enum.Enum):
    """What an application from the form turned out to be; the visitor is never told."""

    NEW = "new"
    RESUBMITTED = "resubmitted"  # an unconfirmed application with this email existed: its details were replaced
    MEMBER = "member"  # the email already belongs to a member: nothing was changed


class ApplicationQuerySet(models.QuerySet):
    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)

    def submit(self, email: str, **details) -> tuple[Application, Submission]:
        """Store an application from the form, once per email however often and however
        simultaneously it is sent (the unique email and get_or_create settle races)."""
        now = timezone.now()
        application, created = self.get_or_create(
            email=email, defaults={**details, "consented_at": now, "submitted_at": now}
        )
        if created:
            return application, Submission.NEW
        # The newest details replace an unconfirmed application's; the filter keeps a
        # confirmation that lands meanwhile from being overwritten.
        replaced = self.filter(pk=application.pk, confirmed_at__isnull=True).update(
            **details, consented_at=now, submitted_at=now
        )
        application.refresh_from_db()
        return application, (Submission.RESUBMITTED if replaced else Submission.MEMBER)

    def older_unconfirmed(self, days: int):
        return self.unconfirmed().filter(submitted_at__lt=timezone.now() - datetime.timedelta(days=days))


class Application(models.Model):
    """A "Bli medlem" application; confirming its email creates the member's login."""

    name = models.CharField("namn", max_length=120)
    email = models.EmailField("e-postadress", unique=True)  # stored lower-case, see forms.normalise_email
    employer = models.CharField("arbetsgivare", max_length=150)
    job_title = models.CharField("titel", max_length=120)
    direct_reports = models.PositiveIntegerField(
        "antal direktrapporterande medarbetare", validators=[MaxValueValidator(100_000)]
    )
    sector = models.CharField("sektor", max_length=20, choices=Sector.choices)
    consented_at = models.DateTimeField("samtycke lämnat")
    submitted_at = models.DateTimeField("inskickad", default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField("bekräftad", null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="inloggning",
        null=True,
        blank=True,
        on_delete=models.CASCADE,  # deleting the account deletes the application with it
        related_name="membership_application",
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "medlemsansökan"
        verbose_name_plural = "medlemsansökningar"
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def status(self) -> str:
        return "Bekräftad" if self.is_confirmed else "Obekräftad"

    def confirm(self, password: str):
        """Make the applicant a member: a login named by the email, with this password.

        A login that already has this email as its name (say an editor's) becomes the member's;
        the signed link proved the applicant owns the address, as a password reset would."""
        from django.contrib.auth import get_user_model

        User = get_user_model()
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=self.pk)
            if application.is_confirmed:
                raise AlreadyConfirmed
            user, created = User.objects.get_or_create(username=application.email)
            if created:
                user.first_name, _, user.last_name = application.name.partition(" ")
            user.email = application.email
            user.set_password(password)
            user.save()
            application.user = user
            application.confirmed_at = timezone.now()
            application.save(update_fields=["user", "confirmed_at"])
        self.refresh_from_db()
        return user


class AlreadyConfirmed(Exception):
    """The application was confirmed before: its link has been used."""


def is_member(user) -> bool:
    """A login created or taken over by confirming an application. Remembered on the user object,
    so one request asks the database once."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not hasattr(user, "_chefsguider_is_member"):
        user._chefsguider_is_member = Application.objects.filter(
            user_id=user.pk, confirmed_at__isnull=False
        ).exists()
    return user._chefsguider_is_member


def can_read_members_only(user) -> bool:
    """Members, and the staff and editors who write and check members-only content."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_staff or user.has_perm("wagtailadmin.access_admin") or is_member(user)


class SavedGuide(models.Model):
    """A guide a logged-in reader keeps in "Mina guider"."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_guides")
    guide = models.ForeignKey("guides.GuidePage", on_delete=models.CASCADE, related_name="+")
    saved_at = models.DateTimeField("sparad", default=timezone.now)

    class Meta:
        verbose_name = "sparad guide"
        verbose_name_plural = "sparade guider"
        ordering = ["-saved_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "guide"], name="membership_guide_saved_once")]

    def __str__(self) -> str:
        return f"{self.guide} ({self.user})"

    @property
    def updated_since_saved(self) -> bool:
        """The guide changed after it was saved: a version was published later, or its
        "Uppdaterat" date moved past the day it was saved."""
        guide = self.guide
        if guide.last_published_at and guide.last_published_at > self.saved_at:
            return True
        return guide.updated > timezone.localdate(self.saved_at)
