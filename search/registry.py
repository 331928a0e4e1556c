"""Which engine serves searches: `get_engine()` returns the configured one, built once per process.

Tests and benchmarks build engines of their own with `create_engine(name, ...)`, e.g.
`create_engine("tantivy", index_dir=tmp_path, documents=lambda: guides)` or
`create_engine("postgres", documents=lambda: guides)`, and never touch the shared one.
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings

from search.base import SearchEngine
from search.documents import all_documents

ENGINES = ("tantivy", "postgres")

_lock = threading.Lock()
_engine: SearchEngine | None = None


def create_engine(name: str, *, index_dir: str | Path | None = None, **options) -> SearchEngine:
    """A new engine by name. options: documents (callable yielding all guides, for rebuilds),
    synonyms (callable returning a SynonymTable)."""
    options.setdefault("documents", all_documents)
    if name == "tantivy":
        from search.engines.tantivy import TantivyEngine

        return TantivyEngine(index_dir or settings.CHEFSGUIDER_SEARCH_INDEX_DIR, **options)
    if name == "postgres":
        from search.engines.postgres import PostgresEngine

        return PostgresEngine(**options)
    raise ValueError(f"Unknown search engine {name!r}; expected one of {ENGINES}")


def get_engine() -> SearchEngine:
    """The engine named by CHEFSGUIDER_SEARCH_ENGINE, shared by every thread of this process."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = create_engine(settings.CHEFSGUIDER_SEARCH_ENGINE)
    return _engine


def reset_engine() -> None:
    """Forget the shared engine, e.g. after a test changed CHEFSGUIDER_SEARCH_ENGINE."""
    global _engine
    with _lock:
        _engine = None
