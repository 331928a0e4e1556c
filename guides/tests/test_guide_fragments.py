"""A guide's costly parts are rendered once per published revision and kept: the next reader costs a
fixed, small number of queries, and what is kept is never stale nor shown to the wrong reader."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kept_fragments")]

#: Queries for an anonymous reader of a guide whose fragments are kept: the content generation, and
#: nothing else. The site, the route to the page, its view restrictions (operations.routing), the
#: guide's areas (page meta) and the membership call to action are kept for that generation too.
KEPT_GUIDE_QUERIES = 1


def queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context), response.content.decode()


def test_a_guide_with_kept_fragments_costs_a_fixed_number_of_queries(client, make_guide):
    guide = make_guide(
        "Frågor i lönesamtalet", areas=["lon", "ledarskap"], situations=["lonerevision"], publish=True,
        body=[{"type": "heading", "value": {"text": f"Del {n}", "level": "h2"}} for n in range(3)]
        + [{"type": "rich_text", "value": "<p>Brödtexten.</p>"}],
    )
    for number in range(8):
        make_guide(f"Granne {number}", areas=["lon"], situations=["lonerevision"], publish=True)
    first, _ = queries(client, guide.url)
    kept, html = queries(client, guide.url)
    assert "Brödtexten." in html and "Granne 7" in html and 'href="#del-2"' in html
    assert kept == KEPT_GUIDE_QUERIES, f"{kept} queries (first render: {first})"
    assert first > kept


def test_a_published_change_is_shown_to_the_next_reader(client, make_guide):
    guide = make_guide("Före", publish=True, body=[{"type": "rich_text", "value": "<p>Gammal text.</p>"}])
    neighbour = make_guide("Grannen före", publish=True)
    assert "Gammal text." in client.get(guide.url).content.decode()
    guide.body = [{"type": "rich_text", "value": "<p>Ny text.</p>"}]
    guide.save_revision().publish()
    html = client.get(guide.url).content.decode()
    assert "Ny text." in html and "Gammal text." not in html and "Grannen före" in html
    # Another guide's change shows too, though this guide's revision is the same.
    neighbour.title = "Grannen efter"
    neighbour.save_revision().publish()
    html = client.get(guide.url).content.decode()
    assert "Grannen efter" in html and "Grannen före" not in html


def test_a_members_body_kept_for_a_member_never_reaches_an_anonymous_reader(client, member, make_guide):
    guide = make_guide(members_only=True, publish=True, body=[{"type": "rich_text", "value": "<p>HEMLIGT</p>"}])
    client.force_login(member)
    assert "HEMLIGT" in client.get(guide.url).content.decode()
    client.logout()
    html = client.get(guide.url).content.decode()
    assert "HEMLIGT" not in html and "Den här guiden är för medlemmar" in html


def test_a_preview_neither_reads_nor_keeps_fragments(client, make_guide):
    guide = make_guide("Publicerad", publish=True, body=[{"type": "rich_text", "value": "<p>Publicerat.</p>"}])
    assert "Publicerat." in client.get(guide.url).content.decode()
    guide.body = [{"type": "rich_text", "value": "<p>Utkastet.</p>"}]
    guide.save_revision()  # a draft: the live page is unchanged
    draft = guide.get_latest_revision_as_object()
    html = draft.make_preview_request().content.decode()
    assert "Utkastet." in html and "Publicerat." not in html
    public = client.get(guide.url).content.decode()
    assert "Publicerat." in public and "Utkastet." not in public


def test_kept_parts_leave_each_reader_their_own_csrf_token(make_guide):
    """The feedback form's fields are kept with the fragments; its CSRF token is every reader's own."""
    import re

    from django.test import Client

    guide = make_guide("Formuläret", publish=True)
    tokens = []
    for _ in range(2):
        reader = Client(enforce_csrf_checks=True)
        html = reader.get(guide.url).content.decode()
        assert 'name="hjalp"' in html and 'name="kommentar"' in html
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1))
        assert reader.post(f"/omdome/{guide.pk}/", {"hjalp": "ja", "csrfmiddlewaretoken": tokens[-1]}).status_code in (
            302, 303
        )
    assert tokens[0] != tokens[1]
