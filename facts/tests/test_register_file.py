"""Reading one register file: every refusal with its exact line and reason, and what a fact's
fields become. No database: the file is the register's source of truth (content/facts/README.md)."""

import datetime

import pytest

from facts.models import CURRENT, PROPOSAL, LegalFact
from facts.register import (
    RegisterError,
    import_facts,
    known_fact_ids,
    read_date,
    read_register,
    read_register_file,
    read_text,
)

URL = "https://www.riksdagen.se/sv/dokument-och-lagar/"
FIELDS = {
    "id": "plan-dag",
    "statement": "Planen ska vara klar senast dag 30.",
    "value": "senast dag 30",
    "law": "30 kap. 6 § SFB",
    "url": URL,
    "valid_from": "2008-07-01",
}


def yaml_fact(**changes) -> str:
    """One fact as YAML text, with fields changed (None leaves a field out; text is written as is)."""
    fields = {**FIELDS, **changes}
    lines = [f"{name}: {value}" for name, value in fields.items() if value is not None]
    return "- " + "\n  ".join(lines) + "\n"


def read(tmp_path, text: str | bytes, name="fakta.yml"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_register_file(path)


def refusal(tmp_path, text) -> str:
    with pytest.raises(RegisterError) as error:
        read(tmp_path, text)
    return str(error.value)


def test_a_fact_reads_into_the_models_fields(tmp_path):
    (fact,) = read(
        tmp_path,
        yaml_fact(
            statement="'  Planen   ska vara\n    klar.  '",
            value="'  senast dag 30 '",
            law="' 30 kap. 6 § SFB '",
            law_title="' Socialförsäkringsbalken '",
            values="{day: 30, 60: 2, table: {1: 2.5, 3: 4}}",
            valid_until="2030-06-30",
            status=PROPOSAL,
            proposed="2026-01-15",
            checked="2026-12-06",
            review_months=6,
        ),
    )
    assert fact == {
        "fact_id": "plan-dag",
        "statement": "Planen ska vara klar.",
        "value": "senast dag 30",
        "values": {"day": 30, "60": 2, "table": {1: 2.5, 3: 4}},
        "law": "30 kap. 6 § SFB",
        "law_title": "Socialförsäkringsbalken",
        "url": URL,
        "valid_from": datetime.date(2008, 7, 1),
        "valid_until": datetime.date(2030, 6, 30),
        "status": PROPOSAL,
        "proposed": datetime.date(2026, 1, 15),
        "checked": datetime.date(2026, 12, 6),
        "review_months": 6,
    }


def test_optional_fields_have_their_defaults(tmp_path):
    (fact,) = read(tmp_path, yaml_fact())
    assert (fact["values"], fact["law_title"], fact["status"], fact["review_months"]) == ({}, "", CURRENT, 12)
    assert (fact["valid_until"], fact["proposed"], fact["checked"]) == (None, None, None)
    (fact,) = read(tmp_path, yaml_fact(checked="''", status="''", values="{}"))
    assert (fact["checked"], fact["status"], fact["values"]) == (None, CURRENT, {})


def test_an_empty_file_has_no_facts(tmp_path):
    assert read(tmp_path, "") == []
    assert read(tmp_path, "# bara en kommentar\n") == []


@pytest.mark.parametrize(
    "text, reason",
    [
        (b"- id: \xff\xfe\n", "file is not UTF-8 text"),
        ("- id: a\n  statement: [\n  value: x\n", "line 4: not valid YAML"),
        ("- id: a\x07\n", "line ?: not valid YAML"),  # a control character: YAML's reader has no line
        ("id: a\n", "line 1: the file must be a list of facts"),
        (yaml_fact() + "- bara text\n", "line 7: every fact must be a mapping of field: value"),
        (yaml_fact(law=None, url=None), "line 1: fact 'plan-dag' lacks law, url"),
        (yaml_fact(id=None), "line 1: fact '?' lacks id"),
        (yaml_fact(zeta=1, alfa=2), "line 1: fact 'plan-dag': unknown field alfa, zeta"),
        (yaml_fact() + yaml_fact(), "line 7: fact 'plan-dag' from 2008-07-01 appears twice"),
    ],
)
def test_a_broken_file_names_its_line_and_reason(tmp_path, text, reason):
    assert refusal(tmp_path, text) == reason


@pytest.mark.parametrize("fact_id", ["Plan-dag", "-plan", "plan_dag", "plan dag", "123", "a" * 81, "'plan\n'"])
def test_an_id_must_be_lowercase_letters_digits_and_dashes(tmp_path, fact_id):
    assert refusal(tmp_path, yaml_fact(id=fact_id)).startswith("line 1: id ")
    assert refusal(tmp_path, yaml_fact(id=fact_id)).endswith(" must be lowercase a-z, 0-9 and -")


def test_an_id_of_80_characters_starting_with_a_digit_is_allowed(tmp_path):
    assert read(tmp_path, yaml_fact(id="9" + "a" * 79))[0]["fact_id"] == "9" + "a" * 79


@pytest.mark.parametrize("name", ["statement", "value", "law"])
@pytest.mark.parametrize("bad", ["''", "'   '", "12", "[a]"])
def test_statement_value_and_law_must_be_non_empty_texts(tmp_path, name, bad):
    reason = f"line 1: fact 'plan-dag': {name} must be a non-empty text"
    assert refusal(tmp_path, yaml_fact(**{name: bad})) == reason


@pytest.mark.parametrize(
    "url",
    ["http://www.riksdagen.se/", "https://riksdagen", "https://www..se/", "ftp://www.riksdagen.se/", "12",
     "https://www.riksdagen.se?sfs=1", " https://www.riksdagen.se/"],
)  # fmt: skip
def test_the_url_must_be_an_https_address(tmp_path, url):
    reason = "line 1: fact 'plan-dag': url must be an https address of the official text"
    assert refusal(tmp_path, yaml_fact(url=f"'{url}'")) == reason


@pytest.mark.parametrize("url", ["https://www.riksdagen.se", "https://av.se/arbetsmiljoarbete/", "https://a-b.c9.se/x"])
def test_official_addresses_are_accepted(tmp_path, url):
    assert read(tmp_path, yaml_fact(url=url))[0]["url"] == url


@pytest.mark.parametrize(
    "values",
    ["[30]", "{day: true}", "{day: '30'}", "{day: {}}", "{day: {a: 1}}", "{day: {1: true}}", "{day: {1: '2'}}",
     "{day: [1]}", "'30'"],
)  # fmt: skip
def test_values_must_be_numbers_or_tables_of_numbers(tmp_path, values):
    reason = "line 1: fact 'plan-dag': values must map names to numbers or to threshold: number tables"
    assert refusal(tmp_path, yaml_fact(values=values)) == reason


def test_values_may_be_decimals_and_tables(tmp_path):
    (fact,) = read(tmp_path, yaml_fact(values="{rate: 0.8, months_by_years: {0: 1, 2: 2}}"))
    assert fact["values"] == {"rate": 0.8, "months_by_years": {0: 1, 2: 2}}


def test_the_status_must_be_current_or_proposal(tmp_path):
    reason = f"line 1: fact 'plan-dag': status must be {CURRENT} or {PROPOSAL}"
    assert refusal(tmp_path, yaml_fact(status="upphävd")) == reason
    assert read(tmp_path, yaml_fact(status=CURRENT))[0]["status"] == CURRENT


@pytest.mark.parametrize("name", ["valid_from", "valid_until", "proposed", "checked"])
def test_a_date_that_is_not_one_is_refused_naming_the_field(tmp_path, name):
    reason = f"line 1: fact 'plan-dag': {name} '2024-13-01' is not a date (YYYY-MM-DD)"
    assert refusal(tmp_path, yaml_fact(**{name: "'2024-13-01'"})) == reason


def test_valid_from_is_required_to_be_a_date_even_when_empty(tmp_path):
    assert refusal(tmp_path, yaml_fact(valid_from="''")) == (
        "line 1: fact 'plan-dag': valid_from '' is not a date (YYYY-MM-DD)"
    )


def test_a_rule_may_end_the_day_it_starts_but_not_before(tmp_path):
    assert read(tmp_path, yaml_fact(valid_until="2008-07-01"))[0]["valid_until"] == datetime.date(2008, 7, 1)
    assert refusal(tmp_path, yaml_fact(valid_until="2008-06-30")) == (
        "line 1: fact 'plan-dag': valid_until is before valid_from"
    )


@pytest.mark.parametrize("months, accepted", [(1, True), (60, True), (0, None), (61, False), ("'12'", False),
                                              ("true", False), ("1.5", False)])  # fmt: skip
def test_review_months_is_a_whole_number_from_1_to_60(tmp_path, months, accepted):
    text = yaml_fact(review_months=months)
    if accepted is None:  # 0 and an empty value mean "not given": the default
        assert read(tmp_path, text)[0]["review_months"] == 12
    elif accepted:
        assert read(tmp_path, text)[0]["review_months"] == months
    else:
        assert refusal(tmp_path, text) == "line 1: fact 'plan-dag': review_months must be a whole number from 1 to 60"


def test_one_id_may_have_two_versions_from_different_dates(tmp_path):
    facts = read(tmp_path, yaml_fact(valid_until="2026-06-30") + yaml_fact(valid_from="2026-07-01"))
    assert [(f["fact_id"], f["valid_from"]) for f in facts] == [
        ("plan-dag", datetime.date(2008, 7, 1)),
        ("plan-dag", datetime.date(2026, 7, 1)),
    ]


def test_the_register_reads_every_file_and_fails_the_later_of_two_with_one_id(tmp_path):
    folder = tmp_path / "facts"
    folder.mkdir()
    (folder / "a.yml").write_text(yaml_fact(), encoding="utf-8")
    (folder / "b.yml").write_text(yaml_fact(id="annan") + yaml_fact(valid_from="2020-01-01"), encoding="utf-8")
    (folder / "c.yml").write_text("inte: en lista\n", encoding="utf-8")
    (folder / "d.txt").write_text("- id: ignoreras\n", encoding="utf-8")
    readable, failed = read_register(folder)
    assert list(readable) == [str(folder / "a.yml")]
    assert failed == [
        (str(folder / "b.yml"), "fact 'plan-dag' is already in a.yml"),
        (str(folder / "c.yml"), "line 1: the file must be a list of facts"),
    ]


def test_read_text_strips_and_names_the_field_when_empty_or_too_long():
    assert read_text("  Lön  ", "title", 3) == "Lön"
    assert read_text("x" * 500, "title") == "x" * 500
    for value in ("", "   ", None, 12):
        with pytest.raises(ValueError, match=r"^title must be a non-empty text$"):
            read_text(value, "title")
    with pytest.raises(ValueError, match=r"^title is longer than 3 characters$"):
        read_text(" Lönn ", "title", 3)


def test_read_date_takes_dates_datetimes_and_iso_text():
    assert read_date(datetime.datetime(2026, 12, 6, 15, 30)) == datetime.date(2026, 12, 6)
    assert read_date(datetime.date(2026, 12, 6)) == datetime.date(2026, 12, 6)
    assert read_date("2026-12-06") == datetime.date(2026, 12, 6)
    with pytest.raises(ValueError):
        read_date("6 december 2026")


@pytest.mark.django_db
def test_facts_of_one_date_but_different_ids_are_imported_apart_and_reported_by_file(tmp_path):
    folder = tmp_path / "facts"
    folder.mkdir()
    path = folder / "a.yml"
    path.write_text(yaml_fact() + yaml_fact(id="annan", value="annat"), encoding="utf-8")
    assert import_facts(folder).created == [str(path)]
    assert dict(LegalFact.objects.values_list("fact_id", "value")) == {"plan-dag": "senast dag 30", "annan": "annat"}
    report = import_facts(folder)
    assert (report.created, report.updated, report.unchanged) == ([], [], [str(path)])


@pytest.mark.django_db
def test_the_ids_a_text_may_cite_come_with_their_number_keys_from_the_database_and_the_files(tmp_path, settings):
    folder = tmp_path / "facts"
    folder.mkdir()
    (folder / "a.yml").write_text(yaml_fact(id="i-filen", values="{day: 30}"), encoding="utf-8")
    settings.FACTS_DIR = folder
    LegalFact.objects.create(
        fact_id="bara-i-databasen", statement="S.", value="v", values={"months": 6}, law="L", url=URL,
        valid_from=datetime.date(2020, 1, 1),
    )  # fmt: skip
    assert known_fact_ids() == {"i-filen": {"day"}, "bara-i-databasen": {"months"}}
