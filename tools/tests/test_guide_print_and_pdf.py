"""Every guide: worksheets to fill in, "Skriv ut", and a PDF made on the server."""

import datetime

from guides.models import GuidePage
from tools.tests.conftest import WORKSHEET_BODY

SECRET = "Hemlig medlemstext om lönekriterier"


def test_the_guide_offers_print_pdf_and_meeting_pack(client, make_guide):
    guide = make_guide("Lönesamtal med medarbetare", slug="lonesamtal", body=WORKSHEET_BODY)
    html = client.get(guide.url).content.decode()
    assert '<button type="button" class="button button--secondary" data-print hidden>Skriv ut</button>' in html
    assert '<a class="button button--secondary" href="/verktyg/pdf/lonesamtal/">Ladda ner som PDF</a>' in html
    assert 'href="/verktyg/motespaket/?guide=lonesamtal">Lägg i ett mötespaket</a>' in html


def test_worksheets_are_plain_lists_that_the_script_makes_answerable(client, make_guide):
    guide = make_guide(slug="samtalet", body=WORKSHEET_BODY)
    html = client.get(guide.url).content.decode()
    # The script is a deferred static file; nothing inline.
    assert '<script src="/static/js/worksheet.js" defer></script>' in html
    assert "<script>" not in html and " style=" not in html
    # The guide names the worksheet's storage; without the script the lists read as lists.
    assert '<article class="guide-article" data-guide="samtalet">' in html
    assert '<section class="worksheet worksheet--questions" data-worksheet="questions">' in html
    assert '<ul class="question-list">\n    <li>Vad gick bra?</li><li>Vad vill du lära dig?</li>' in html
    assert '<section class="worksheet worksheet--checklist" data-worksheet="checklist">' in html
    assert "<li>Boka ett rum</li><li>Skicka kallelse</li>" in html


# What a printed guide shows (answers yes, controls and fields no) is checked in Chromium with print
# media: tools/tests/test_browser.py::test_answers_are_printed_with_the_page.


def test_the_pdf_has_title_ingress_body_byline_date_and_address(client, make_guide, pdf_text):
    make_guide(
        "Lönesamtal med medarbetare",
        slug="lonesamtal",
        summary="Så förbereder du samtalet om lön.",
        body=WORKSHEET_BODY,
        updated=datetime.date(2026, 3, 14),
    )
    response = client.get("/verktyg/pdf/lonesamtal/")
    assert response["Content-Disposition"] == 'attachment; filename="lonesamtal.pdf"'
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response)
    for expected in (
        "Lönesamtal med medarbetare",
        "Så förbereder du samtalet om lön.",
        "Läs på om medarbetarens mål.",
        "Vad vill du lära dig?",
        "Boka ett rum",
        "Text: Test Skribent",
        "14 mars 2026",
        "http://testserver/chefsguider/lonesamtal/",
    ):
        assert expected in text, expected


def test_members_only_text_never_reaches_an_anonymous_pdf(client, make_guide, member, pdf_text):
    make_guide(
        "Lönekriterier", slug="kriterier", members_only=True, body=[{"type": "rich_text", "value": f"<p>{SECRET}</p>"}]
    )
    anonymous = pdf_text(client.get("/verktyg/pdf/kriterier/"))
    assert "Lönekriterier" in anonymous and SECRET not in anonymous
    assert "Den här guiden är för medlemmar." in anonymous
    client.force_login(member)
    assert SECRET in pdf_text(client.get("/verktyg/pdf/kriterier/"))


def test_no_pdf_of_unpublished_or_unknown_guides(client, make_guide):
    guide = make_guide(slug="utkast")
    guide.unpublish()
    assert client.get("/verktyg/pdf/utkast/").status_code == 404
    assert client.get("/verktyg/pdf/finns-inte/").status_code == 404


def test_the_pdf_is_rendered_once_and_again_when_the_guide_is_published(client, make_guide, member, pdf_text, settings):
    settings.PAGE_CACHE_SECONDS = 600  # the caches are off in tests unless a test turns them on
    guide = make_guide("Lönesamtal med medarbetare", slug="lonesamtal", members_only=True, body=WORKSHEET_BODY)
    first = client.get("/verktyg/pdf/lonesamtal/").content
    # A change that bypasses publishing (and so every signal) is not seen: the kept PDF is served.
    GuidePage.objects.filter(pk=guide.pk).update(title="Ändrad utan publicering")
    kept = client.get("/verktyg/pdf/lonesamtal/")
    assert kept.content == first and "no-store" in kept["Cache-Control"]
    # A member gets a PDF of their own, with the body, never the visitor's copy.
    client.force_login(member)
    assert "Vad vill du lära dig?" in pdf_text(client.get("/verktyg/pdf/lonesamtal/"))
    client.logout()
    # Publishing a revision makes every kept PDF stale.
    guide.refresh_from_db()
    guide.title = "Lönesamtalet steg för steg"
    guide.save_revision().publish()
    text = pdf_text(client.get("/verktyg/pdf/lonesamtal/"))
    assert "Lönesamtalet steg för steg" in text and "Vad vill du lära dig?" not in text
