"""python manage.py export_guides FOLDER [--replace]: write the library in the guide source format.

Every live guide becomes FOLDER/<slug>.md and the terms FOLDER/terms.yml; restore with
`import_terms FOLDER/terms.yml` and `import_guides FOLDER`.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from guides.exporter import export_guides


class Command(BaseCommand):
    help = "Write every live guide (Markdown with front matter) and terms.yml into a folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument(
            "--replace", action="store_true", help="Remove the folder's earlier .md files and terms.yml first."
        )

    def handle(self, folder: Path, replace: bool, **options):
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        earlier = sorted(folder.glob("*.md")) + ([folder / "terms.yml"] if (folder / "terms.yml").exists() else [])
        if earlier and not replace:
            # A guide deleted since the last export would otherwise come back on the next import.
            raise CommandError(f"{folder} already holds an export ({len(earlier)} files); use --replace")
        for path in earlier:
            path.unlink()
        report = export_guides(folder)
        for warning in report.warnings:
            self.stderr.write(warning)
        self.stdout.write(report.summary())
