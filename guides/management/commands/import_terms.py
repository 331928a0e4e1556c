"""python manage.py import_terms FILE: load guide areas, situations and their intros."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guides.importer import import_terms
from guides.source import SourceError


class Command(BaseCommand):
    help = "Create or update guide areas and situations from a terms.yml file."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, file: Path, **options):
        try:
            counts = import_terms(file)
        except SourceError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"areas: {counts.get('areas', 0)}, situations: {counts.get('situations', 0)}")
