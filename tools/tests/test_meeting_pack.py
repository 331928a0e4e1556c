"""The meeting pack: chosen guides, or their question lists and checklists, as one agenda PDF."""

import re

from tools.tests.conftest import WORKSHEET_BODY

URL = "/verktyg/motespaket/"


def test_a_link_from_a_guide_shows_its_worksheets_ready_to_download(client, make_guide):
    make_guide("Lönesamtal", slug="lonesamtal", body=WORKSHEET_BODY)
    make_guide("Konflikter", slug="konflikter", body=WORKSHEET_BODY)
    html = client.get(URL, {"guide": "lonesamtal"}).content.decode()
    boxes = {
        re.search(r'value="([^"]+)"', box).group(1): " checked" in box
        for box in re.findall(r'<input type="checkbox" name="guide"[^>]*>', html)
    }
    assert boxes == {"lonesamtal": True, "konflikter": False}  # the linked guide, and only it, is chosen
    assert '<h2 id="agenda-rubrik">Agenda</h2>' in html
    assert "Vad vill du lära dig?" in html and "Boka ett rum" in html
    assert "Läs på om medarbetarens mål." not in html  # only worksheets unless the whole guide is asked for
    assert 'href="/verktyg/motespaket/pdf/?guide=lonesamtal"' in html


def test_whole_guides_bring_their_text(client, make_guide):
    make_guide("Lönesamtal", slug="lonesamtal", body=WORKSHEET_BODY)
    html = client.get(URL, {"guide": "lonesamtal", "innehall": "hela"}).content.decode()
    assert "Läs på om medarbetarens mål." in html


def test_choosing_nothing_or_too_much_is_explained(client, make_guide):
    for number in range(9):
        make_guide(slug=f"guide-nr-{number}")
    empty = client.get(URL, {"rubrik": "APT i maj", "datum": "2026-05-12"}).content.decode()
    assert 'id="id_guide_error">Välj minst en guide.</p>' in empty
    assert 'value="APT i maj"' in empty and 'value="2026-05-12"' in empty
    too_many = client.get(URL, {"guide": [f"guide-nr-{n}" for n in range(9)]}).content.decode()
    assert "Välj högst 8 guider." in too_many
    unknown = client.get(URL, {"guide": "finns-inte"}).content.decode()
    assert "Guiden finns-inte finns inte." in unknown


def test_the_agenda_pdf_has_title_date_guides_and_no_members_only_text_for_visitors(client, make_guide, pdf_text):
    make_guide("Lönesamtal", slug="lonesamtal", body=WORKSHEET_BODY)
    make_guide(
        "Lönekriterier",
        slug="kriterier",
        members_only=True,
        body=[
            {"type": "question_list", "value": {"title": "", "questions": ["Hemlig fråga om kriterier?"]}},
        ],
    )
    response = client.get(
        URL + "pdf/", {"rubrik": "Lönesamtal 2026", "datum": "2026-10-06", "guide": ["lonesamtal", "kriterier"]}
    )
    assert response["Content-Disposition"] == 'attachment; filename="motespaket.pdf"'
    text = pdf_text(response)
    for expected in (
        "Lönesamtal 2026",
        "tisdag 6 oktober 2026",
        "Agenda",
        "1. Lönesamtal",
        "2. Lönekriterier",
        "Vad vill du lära dig?",
        "Anteckningar",
        "Övriga frågor",
    ):
        assert expected in text, expected
    assert "Hemlig fråga" not in text and "är för medlemmar" in text


def test_a_pdf_asked_for_without_guides_goes_back_to_the_form(client, db):
    response = client.get(URL + "pdf/", {"rubrik": "Tomt"})
    assert response.status_code == 302 and response["Location"] == URL + "?rubrik=Tomt"
