"""What the search benchmarks share: a Django set-up on scratch storage, and the starter library.

Benchmarks run outside the test suite, against a scratch PostgreSQL database (created when
missing) or, without a reachable server, SQLite in a temporary folder.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/chefsguider_bench"
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)", re.S)


def postgres_reachable(url: str) -> bool:
    """True if the server answers; the scratch database is created when missing."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    try:
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True, connect_timeout=3) as server:
            if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                server.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        return False
    return True


def set_up_django(database_url: str) -> tuple[Path, bool]:
    """Configure Django on scratch storage and migrate; returns (scratch folder, PostgreSQL in use)."""
    scratch = Path(tempfile.mkdtemp(prefix="chefsguider-bench-"))
    with_postgres = postgres_reachable(database_url)
    os.environ["CHEFSGUIDER_DATA_DIR"] = str(scratch)
    os.environ["DJANGO_SETTINGS_MODULE"] = "chefsguider.settings.base"
    os.environ.pop("DATABASE_URL", None)
    if with_postgres:
        os.environ["DATABASE_URL"] = database_url
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)  # the search tables and seeded synonyms
    return scratch, with_postgres


def load_guides(folder: Path = ROOT / "content" / "guides"):
    """The starter library as GuideDocuments, read straight from the Markdown files."""
    from django.utils.text import slugify

    from guides.readability import plain_text
    from search.base import GuideDocument

    guides = []
    for number, path in enumerate(sorted(folder.glob("*.md")), 1):
        meta_text, body = FRONT_MATTER.match(path.read_text(encoding="utf-8")).groups()
        meta = yaml.safe_load(meta_text)
        headings = [line.lstrip("#").strip() for line in body.splitlines() if line.startswith("#")]
        guides.append(
            GuideDocument(
                id=number,
                slug=meta.get("slug") or path.stem,
                title=meta["title"],
                summary=meta["summary"],
                headings=tuple(headings),
                body=plain_text(body),
                areas=tuple(slugify(name) for name in meta.get("categories") or ()),
                situations=tuple(slugify(name) for name in meta.get("situations") or ()),
                updated=meta.get("updated") or datetime.date.today(),
                members_only=bool(meta.get("members_only")),
                keywords=tuple(meta.get("keywords") or ()),
            )
        )
    return guides


def load_queries(path: Path = ROOT / "bench" / "relevance" / "queries.yml") -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


HELDOUT = ROOT / "bench" / "relevance" / "heldout"


def load_heldout_guides(path: Path = HELDOUT / "guides.yml"):
    """The held-out library (bench/relevance/heldout/guides.yml) as GuideDocuments."""
    from search.base import GuideDocument

    guides = []
    for number, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["guides"], 1):
        sections = [(heading, text) for heading, text in item["sections"]]
        guides.append(
            GuideDocument(
                id=number,
                slug=item["slug"],
                title=item["title"],
                summary=item["summary"],
                headings=tuple(heading for heading, _ in sections),
                body="\n\n".join(f"{heading}\n{text}" for heading, text in sections),
                areas=tuple(item["areas"]),
                situations=(),
                updated=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            )
        )
    return guides


def load_heldout_queries(path: Path = HELDOUT / "queries.yml") -> list[dict]:
    return load_queries(path)
