"""Emptying the documented proxy's cache (deploy/nginx) when the content changes.

nginx keeps anonymous pages in files under PROXY_CACHE_DIR, a folder it shares with the app. Open
source nginx has no purge command, but a cached page whose file is gone is a miss: deleting the
files is the purge. It follows every move of the content generation (operations.content_cache),
so a published change reaches the next anonymous reader through the proxy as it does through the
app's own page cache. A page rendered from the old content while the change was being published
can still be stored just after the purge: that page is stale for at most PROXY_CACHE_SECONDS.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)


def purge() -> int:
    """Delete every page the proxy keeps; returns how many files were deleted."""
    if not settings.PROXY_CACHE_DIR:
        return 0
    deleted = 0
    for folder, _, files in os.walk(settings.PROXY_CACHE_DIR):
        for name in files:
            try:
                (Path(folder) / name).unlink()
                deleted += 1
            except FileNotFoundError:  # nginx's cache manager, or another process, was first
                pass
            except OSError:
                logger.exception("Could not delete %s from the proxy's cache", name)
    return deleted
