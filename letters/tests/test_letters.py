"""The letter library: every starter letter filled in and downloaded as .docx and PDF, the planner's
dates carried into a letter, the register's facts in the text, and bad input refused in Swedish."""

import datetime
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import formats

from facts.citations import FactTable
from letters.tests.conftest import LETTERS_DIR, STARTER_SLUGS, answers

pytestmark = pytest.mark.django_db

#: What each letter must say besides the manager's answers (the facts it cites come on top).
MANDATORY = {
    "uppsagning-arbetsbrist": ["uppsagd", "arbetsbrist", "företrädesrätt", "förklaras ogiltig", "skadestånd"],
    "uppsagning-personliga-skal": ["personligen", "inte företrädesrätt", "förklaras ogiltig", "skadestånd"],
    "varsel-arbetsformedlingen": ["Arbetsförmedlingen", "driftsinskränkning", "1 och 2 §§"],
    "kallelse-till-forhandling": ["förhandling", "13 § MBL", "15 § andra stycket MBL"],
    "underrattelse-personliga-skal": ["överläggning", "30 § första stycket LAS"],
    "plan-for-atergang": ["Åtgärder", "Uppföljning", "30 kap. 6 § SFB"],
    "provanstallning-avslutas": ["provanställning", "31 § LAS"],
    "besked-las-aldern": ["69 år", "33–33 b §§ LAS", "inte företrädesrätt"],
    "bekraftelse-ledighet": ["ledighet", "Från och med", "Till och med"],
}


def expected_words(letter, data) -> list[str]:
    """The filled-in answers as the letter writes them, and the values of the facts it cites
    (those of lines kept with every box ticked and every field filled in)."""
    found = []
    for item in letter.letter_fields.all():
        value = data[item.name]
        if item.field_type == "date":
            found.append(formats.date_format(datetime.date.fromisoformat(value), "j F Y"))
        elif item.field_type != "checkbox":
            found.append(value)
    facts = FactTable.for_text(letter.body)
    for line in letter.body.splitlines():
        if "[[om-inte:" in line:
            continue
        for match in re.finditer(r"\{\{fakta:([a-z0-9-]+)\}\}", line):
            fact = facts.get(match.group(1))
            found += [fact.value, fact.law]
    return found


def test_the_starter_letters_are_all_there(letters):
    pages = letters.all()
    assert sorted(pages) == sorted(STARTER_SLUGS) == sorted(path.stem for path in LETTERS_DIR.glob("*.md"))
    for page in pages.values():
        assert page.url == f"/verktyg/brev/{page.slug}/"
        assert page.guide is not None


def test_a_second_import_changes_nothing(letters):
    from letters.importer import import_letters

    letters.all()
    report = import_letters(LETTERS_DIR)
    assert report.failed == [] and report.created == [] and report.updated == []
    assert len(report.unchanged) == len(STARTER_SLUGS)


@pytest.mark.parametrize("slug", STARTER_SLUGS)
def test_every_letter_downloads_as_docx_and_pdf_with_the_answers(client, letters, slug, docx_text, pdf_words):
    letter = letters[slug]
    data = answers(letter)
    page = client.get(letter.url)
    assert page.status_code == 200
    assert "sparas inte hos oss" in page.content.decode()

    word = client.post(f"{letter.url}word/", data)
    assert word["Content-Disposition"] == f'attachment; filename="{slug}.docx"'
    assert "no-store" in word["Cache-Control"]
    pdf = client.post(f"{letter.url}pdf/", data)
    assert "no-store" in pdf["Cache-Control"]
    for text in (docx_text(word), pdf_words(pdf)):
        for expected in expected_words(letter, data) + MANDATORY[slug]:
            assert expected in text, (slug, expected)
        assert "[[" not in text and "{{" not in text and "uppgiften saknas" not in text


def test_conditional_lines_follow_the_boxes(client, letters, docx_text):
    letter = letters["uppsagning-arbetsbrist"]
    data = answers(letter)
    with_right = docx_text(client.post(f"{letter.url}word/", data))
    assert "Du har företrädesrätt" in with_right and "Du har inte företrädesrätt" not in with_right
    del data["har_foretradesratt"], data["foretradesratt_till"], data["anmalan"]
    without = docx_text(client.post(f"{letter.url}word/", data))
    assert "Du har inte företrädesrätt" in without and "Du har företrädesrätt" not in without


def test_the_page_shows_the_letter_the_guidance_and_the_sources(client, letters):
    letter = letters["uppsagning-arbetsbrist"]
    html = client.get(letter.url).content.decode()
    assert "Vägledning" in html and "rekommenderat brev" in html
    assert f'href="{letter.guide.url}"' in html
    assert "Källor och lagar" in html and "40 § första stycket LAS" in html
    assert '<span class="letter__field">[Medarbetarens namn]</span>' in html
    assert 'action="/verktyg/brev/uppsagning-arbetsbrist/pdf/"' in html
    assert 'formaction="/verktyg/brev/uppsagning-arbetsbrist/word/"' in html


def test_the_library_and_the_tools_page_list_the_letters(client, letters):
    pages = letters.all()
    library = client.get("/verktyg/brev/").content.decode()
    for page in pages.values():
        assert f'href="{page.url}"' in library
    assert 'href="/verktyg/brev/"' in client.get("/verktyg/").content.decode()


def test_a_changed_fact_in_the_register_changes_the_letter(client, letters, docx_text):
    from facts.models import LegalFact

    call_command("import_facts", str(LETTERS_DIR.parent / "facts"))
    fact = LegalFact.objects.get(fact_id="ogiltighet-underrattelse")
    letter = letters["uppsagning-arbetsbrist"]
    before = docx_text(client.post(f"{letter.url}word/", answers(letter)))
    assert fact.value in before
    fact.value = "senast tjugo dagar efter uppsägningen"
    fact.save()
    after = docx_text(client.post(f"{letter.url}word/", answers(letter)))
    assert "senast tjugo dagar efter uppsägningen (40 § första stycket LAS)" in after


# -- from the planner ----------------------------------------------------------------------


def planner_forms(html: str) -> dict[str, dict]:
    """{letter address: hidden fields} of the letter buttons on a planner's page."""
    forms = {}
    for action, body in re.findall(r'<form method="post" action="([^"]+)" class="planner-letters__form">(.*?)</form>',
                                   html, re.S):
        forms[action] = {unescape(name): unescape(value)
                         for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', body)}
    return forms


def test_the_arbetsbrist_planner_hands_its_dates_to_the_letter(client, letters, docx_text):
    from tools.processes import get_process, make_plan

    letter = letters["uppsagning-arbetsbrist"]
    linked = {letters[slug].url for slug in ("varsel-arbetsformedlingen", "kallelse-till-forhandling")}
    plan_page = client.get("/verktyg/arbetsbrist/?start=2026-03-02&anstallningsar=5&berorda=30").content.decode()
    forms = planner_forms(plan_page)
    assert set(forms) >= linked | {letter.url}
    hidden = forms[letter.url]
    assert hidden["fran_planerare"] == "arbetsbrist" and "csrfmiddlewaretoken" in hidden
    assert "2026-03-02" not in plan_page.split("planner-letters")[0].split("<form")[0]  # only in the form

    plan = make_plan(get_process("arbetsbrist"), datetime.date(2026, 3, 2), {"anstallningsar": 5, "berorda": 30})
    dates = {planned.step.id: planned.date for planned in plan.steps}
    prefilled = client.post(letter.url, hidden)
    assert prefilled.status_code == 200 and "no-store" in prefilled["Cache-Control"]
    html = prefilled.content.decode()
    assert "Datumen kommer från planen" in html
    for name, step in (("uppsagningsdag", "besked"), ("sista_dag", "anstallningen-upphor"),
                       ("foretradesratt_till", "foretradesratt-upphor")):
        assert re.search(rf'name="{name}" value="{dates[step].isoformat()}"', html), name

    data = {**answers(letter), "uppsagningsdag": dates["besked"].isoformat(),
            "sista_dag": dates["anstallningen-upphor"].isoformat(),
            "foretradesratt_till": dates["foretradesratt-upphor"].isoformat()}
    text = docx_text(client.post(f"{letter.url}word/", data))
    for step in ("besked", "anstallningen-upphor", "foretradesratt-upphor"):
        assert formats.date_format(dates[step], "j F Y") in text


def test_odd_planner_posts_only_leave_fields_empty(client, letters):
    letter = letters["uppsagning-arbetsbrist"]
    response = client.post(letter.url, {"fran_planerare": "finns-inte", "steg:besked": "2026-02-30",
                                        "steg:anstallningen-upphor": "x" * 10_000})
    assert response.status_code == 200
    assert 'name="uppsagningsdag" value=' not in response.content.decode()


# -- bad input ------------------------------------------------------------------------------


def test_a_missing_field_gets_a_swedish_message_next_to_it(client, letters):
    letter = letters["uppsagning-arbetsbrist"]
    data = answers(letter)
    del data["medarbetare"]
    response = client.post(f"{letter.url}pdf/", data)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert '<p class="field__error" id="id_medarbetare_error">Fyll i det här fältet.</p>' in html
    assert "Något behöver rättas" in html


def test_a_last_day_before_the_notice_is_refused(client, letters):
    letter = letters["uppsagning-arbetsbrist"]
    data = {**answers(letter), "uppsagningsdag": "2026-05-04", "sista_dag": "2026-05-01"}
    response = client.post(f"{letter.url}word/", data)
    assert response.status_code == 400
    assert re.search(r'id="id_sista_dag_error">Datumet kan inte ligga före ”Dag då du lämnar beskedet” '
                     r"\(4 maj 2026\)", response.content.decode())


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"uppsagningsdag": "2026-02-30"}, "uppsagningsdag", "ÅÅÅÅ-MM-DD"),
        ({"uppsagningsdag": "1899-01-01"}, "uppsagningsdag", "mellan år 2000 och 2099"),
        ({"medarbetare": "x" * 100_000}, "medarbetare", "högst 200 tecken"),
        ({"anmalan": "y" * 5000}, "anmalan", "högst 4000 tecken"),
    ],
)
def test_odd_input_is_refused_with_a_reason(client, letters, changes, field, message):
    letter = letters["uppsagning-arbetsbrist"]
    response = client.post(f"{letter.url}word/", {**answers(letter), **changes})
    assert response.status_code == 400
    assert re.search(rf'id="id_{field}_error">[^<]*{re.escape(message)}', response.content.decode())


def test_control_characters_are_dropped_and_the_file_still_opens(client, letters, docx_text):
    letter = letters["varsel-arbetsformedlingen"]
    data = {**answers(letter), "arbetsgivare": "Bolag\x00\x07\x1b AB", "skal": "Rad ett\r\nRad två <b>&amp;</b>"}
    text = docx_text(client.post(f"{letter.url}word/", data))
    assert "Bolag AB" in text and "Rad ett Rad två <b>&amp;</b>" in text


def test_numbers_must_be_whole_and_not_negative(client, letters):
    letter = letters["varsel-arbetsformedlingen"]
    for value in ("-5", "3,5", "1" * 40):
        response = client.post(f"{letter.url}pdf/", {**answers(letter), "berorda": value})
        assert response.status_code == 400, value


def test_downloads_need_a_post_and_the_csrf_token(letters):
    letter = letters["plan-for-atergang"]
    client = Client(enforce_csrf_checks=True)
    assert client.get(f"{letter.url}word/").status_code == 302
    assert client.post(f"{letter.url}word/", answers(letter)).status_code == 403
    assert Client().put(letter.url).status_code == 405


# -- the source files and the admin -------------------------------------------------------


def write_letter(folder, text):
    (folder / "brev.md").write_text(text, encoding="utf-8")
    return folder


LETTER = """---
title: "Prov"
summary: "Ett prov."
updated: 2026-12-06
fields:
  - name: namn
    label: Namn
---
# Prov

Hej [[namn]].
{body}
=== Vägledning ===

Skicka det.
"""


@pytest.mark.parametrize(
    "body, reason",
    [
        ("Regeln gäller {{fakta:finns-inte}}.", "line 12: unknown fact 'finns-inte'"),
        ("Hej [[efternamn]].", "line 12: unknown field [[efternamn]]"),
    ],
)
def test_a_broken_letter_file_is_reported_with_its_line_and_writes_nothing(letters, tmp_path, body, reason):
    from letters.importer import import_letters
    from letters.models import LetterPage

    report = import_letters(write_letter(tmp_path, LETTER.format(body=body)))
    assert report.failed and reason in report.failed[0][1] and report.failed[0][0].endswith("brev.md")
    assert not LetterPage.objects.filter(slug="brev").exists()


def test_a_code_block_in_the_guidance_is_refused_naming_the_files_line_and_writes_nothing(letters, tmp_path):
    from letters.importer import import_letters
    from letters.models import LetterPage

    text = LETTER.format(body="").replace("Skicka det.\n", "Skicka det.\n\n```\nkod\n```\n")
    report = import_letters(write_letter(tmp_path, text))
    assert report.failed == [(str(tmp_path / "brev.md"), "line 17: code and HTML blocks are not supported")]
    assert not LetterPage.objects.filter(slug="brev").exists()


def test_the_command_loads_a_folder(letters, tmp_path, capsys):
    call_command("import_letters", str(write_letter(tmp_path, LETTER.format(body=""))))
    assert "created: 1" in capsys.readouterr().out


def test_the_admin_refuses_an_unknown_fact_or_field(letters):
    from django.core.exceptions import ValidationError

    letter = letters["plan-for-atergang"]
    letter.body += "\n\nGäller {{fakta:finns-inte}} och [[saknas]]."
    with pytest.raises(ValidationError) as error:
        letter.clean()
    assert "finns-inte" in str(error.value) and "fält som brevet inte har" in str(error.value)


def test_editors_edit_letters_and_their_fields_in_the_admin(client, letters, django_user_model):
    from letters.models import LetterIndexPage

    letter = letters["provanstallning-avslutas"]
    client.force_login(django_user_model.objects.create_superuser("redaktor", "r@example.se", "lösen-ord-42"))
    edit = client.get(f"/admin/pages/{letter.pk}/edit/")
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "Fält som chefen fyller i" in html and "beskedsdag" in html
    index = LetterIndexPage.objects.get()
    assert client.get(f"/admin/pages/add/letters/letterpage/{index.pk}/").status_code == 200
