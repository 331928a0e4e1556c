"""python manage.py ingest_search_log: read what the proxy logged of searches into the search log.

Behind the documented proxy (SEARCH_LOG_BY_PROXY names its log file), the proxy writes one line per
search and per opened result it serves. Run this every minute (docker-compose.yml does); it reads
from where it stopped (kept in <file>.offset) and starts again from the top after a rotation.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.log import ingest


class Command(BaseCommand):
    help = "Read the proxy's search log (SEARCH_LOG_BY_PROXY) into the search log."

    def handle(self, *args, **options):
        if not settings.SEARCH_LOG_BY_PROXY:
            raise CommandError("SEARCH_LOG_BY_PROXY is not set: searches are logged by the app itself.")
        path = Path(settings.SEARCH_LOG_BY_PROXY)
        marker = path.with_name(path.name + ".offset")
        if not path.exists():
            self.stdout.write("search log lines read: 0 (no log yet)")
            return
        offset = int(marker.read_text() or 0) if marker.exists() else 0
        if offset > path.stat().st_size:
            offset = 0  # rotated: a new file
        with path.open("rb") as log:
            log.seek(offset)
            data = log.read()
        complete = data[: data.rfind(b"\n") + 1]  # a line still being written is read next time
        count = ingest(complete.decode("utf-8", "replace").splitlines())
        marker.write_text(str(offset + len(complete)))
        self.stdout.write(f"search log lines read: {count}")
