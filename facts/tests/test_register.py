"""The register of legal facts: its files, citations in guides and answers, planners, the admin."""

import datetime
import textwrap
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.test import override_settings

from facts.citations import FactTable, UnknownFact, check_citations
from facts.models import LegalFact
from facts.register import import_facts, read_register_file
from guides.exporter import LinkTargets, guide_source
from guides.importer import import_guides
from guides.models import GuidePage
from tools.processes import get_process, make_plan

SHIPPED = Path(__file__).resolve().parents[2] / "content" / "facts"
RIKSDAGEN = "https://www.riksdagen.se/sv/dokument-och-lagar/"


def fact_yaml(fact_id="plan-dag", value="senast dag 30", day=30, valid_from="2008-07-01", extra=""):
    return textwrap.dedent(f"""\
        - id: {fact_id}
          statement: Planen ska vara klar {value}.
          value: "{value}"
          values: {{day: {day}}}
          law: "30 kap. 6 § SFB"
          law_title: "Socialförsäkringsbalken (2010:110)"
          url: {RIKSDAGEN}
          valid_from: {valid_from}
          checked: 2026-12-06
        """) + extra


def register_folder(tmp_path, *files):
    folder = tmp_path / "facts"
    folder.mkdir(exist_ok=True)
    for number, text in enumerate(files):
        (folder / f"fil{number}.yml").write_text(text, encoding="utf-8")
    return folder


def guide_file(folder, name, body, categories='["Arbetsmiljö"]'):
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(
        "---\n"
        f'title: "{name}"\nsummary: "Ingress."\ncategories: {categories}\nsituations: []\n'
        'author: "Chefsguiders redaktion"\nupdated: 2026-12-06\nreviewed: 2026-12-06\n'
        "sources:\n  - title: \"Socialförsäkringsbalken\"\n    url: https://www.riksdagen.se/sfb/\n"
        f"---\n{body}",
        encoding="utf-8",
    )
    return path


def test_the_shipped_register_reads_and_every_fact_names_law_link_and_check():
    ids = set()
    for path in sorted(SHIPPED.glob("*.yml")):
        for fact in read_register_file(path):
            assert fact["law"] and fact["url"].startswith("https://"), fact["fact_id"]
            ids.add(fact["fact_id"])
    assert len(ids) >= 60


def test_a_broken_register_file_names_line_and_reason_and_writes_nothing(tmp_path, db):
    broken = fact_yaml("forsta") + fact_yaml("andra", extra="  bogus: 1\n")
    folder = register_folder(tmp_path, broken, fact_yaml("tredje"))
    report = import_facts(folder)
    assert [(Path(path).name, reason) for path, reason in report.failed] == [
        ("fil0.yml", "line 10: fact 'andra': unknown field bogus")
    ]
    assert list(LegalFact.objects.values_list("fact_id", flat=True)) == ["tredje"]


@pytest.mark.parametrize(
    "change, reason",
    [
        (("url: " + RIKSDAGEN, "url: http://example.com/"), "url must be an https address"),
        (("valid_from: 2008-07-01", "valid_from: i går"), "valid_from 'i går' is not a date"),
        (("values: {day: 30}", "values: {day: trettio}"), "values must map names to numbers"),
    ],
)
def test_bad_fields_are_refused(tmp_path, db, change, reason):
    folder = register_folder(tmp_path, fact_yaml().replace(*change))
    report = import_facts(folder)
    assert reason in report.failed[0][1] and report.failed[0][1].startswith("line 1:")
    assert not LegalFact.objects.exists()


def test_one_id_in_two_files_fails_the_later_file(tmp_path, db):
    folder = register_folder(tmp_path, fact_yaml("samma"), fact_yaml("samma", value="senast dag 40"))
    report = import_facts(folder)
    assert report.failed == [(str(folder / "fil1.yml"), "fact 'samma' is already in fil0.yml")]
    assert LegalFact.objects.get().value == "senast dag 30"


def test_import_is_idempotent_and_updates_changed_facts(tmp_path, db):
    folder = register_folder(tmp_path, fact_yaml())
    assert len(import_facts(folder).created) == 1
    assert len(import_facts(folder).unchanged) == 1
    (folder / "fil0.yml").write_text(fact_yaml(value="senast dag 31"), encoding="utf-8")
    assert len(import_facts(folder).updated) == 1
    assert LegalFact.objects.get().value == "senast dag 31"


def test_import_facts_command_fails_loudly(tmp_path, db):
    folder = register_folder(tmp_path, "- id: Fel\n")
    with pytest.raises(CommandError):
        call_command("import_facts", str(folder))


def test_unknown_fact_id_fails_the_guide_file_with_its_line_and_writes_nothing(tmp_path, catalogue):
    import_facts(register_folder(tmp_path, fact_yaml()))
    folder = tmp_path / "guides"
    guide_file(folder, "bra", "Planen ska vara klar {{fakta:plan-dag}}.\n\n[Mer](/guider/fel/)\n")
    guide_file(folder, "fel", "Första raden.\n\nAndra raden nämner {{fakta:finns-inte}}.\n")
    report = import_guides(folder)
    assert [(Path(path).name, reason) for path, reason in report.failed] == [
        ("fel.md", "line 15: unknown fact 'finns-inte' (not in the register, content/facts/)"),
        ("bra.md", "links to unknown guide fel"),
    ]
    assert not GuidePage.objects.filter(slug__in=["bra", "fel"]).exists()


def test_unknown_fact_id_fails_an_expert_answer_too(tmp_path, db):
    from experts.importer import import_experts

    folder = tmp_path / "experts"
    folder.mkdir()
    (folder / "svar.md").write_text(
        '---\ntitle: "Fråga"\narea: "Arbetsmiljö"\nquestion: |\n  Hur gör jag?\n  Chef i Umeå\n'
        'expert: "Chefsguiders redaktion"\nexpert_role: "Redaktionen"\ndate: 2026-12-01\n---\n'
        "Svaret är {{fakta:finns-inte}}.\n",
        encoding="utf-8",
    )
    report = import_experts(folder)
    reason = "line 11: unknown fact 'finns-inte' (not in the register, content/facts/)"
    assert report.failed == [(str(folder / "svar.md"), reason)]


def test_check_citations_counts_lines_within_the_text():
    with pytest.raises(UnknownFact) as error:
        check_citations("ett\n{{fakta:a}}\n{{fakta:b}}", {"a"})
    assert (error.value.fact_id, error.value.line) == ("b", 3)


def test_a_cited_fact_renders_with_its_law_and_the_page_lists_its_source(tmp_path, client, catalogue):
    import_facts(register_folder(tmp_path, fact_yaml()))
    body = "Planen ska vara klar {{fakta:plan-dag}}.\n\n- {{fakta:plan-dag:påstående}}\n"
    guide_file(tmp_path / "guides", "planen", body)
    assert not import_guides(tmp_path / "guides").failed
    html = client.get("/chefsguider/planen/").content.decode()
    assert (
        '<span class="fact" data-fact="plan-dag">senast dag 30</span> '
        '<a class="fact__law" href="#kalla-plan-dag">(30 kap. 6 § SFB)</a>'
    ) in html
    assert "Planen ska vara klar senast dag 30." in html
    sources = html.split('id="kallor"')[1]
    law = "30 kap. 6 § SFB, Socialförsäkringsbalken (2010:110)"
    assert f'<li id="kalla-plan-dag"><a href="{RIKSDAGEN}">{law}</a>' in sources
    assert '<a href="https://www.riksdagen.se/sfb/">Socialförsäkringsbalken</a>' in sources
    assert "{{fakta" not in html


def test_a_changed_fact_changes_every_page_that_cites_it(tmp_path, client, catalogue):
    import_facts(register_folder(tmp_path, fact_yaml()))
    guide_file(tmp_path / "guides", "planen", "Klar {{fakta:plan-dag}}.\n")
    import_guides(tmp_path / "guides")
    assert 'data-fact="plan-dag">senast dag 30<' in client.get("/chefsguider/planen/").content.decode()
    fact = LegalFact.objects.get(fact_id="plan-dag")
    fact.value = "senast dag 45"
    fact.save()  # through the model, as the admin does: the save invalidates cached pages
    html = client.get("/chefsguider/planen/").content.decode()
    assert 'data-fact="plan-dag">senast dag 45<' in html and 'data-fact="plan-dag">senast dag 30<' not in html


def test_a_rule_not_yet_in_force_is_labelled_with_its_date(tmp_path, client, catalogue):
    current = fact_yaml("ny-regel").replace("checked:", "valid_until: 2027-06-30\n  checked:")
    future = fact_yaml("ny-regel", value="senast dag 20", valid_from="2027-07-01")
    assert not import_facts(register_folder(tmp_path, current + future)).failed
    table = FactTable(["ny-regel"], day=datetime.date(2026, 12, 6))
    assert table.plain("{{fakta:ny-regel}}") == "senast dag 30 (30 kap. 6 § SFB)"
    table = FactTable(["ny-regel"], day=datetime.date(2027, 7, 1))
    assert table.plain("{{fakta:ny-regel}}") == "senast dag 20 (30 kap. 6 § SFB)"


def test_a_future_only_fact_reads_from_its_date(tmp_path, db):
    import_facts(register_folder(tmp_path, fact_yaml("kommande", valid_from="2027-07-01")))
    table = FactTable(["kommande"], day=datetime.date(2026, 12, 6))
    assert table.plain("{{fakta:kommande}}") == "senast dag 30 (från 1 juli 2027, 30 kap. 6 § SFB)"
    assert table.plain("{{fakta:kommande:påstående}}") == (
        "Från 1 juli 2027: Planen ska vara klar senast dag 30 (30 kap. 6 § SFB)."  # the law inside the sentence
    )


def test_a_proposal_is_never_shown_as_law(tmp_path, db):
    text = fact_yaml("forslag").replace("checked:", "status: förslag\n  proposed: 2026-01-15\n  checked:")
    import_facts(register_folder(tmp_path, text))
    table = FactTable(["forslag"], day=datetime.date(2026, 12, 6))
    assert table.plain("{{fakta:forslag:påstående}}").startswith("Förslag, januari 2026: ")


def test_a_planner_date_follows_its_fact(tmp_path, db):
    process = get_process("sjukskrivning")
    start = datetime.date(2027, 3, 1)  # a Monday

    def plan_day():
        plan = make_plan(process, start, {"minst_60_dagar": True})
        return next(step for step in plan.steps if step.step.id == "plan-for-atergang")

    assert plan_day().calendar_date == start + datetime.timedelta(days=29)
    assert plan_day().when == "Senast dag 30"
    folder = tmp_path / "temporary-register"  # the shipped register with one fact changed
    folder.mkdir()
    for path in SHIPPED.glob("*.yml"):
        facts = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for fact in facts:
            if fact["id"] == "plan-for-atergang-dag-30":
                fact.update(value="senast dag 40", values={"day": 40, "min_days": 60},
                            statement=fact["statement"].replace("dag 30", "dag 40"))
        (folder / path.name).write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
    with override_settings(FACTS_DIR=folder):
        step = plan_day()
    assert step.calendar_date == start + datetime.timedelta(days=39)
    assert step.when == "Senast dag 40" and "senast dag 40" in step.text
    import_facts(register_folder(tmp_path, fact_yaml("plan-for-atergang-dag-30", day=35, value="senast dag 35")))
    assert plan_day().calendar_date == start + datetime.timedelta(days=34)  # the editors' register wins


def test_export_round_trips_citations(tmp_path, catalogue):
    import_facts(register_folder(tmp_path, fact_yaml()))
    path = guide_file(tmp_path / "guides", "planen", "Klar {{fakta:plan-dag}} och {{fakta:plan-dag:påstående}}\n")
    import_guides(tmp_path / "guides")
    guide = GuidePage.objects.get(slug="planen")
    text = guide_source(guide, LinkTargets({guide.pk: "planen"}))
    assert "Klar {{fakta:plan-dag}} och {{fakta:plan-dag:påstående}}" in text
    assert "reviewed: 2026-12-06" in text and "url: https://www.riksdagen.se/sfb/" in text
    path.write_text(text, encoding="utf-8")
    assert import_guides(tmp_path / "guides").unchanged == [str(path)]


def test_a_number_of_a_fact_can_stand_alone_and_an_unknown_number_is_refused(tmp_path, db):
    import_facts(register_folder(tmp_path, fact_yaml("plan-dag")))
    assert FactTable(["plan-dag"]).plain("dag {{fakta:plan-dag:day}}") == "dag 30"
    assert FactTable(["plan-dag"]).html("{{fakta:plan-dag:day}}") == '<span class="fact" data-fact="plan-dag">30</span>'
    with pytest.raises(UnknownFact, match="has no number 'age'"):
        check_citations("{{fakta:plan-dag:age}}", {"plan-dag": {"day"}})
