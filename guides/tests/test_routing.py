"""Where an address leads is kept per generation of the content (operations.routing), and the very
next request after any change to the tree is routed as Wagtail's own walk would route it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kept_fragments")]


def served(client, url) -> tuple[int, str]:
    response = client.get(url)
    return response.status_code, response.content.decode() if response.status_code == 200 else response.get(
        "Location", ""
    )


def test_a_kept_route_costs_no_query_of_the_tree(client, make_guide):
    guide = make_guide("Kartlagd", publish=True)
    assert served(client, guide.url)[0] == 200
    with CaptureQueriesContext(connection) as context:
        assert served(client, guide.url)[0] == 200
    tables = " ".join(query["sql"] for query in context)
    assert "wagtailcore_site" not in tables and "wagtailcore_page" not in tables
    assert "wagtailcore_pageviewrestriction" not in tables


def test_a_moved_guide_is_found_at_its_new_address_only(client, make_guide):
    guide = make_guide("Flyttad", slug="flyttad", publish=True)
    assert served(client, "/chefsguider/flyttad/")[0] == 200
    guide.move(Site.objects.get(is_default_site=True).root_page, pos="last-child")
    # Wagtail redirects the old address (a redirect it made on the move), never serves it.
    assert served(client, "/chefsguider/flyttad/") == (301, "/flyttad/")
    status, html = served(client, "/flyttad/")
    assert status == 200 and "Flyttad" in html


def test_a_new_slug_moves_the_guide(client, make_guide):
    guide = make_guide("Bytt adress", slug="gammal-adress", publish=True)
    assert served(client, "/chefsguider/gammal-adress/")[0] == 200
    guide.slug = "ny-adress"
    guide.save_revision().publish()
    assert served(client, "/chefsguider/gammal-adress/")[0] == 404
    assert served(client, "/chefsguider/ny-adress/")[0] == 200


def test_an_unpublished_or_deleted_guide_is_gone_at_once(client, make_guide):
    unpublished = make_guide("Avpublicerad", publish=True)
    deleted = make_guide("Raderad", publish=True)
    urls = (unpublished.url, deleted.url)
    assert [served(client, url)[0] for url in urls] == [200, 200]
    unpublished.unpublish()
    Page.objects.get(pk=deleted.pk).delete()
    assert [served(client, url)[0] for url in urls] == [404, 404]


def test_a_draft_is_not_served_and_its_publishing_is(client, make_guide):
    guide = make_guide("Publicerad rubrik", publish=True, body=[{"type": "rich_text", "value": "<p>Text.</p>"}])
    assert "Publicerad rubrik" in served(client, guide.url)[1]
    guide.title = "Utkastets rubrik"
    guide.save_revision()
    html = served(client, guide.url)[1]
    assert "Publicerad rubrik" in html and "Utkastets rubrik" not in html
    guide.get_latest_revision().publish()
    html = served(client, guide.url)[1]
    assert "Utkastets rubrik" in html and "Publicerad rubrik" not in html


@pytest.mark.parametrize("on", ["guide", "catalogue"])
def test_a_view_restriction_applies_to_the_next_request(client, make_guide, catalogue, on):
    guide = make_guide("Snart låst", publish=True)
    assert served(client, guide.url)[0] == 200
    restriction = PageViewRestriction.objects.create(
        page=guide if on == "guide" else catalogue, restriction_type=PageViewRestriction.LOGIN
    )
    status, location = served(client, guide.url)
    assert status == 302 and "next=" in location
    restriction.delete()
    assert served(client, guide.url)[0] == 200


def test_an_alias_is_served_and_restricted_with_its_source(client, make_guide):
    guide = make_guide("Originalet", slug="originalet", publish=True)
    guide.create_alias(update_slug="aliaset")
    status, html = served(client, "/chefsguider/aliaset/")
    assert status == 200 and "Originalet" in html
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    assert served(client, "/chefsguider/aliaset/")[0] == 302


def test_members_only_guides_are_gated_on_a_kept_route(client, member, make_guide):
    guide = make_guide(members_only=True, publish=True, body=[{"type": "rich_text", "value": "<p>HEMLIGT</p>"}])
    assert "HEMLIGT" not in served(client, guide.url)[1]
    client.force_login(member)
    assert "HEMLIGT" in served(client, guide.url)[1]
    client.logout()
    html = served(client, guide.url)[1]
    assert "HEMLIGT" not in html and "Den här guiden är för medlemmar" in html


def test_a_routable_page_resolves_its_sub_paths_on_a_kept_route(client, make_guide):
    make_guide("I lönområdet", areas=["lon"], publish=True)
    for _ in range(2):  # the second time from the kept route
        status, html = served(client, "/chefsguider/omrade/lon/")
        assert status == 200 and "I lönområdet" in html
        assert served(client, "/chefsguider/omrade/finns-inte/")[0] == 404
        assert served(client, "/chefsguider/")[0] == 200
        assert served(client, "/")[0] == 200


def test_unknown_addresses_and_redirects(client, make_guide):
    from wagtail.contrib.redirects.models import Redirect

    guide = make_guide("Målet", publish=True)
    for _ in range(2):
        assert served(client, "/chefsguider/finns-inte/")[0] == 404
    Redirect.objects.create(old_path="/gammal-guide", redirect_page=guide)
    status, location = served(client, "/gammal-guide/")
    assert status in (301, 302) and location.endswith(guide.url)


def test_a_new_site_root_is_routed_at_once(client, make_guide):
    """The site (and its root page) is kept too: a change to the site moves the generation."""
    guide = make_guide("Under roten", slug="under-roten", publish=True)
    assert served(client, "/chefsguider/under-roten/")[0] == 200
    site = Site.objects.get(is_default_site=True)
    site.root_page = guide.get_parent()  # the catalogue becomes the site's root
    site.save()
    assert served(client, "/under-roten/")[0] == 200
    assert served(client, "/chefsguider/under-roten/")[0] == 404


def test_only_the_page_being_served_answers_its_restrictions_from_what_is_kept(client, make_guide):
    """The search index, the admin and code running as a change commits ask the database, so a
    restriction is never missed there even before the generation moves."""
    from guides.models import GuidePage
    from search.documents import document_for

    guide = make_guide("Indexerad", publish=True)
    assert served(client, guide.url)[0] == 200  # keeps "no restriction" for this generation
    # bulk_create sends no signal: the generation stays where it was, as inside an on-commit hook
    # that runs before the generation moves.
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=guide, restriction_type="login")])
    loaded = GuidePage.objects.get(pk=guide.pk)
    assert loaded.get_view_restrictions().exists()
    assert document_for(loaded) is None
