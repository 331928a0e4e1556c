"""python manage.py import_facts FOLDER: load the register of legal facts (content/facts/*.yml)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from facts.register import import_facts


class Command(BaseCommand):
    help = "Load the register of legal facts from a folder of YAML files (format: content/facts/README.md)."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, folder, **options):
        if not Path(folder).is_dir():
            raise CommandError(f"{folder}: not a folder")
        report = import_facts(Path(folder))
        for path, reason in report.failed:
            self.stderr.write(f"{path}: {reason}")
        self.stdout.write(report.summary())
        if report.failed:
            raise CommandError(f"{len(report.failed)} file(s) failed")
