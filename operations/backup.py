"""Backup and restore of a whole Chefsguider instance: database, media files and an export of
the guide library in the source format.

SQLite is copied with SQLite's online backup API (consistent while the site runs, WAL included);
PostgreSQL with pg_dump/pg_restore in the custom format. The export is a second, readable copy
of the guides that any version of the site can import. See docs/operations.md.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string

from operations.content_cache import invalidate

SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.dump"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot be done, with the reason."""


def create_backup(destination: Path) -> Path:
    """Write a new backup folder inside destination and return its path."""
    folder = Path(destination) / f"chefsguider-{timezone.localtime():%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True, exist_ok=False)
    if connection.vendor == "sqlite":
        _sqlite_backup(folder / SQLITE_FILE)
    elif connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(folder / POSTGRES_FILE)])
    else:
        raise BackupError(f"no backup method for the {connection.vendor} database")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        shutil.copytree(media, folder / "media")
    manifest = {"created": timezone.now().isoformat(), "database": connection.vendor}
    # The apps' readable second copies (settings.BACKUP_EXPORTS: manifest key -> function of a folder
    # returning how many items it wrote), so this bottom layer knows no app.
    for key, path in getattr(settings, "BACKUP_EXPORTS", {}).items():
        manifest[key] = import_string(path)(folder / "export")
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return folder


def restore_backup(folder: Path, *, media: bool = True) -> dict:
    """Replace the database (and media files) with the backup's; returns the backup's manifest."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError(f"{folder} is not a backup folder (no readable {MANIFEST})") from None
    if manifest.get("database") != connection.vendor:
        raise BackupError(f"the backup holds a {manifest.get('database')} database, this site uses {connection.vendor}")
    if connection.vendor == "sqlite":
        _sqlite_restore(folder / SQLITE_FILE)
    else:
        connection.close()  # pg_restore drops and recreates tables: hold no locks on them
        _run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"],
            folder / POSTGRES_FILE,
        )
    if media and (folder / "media").is_dir():
        shutil.copytree(folder / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    invalidate()  # no page or result kept from the database that was replaced
    return manifest


def _sqlite_backup(path: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        with target:
            connection.connection.backup(target)
    finally:
        target.close()


def _sqlite_restore(path: Path) -> None:
    if not path.is_file():
        raise BackupError(f"{path} is missing")
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        # Page by page into the live database, which other processes keep using meanwhile.
        source.backup(connection.connection)
    finally:
        source.close()


def _run(command: list[str], *arguments: Path) -> None:
    """A PostgreSQL client program against the site's database, with its credentials."""
    database = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    options = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        options += ["--host", database["HOST"]]
    if database.get("PORT"):
        options += ["--port", str(database["PORT"])]
    if database.get("USER"):
        options += ["--username", database["USER"]]
    try:
        result = subprocess.run(
            [*command, *options, *map(str, arguments)], env=env, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client programs are needed)") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")
