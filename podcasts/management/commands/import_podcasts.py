"""python manage.py import_podcasts FOLDER: load podcast episodes from Markdown files."""

from guides.page_source import ImportCommand
from podcasts.importer import import_podcasts


class Command(ImportCommand):
    help = "Import podcast episodes (one Markdown file each, see docs/content-plan.md) from FOLDER."
    import_folder = staticmethod(import_podcasts)
