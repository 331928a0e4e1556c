"""python manage.py backup DESTINATION: database, media files and a guide export in one folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database, the media files and an export of the guides into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("destination", type=Path, help="Folder in which the dated backup folder is made.")

    def handle(self, destination: Path, **options):
        try:
            folder = create_backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(folder))
