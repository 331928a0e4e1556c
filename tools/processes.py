"""Process planners: dated step lists for situations where dates matter, from rules in YAML.

The rules (tools/rules/*.yml, described in tools/rules/README.md) are data an editor can read:
each step names its moment, its law and the guides to read. This module checks the files when
they are loaded and turns a start date and the reader's answers into a plan.
"""

from __future__ import annotations

import datetime
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from dateutil.relativedelta import relativedelta

from facts.citations import CITATION, FactTable
from facts.register import read_text
from tools.workdays import is_working_day, next_working_day, previous_working_day, why_not_working

RULES_DIR = Path(__file__).parent / "rules"
KINDS = {"task", "deadline", "fact"}
INPUT_TYPES = {"integer", "boolean"}
OFFSET_UNITS = ("years", "months", "weeks", "days")
# Matched whole (fullmatch): "$" alone would let a name end in a line break.
NAME = re.compile(r"[a-z][a-z0-9_]*")
STEP_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
NUMBER_WORDS = ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]
UNIT_WORDS = {
    "years": ("år", "år"),
    "months": ("månad", "månader"),
    "weeks": ("vecka", "veckor"),
    "days": ("dag", "dagar"),
}


class RulesError(Exception):
    """A rules file that cannot be used, with the reason."""


@dataclass(frozen=True)
class ProcessInput:
    name: str
    type: str
    label: str
    help: str = ""
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True)
class Step:
    id: str
    when: str
    title: str
    text: str
    kind: str
    offset: dict
    anchor: str | None = None
    only_if: dict = field(default_factory=dict)
    law: str = ""
    guides: tuple[str, ...] = ()


@dataclass(frozen=True)
class Process:
    key: str
    title: str
    summary: str
    start_label: str
    note: str
    inputs: tuple[ProcessInput, ...]
    steps: tuple[Step, ...]
    fact_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PlannedStep:
    step: Step
    calendar_date: datetime.date
    date: datetime.date
    when: str
    text: str

    @property
    def moved(self) -> bool:
        return self.date != self.calendar_date

    @property
    def calendar_day_is_off(self) -> bool:
        return not is_working_day(self.calendar_date)

    @property
    def off_because(self) -> str:
        return why_not_working(self.calendar_date)


@dataclass(frozen=True)
class Plan:
    process: Process
    start: datetime.date
    values: dict
    steps: list[PlannedStep]
    skipped: list[Step]


# -- loading ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def all_processes() -> dict[str, Process]:
    processes = {}
    for path in sorted(RULES_DIR.glob("*.yml")):
        processes[path.stem] = load_process_file(path)
    return processes


def get_process(key: str) -> Process | None:
    return all_processes().get(key)


def process_choices() -> list[tuple[str, str]]:
    """(key, title) of every process planner, for the tool page's choice field."""
    return [(key, process.title) for key, process in all_processes().items()]


def load_process_file(path: Path) -> Process:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RulesError(f"{path.name}: cannot read ({error.__class__.__name__})") from None
    try:
        return parse_process(path.stem, data)
    except RulesError as error:
        raise RulesError(f"{path.name}: {error}") from None


def parse_process(key: str, data) -> Process:
    if not isinstance(data, dict):
        raise RulesError("expected a mapping with title, summary, start_label, inputs and steps")
    _only_keys(data, {"title", "summary", "start_label", "note", "inputs", "steps"}, "the file")
    for name in ("inputs", "steps"):
        if not isinstance(data.get(name) or [], list):
            raise RulesError(f"{name} must be a list")
    inputs = tuple(_parse_input(item) for item in data.get("inputs") or [])
    names = [item.name for item in inputs]
    if len(set(names)) != len(names) or "start" in names:
        raise RulesError("input names must be unique and not 'start'")
    steps: list[Step] = []
    for item in data.get("steps") or []:
        step = _parse_step(item, {item.name: item for item in inputs}, {s.id for s in steps})
        steps.append(step)
    if not steps:
        raise RulesError("a process needs at least one step")
    return Process(
        key=key,
        title=_text(data, "title"),
        summary=_text(data, "summary"),
        start_label=_text(data, "start_label"),
        note=str(data.get("note") or "").strip(),
        inputs=inputs,
        steps=tuple(steps),
        fact_ids=frozenset(_fact_refs(data)),
    )


def _fact_refs(value) -> set[str]:
    """Ids of the register a rules file uses: in {fact: ID} numbers and {{fakta:ID}} citations."""
    if isinstance(value, str):
        return {match.group(1) for match in CITATION.finditer(value)}
    if isinstance(value, dict):
        found = {value["fact"]} if isinstance(value.get("fact"), str) else set()
        return found.union(*(_fact_refs(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_fact_refs(item) for item in value))
    return set()


def _only_keys(mapping: dict, allowed: set, where: str) -> None:
    unknown = sorted(map(str, set(mapping) - allowed))  # as texts: YAML keys may be numbers too
    if unknown:
        raise RulesError(f"unknown field {', '.join(unknown)} in {where}")


def _is_whole(value) -> bool:
    """Whether value is a whole number (YAML's true and false are ints to Python, not to an editor)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _is_one_of(value, names) -> bool:
    """Whether value is one of the names (a list or mapping in its place is not, and is no crash)."""
    return isinstance(value, str) and value in names


def _text(mapping: dict, name: str, where: str = "the file") -> str:
    """A text of the rules (facts.register.read_text), its white space folded to single spaces."""
    try:
        return " ".join(read_text(mapping.get(name), f"{name} in {where}").split())
    except ValueError as error:
        raise RulesError(str(error)) from None


def _parse_input(item) -> ProcessInput:
    if not isinstance(item, dict):
        raise RulesError("every input must be a mapping")
    _only_keys(item, {"name", "type", "label", "help", "min", "max"}, "an input")
    name = item.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise RulesError(f"input name {name!r} must be lowercase letters, digits and _")
    if not _is_one_of(item.get("type"), INPUT_TYPES):
        raise RulesError(f"input {name}: type must be one of {', '.join(sorted(INPUT_TYPES))}")
    for bound in ("min", "max"):
        if bound not in item:
            continue
        if item["type"] != "integer":
            raise RulesError(f"input {name}: {bound} is only for integer inputs")
        if not _is_whole(item[bound]):
            raise RulesError(f"input {name}: {bound} must be a whole number")
    if "min" in item and "max" in item and item["min"] > item["max"]:
        raise RulesError(f"input {name}: min is above max")
    return ProcessInput(
        name=name,
        type=item["type"],
        label=_text(item, "label", f"input {name}"),
        help=" ".join(str(item.get("help") or "").split()),
        minimum=item.get("min"),
        maximum=item.get("max"),
    )


def _parse_step(item, inputs: dict[str, ProcessInput], earlier_ids: set[str]) -> Step:
    if not isinstance(item, dict):
        raise RulesError("every step must be a mapping")
    _only_keys(item, {"id", "when", "title", "text", "kind", "offset", "from", "only_if", "law", "guides"}, "a step")
    step_id = item.get("id")
    if not isinstance(step_id, str) or not STEP_ID.fullmatch(step_id):
        raise RulesError(f"step id {step_id!r} must be lowercase letters, digits and -")
    if step_id in earlier_ids:
        raise RulesError(f"step id {step_id} is used twice")
    where = f"step {step_id}"
    if not _is_one_of(item.get("kind"), KINDS):
        raise RulesError(f"{where}: kind must be one of {', '.join(sorted(KINDS))}")
    anchor = item.get("from")
    if anchor is not None and not _is_one_of(anchor, earlier_ids):
        raise RulesError(f"{where}: from must name a step above it")
    guides = item.get("guides") or []
    if not isinstance(guides, list) or not all(isinstance(slug, str) and STEP_ID.fullmatch(slug) for slug in guides):
        raise RulesError(f"{where}: guides must be a list of guide slugs")
    step = Step(
        id=step_id,
        when=_text(item, "when", where),
        title=_text(item, "title", where),
        text=_text(item, "text", where),
        kind=item["kind"],
        offset=_check_offset(item.get("offset"), inputs, where),
        anchor=anchor,
        only_if=_check_condition(item.get("only_if") or {}, inputs, where),
        law=" ".join(str(item.get("law") or "").split()),
        guides=tuple(guides),
    )
    for template in (step.when, step.text):
        _check_placeholders(template, inputs, where)
    return step


def _check_offset(offset, inputs, where) -> dict:
    if not isinstance(offset, dict) or not offset:
        raise RulesError(f"{where}: offset must be a mapping such as {{days: 7}}")
    _only_keys(offset, set(OFFSET_UNITS), f"the offset of {where}")
    for unit, value in offset.items():
        if _is_whole(value) or _is_fact_number(value, f"{unit} of {where}"):
            continue
        if not isinstance(value, dict) or not _is_one_of(value.get("input"), inputs):
            raise RulesError(
                f"{where}: {unit} must be a whole number, {{fact: ID}} or {{input: NAME}} naming an input"
            )
        if inputs[value["input"]].type != "integer":
            raise RulesError(f"{where}: {unit} can only depend on an integer input")
        _only_keys(value, {"input", "table", "negate"}, f"the offset of {where}")
        if not isinstance(value.get("negate", False), bool):
            raise RulesError(f"{where}: negate must be true or false")
        table = value.get("table")
        if table is not None and not _is_fact_number(table, f"the table of {where}") and (
            not isinstance(table, dict)
            or not table
            or not all(_is_whole(k) and _is_whole(v) for k, v in table.items())
        ):
            raise RulesError(f"{where}: table must map whole numbers to whole numbers, or be {{fact: ID, key: K}}")
    return offset


def _is_fact_number(value, where) -> bool:
    """Whether value is {fact: ID, key: K, add: N, negate: bool}: a number kept in the register."""
    if not isinstance(value, dict) or "fact" not in value:
        return False
    _only_keys(value, {"fact", "key", "add", "negate"}, where)
    if not isinstance(value["fact"], str) or not isinstance(value.get("key", ""), str):
        raise RulesError(f"{where}: fact and key must be names")
    if not _is_whole(value.get("add", 0)) or not isinstance(value.get("negate", False), bool):
        raise RulesError(f"{where}: add must be a whole number and negate true or false")
    return True


def _check_condition(condition, inputs, where) -> dict:
    if not isinstance(condition, dict):
        raise RulesError(f"{where}: only_if must be a mapping of input: value")
    for name, wanted in condition.items():
        if name not in inputs:
            raise RulesError(f"{where}: only_if names unknown input {name}")
        if inputs[name].type == "boolean" and not isinstance(wanted, bool):
            raise RulesError(f"{where}: only_if {name} must be true or false")
        if inputs[name].type == "integer":
            if not isinstance(wanted, dict) or not set(wanted) <= {"min", "max"} or not wanted:
                raise RulesError(f"{where}: only_if {name} must be {{min: N}} and/or {{max: N}}")
            for bound in wanted.values():
                if not _is_whole(bound) and not _is_fact_number(bound, f"only_if {name} of {where}"):
                    raise RulesError(f"{where}: only_if {name} bounds must be whole numbers or {{fact: ID}}")
    return condition


def _placeholder_names(inputs) -> set[str]:
    names = set(inputs)
    for unit in OFFSET_UNITS:
        names |= {unit, f"{unit}_text"}
    return names | {"day"}


def _check_placeholders(template: str, inputs, where) -> None:
    allowed = _placeholder_names(inputs)
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None and name not in allowed:
            raise RulesError(f"{where}: unknown placeholder {{{name}}}")


# -- planning -----------------------------------------------------------------------------


def make_plan(process: Process, start: datetime.date, values: dict) -> Plan:
    """The process's steps dated from the start date and the reader's answers, sorted by date.

    Numbers and texts from the register are read as they stand on the start date."""
    facts = FactTable(process.fact_ids, day=start)
    dated: dict[str, PlannedStep] = {}
    skipped: list[Step] = []
    for step in process.steps:
        if not _applies(step, values, facts) or (step.anchor and step.anchor not in dated):
            skipped.append(step)
            continue
        amounts = {unit: _amount(value, values, facts) for unit, value in step.offset.items()}
        anchor = dated[step.anchor].calendar_date if step.anchor else start
        calendar_date = anchor + relativedelta(**amounts)
        words = _words(amounts, values)
        dated[step.id] = PlannedStep(
            step=step,
            calendar_date=calendar_date,
            date=_working_date(step.kind, calendar_date),
            when=_capitalise(_with_facts(step.when, facts).format_map(words)),
            text=_with_facts(step.text, facts).format_map(words),
        )
    ordered = sorted(dated.values(), key=lambda planned: planned.date)
    return Plan(process, start, values, ordered, skipped)


def _with_facts(template: str, facts: FactTable) -> str:
    """A step's text with citations of the register resolved (braces kept literal for format_map)."""
    return CITATION.sub(lambda match: facts.plain(match.group(0)).replace("{", "{{").replace("}", "}}"), template)


def _number(value, facts: FactTable):
    """A whole number written in the rules, or one (or a table) kept in the register."""
    if not isinstance(value, dict) or "fact" not in value:
        return value
    number = facts.number(value["fact"], value.get("key"))
    if isinstance(number, dict):
        return {int(key): item for key, item in number.items()}
    return int(number) + value.get("add", 0)


def _applies(step: Step, values: dict, facts: FactTable) -> bool:
    for name, wanted in step.only_if.items():
        value = values.get(name)
        if isinstance(wanted, bool):
            if bool(value) is not wanted:
                return False
            continue
        if value is None:
            return False
        low, high = (_number(wanted.get(bound, value), facts) for bound in ("min", "max"))
        if value < low or value > high:
            return False
    return True


def _amount(value, values: dict, facts: FactTable) -> int:
    if isinstance(value, int):
        return value
    sign = -1 if value.get("negate") else 1
    if "fact" in value:
        return sign * _number(value, facts)
    number = values[value["input"]]
    table = value.get("table")
    if table is None:
        return sign * number
    table = _number(table, facts)
    thresholds = [threshold for threshold in sorted(table) if threshold <= number]
    if not thresholds:
        raise RulesError(f"no table entry for {value['input']} = {number}")
    return sign * table[thresholds[-1]]


def _working_date(kind: str, day: datetime.date) -> datetime.date:
    if kind == "task":
        return next_working_day(day)
    if kind == "deadline":
        return previous_working_day(day)
    return day


def count_in_words(number: int, unit: str) -> str:
    singular, plural = UNIT_WORDS[unit]
    word = NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else str(number)
    if number == 1 and unit == "years":
        word = "ett"
    return f"{word} {singular if number == 1 else plural}"


def _words(amounts: dict, values: dict) -> dict:
    words = {name: value for name, value in values.items()}
    for unit in OFFSET_UNITS:
        number = abs(amounts.get(unit, 0))
        words[unit] = number
        words[f"{unit}_text"] = count_in_words(number, unit)
    # "Dag 8" of a period whose first day is day 1: the law's way of counting (tools/rules/README.md).
    words["day"] = amounts.get("days", 0) + 1
    return words


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
