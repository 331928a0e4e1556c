"""python manage.py generate_guides --count N: synthetic guides for benchmarks (never for real sites)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from guides.synthetic import generate, remove_generated


class Command(BaseCommand):
    help = "Add N realistic-looking Swedish guides with areas and situations, for load and speed benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--remove", action="store_true", help="Delete generated guides first.")
        parser.add_argument("--no-index", action="store_true", help="Skip rebuilding the search index.")

    def handle(self, count, seed, remove, no_index, **options):
        if count < 0 or count > 1_000_000:
            raise CommandError("--count must be between 0 and 1000000")
        if remove:
            self.stdout.write(f"removed: {remove_generated()}")
        self.stdout.write(f"generated: {generate(count, seed=seed)}")
        if not no_index:
            call_command("rebuild_search_index", stdout=self.stdout)
