"""The planners' rules files as tools/rules/README.md describes them: what a file may say, the exact
reason a broken one is refused for, and the words a plan writes (`count_in_words`, placeholders)."""

import datetime

import pytest

from facts.models import LegalFact
from tools.processes import (
    Process,
    ProcessInput,
    RulesError,
    Step,
    count_in_words,
    load_process_file,
    make_plan,
    parse_process,
)

D = datetime.date


def step(**changes) -> dict:
    """One valid step of a rules file, changed by keyword arguments ("from" as from_); None leaves a field out."""
    fields = {"id": "a", "when": "x", "title": "x", "text": "x", "kind": "task", "offset": {"days": 1}}
    fields.update({key.rstrip("_"): value for key, value in changes.items()})
    return {key: value for key, value in fields.items() if value is not None}


INTEGER = {"name": "antal", "type": "integer", "label": "Antal"}
BOOLEAN = {"name": "flagga", "type": "boolean", "label": "Flagga"}


def rules(**changes) -> dict:
    """A valid rules file with an integer input (antal), a boolean one (flagga) and one step, changed by
    keyword arguments; None leaves a field out."""
    fields = {"title": "T", "summary": "S", "start_label": "Start", "inputs": [INTEGER, BOOLEAN], "steps": [step()]}
    fields.update(changes)
    return {key: value for key, value in fields.items() if value is not None}


def with_step(**changes) -> dict:
    return rules(steps=[step(**changes)])


def with_input(**changes) -> dict:
    item = {**INTEGER, **changes}
    return rules(inputs=[{key: value for key, value in item.items() if value is not None}, BOOLEAN])


OFFSET_VALUE = "step a: days must be a whole number, {fact: ID} or {input: NAME} naming an input"
TABLE = "step a: table must map whole numbers to whole numbers, or be {fact: ID, key: K}"
CONDITION = "step a: only_if antal must be {min: N} and/or {max: N}"
BOUNDS = "step a: only_if antal bounds must be whole numbers or {fact: ID}"
FACT_FIELDS = "days of step a: add must be a whole number and negate true or false"

BROKEN = [
    # the file
    ("not a mapping", ["title", "steps"], "expected a mapping with title, summary, start_label, inputs and steps"),
    ("two unknown fields, sorted", rules(titel="T", anteckning="N"), "unknown field anteckning, titel in the file"),
    ("a number among the unknown fields", {**rules(), 7: "x", "b": "y"}, "unknown field 7, b in the file"),
    ("no title", rules(title=None), "title in the file must be a non-empty text"),
    ("blank summary", rules(summary="  "), "summary in the file must be a non-empty text"),
    ("start_label a number", rules(start_label=5), "start_label in the file must be a non-empty text"),
    ("inputs a mapping", rules(inputs={"antal": INTEGER}), "inputs must be a list"),
    ("steps a text", rules(steps="a"), "steps must be a list"),
    ("no steps", rules(steps=None), "a process needs at least one step"),
    ("empty steps", rules(steps=[]), "a process needs at least one step"),
    ("two inputs of one name", rules(inputs=[INTEGER, INTEGER]), "input names must be unique and not 'start'"),
    ("an input named start", with_input(name="start"), "input names must be unique and not 'start'"),
    # an input
    ("an input not a mapping", rules(inputs=["antal"]), "every input must be a mapping"),
    ("unknown field in an input", with_input(default=1), "unknown field default in an input"),
    ("input without a name", with_input(name=None), "input name None must be lowercase letters, digits and _"),
    (
        "input name with a capital",
        with_input(name="Antal"),
        "input name 'Antal' must be lowercase letters, digits and _",
    ),
    (
        "input name starting with a digit",
        with_input(name="2a"),
        "input name '2a' must be lowercase letters, digits and _",
    ),
    (
        "input name with a hyphen",
        with_input(name="an-tal"),
        "input name 'an-tal' must be lowercase letters, digits and _",
    ),
    (
        "input name ending in a line break",
        with_input(name="antal\n"),
        "input name 'antal\\n' must be lowercase letters, digits and _",
    ),
    ("input without a type", with_input(type=None), "input antal: type must be one of boolean, integer"),
    ("input type text", with_input(type="text"), "input antal: type must be one of boolean, integer"),
    ("input type a list", with_input(type=["integer"]), "input antal: type must be one of boolean, integer"),
    ("min a text", with_input(min="0"), "input antal: min must be a whole number"),
    ("max a fraction", with_input(max=1.5), "input antal: max must be a whole number"),
    ("min true", with_input(min=True), "input antal: min must be a whole number"),
    ("max on a boolean input", with_input(type="boolean", max=1), "input antal: max is only for integer inputs"),
    ("min on a boolean input", with_input(type="boolean", min=0), "input antal: min is only for integer inputs"),
    ("min above max", with_input(min=5, max=4), "input antal: min is above max"),
    ("input without a label", with_input(label=None), "label in input antal must be a non-empty text"),
    # a step
    ("a step not a mapping", rules(steps=["a"]), "every step must be a mapping"),
    ("unknown field in a step", with_step(date="2026-01-01"), "unknown field date in a step"),
    ("step without an id", with_step(id=None), "step id None must be lowercase letters, digits and -"),
    ("step id with a capital", with_step(id="A"), "step id 'A' must be lowercase letters, digits and -"),
    ("step id starting with a hyphen", with_step(id="-a"), "step id '-a' must be lowercase letters, digits and -"),
    ("step id with an underscore", with_step(id="a_b"), "step id 'a_b' must be lowercase letters, digits and -"),
    ("step id ending in a line break", with_step(id="a\n"), "step id 'a\\n' must be lowercase letters, digits and -"),
    ("step id twice", rules(steps=[step(), step()]), "step id a is used twice"),
    ("step without a kind", with_step(kind=None), "step a: kind must be one of deadline, fact, task"),
    ("unknown kind", with_step(kind="soon"), "step a: kind must be one of deadline, fact, task"),
    ("kind a list", with_step(kind=["task"]), "step a: kind must be one of deadline, fact, task"),
    ("from a step below", rules(steps=[step(from_="b"), step(id="b")]), "step a: from must name a step above it"),
    ("from itself", with_step(from_="a"), "step a: from must name a step above it"),
    ("from a list", rules(steps=[step(), step(id="b", from_=["a"])]), "step b: from must name a step above it"),
    ("guides a text", with_step(guides="en-guide"), "step a: guides must be a list of guide slugs"),
    (
        "guide slug with a capital",
        with_step(guides=["en-guide", "En-guide"]),
        "step a: guides must be a list of guide slugs",
    ),
    ("guide slug a number", with_step(guides=[7]), "step a: guides must be a list of guide slugs"),
    (
        "guide slug ending in a line break",
        with_step(guides=["en-guide\n"]),
        "step a: guides must be a list of guide slugs",
    ),
    ("step without when", with_step(when=None), "when in step a must be a non-empty text"),
    ("blank title", with_step(title=" "), "title in step a must be a non-empty text"),
    ("text a list", with_step(text=["x"]), "text in step a must be a non-empty text"),
    ("unknown placeholder in text", with_step(text="Lön: {lon}"), "step a: unknown placeholder {lon}"),
    ("unknown placeholder in when", with_step(when="Dag {dag}"), "step a: unknown placeholder {dag}"),
    # its offset
    ("no offset", with_step(offset=None), "step a: offset must be a mapping such as {days: 7}"),
    ("empty offset", with_step(offset={}), "step a: offset must be a mapping such as {days: 7}"),
    ("offset a number", with_step(offset=7), "step a: offset must be a mapping such as {days: 7}"),
    ("offset in hours", with_step(offset={"hours": 1}), "unknown field hours in the offset of step a"),
    ("days a text", with_step(offset={"days": "7"}), OFFSET_VALUE),
    (
        "a unit after a whole number",
        with_step(offset={"weeks": 1, "days": "7"}),
        OFFSET_VALUE,
    ),
    (
        "a unit after a fact number",
        with_step(offset={"weeks": {"fact": "f"}, "days": "7"}),
        OFFSET_VALUE,
    ),
    ("days true", with_step(offset={"days": True}), OFFSET_VALUE),
    ("days from an unknown input", with_step(offset={"days": {"input": "lon"}}), OFFSET_VALUE),
    ("days from a list of inputs", with_step(offset={"days": {"input": ["antal"]}}), OFFSET_VALUE),
    (
        "months from a boolean input",
        with_step(offset={"months": {"input": "flagga"}}),
        "step a: months can only depend on an integer input",
    ),
    (
        "unknown field beside input",
        with_step(offset={"days": {"input": "antal", "tabell": {0: 1}}}),
        "unknown field tabell in the offset of step a",
    ),
    (
        "negate a text",
        with_step(offset={"days": {"input": "antal", "negate": "ja"}}),
        "step a: negate must be true or false",
    ),
    ("empty table", with_step(offset={"days": {"input": "antal", "table": {}}}), TABLE),
    ("table a list", with_step(offset={"days": {"input": "antal", "table": [1, 2]}}), TABLE),
    ("table key a text", with_step(offset={"days": {"input": "antal", "table": {0: 1, "2": 2}}}), TABLE),
    ("table value a text", with_step(offset={"days": {"input": "antal", "table": {0: 1, 2: "2"}}}), TABLE),
    ("table value true", with_step(offset={"days": {"input": "antal", "table": {0: True}}}), TABLE),
    ("table key true", with_step(offset={"days": {"input": "antal", "table": {True: 1}}}), TABLE),
    (
        "table fact key a number",
        with_step(offset={"days": {"input": "antal", "table": {"fact": "f", "key": 1}}}),
        "the table of step a: fact and key must be names",
    ),
    (
        "unknown field in a fact number",
        with_step(offset={"days": {"fact": "f", "nyckel": "k"}}),
        "unknown field nyckel in days of step a",
    ),
    ("fact a number", with_step(offset={"days": {"fact": 7}}), "days of step a: fact and key must be names"),
    (
        "fact key a number",
        with_step(offset={"days": {"fact": "f", "key": 7}}),
        "days of step a: fact and key must be names",
    ),
    ("fact add a text", with_step(offset={"days": {"fact": "f", "add": "1"}}), FACT_FIELDS),
    ("fact add true", with_step(offset={"days": {"fact": "f", "add": True}}), FACT_FIELDS),
    ("fact negate a text", with_step(offset={"days": {"fact": "f", "negate": "ja"}}), FACT_FIELDS),
    # its condition
    ("only_if a list", with_step(only_if=["flagga"]), "step a: only_if must be a mapping of input: value"),
    ("only_if a text", with_step(only_if="flagga"), "step a: only_if must be a mapping of input: value"),
    ("only_if an unknown input", with_step(only_if={"lon": True}), "step a: only_if names unknown input lon"),
    ("boolean condition a text", with_step(only_if={"flagga": "ja"}), "step a: only_if flagga must be true or false"),
    ("boolean condition a number", with_step(only_if={"flagga": 1}), "step a: only_if flagga must be true or false"),
    ("integer condition a number", with_step(only_if={"antal": 5}), CONDITION),
    ("integer condition true", with_step(only_if={"antal": True}), CONDITION),
    ("integer condition empty", with_step(only_if={"antal": {}}), CONDITION),
    ("integer condition unknown bound", with_step(only_if={"antal": {"min": 1, "over": 2}}), CONDITION),
    ("bound a text", with_step(only_if={"antal": {"min": "1"}}), BOUNDS),
    ("bound true", with_step(only_if={"antal": {"min": 1, "max": True}}), BOUNDS),
    (
        "unknown field in a fact bound",
        with_step(only_if={"antal": {"min": {"fact": "f", "nyckel": "k"}}}),
        "unknown field nyckel in only_if antal of step a",
    ),
]


@pytest.mark.parametrize("data, reason", [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN])
def test_a_broken_rules_file_is_refused_with_exactly_what_is_wrong_and_where(data, reason):
    with pytest.raises(RulesError) as refusal:
        parse_process("test", data)
    assert str(refusal.value) == reason


def test_a_rules_file_using_every_field_is_read_into_the_process_it_describes():
    every_placeholder = "{years} {years_text} {months} {months_text} {weeks} {weeks_text} {days} {days_text} {day}"
    data = {
        "title": "  Ny\n  planerare ",
        "summary": "Fyll i\n  datumet.",
        "start_label": "Första dagen",
        "note": "  Kollektivavtal kan ge\nandra regler.  ",
        "inputs": [
            {"name": "antal_ar", "type": "integer", "label": "Antal\n år", "help": " Hela\n  år. ", "min": 0, "max": 0},
            {"name": "stor2", "type": "boolean", "label": "Stor?"},
        ],
        "steps": [
            {
                "id": "forst",
                "when": "Dag {day}",
                "title": "Först",
                "text": "{{fakta:sjuklon-period}} " + every_placeholder + " {antal_ar} {stor2}",
                "kind": "task",
                "offset": {"days": 0},
                "law": " 8 §\n  lagen ",
                "guides": ["en-guide", "guide-2"],
            },
            {
                "id": "2-sedan",
                "when": "{months_text} efter",
                "title": "Sedan",
                "text": "Text.",
                "kind": "deadline",
                "from": "forst",
                "offset": {
                    "years": {"input": "antal_ar"},
                    "months": {"input": "antal_ar", "table": {0: 1, 2: 2}, "negate": True},
                    "weeks": {"fact": "vecka-fakta", "key": "veckor", "add": -1, "negate": False},
                    "days": -3,
                },
                "only_if": {"stor2": False, "antal_ar": {"min": 0, "max": {"fact": "grans-fakta", "key": "max"}}},
            },
            {
                "id": "sist",
                "when": "Sist",
                "title": "Sist",
                "text": "Text.",
                "kind": "fact",
                "offset": {"days": {"input": "antal_ar", "table": {"fact": "tabell-fakta", "key": "t"}}},
                "only_if": {"antal_ar": {"max": 3}, "stor2": True},
            },
        ],
    }
    steps = data["steps"]
    assert parse_process("ny", data) == Process(
        key="ny",
        title="Ny planerare",
        summary="Fyll i datumet.",
        start_label="Första dagen",
        note="Kollektivavtal kan ge\nandra regler.",
        inputs=(
            ProcessInput("antal_ar", "integer", "Antal år", help="Hela år.", minimum=0, maximum=0),
            ProcessInput("stor2", "boolean", "Stor?"),
        ),
        steps=(
            Step(
                id="forst",
                when="Dag {day}",
                title="Först",
                text=steps[0]["text"],
                kind="task",
                offset={"days": 0},
                law="8 § lagen",
                guides=("en-guide", "guide-2"),
            ),
            Step(
                id="2-sedan",
                when="{months_text} efter",
                title="Sedan",
                text="Text.",
                kind="deadline",
                offset=steps[1]["offset"],
                anchor="forst",
                only_if=steps[1]["only_if"],
            ),
            Step(
                id="sist",
                when="Sist",
                title="Sist",
                text="Text.",
                kind="fact",
                offset=steps[2]["offset"],
                only_if=steps[2]["only_if"],
            ),
        ),
        fact_ids=frozenset({"sjuklon-period", "vecka-fakta", "grans-fakta", "tabell-fakta"}),
    )


def test_a_file_with_no_inputs_and_no_note_is_read_with_none():
    process = parse_process("kort", rules(inputs=None))
    assert process.inputs == () and process.note == "" and process.fact_ids == frozenset()
    assert process.steps[0].only_if == {} and process.steps[0].law == "" and process.steps[0].guides == ()


def test_a_rules_file_is_named_by_its_file_and_a_broken_one_names_the_file(tmp_path):
    good = tmp_path / "min-plan.yml"
    good.write_text(
        "title: T\nsummary: S\nstart_label: Start\nsteps:\n  - {id: a, when: Då, title: T, text: T, "
        "kind: task, offset: {days: 1}}\n",
        encoding="utf-8",
    )
    assert load_process_file(good).key == "min-plan"
    without_steps = tmp_path / "tom.yml"
    without_steps.write_text("title: T\n", encoding="utf-8")
    unreadable = tmp_path / "trasig.yml"
    unreadable.write_bytes(b"title: \xff\n")
    not_yaml = tmp_path / "fel.yml"
    not_yaml.write_text("title: [T\n", encoding="utf-8")
    reasons = {}
    for path in (without_steps, unreadable, not_yaml, tmp_path / "saknas.yml"):
        with pytest.raises(RulesError) as refusal:
            load_process_file(path)
        reasons[path.name] = str(refusal.value)
    assert reasons == {
        "tom.yml": "tom.yml: a process needs at least one step",
        "trasig.yml": "trasig.yml: cannot read (UnicodeDecodeError)",
        "fel.yml": "fel.yml: cannot read (ParserError)",
        "saknas.yml": "saknas.yml: cannot read (FileNotFoundError)",
    }


# -- the words of a plan ------------------------------------------------------------------


def test_counts_up_to_twelve_are_written_in_words_and_larger_ones_in_digits():
    assert [count_in_words(number, "days") for number in range(15)] == [
        "noll dagar", "en dag", "två dagar", "tre dagar", "fyra dagar", "fem dagar", "sex dagar", "sju dagar",
        "åtta dagar", "nio dagar", "tio dagar", "elva dagar", "tolv dagar", "13 dagar", "14 dagar",
    ]  # fmt: skip
    assert count_in_words(100, "months") == "100 månader"


@pytest.mark.parametrize(
    "number, unit, words",
    [
        (1, "years", "ett år"),  # år is neuter: ett, not en
        (2, "years", "två år"),
        (0, "years", "noll år"),
        (1, "months", "en månad"),
        (6, "months", "sex månader"),
        (1, "weeks", "en vecka"),
        (2, "weeks", "två veckor"),
        (1, "days", "en dag"),
    ],
)
def test_one_is_singular_and_ett_for_years_every_other_count_plural(number, unit, words):
    assert count_in_words(number, unit) == words


@pytest.mark.django_db
def test_a_steps_texts_fill_in_every_unit_in_numbers_and_words_the_day_and_the_answers():
    process = parse_process(
        "ord",
        rules(
            steps=[
                step(
                    when="{days_text} efter, dag {day}",
                    text="{years}/{years_text}, {months}/{months_text}, {weeks}/{weeks_text}, {days}/{days_text}; "
                    "{antal} {flagga}",
                    offset={
                        "years": 1,
                        "months": -2,
                        "weeks": {"input": "antal", "negate": True},
                        "days": {"input": "antal"},
                    },
                )
            ]
        ),
    )
    planned = make_plan(process, D(2026, 3, 10), {"antal": 3, "flagga": True}).steps[0]
    assert planned.when == "Tre dagar efter, dag 4"  # capitalised; the start is day 1
    assert planned.text == "1/ett år, 2/två månader, 3/tre veckor, 3/tre dagar; 3 True"  # counts without their sign
    # 10 March 2026 + 1 year − 2 months = 10 January 2027; − 3 weeks + 3 days = 23 December 2026
    assert planned.calendar_date == D(2026, 12, 23)


@pytest.mark.django_db
def test_units_an_offset_leaves_out_count_as_noll_and_day_counts_only_its_days():
    process = parse_process(
        "veckor", rules(steps=[step(text="{days} {days_text}, {years_text}, dag {day}", offset={"weeks": 1})])
    )
    assert make_plan(process, D(2026, 3, 2), {}).steps[0].text == "0 noll dagar, noll år, dag 1"


# -- dates and conditions ----------------------------------------------------------------


@pytest.fixture
def register(db):
    """A fact in the register that changed on 1 July 2026 (two weeks, then four), and one whose
    statement has braces in it."""

    def fact(fact_id, valid_from, valid_until=None, statement="Ett påstående.", value="ett värde", values=None):
        LegalFact.objects.create(
            fact_id=fact_id, statement=statement, value=value, values=values or {}, law="1 § lagen",
            url="https://example.se/", valid_from=valid_from, valid_until=valid_until,
        )  # fmt: skip

    fact("frist", D(2020, 1, 1), D(2026, 6, 30), value="två veckor", values={"veckor": 2, "min": 3, "t": {0: 1, 5: 3}})
    fact("frist", D(2026, 7, 1), value="fyra veckor", values={"veckor": 4, "min": 6, "t": {0: 2, 5: 6}})
    fact("brev", D(2020, 1, 1), statement="Skicka {blankett} i tid.")


def planned(process, start, **values) -> dict:
    return {step.step.id: step for step in make_plan(process, start, values).steps}


def test_a_plan_reads_the_register_as_it_stands_on_its_start_date(register):
    process = parse_process(
        "frister",
        rules(
            steps=[
                step(
                    when="Inom {{fakta:frist}}", text="{{fakta:frist:påstående}}",
                    offset={"weeks": {"fact": "frist", "key": "veckor"}},
                ),
                step(id="b", offset={"weeks": {"fact": "frist", "key": "veckor", "add": 1, "negate": True}}),
                step(id="c", offset={"days": {"input": "antal", "table": {"fact": "frist", "key": "t"}}}),
                step(id="d", offset={"days": 0}, only_if={"antal": {"min": {"fact": "frist", "key": "min"}}}),
            ]
        ),
    )  # fmt: skip
    march, august = D(2026, 3, 2), D(2026, 8, 3)
    before = planned(process, march, antal=5)
    assert before["a"].calendar_date == D(2026, 3, 16) and before["a"].when == "Inom två veckor (1 § lagen)"
    assert before["a"].text == "Ett påstående (1 § lagen)."
    assert before["b"].calendar_date == D(2026, 2, 9)  # −(2 + 1) weeks
    assert before["c"].calendar_date == D(2026, 3, 5) and "d" in before  # 3 days for 5; 5 ≥ 3
    after = planned(process, august, antal=5)
    assert after["a"].calendar_date == D(2026, 8, 31) and after["a"].when == "Inom fyra veckor (1 § lagen)"
    assert after["b"].calendar_date == D(2026, 6, 29)  # −(4 + 1) weeks
    assert after["c"].calendar_date == D(2026, 8, 9) and "d" not in after  # 6 days for 5; 5 < 6
    assert make_plan(process, august, {"antal": 5}).start == august


def test_braces_in_a_cited_fact_are_kept_as_written_not_read_as_placeholders(register):
    process = parse_process(
        "brev", rules(steps=[step(when="{{fakta:brev:påstående}}", text="Dag {day}: {{fakta:brev:påstående}}")])
    )
    step_planned = planned(process, D(2026, 3, 2))["a"]
    assert step_planned.when == "Skicka {blankett} i tid (1 § lagen)."
    assert step_planned.text == "Dag 2: Skicka {blankett} i tid (1 § lagen)."


CONDITIONS = rules(
    steps=[
        step(id="minst-5", only_if={"antal": {"min": 5}}),
        step(id="hogst-4", only_if={"antal": {"max": 4}}),
        step(id="3-till-10", only_if={"antal": {"min": 3, "max": 10}}),
        step(id="ja", only_if={"flagga": True}),
        step(id="nej", only_if={"flagga": False}),
        step(id="efter-ja", from_="ja", offset={"days": 1}),
        step(id="ja-och-minst-5", only_if={"flagga": True, "antal": {"min": 5}}),
    ]
)


@pytest.mark.parametrize(
    "values, steps",
    [
        ({"antal": 2, "flagga": True}, {"hogst-4", "ja", "efter-ja"}),
        ({"antal": 3, "flagga": False}, {"hogst-4", "3-till-10", "nej"}),
        ({"antal": 4}, {"hogst-4", "3-till-10", "nej"}),  # no answer to a yes-or-no question is a no
        ({"antal": 5}, {"minst-5", "3-till-10", "nej"}),
        ({"antal": 5, "flagga": True}, {"minst-5", "3-till-10", "ja", "efter-ja", "ja-och-minst-5"}),
        ({"antal": 10}, {"minst-5", "3-till-10", "nej"}),
        ({"antal": 11}, {"minst-5", "nej"}),
        ({"flagga": True}, {"ja", "efter-ja"}),  # no number: no step that asks for one
    ],
)
def test_a_step_is_planned_only_when_its_bounds_hold_both_included(db, values, steps):
    plan = make_plan(parse_process("villkor", CONDITIONS), D(2026, 3, 2), values)
    assert {planned.step.id for planned in plan.steps} == steps
    every = [item["id"] for item in CONDITIONS["steps"]]
    assert [step.id for step in plan.skipped] == [step_id for step_id in every if step_id not in steps]


def test_a_step_counts_from_the_day_of_the_step_it_follows_before_that_moves_and_plans_come_in_date_order(db):
    process = parse_process(
        "ordning",
        rules(
            steps=[
                step(id="sist", offset={"days": 30}),
                step(id="lordag", offset={"days": 5}),  # Saturday 7 March: a task moves to Monday 9 March
                step(id="efter", from_="lordag", offset={"days": 1}, kind="fact"),  # Sunday 8 March, from the 7th
            ]
        ),
    )
    plan = make_plan(process, D(2026, 3, 2), {})
    assert [(planned.step.id, planned.calendar_date, planned.date) for planned in plan.steps] == [
        ("efter", D(2026, 3, 8), D(2026, 3, 8)),
        ("lordag", D(2026, 3, 7), D(2026, 3, 9)),
        ("sist", D(2026, 4, 1), D(2026, 4, 1)),
    ]


def test_a_number_below_the_first_threshold_of_a_table_is_refused_naming_the_input(db):
    process = parse_process("tabell", rules(steps=[step(offset={"months": {"input": "antal", "table": {2: 1, 5: 2}}})]))
    assert planned(process, D(2026, 3, 2), antal=2)["a"].calendar_date == D(2026, 4, 2)
    with pytest.raises(RulesError) as refusal:
        make_plan(process, D(2026, 3, 2), {"antal": 1})
    assert str(refusal.value) == "no table entry for antal = 1"
