"""What was computed from the published content, kept until the content changes.

One generation number, shared by all processes when the cache is Redis, is part of every key.
Any change to pages, terms, snippets or settings bumps it (see page_cache.connect_invalidation),
which makes everything kept before stale at once — coarse, but never stale. The anonymous page
cache keys whole pages on it; `remember` keys smaller results on it: search results, facet
counts, guide PDFs.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "page-cache:generation"
CHANGED_AT_KEY = "page-cache:changed-at"

T = TypeVar("T")
logger = logging.getLogger(__name__)


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_start(), timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def _fresh_start() -> int:
    """A lost counter restarts above every number it reached (milliseconds since 1970), so what
    was kept under an old number is never taken for current."""
    return int(time.time() * 1000)


def content_version() -> tuple[int, float]:
    """(generation, when content last changed as a Unix time) for validators such as ETag."""
    changed_at = cache.get(CHANGED_AT_KEY)
    if changed_at is None:
        changed_at = time.time()
        cache.add(CHANGED_AT_KEY, changed_at, timeout=None)
    return generation(), cache.get(CHANGED_AT_KEY, changed_at)


def invalidate(*args, **kwargs) -> None:
    """Make everything kept stale (called when anything a page shows changes).

    Once now and once more when the transaction commits: another process may render from the old
    rows until then, and what it keeps in between must not outlive the change."""
    _next_generation()
    transaction.on_commit(_next_generation, robust=True)


def _next_generation() -> None:
    # A cache that does not answer must not fail an editor's publish, nor the after-commit work
    # (search index updates) registered after this; it is logged, and /healthz reports it.
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # no counter yet, or it was lost
            cache.add(GENERATION_KEY, _fresh_start(), timeout=None)
        cache.set(CHANGED_AT_KEY, time.time(), timeout=None)
    except Exception:
        logger.exception("Could not mark cached pages and results stale")


def kept(key: str):
    """What the cache holds under `key`, or None when it holds nothing this code can read (a value
    pickled by another release of the code) or does not answer."""
    try:
        return cache.get(key)
    except Exception:
        logger.warning("Could not read %s from the cache; computing it", key, exc_info=True)
        return None


def remember(name: str, parts: tuple, compute: Callable[[], T], seconds: int | None = None) -> T:
    """`compute()`, kept for this generation of the content and these `parts` (any repr-able values).

    `seconds` defaults to PAGE_CACHE_SECONDS. Switching the page cache off (0) switches this off
    too, whatever `seconds` says: an uncached site computes everything on every request."""
    if not settings.PAGE_CACHE_SECONDS:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"content:{generation()}:{name}:{digest}"
    value = kept(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds or settings.PAGE_CACHE_SECONDS)
    return value
