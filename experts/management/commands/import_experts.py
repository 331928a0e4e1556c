"""python manage.py import_experts FOLDER: load expert answers from Markdown files."""

from experts.importer import import_experts
from guides.page_source import ImportCommand


class Command(ImportCommand):
    help = "Import expert answers (one Markdown file each, see docs/content-plan.md) from FOLDER."
    import_folder = staticmethod(import_experts)
