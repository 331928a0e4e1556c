"""/verktyg/ and the tool pages editors place and describe."""

import pytest
from django.core.exceptions import ValidationError

from tools.models import ToolIndexPage, ToolPage


def test_migrate_places_the_tools_under_the_home_page(client, db):
    html = client.get("/verktyg/").content.decode()
    assert html.count("<h1>") == 1 and "<h1>Verktyg</h1>" in html
    for url, title in [
        ("/verktyg/uppfoljningsplan/", "Uppföljningsplan"),
        ("/verktyg/motespaket/", "Mötespaket"),
        ("/verktyg/personlig-utvardering/", "Personlig utvärdering"),
        ("/verktyg/sjukskrivning/", "Plan vid sjukskrivning"),
        ("/verktyg/arbetsbrist/", "Plan vid uppsägning på grund av arbetsbrist"),
        ("/verktyg/ny-medarbetare/", "Plan för en ny medarbetare"),
    ]:
        assert f'<a href="{url}">{title}</a>' in html
        page = client.get(url).content.decode()
        assert f"<h1>{title}</h1>" in page and '<a href="/verktyg/">Verktyg</a>' in page


def test_the_main_navigation_links_tools_experts_and_podcast(client, db):
    html = client.get("/verktyg/motespaket/").content.decode()
    assert '<a href="/verktyg/" aria-current="page">Verktyg</a>' in html
    assert '<a href="/experten-svarar/">Experten svarar</a>' in html
    assert '<a href="/podd/">Podd<span class="soon">Kommer snart</span></a>' in html  # no episode has sound yet


def test_editors_describe_the_tool_and_its_text_shows(client, db):
    tool = ToolPage.objects.get(slug="motespaket")
    tool.summary = "Ta med guiderna till mötet."
    tool.intro = "<p>Fungerar fint inför en arbetsplatsträff.</p>"
    tool.save_revision().publish()
    assert "Ta med guiderna till mötet." in client.get("/verktyg/").content.decode()
    assert "Fungerar fint inför en arbetsplatsträff." in client.get("/verktyg/motespaket/").content.decode()


def test_a_process_planner_needs_a_process_and_pdf_is_a_reserved_address(db):
    index = ToolIndexPage.objects.get()
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=ToolPage(title="Planerare", slug="planerare", tool="process", summary="x"))
    assert "process" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=ToolPage(title="PDF", slug="pdf", tool="meeting_pack", summary="x"))
    assert "slug" in error.value.message_dict


def test_unknown_tool_addresses_are_404(client, db):
    assert client.get("/verktyg/motespaket/kalender/").status_code == 404
    assert client.get("/verktyg/uppfoljningsplan/text/").status_code == 404


def test_editors_open_the_tool_pages_in_the_page_editor(admin_client):
    for page in (ToolIndexPage.objects.get(), ToolPage.objects.get(slug="arbetsbrist")):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200
    html = response.content.decode()
    assert "Uppsägning på grund av arbetsbrist" in html  # the process choice, read from tools/rules/
