"""python manage.py import_podcasts FOLDER: load podcast episodes from Markdown files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guides.source import SourceError
from podcasts.importer import import_podcasts


class Command(BaseCommand):
    help = "Import podcast episodes (one Markdown file each, see docs/content-plan.md) from FOLDER."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, folder: Path, **options):
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        try:
            report = import_podcasts(folder)
        except SourceError as error:
            raise CommandError(str(error)) from None
        for path, reason in report.failed:
            self.stderr.write(f"failed: {path}: {reason}")
        self.stdout.write(report.summary())
        if report.failed:
            raise CommandError(f"{len(report.failed)} file(s) could not be imported")
