"""In real Chromium, with and without JavaScript: plan a redundancy, open the letter with the plan's
dates, fill in the rest and download it; and no WCAG 2.1 A/AA violations on the letter pages."""

import datetime

import pytest
from django.utils import formats
from playwright.sync_api import expect

from frontend.tests.browser import accessibility_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="session", autouse=True)
def serialized_database_in_the_browser_context(browser, django_db_setup, django_db_blocker):
    """As in tools/tests/test_browser.py: serialize the database in Playwright's context too."""
    from django.db import connections

    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            if not hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def plan_letter_download(page, base_url, tmp_path, try_without_a_name=False):
    from docx import Document

    from tools.processes import get_process, make_plan

    plan = make_plan(get_process("arbetsbrist"), datetime.date(2026, 3, 2), {"anstallningsar": 5, "berorda": 3})
    last_day = next(planned.date for planned in plan.steps if planned.step.id == "anstallningen-upphor")

    page.goto(f"{base_url}/verktyg/arbetsbrist/")
    page.get_by_label("Dag då uppsägningsbeskedet ska lämnas").fill("2026-03-02")
    page.get_by_label("Medarbetarens anställningstid hos er, i hela år").fill("5")
    page.get_by_label("Antal som kan komma att sägas upp").fill("3")
    page.get_by_role("button", name="Visa planen").click()
    page.get_by_role("button", name="Uppsägning på grund av arbetsbrist").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Uppsägning på grund av arbetsbrist")
    expect(page.get_by_label("Dag då du lämnar beskedet")).to_have_value("2026-03-02")
    expect(page.get_by_label("Sista anställningsdag")).to_have_value(last_day.isoformat())
    assert "?" not in page.url

    if try_without_a_name:
        # Forgetting a field gives a message next to it (a 400 page, which the JavaScript run's
        # console check would count as an error), the planner's dates kept, and nothing to download.
        page.get_by_role("button", name="Ladda ner som PDF").click()
        expect(page.locator("#id_medarbetare_error")).to_have_text("Fyll i det här fältet.")
        expect(page.get_by_label("Sista anställningsdag")).to_have_value(last_day.isoformat())

    page.get_by_label("Arbetsgivarens namn").fill("Norrlager AB")
    page.get_by_label("Ort").fill("Umeå")
    page.get_by_label("Medarbetarens namn").fill("Sara Lind")
    page.get_by_label("Uppsägningstid").fill("tre månader")
    page.get_by_label("Medarbetaren har företrädesrätt till återanställning").check()
    page.get_by_label("Kontaktperson för frågor").fill("Per Berg, 090-123 45")
    page.get_by_label("Ditt namn och din befattning").fill("Anna Ek, lagerchef")
    with page.expect_download() as download:
        page.get_by_role("button", name="Ladda ner som Word (.docx)").click()
    assert download.value.suggested_filename == "uppsagning-arbetsbrist.docx"
    path = tmp_path / "brev.docx"
    download.value.save_as(path)
    text = " ".join(paragraph.text for paragraph in Document(path).paragraphs)
    for expected in ("Sara Lind", "Norrlager AB", "2 mars 2026", formats.date_format(last_day, "j F Y"),
                     "Du har företrädesrätt", "förklaras ogiltig"):
        assert expected in text

    with page.expect_download() as download:
        page.get_by_role("button", name="Ladda ner som PDF").click()
    assert download.value.suggested_filename == "uppsagning-arbetsbrist.pdf"


def test_plan_to_letter_to_download_with_javascript(live_server, page, letters, tmp_path):
    letters["uppsagning-arbetsbrist"]
    plan_letter_download(page, live_server.url, tmp_path)


def test_plan_to_letter_to_download_without_javascript(live_server, no_js_page, letters, tmp_path):
    letters["uppsagning-arbetsbrist"]
    plan_letter_download(no_js_page, live_server.url, tmp_path, try_without_a_name=True)


def test_letter_pages_pass_axe(live_server, audit_page, letters):
    pages = {"library": "/verktyg/brev/", "tools": "/verktyg/"}
    pages.update({slug: letter.url for slug, letter in letters.all().items()})
    assert accessibility_problems(audit_page, live_server.url, pages) == {}

    # The page with the planner's dates and the page with errors, reached by posting.
    audit_page.goto(f"{live_server.url}/verktyg/arbetsbrist/?start=2026-03-02&anstallningsar=5&berorda=30")
    audit_page.get_by_role("button", name="Varsel till Arbetsförmedlingen").click()
    expect(audit_page.get_by_label("Antal som kan komma att sägas upp")).to_have_value("30")
    audit_page.get_by_role("button", name="Ladda ner som PDF").click()
    expect(audit_page.locator(".form-errors")).to_be_visible()
    from frontend.tests.browser import axe_violations

    assert axe_violations(audit_page) == []
