"""Delete applications whose e-mail address was never confirmed, 30 days after they were sent.

Run daily from cron (docs/operations.md); the privacy page promises it."""

from django.core.management.base import BaseCommand

from membership.models import Application
from membership.privacy import forget_applications

RETENTION_DAYS = 30


class Command(BaseCommand):
    help = f"Delete unconfirmed membership applications older than {RETENTION_DAYS} days."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        expired = Application.objects.older_unconfirmed(RETENTION_DAYS)
        what = f"unconfirmed applications older than {RETENTION_DAYS} days"
        if dry_run:
            self.stdout.write(f"Would delete {expired.count()} {what}.")
            return
        self.stdout.write(f"Deleted {forget_applications(expired)} {what}.")
