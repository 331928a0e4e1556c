"""python manage.py import_guides FOLDER [--create-terms]: load guide source files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guides.importer import import_guides
from guides.source import SourceError


class Command(BaseCommand):
    help = "Create or update guides from a folder of Markdown guide source files."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--create-terms", action="store_true", help="Create unknown areas and situations.")

    def handle(self, folder: Path, create_terms: bool, **options):
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        try:
            report = import_guides(folder, create_terms=create_terms)
        except SourceError as error:
            raise CommandError(str(error)) from None
        for path, reason in report.failed:
            self.stderr.write(f"{path}: {reason}")
        self.stdout.write(report.summary())
        if report.failed:
            raise CommandError(f"{len(report.failed)} file(s) failed to import")
