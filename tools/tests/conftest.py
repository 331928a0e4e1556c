"""Fixtures of the tools' tests; the browser ones (Chromium via Playwright) come from the front end."""

import io

import pytest


@pytest.fixture
def pdf_text():
    """The text of a PDF response, after checking it is a PDF."""
    from pypdf import PdfReader

    def extract(response) -> str:
        assert response.status_code == 200, response.status_code
        assert response["Content-Type"] == "application/pdf"
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert content.startswith(b"%PDF")
        return "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(content)).pages)

    return extract


@pytest.fixture
def calendar_events():
    """The VEVENTs of a calendar response, parsed back with icalendar."""
    import icalendar

    def parse(response):
        assert response.status_code == 200, response.status_code
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"].startswith("attachment;")
        return icalendar.Calendar.from_ical(response.content).walk("VEVENT")

    return parse


WORKSHEET_BODY = [
    {"type": "heading", "value": {"text": "Inför samtalet", "level": "h2"}},
    {"type": "rich_text", "value": "<p>Läs på om medarbetarens mål.</p>"},
    {
        "type": "question_list",
        "value": {"title": "Frågor att ställa", "questions": ["Vad gick bra?", "Vad vill du lära dig?"]},
    },
    {"type": "checklist", "value": {"title": "Att göra", "items": ["Boka ett rum", "Skicka kallelse"]}},
]


@pytest.fixture(autouse=True)
def rules_read_afresh():
    """The planners' rule files are parsed once per process (lru_cache): each test parses them
    afresh, so it tests this code's parsing and not what an earlier test, or mutation testing's
    first run before it forks a process per mutant, left behind."""
    from tools import processes

    processes.all_processes.cache_clear()
    yield
    processes.all_processes.cache_clear()
