"""Page ids from addresses and forms, bounded to what the database can store.

A number past a signed 64-bit integer is no page, but handed to the database it is an error
(SQLite raises OverflowError, a 500): such ids are refused before any query, as not found.
"""

from __future__ import annotations

#: The largest id a BigAutoField (SQLite INTEGER, PostgreSQL bigint) holds.
MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """The id in `value` (a form value or a path segment), or None when it cannot be one."""
    try:
        number = int(str(value).strip())
    except ValueError:
        return None
    return number if 0 < number <= MAX_ID else None


class IdConverter:
    """`<id:name>` in URL patterns: like `<int:…>`, but a number no row can have does not match (404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # Django's resolver takes ValueError as "no match"
        return number

    def to_url(self, value) -> str:
        return str(value)
