"""python manage.py invalidate_caches: make every kept page and result stale.

Run on each release, after migrate: the cache (Redis) outlives the processes, and what the old
code kept (pages rendered by old templates, results pickled from old classes) must not be served
by the new code. It moves the content generation in the database, which every key names.
"""

from django.core.management.base import BaseCommand

from operations.content_cache import generation, invalidate


class Command(BaseCommand):
    help = "Make every page and result kept in the cache stale (run on each release)."

    def handle(self, *args, **options):
        invalidate()  # logs, never raises
        try:
            self.stdout.write(f"Kept pages and results are stale; content generation is now {generation()}.")
        except Exception as error:  # the site must still start; /healthz reports the database
            self.stderr.write(f"The content generation could not be read ({error}); /healthz reports it.")
