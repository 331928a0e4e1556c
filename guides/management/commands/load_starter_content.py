"""python manage.py load_starter_content: the whole starter library from content/, idempotently."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

CONTENT_DIR = settings.BASE_DIR / "content"


class Command(BaseCommand):
    help = "Load the register of legal facts, terms, guides, expert answers, podcast episodes and letters."

    #: (command, path inside content/) in dependency order; later apps add their loaders here.
    steps = [
        ("import_facts", "facts"),
        ("import_terms", "terms.yml"),
        ("import_guides", "guides"),
        ("import_experts", "experts"),
        ("import_podcasts", "podcasts"),
        ("import_letters", "letters"),
    ]

    def handle(self, **options):
        for command, relative in self.steps:
            self.stdout.write(f"{command} {relative}: ", ending="")
            call_command(command, str(CONTENT_DIR / relative), stdout=self.stdout, stderr=self.stderr)
