"""Editors and the register: what each fact is used in, which facts are due, and what an edit does."""

import datetime

import pytest

from editorial.models import ChangeNote
from facts.models import LegalFact

RIKSDAGEN = "https://www.riksdagen.se/sv/dokument-och-lagar/"


@pytest.fixture
def fact(db):
    return LegalFact.objects.create(
        fact_id="test-dag", statement="Planen ska vara klar senast dag 30.", value="senast dag 30",
        values={"day": 30}, law="30 kap. 6 § SFB", url=RIKSDAGEN, valid_from=datetime.date(2008, 7, 1),
        checked=datetime.date(2026, 12, 6),
    )


def cite(make_guide, title, fact_id):
    return make_guide(title, body=[{"type": "rich_text", "value": f"<p>Klar {{{{fakta:{fact_id}}}}}.</p>"}])


def test_the_report_lists_where_each_fact_is_used_and_which_are_due(admin_client, make_guide, fact):
    cite(make_guide, "Guiden som citerar", "test-dag")
    make_guide("Guiden som inte citerar")
    LegalFact.objects.create(
        fact_id="aldrig-kontrollerad", statement="S.", value="v", law="1 § LAS", url=RIKSDAGEN,
        valid_from=datetime.date(2022, 1, 1),
    )
    html = admin_client.get("/admin/lagfakta/").content.decode()
    row = html.split(">test-dag</a>")[1].split("</tr>")[0]
    assert "Guiden som citerar" in row and "Guiden som inte citerar" not in row
    assert "Planerare: Sjukskriven medarbetare" not in row  # the planners cite the shipped ids, not this one
    due = admin_client.get("/admin/lagfakta/?granska=1").content.decode()
    assert ">aldrig-kontrollerad</a>" in due and ">test-dag</a>" not in due


def test_the_report_names_the_planners_that_use_a_fact(admin_client, db):
    LegalFact.objects.create(
        fact_id="plan-for-atergang-dag-30", statement="S.", value="senast dag 30", values={"day": 30, "min_days": 60},
        law="30 kap. 6 § SFB", url=RIKSDAGEN, valid_from=datetime.date(2008, 7, 1),
    )
    html = admin_client.get("/admin/lagfakta/").content.decode()
    row = html.split(">plan-for-atergang-dag-30</a>")[1].split("</tr>")[0]
    assert "Planerare: " in row and "Sjukskriven medarbetare" in row


def test_editing_a_fact_in_the_admin_notes_the_change_on_the_guides_that_cite_it(admin_client, make_guide, fact):
    citing = cite(make_guide, "Citerar", "test-dag")
    other = make_guide("Citerar inte")
    url = f"/admin/snippets/facts/legalfact/edit/{fact.pk}/"
    data = {
        "fact_id": "test-dag", "statement": "Planen ska vara klar senast dag 45.", "value": "senast dag 45",
        "values": '{"day": 45}', "law": "30 kap. 6 § SFB", "law_title": "", "url": RIKSDAGEN,
        "valid_from": "2008-07-01", "valid_until": "", "status": "gällande", "proposed": "",
        "checked": "2026-12-06", "review_months": "12",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(ChangeNote.objects.filter(guide=citing).values_list("text", flat=True)) == [
        "Uppgiften om 30 kap. 6 § SFB har uppdaterats: senast dag 45."
    ]
    assert not ChangeNote.objects.filter(guide=other).exists()


def test_a_fact_edit_reaches_readers_of_cached_pages(client, make_guide, fact, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    guide = cite(make_guide, "Citerar", "test-dag")
    client.get(guide.url)
    assert client.get(guide.url)["X-Cache"] == "hit"
    fact.value = "senast dag 45"
    fact.save()
    assert 'data-fact="test-dag">senast dag 45<' in client.get(guide.url).content.decode()
