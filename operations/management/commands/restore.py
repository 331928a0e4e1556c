"""python manage.py restore BACKUP_FOLDER: put a backup made by `backup` back in place.

Replaces the whole database and copies the media files back; rebuild the search index afterwards
(`python manage.py rebuild_search_index`).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore the database and media files from a backup folder (replaces the current database)."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--no-media", action="store_true", help="Restore the database only.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, folder: Path, no_media: bool, interactive: bool, **options):
        if interactive:
            answer = input(f"This replaces the whole database with the backup in {folder}. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("restore cancelled")
        try:
            manifest = restore_backup(folder, media=not no_media)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"restored the backup from {manifest['created']}; now run rebuild_search_index")
