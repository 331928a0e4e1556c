"""python manage.py import_letters FOLDER: load letter templates from Markdown files."""

from guides.page_source import ImportCommand
from letters.importer import import_letters


class Command(ImportCommand):
    help = "Import letters (one file each, see content/letters/README.md) from FOLDER into /verktyg/brev/."
    import_folder = staticmethod(import_letters)
