"""Readers see freshness: "Granskad <date>" beside "Uppdaterat", and public change notes."""

import datetime
import re

from editorial.models import ChangeNote


def publish_with_note(guide, note):
    guide.change_note = note
    revision = guide.save_revision()
    revision.publish()
    guide.refresh_from_db()
    return revision


def test_publishing_with_a_change_note_records_it_once_and_clears_the_field(make_guide, today):
    guide = make_guide("Lönesamtalet")
    revision = publish_with_note(guide, "  Nya regler för  lönekartläggning från 2026. ")

    note = ChangeNote.objects.get()
    assert (note.guide_id, note.date, note.text, note.revision_id) == (
        guide.pk, today, "Nya regler för lönekartläggning från 2026.", revision.pk,
    )
    assert guide.change_note == ""
    revision.refresh_from_db()
    assert revision.content["change_note"] == ""
    assert guide.get_latest_revision_as_object().change_note == ""

    guide.title = "Lönesamtalet – uppdaterad"
    guide.save_revision().publish()
    assert ChangeNote.objects.count() == 1


def test_republishing_an_old_revision_does_not_repeat_its_note(make_guide):
    guide = make_guide()
    guide.change_note = "Ny checklista."
    draft = guide.save_revision()  # saved as a draft first, holding the note
    publish_with_note(guide, "Ny checklista.")
    draft.publish()
    assert list(ChangeNote.objects.values_list("text", flat=True)) == ["Ny checklista."]


def test_guide_page_lists_the_latest_notes_with_dates(client, make_guide):
    guide = make_guide()
    for day, text in [(1, "Första ändringen."), (5, "Andra ändringen."), (9, "Tredje ändringen."), (12, "Fjärde.")]:
        ChangeNote.objects.create(guide=guide, date=datetime.date(2026, 3, day), text=text)
    html = client.get(guide.url).content.decode()
    assert '<h2 id="andringar-rubrik">Vad har ändrats?</h2>' in html
    assert '<time datetime="2026-03-12">12 mars 2026</time> – Fjärde.' in html
    assert "Andra ändringen." in html and "Första ändringen." not in html
    assert html.index("Fjärde.") < html.index("Tredje ändringen.") < html.index("Andra ändringen.")


def test_no_notes_no_section_and_no_review_date_no_granskad(client, make_guide):
    html = client.get(make_guide().url).content.decode()
    assert "Vad har ändrats?" not in html and "Granskad:" not in html


def test_granskad_shows_next_to_uppdaterat(client, make_guide):
    guide = make_guide(updated=datetime.date(2026, 3, 14))
    guide.reviewed_at = datetime.date(2026, 9, 2)
    guide.save_revision().publish()
    html = client.get(guide.url).content.decode()
    updated = html.index('Uppdaterat: <time datetime="2026-03-14">14 mars 2026</time>')
    reviewed = html.index('Granskad: <time datetime="2026-09-02">2 september 2026</time>')
    assert 0 < reviewed - updated < 200


def test_editors_can_correct_a_note_in_the_admin(admin_client, make_guide):
    note = ChangeNote.objects.create(guide=make_guide(), date=datetime.date(2026, 3, 1), text="Stavfel i notisen.")
    url = f"/admin/snippets/editorial/changenote/edit/{note.pk}/"
    assert "Stavfel i notisen." in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"date": "2026-03-01", "text": "Rättad notis."})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text == "Rättad notis."


def test_the_guide_editor_and_its_revision_comparison_work_with_the_review_fields(admin_client, make_guide):
    guide = make_guide()
    first = guide.save_revision()
    guide.change_note = "Ny text."
    second = guide.save_revision()
    editor = admin_client.get(f"/admin/pages/{guide.pk}/edit/")
    assert editor.status_code == 200
    # The review fields are in the form: the change note carries the latest revision's text.
    assert re.search(r'<input[^>]*name="change_note"[^>]*value="Ny text."', editor.content.decode())
    assert 'name="mark_reviewed"' in editor.content.decode()
    compare = admin_client.get(f"/admin/pages/{guide.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200 and "Ny text." in compare.content.decode()


def test_a_corrected_note_reaches_readers_of_cached_pages(client, make_guide, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    guide = make_guide()
    note = ChangeNote.objects.create(guide=guide, date=datetime.date(2026, 3, 1), text="Fel notis.")
    client.get(guide.url)
    assert client.get(guide.url)["X-Cache"] == "hit"
    note.text = "Rätt notis."
    note.save()
    assert "Rätt notis." in client.get(guide.url).content.decode()
