"""python manage.py check_content [FILE …]: the library's editorial rules, without a database.

Checks guides, expert answers and the register (editorial/library_lint.py); with files, only those.
Exits 1 when there are errors; --warnings also prints what is worth a second look."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from editorial.library_lint import library_problems


class Command(BaseCommand):
    help = "Check content/ (or the given files) against the editorial rules."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*")
        parser.add_argument("--warnings", action="store_true", help="Also print warnings.")
        parser.add_argument("--content", default=str(settings.BASE_DIR / "content"))

    def handle(self, files, warnings, content, **options):
        problems = library_problems(content, files or None)
        errors = [problem for problem in problems if problem.error]
        for problem in problems:
            if problem.error or warnings:
                self.stdout.write(str(problem))
        self.stdout.write(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)")
        if errors:
            raise CommandError("the content breaks editorial rules")
