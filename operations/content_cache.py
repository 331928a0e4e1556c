"""What was computed from the published content, kept until the content changes.

One generation number is part of every key. Any change to pages, terms, snippets or settings
bumps it (see page_cache.connect_invalidation), which makes everything kept before stale at once —
coarse, but never stale. The anonymous page cache keys whole pages on it; `remember` keys smaller
results on it: search results, facet counts, guide PDFs.

The number lives in the database (operations.models.ContentGeneration), the one store all
processes of a site share whatever the cache is: with the in-process cache each gunicorn worker
keeps its own pages, but all of them key on the same number, so a change made through one worker,
a management command or the shell is seen by every worker on its next request. Reading it costs
one small query per request (remembered for the rest of that request; docs/operations.md).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import secrets
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest

from operations import proxy_cache

T = TypeVar("T")
logger = logging.getLogger(__name__)

# Per thread, as Django's database connections are: the shared row as read in the current request,
# and this connection's own change that is not committed yet.
_here = threading.local()
#: Keys for uncommitted changes name the process, so no other process ever shares them.
_PROCESS = secrets.token_hex(4)
_pending_numbers = itertools.count(1)


def generation() -> str:
    """The current generation as a key part: the shared number, and while this thread's transaction
    holds an uncommitted change, a mark of that change (only this thread sees its rows)."""
    value, _ = _shared()
    pending = _pending()
    return f"{value}+{_PROCESS}.{pending[0]}" if pending else str(value)


def readable_generation() -> str | None:
    """generation(), or None when the shared row cannot be read: for what only refreshes by it
    (the search's synonyms and indexed words), which then goes by time or its first reading."""
    try:
        return generation()
    except Exception:
        return None


def content_version() -> tuple[str, float]:
    """(generation, when content last changed as a Unix time) for validators such as ETag and
    Last-Modified: the same in every process, as both come from the shared row."""
    value, changed_at = _shared()
    pending = _pending()
    if pending:
        return f"{value}+{_PROCESS}.{pending[0]}", max(changed_at, pending[1])
    return str(value), changed_at


def invalidate(*args, **kwargs) -> None:
    """Make everything kept stale (called when anything a page shows changes).

    Other processes see the change when it commits, so that is when the shared number moves:
    until then they render the old rows and keep them under the old number, which the commit makes
    stale. This thread sees its own uncommitted rows at once, so its keys change at once."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _next_generation()
        return
    outermost = connection.atomic_blocks[0]
    pending = getattr(_here, "pending", None)
    first_in_transaction = pending is None or pending[2] is not outermost
    _here.pending = (next(_pending_numbers), time.time(), outermost)
    if first_in_transaction:  # one update of the shared row per transaction, however many saves
        transaction.on_commit(_next_generation, robust=True)


def _pending() -> tuple[int, float] | None:
    pending = getattr(_here, "pending", None)
    if pending is None:
        return None
    connection = transaction.get_connection()
    if connection.atomic_blocks and connection.atomic_blocks[0] is pending[2]:
        return pending[:2]
    _here.pending = None  # committed (the shared number moved) or rolled back (nothing changed)
    return None


def _shared() -> tuple[int, float]:
    """The shared row, read once per request (a request keys on one generation throughout)."""
    remembered = getattr(_here, "shared", None)
    if remembered is not None:
        return remembered
    from operations.models import ContentGeneration

    # Plain SQL: this runs on every anonymous request, and the ORM's query building costs more
    # than the query (docs/operations.md has the figures).
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value, changed_at FROM {ContentGeneration._meta.db_table} WHERE id = 1")
        row = cursor.fetchone()
    if row is None:
        row = _first_row()
    if getattr(_here, "in_request", False):
        _here.shared = row
    return row


def _first_row() -> tuple[int, float]:
    from operations.models import ContentGeneration

    now = time.time()
    try:
        with transaction.atomic():
            ContentGeneration.objects.create(pk=1, value=_now_number(now), changed_at=now)
    except IntegrityError:  # another process made it first
        pass
    return ContentGeneration.objects.filter(pk=1).values_list("value", "changed_at").get()


def _now_number(now: float) -> int:
    """Microseconds since 1970: the number never goes back, even after a restore brought back an
    older row, so what was kept under a number before is never taken for current."""
    return int(now * 1_000_000)


def _next_generation() -> None:
    # A failure here must not fail an editor's publish, nor the after-commit work (search index
    # updates) registered after this; it is logged, and /healthz reports a database that fails.
    from operations.models import ContentGeneration

    try:
        now = time.time()
        moved = ContentGeneration.objects.filter(pk=1).update(
            value=Greatest(F("value") + 1, Value(_now_number(now))), changed_at=now
        )
        if not moved:
            _first_row()
    except Exception:
        if _table_missing(ContentGeneration):
            pass  # a database still being migrated (Wagtail's first pages): nothing was kept yet
        else:
            logger.exception("Could not mark cached pages and results stale")
    _here.shared = None
    proxy_cache.purge()


def _table_missing(model) -> bool:
    try:
        with connection.cursor() as cursor:
            return model._meta.db_table not in connection.introspection.table_names(cursor)
    except Exception:
        return False


def _request_started(**kwargs) -> None:
    _here.in_request, _here.shared = True, None


def _request_finished(**kwargs) -> None:
    _here.in_request, _here.shared = False, None


request_started.connect(_request_started, dispatch_uid="content-generation-request-started")
request_finished.connect(_request_finished, dispatch_uid="content-generation-request-finished")


def kept(key: str):
    """What the cache holds under `key`, or None when it holds nothing this code can read (a value
    pickled by another release of the code) or does not answer."""
    try:
        return cache.get(key)
    except Exception:
        logger.warning("Could not read %s from the cache; computing it", key, exc_info=True)
        return None


def keep(key: str, value, seconds: int) -> None:
    """Store `value`; a cache that does not answer only means it is computed again next time."""
    try:
        cache.set(key, value, seconds)
    except Exception:
        logger.warning("Could not keep %s in the cache", key, exc_info=True)


def remember(name: str, parts: tuple, compute: Callable[[], T], seconds: int | None = None) -> T:
    """`compute()`, kept for this generation of the content and these `parts` (any repr-able values).

    `seconds` defaults to PAGE_CACHE_SECONDS. Switching the page cache off (0) switches this off
    too, whatever `seconds` says: an uncached site computes everything on every request."""
    if not settings.PAGE_CACHE_SECONDS:
        return compute()
    return _remembered(name, parts, compute, seconds or settings.PAGE_CACHE_SECONDS)


def remember_for_pages(name: str, parts: tuple, compute: Callable[[], T]) -> T:
    """`compute()` for rendering pages (which tool pages are live, whether the podcast has sound),
    kept for this generation like the page fragments: for FRAGMENT_CACHE_SECONDS, page cache or not."""
    if not settings.FRAGMENT_CACHE_SECONDS:
        return compute()
    return _remembered(name, parts, compute, settings.FRAGMENT_CACHE_SECONDS)


def _remembered(name: str, parts: tuple, compute: Callable[[], T], seconds: int) -> T:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"content:{generation()}:{name}:{digest}"
    value = kept(key)
    if value is None:
        value = compute()
        keep(key, value, seconds)
    return value
