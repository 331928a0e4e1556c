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
import shutil
import threading
import uuid
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

#: Folders taken out of the cache, waiting to be deleted; nginx's own folders are hex digits.
ASIDE = ".purged-"


def purge() -> int:
    """Take every page the proxy keeps out of its cache at once; returns how many folders went.

    nginx keeps its files in a few top-level folders (`levels=1:2`: one per hex digit). Renaming
    those aside is instant however many pages they hold, so publishing waits for no walk of the
    disk; a background thread deletes them, and the next purge deletes whatever a process that
    ended first left behind."""
    if not settings.PROXY_CACHE_DIR:
        return 0
    root = Path(settings.PROXY_CACHE_DIR)
    aside = root / f"{ASIDE}{uuid.uuid4().hex}"
    moved = 0
    try:
        entries = list(root.iterdir())
    except FileNotFoundError:
        return 0
    for entry in entries:
        if entry.name.startswith(ASIDE):
            continue
        try:
            aside.mkdir(exist_ok=True)
            entry.rename(aside / entry.name)
            moved += 1
        except FileNotFoundError:  # nginx's cache manager, or another process, was first
            pass
        except OSError:
            logger.exception("Could not take %s out of the proxy's cache", entry)
    leftovers = [entry for entry in root.iterdir() if entry.name.startswith(ASIDE)]
    if leftovers:
        threading.Thread(target=_delete, args=(leftovers,), name="proxy-cache-purge", daemon=True).start()
    return moved


def _delete(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
