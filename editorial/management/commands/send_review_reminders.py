"""python manage.py send_review_reminders: e-mail every guide owner their guides due for review.

Meant for a daily cron job (see docs/operations.md). Each owner gets at most one mail a day:
sent reminders are recorded, so running the command again the same day sends nothing new.
"""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from editorial.models import ReviewReminder
from editorial.review import OVERDUE, guides_to_review, review_status


class Command(BaseCommand):
    help = "E-mail each guide owner the guides that are overdue or due for review within 30 days."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only show who would get a reminder.")

    def handle(self, dry_run: bool, **options):
        today = timezone.localdate()
        by_owner = defaultdict(list)
        unowned = 0
        for guide in guides_to_review(today):
            if guide.review_owner is None:
                unowned += 1
            elif guide.review_owner.is_active:
                by_owner[guide.review_owner].append(guide)
        sent = 0
        for owner, guides in by_owner.items():
            if not owner.email:
                self.stderr.write(f"{owner.get_username()}: no e-mail address, {len(guides)} guide(s) not reminded")
                continue
            if ReviewReminder.objects.filter(owner=owner, sent_on=today).exists():
                continue
            if dry_run:
                self.stdout.write(f"{owner.email}: {len(guides)} guide(s)")
                continue
            try:
                with transaction.atomic():
                    # Recorded first, inside the transaction: a failed mail leaves no record,
                    # and a second run at the same moment stops at the unique constraint.
                    ReviewReminder.objects.create(owner=owner, sent_on=today, guide_count=len(guides))
                    self._send(owner, guides, today)
            except IntegrityError:
                continue
            sent += 1
        self.stdout.write(f"reminders sent: {sent}, guides without an owner: {unowned}")

    def _send(self, owner, guides, today):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        overdue = [guide for guide in guides if review_status(guide.review_by, today) == OVERDUE]
        due_soon = [guide for guide in guides if guide not in overdue]
        for guide in guides:
            guide.edit_url = base + reverse("wagtailadmin_pages:edit", args=[guide.pk])
        context = {
            "owner": owner,
            "overdue": overdue,
            "due_soon": due_soon,
            "report_url": f"{base}{reverse('editorial_admin:review')}?owner={owner.pk}",
        }
        subject = f"Guider att granska: {len(overdue)} försenade, {len(due_soon)} inom 30 dagar"
        body = render_to_string("editorial/email/review_reminder.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [owner.email])
