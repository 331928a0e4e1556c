"""python manage.py purge_search_log: delete search log entries older than 180 days.

Run it daily from cron (see docs/operations.md); the search report never needs older entries.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from search.models import SearchLog

RETENTION_DAYS = 180


class Command(BaseCommand):
    help = f"Delete search log entries older than {RETENTION_DAYS} days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=RETENTION_DAYS, help="Keep this many days (default 180).")

    def handle(self, days: int, **options):
        cutoff = timezone.localdate() - datetime.timedelta(days=days)
        deleted, by_model = SearchLog.objects.filter(searched_on__lt=cutoff).delete()
        self.stdout.write(f"search log entries deleted: {by_model.get('search.SearchLog', 0)} (before {cutoff})")
