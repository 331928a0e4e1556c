"""The guide page: every block type, table of contents, byline, terms, related guides, CTA."""

import datetime

from guides.importer import import_guides

EVERY_BLOCK = [
    {"type": "key_points", "value": {"points": ["Första poängen", "Andra poängen"]}},
    {"type": "heading", "value": {"text": "Förbered samtalet", "level": "h2"}},
    {"type": "rich_text", "value": "<p>Vanlig <b>text</b>.</p>"},
    {"type": "heading", "value": {"text": "Under samtalet", "level": "h2"}},
    {"type": "question_list", "value": {"title": "Frågor att ställa", "questions": ["Vad gick bra?"]}},
    {"type": "checklist", "value": {"title": "Att göra", "items": ["Boka rum"]}},
    {"type": "heading", "value": {"text": "Efteråt", "level": "h2"}},
    {"type": "heading", "value": {"text": "En underrubrik", "level": "h3"}},
    {"type": "tip", "value": {"title": "Tips", "text": "<p>Börja med det som gått bra.</p>"}},
    {"type": "quote", "value": {"text": "Lyssna mer än du pratar.", "attribution": "En erfaren chef"}},
]


def test_every_block_type_renders(client, make_guide):
    other = make_guide("Feedback som fungerar", areas=["kommunikation"])
    body = EVERY_BLOCK + [{"type": "guide_link", "value": {"page": other.pk, "text": "Läs om feedback"}}]
    guide = make_guide("Lönesamtalet", areas=["lon"], situations=["lonerevision"], body=body,
                       updated=datetime.date(2026, 3, 14))
    html = client.get(guide.url).content.decode()
    assert '<section class="key-points"' in html and "Första poängen" in html
    assert '<h2 id="forbered-samtalet">Förbered samtalet</h2>' in html
    assert '<h3 id="en-underrubrik">En underrubrik</h3>' in html
    assert "<p>Vanlig <b>text</b>.</p>" in html
    assert 'class="question-list"' in html and "Vad gick bra?" in html
    assert 'class="checklist"' in html and "Boka rum" in html
    assert 'class="tip"' in html and "Börja med det som gått bra." in html
    assert "<blockquote><p>Lyssna mer än du pratar.</p></blockquote>" in html and "— En erfaren chef" in html
    assert f'<a href="{other.url}">Läs om feedback</a>' in html
    assert "Text: Test Skribent" in html
    assert 'Uppdaterat: <time datetime="2026-03-14">14 mars 2026</time>' in html
    assert 'href="/chefsguider/omrade/lon/"' in html and 'href="/chefsguider/situation/lonerevision/"' in html
    assert 'aria-label="Brödsmulor"' in html


def test_table_of_contents_from_three_sections(client, make_guide):
    html = client.get(make_guide(body=EVERY_BLOCK).url).content.decode()
    assert 'class="toc"' in html
    assert '<a href="#forbered-samtalet">Förbered samtalet</a>' in html
    two_sections = [block for block in EVERY_BLOCK if block["value"] != {"text": "Efteråt", "level": "h2"}]
    assert 'class="toc"' not in client.get(make_guide(body=two_sections).url).content.decode()


def test_related_guides_ranked_by_shared_situations_then_areas(make_guide):
    guide = make_guide(areas=["lon"], situations=["lonerevision", "svara-samtal"])
    both = make_guide("Båda situationerna", areas=["karriar"], situations=["lonerevision", "svara-samtal"])
    one_and_area = make_guide("En situation och området", areas=["lon"], situations=["lonerevision"])
    one = make_guide("En situation", areas=["karriar"], situations=["svara-samtal"])
    area_only = make_guide("Bara området", areas=["lon"])
    make_guide("Inget gemensamt", areas=["karriar"], situations=["anstalla"])
    assert list(guide.related_guides()) == [both, one_and_area, one, area_only]



def test_related_guides_leave_out_guides_restricted_to_a_group(client, make_guide, related_guides_some_hidden):
    """A restricted guide's title and link are not shown to readers who may not open it."""
    guide = make_guide("Guiden med relaterade", areas=["ledarskap"])
    assert related_guides_some_hidden.listed(client.get(guide.url).content.decode()) == ["Synlig två", "Synlig ett"]

def test_membership_call_to_action_is_edited_in_one_place(client, make_guide):
    from guides.models import MembershipCallToAction

    cta = MembershipCallToAction.load()
    cta.heading = "Bli medlem i dag"
    cta.save()
    for guide in (make_guide(), make_guide()):
        assert "Bli medlem i dag" in client.get(guide.url).content.decode()


def test_members_only_body_is_hidden_from_visitors(client, member, make_guide):
    guide = make_guide(
        summary="Ingressen syns.", members_only=True,
        body=[{"type": "rich_text", "value": "<p>HEMLIGT innehåll</p>"}],
    )
    html = client.get(guide.url).content.decode()
    assert "Ingressen syns." in html and "HEMLIGT" not in html and "Logga in" in html
    client.force_login(member)
    assert "HEMLIGT" in client.get(guide.url).content.decode()


def test_imported_guide_renders_with_resolved_links(client, db, tmp_path):
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures" / "library"
    assert not import_guides(fixtures).failed
    html = client.get("/chefsguider/lonesamtal/").content.decode()
    assert '<a href="/chefsguider/feedback/">feedback</a>' in html
    assert "Vad har medarbetaren bidragit med?" in html
