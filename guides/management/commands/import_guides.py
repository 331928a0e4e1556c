"""python manage.py import_guides FOLDER [--create-terms]: load guide source files."""

from guides.importer import import_guides
from guides.page_source import ImportCommand


class Command(ImportCommand):
    help = "Create or update guides from a folder of Markdown guide source files."
    import_folder = staticmethod(import_guides)
    failure_line = "{path}: {reason}"
    failures_message = "{count} file(s) failed to import"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--create-terms", action="store_true", help="Create unknown areas and situations.")

    def import_options(self, options: dict) -> dict:
        return {"create_terms": options["create_terms"]}
