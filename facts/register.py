"""The register's source files (content/facts/*.yml, format in content/facts/README.md): reading,
checking and loading them. A broken file is reported with file, line and reason and writes nothing."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

from facts.models import CURRENT, PROPOSAL, LegalFact

REQUIRED = {"id", "statement", "value", "law", "url", "valid_from"}
OPTIONAL = {"values", "law_title", "valid_until", "status", "proposed", "checked", "review_months"}
FACT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
OFFICIAL_URL = re.compile(r"^https://([a-z0-9-]+\.)*[a-z0-9-]+\.[a-z]+(/|$)")


class RegisterError(ValueError):
    """A register file that cannot be loaded, with where and why."""


@dataclass
class ImportReport:
    """What an import did, file by file: the report of the register's import and of every page
    source's (guides.importer.import_pages)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"created: {len(self.created)}, updated: {len(self.updated)}, "
            f"unchanged: {len(self.unchanged)}, failed: {len(self.failed)}"
        )


def read_register_file(path: Path) -> list[dict]:
    """The facts of one file as model field values, or RegisterError with the line at fault."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except UnicodeDecodeError:
        raise RegisterError("file is not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise RegisterError(f"line {mark.line + 1 if mark else '?'}: not valid YAML") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise RegisterError("line 1: the file must be a list of facts")
    facts, seen = [], set()
    for item, item_node in zip(data, node.value, strict=True):
        line = item_node.start_mark.line + 1
        try:
            fact = _fact(item)
        except RegisterError as error:
            raise RegisterError(f"line {line}: {error}") from None
        key = (fact["fact_id"], fact["valid_from"])
        if key in seen:
            raise RegisterError(f"line {line}: fact {fact['fact_id']!r} from {fact['valid_from']} appears twice")
        seen.add(key)
        facts.append(fact)
    return facts


def _fact(item) -> dict:
    if not isinstance(item, dict):
        raise RegisterError("every fact must be a mapping of field: value")
    missing, unknown = field_problems(item, REQUIRED, OPTIONAL)
    if missing:
        raise RegisterError(f"fact {item.get('id', '?')!r} lacks {', '.join(missing)}")
    if unknown:
        raise RegisterError(f"fact {item['id']!r}: unknown field {', '.join(unknown)}")
    fact_id = item["id"]
    if not isinstance(fact_id, str) or not FACT_ID.match(fact_id) or len(fact_id) > 80:
        raise RegisterError(f"id {fact_id!r} must be lowercase a-z, 0-9 and -")
    for name in ("statement", "value", "law"):
        if not isinstance(item[name], str) or not item[name].strip():
            raise RegisterError(f"fact {fact_id!r}: {name} must be a non-empty text")
    if not isinstance(item["url"], str) or not OFFICIAL_URL.match(item["url"]):
        raise RegisterError(f"fact {fact_id!r}: url must be an https address of the official text")
    values = item.get("values") or {}
    if not isinstance(values, dict) or not all(_is_number_or_table(v) for v in values.values()):
        raise RegisterError(f"fact {fact_id!r}: values must map names to numbers or to threshold: number tables")
    status = item.get("status") or CURRENT
    if status not in (CURRENT, PROPOSAL):
        raise RegisterError(f"fact {fact_id!r}: status must be {CURRENT} or {PROPOSAL}")
    fact = {
        "fact_id": fact_id,
        "statement": " ".join(item["statement"].split()),
        "value": item["value"].strip(),
        "values": {str(key): value for key, value in values.items()},
        "law": item["law"].strip(),
        "law_title": str(item.get("law_title") or "").strip(),
        "url": item["url"],
        "valid_from": _date(item["valid_from"], "valid_from", fact_id),
        "valid_until": _date(item.get("valid_until"), "valid_until", fact_id, optional=True),
        "status": status,
        "proposed": _date(item.get("proposed"), "proposed", fact_id, optional=True),
        "checked": _date(item.get("checked"), "checked", fact_id, optional=True),
        "review_months": item.get("review_months") or 12,
    }
    if fact["valid_until"] and fact["valid_until"] < fact["valid_from"]:
        raise RegisterError(f"fact {fact_id!r}: valid_until is before valid_from")
    months = fact["review_months"]
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 60:  # YAML's yes is no number
        raise RegisterError(f"fact {fact_id!r}: review_months must be a whole number from 1 to 60")
    return fact


def _is_number_or_table(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, dict) and bool(value) and all(
        isinstance(k, int) and isinstance(v, int | float) and not isinstance(v, bool) for k, v in value.items()
    )


def read_date(value) -> datetime.date:
    """A date from a source file: YAML's own date, or text YYYY-MM-DD (ValueError otherwise).
    The one date reader of every content source (guides.source uses it too)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def field_problems(mapping: dict, required: set[str], optional: set[str]) -> tuple[list[str], list[str]]:
    """The required fields a source's mapping lacks and the fields it has that are not known, each
    sorted: the one field check of every content source (the register, guides' front matter)."""
    return sorted(required - mapping.keys()), sorted(map(str, set(mapping) - required - optional))


def read_text(value, name: str, max_length: int | None = None) -> str:
    """A text from a source file, stripped: non-empty and at most max_length characters (ValueError
    otherwise, with a message naming the field). The one text reader of every content source
    (guides' front matter, the other pages' front matter, the planners' rules)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty text")
    value = value.strip()
    if max_length is not None and len(value) > max_length:
        raise ValueError(f"{name} is longer than {max_length} characters")
    return value


def _date(value, name, fact_id, optional=False):
    if value in (None, "") and optional:
        return None
    try:
        return read_date(value)
    except ValueError:
        raise RegisterError(f"fact {fact_id!r}: {name} {value!r} is not a date (YYYY-MM-DD)") from None


def register_files(folder: Path) -> list[Path]:
    return sorted(Path(folder).glob("*.yml"))


def read_register(folder: Path) -> tuple[dict[str, list[dict]], list[tuple[str, str]]]:
    """Every readable file's facts ({path: facts}) and the failures; an id in two files fails the later."""
    readable, failed, owners = {}, [], {}
    for path in register_files(folder):
        try:
            facts = read_register_file(path)
            for fact in facts:
                owner = owners.get(fact["fact_id"])
                if owner and owner != path.name:
                    raise RegisterError(f"fact {fact['fact_id']!r} is already in {owner}")
        except RegisterError as error:
            failed.append((str(path), str(error)))
            continue
        owners.update({fact["fact_id"]: path.name for fact in facts})
        readable[str(path)] = facts
    return readable, failed


def register_folder() -> Path:
    return Path(settings.FACTS_DIR)


def shipped_facts() -> dict[str, list[LegalFact]]:
    """The register as shipped in the files (unsaved models by id), re-read when a file changes.

    The database holds the register editors work on; the files stand in for any fact not loaded
    yet, so planners and imports work on a fresh database too."""
    folder = register_folder()
    stamp = tuple((path.name, path.stat().st_mtime_ns) for path in register_files(folder)) if folder.is_dir() else ()
    return _shipped(str(folder), stamp)


@lru_cache(maxsize=4)
def _shipped(folder: str, stamp) -> dict[str, list[LegalFact]]:
    readable, _failed = read_register(Path(folder)) if stamp else ({}, [])
    facts: dict[str, list[LegalFact]] = {}
    for items in readable.values():
        for values in items:
            facts.setdefault(values["fact_id"], []).append(LegalFact(**values))
    return facts


def known_fact_ids() -> dict[str, set[str]]:
    """Every id a text may cite, with the number keys it has: the database's register and the files."""
    known: dict[str, set[str]] = {}
    for fact_id, values in LegalFact.objects.values_list("fact_id", "values"):
        known.setdefault(fact_id, set()).update(values or {})
    for fact_id, versions in shipped_facts().items():
        for fact in versions:
            known.setdefault(fact_id, set()).update(fact.values or {})
    return known


def import_facts(folder: Path) -> ImportReport:
    report = ImportReport()
    readable, report.failed = read_register(folder)
    for path, facts in readable.items():
        outcomes = []
        with transaction.atomic():
            for values in facts:
                fact = LegalFact.objects.filter(fact_id=values["fact_id"], valid_from=values["valid_from"]).first()
                if fact is None:
                    LegalFact.objects.create(**values)
                    outcomes.append("created")
                elif any(getattr(fact, name) != value for name, value in values.items()):
                    for name, value in values.items():
                        setattr(fact, name, value)
                    fact.save()
                    outcomes.append("updated")
                else:
                    outcomes.append("unchanged")
        outcome = "created" if "created" in outcomes else "updated" if "updated" in outcomes else "unchanged"
        getattr(report, outcome).append(path)
    return report
