"""`manage.py rebuild_search_index`: replace the search index with every live guide in the database."""

import time

from django.core.management.base import BaseCommand

from operations.content_cache import invalidate
from search.documents import all_documents
from search.registry import ENGINES, create_engine, get_engine


class Command(BaseCommand):
    help = "Bygger om sökindexet från alla publicerade guider."

    def add_arguments(self, parser):
        parser.add_argument("--engine", choices=ENGINES, help="Engine to rebuild (default: CHEFSGUIDER_SEARCH_ENGINE).")

    def handle(self, *args, engine=None, **options):
        search_engine = create_engine(engine) if engine else get_engine()
        started = time.perf_counter()
        count = 0

        def counted():
            nonlocal count
            for document in all_documents():
                count += 1
                yield document

        search_engine.rebuild(counted())
        invalidate()  # search results kept from the old index
        seconds = time.perf_counter() - started
        self.stdout.write(f"Indexed {count} guides with {search_engine.name} in {seconds:.1f} s.")
