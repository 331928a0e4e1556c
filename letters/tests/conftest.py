"""Fixtures of the letters' tests: the starter letters imported (with stand-ins for their guides),
a filled-in answer for every field, and readers of the .docx and PDF files."""

import datetime
import io
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings

LETTERS_DIR = Path(settings.BASE_DIR) / "content" / "letters"
STARTER_SLUGS = [
    "uppsagning-arbetsbrist",
    "uppsagning-personliga-skal",
    "varsel-arbetsformedlingen",
    "kallelse-till-forhandling",
    "underrattelse-personliga-skal",
    "plan-for-atergang",
    "provanstallning-avslutas",
    "besked-las-aldern",
    "bekraftelse-ledighet",
]


class StarterLetters:
    """The starter letters, imported on first use: `letters["slug"]` imports that one letter (with a
    stand-in for its guide), `letters.all()` every one. Importing all nine takes seconds; most tests
    need one."""

    def __init__(self, make_guide, folder: Path):
        self.make_guide, self.folder = make_guide, folder
        self.folder.mkdir()

    def _load(self, slugs) -> None:
        from letters.importer import import_letters

        for slug in slugs:
            source = LETTERS_DIR / f"{slug}.md"
            (self.folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
            guide = yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1]).get("guide")
            from guides.models import GuidePage

            if guide and not GuidePage.objects.filter(slug=guide).exists():
                self.make_guide(f"Guiden {guide}", slug=guide, publish=True)
        report = import_letters(self.folder)
        assert report.failed == []

    def __getitem__(self, slug: str):
        from letters.models import LetterPage

        page = LetterPage.objects.live().filter(slug=slug).first()
        if page is None:
            self._load([slug])
            page = LetterPage.objects.live().get(slug=slug)
        return page

    def all(self) -> dict:
        from letters.models import LetterPage

        self._load(STARTER_SLUGS)
        return {page.slug: page for page in LetterPage.objects.live()}


@pytest.fixture
def letters(make_guide, tmp_path):
    """The starter letters under /verktyg/brev/, imported as a test asks for them."""
    return StarterLetters(make_guide, tmp_path / "letters")


def answers(letter, day=datetime.date(2026, 3, 2)) -> dict:
    """A valid answer for every field: texts that name the field, dates in the fields' order."""
    data = {}
    for number, item in enumerate(letter.letter_fields.all()):
        if item.field_type == "date":
            data[item.name] = (day + datetime.timedelta(days=30 * number)).isoformat()
        elif item.field_type == "number":
            data[item.name] = str(40 + number)
        elif item.field_type == "checkbox":
            data[item.name] = "on"
        else:
            data[item.name] = f"Svar-{item.name.replace('_', '-')}"
    return data


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def docx_text():
    """The words of a .docx response, read back with python-docx."""
    from docx import Document

    def read(response) -> str:
        assert response.status_code == 200, response.status_code
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        document = Document(io.BytesIO(response.content))
        return words("\n".join(paragraph.text for paragraph in document.paragraphs))

    return read


@pytest.fixture
def pdf_words():
    """The words of a PDF response, read back with pypdf."""
    from pypdf import PdfReader

    def read(response) -> str:
        assert response.status_code == 200, response.status_code
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        return words("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages))

    return read
