"""Where the register is used: every app that cites facts answers the `register_fact_usage` hook
with (fact id, kind, title, admin or public url) rows, so the register needs to know no app."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wagtail import hooks


@dataclass(frozen=True)
class Use:
    kind: str
    title: str
    url: str


def fact_usage() -> dict[str, list[Use]]:
    """{fact id: [uses]} over every page, planner and letter that cites the register."""
    usage: dict[str, list[Use]] = defaultdict(list)
    for rows in hooks.get_hooks("register_fact_usage"):
        for fact_id, kind, title, url in rows():
            usage[fact_id].append(Use(kind, title, url))
    return usage
