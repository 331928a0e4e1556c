"""Findability: sitemap.xml, RSS and Atom feeds, schema.org JSON-LD, OpenGraph and canonical
tags, and a redirect when a guide's address changes."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def library(make_guide, catalogue):
    from guides.models import GuidePage

    public = make_guide("Lönesamtal", slug="lonesamtal", areas=["lon"], summary="Ingressen om lön.",
                        updated=datetime.date(2026, 5, 2), body=[{"type": "rich_text", "value": "<p>ÖPPEN text</p>"}])
    members = make_guide("Chefsavtalet", slug="chefsavtalet", members_only=True, summary="Ingress för alla.",
                         updated=datetime.date(2026, 6, 1), body=[{"type": "rich_text", "value": "<p>HEMLIG text</p>"}])
    draft = GuidePage(title="Utkastet", slug="utkastet", summary="Inte klar.", author="A", live=False)
    catalogue.add_child(instance=draft)
    unpublished = make_guide("Avpublicerad", slug="avpublicerad")
    unpublished.unpublish()
    return {"public": public, "members": members}


def test_sitemap_lists_published_public_pages_and_landing_pages(client, library):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", SITEMAP_NS)]
    paths = {re.sub(r"^https?://[^/]+", "", loc) for loc in locations}
    assert {"/", "/chefsguider/", "/chefsguider/lonesamtal/", "/chefsguider/chefsavtalet/"} <= paths
    assert {"/chefsguider/omrade/lon/", "/chefsguider/situation/ny-som-chef/"} <= paths
    assert not {"/chefsguider/utkastet/", "/chefsguider/avpublicerad/"} & paths


def test_sitemap_leaves_out_pages_behind_a_view_restriction(client, library):
    from wagtail.models import PageViewRestriction

    assert b"/chefsguider/lonesamtal/" in client.get("/sitemap.xml").content
    PageViewRestriction.objects.create(page=library["public"], restriction_type="login")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and b"/chefsguider/lonesamtal/" not in response.content
    assert b"/chefsguider/chefsavtalet/" in response.content  # only the restricted page left the sitemap


@pytest.mark.parametrize("url,version", [("/flode/rss/", "rss20"), ("/flode/atom/", "atom10")])
def test_feeds_list_new_and_updated_public_guides_without_bodies(client, library, url, version):
    response = client.get(url)
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.version == version
    assert feed.feed.title == "Chefsguider – nya och uppdaterade guider"
    assert [entry.title for entry in feed.entries] == ["Chefsavtalet", "Lönesamtal"]
    assert feed.entries[1].link == "http://testserver/chefsguider/lonesamtal/"
    assert feed.entries[1].summary == "Ingressen om lön."
    text = response.content.decode()
    assert "HEMLIG" not in text and "ÖPPEN" not in text and "Utkastet" not in text and "Avpublicerad" not in text


def test_an_updated_guide_gets_a_new_feed_id(client, library):
    before = feedparser.parse(client.get("/flode/atom/").content).entries[1].id
    guide = library["public"]
    guide.updated = datetime.date(2026, 7, 1)
    guide.save_revision().publish()
    entries = feedparser.parse(client.get("/flode/atom/").content).entries
    assert entries[0].title == "Lönesamtal" and entries[0].id != before


def test_pages_link_their_feeds(client, library):
    html = client.get("/chefsguider/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="Nya och uppdaterade guider (RSS)" ' \
           'href="/flode/rss/">' in html
    assert 'type="application/atom+xml"' in html


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_guide_pages_carry_article_json_ld(client, library):
    guide = library["public"]
    data = json_ld(client.get(guide.url).content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["headline"] == "Lönesamtal" and data["description"] == "Ingressen om lön."
    assert data["dateModified"] == "2026-05-02"
    assert data["datePublished"] <= data["dateModified"]
    assert data["author"] == {"@type": "Person", "name": "Test Skribent"}
    assert data["mainEntityOfPage"] == "http://testserver/chefsguider/lonesamtal/"
    assert data["isAccessibleForFree"] is True
    assert json_ld(client.get(library["members"].url).content.decode())["isAccessibleForFree"] is False


def test_json_ld_cannot_break_out_of_its_script_element(client, make_guide):
    guide = make_guide("Titel </script><script>alert(1)</script>", summary="A & B <b>",
                       body=[{"type": "rich_text", "value": "<p>Brödtext.</p>"}])
    html = client.get(guide.url).content.decode()
    data = json_ld(html)
    assert data["headline"] == "Titel </script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


def test_opengraph_and_canonical_tags(client, library):
    html = client.get("/chefsguider/lonesamtal/?utm_source=nyhetsbrev").content.decode()
    assert '<link rel="canonical" href="http://testserver/chefsguider/lonesamtal/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Lönesamtal">' in html
    assert '<meta property="og:description" content="Ingressen om lön.">' in html
    assert '<meta property="og:url" content="http://testserver/chefsguider/lonesamtal/">' in html
    assert '<meta property="article:modified_time" content="2026-05-02">' in html
    assert '<meta property="article:section" content="Lön">' in html
    catalogue = client.get("/chefsguider/?q=lön&omrade=lon").content.decode()
    assert '<link rel="canonical" href="http://testserver/chefsguider/">' in catalogue
    assert '<meta property="og:type" content="website">' in catalogue
    area = client.get("/chefsguider/omrade/lon/").content.decode()
    assert '<meta property="og:title" content="Lön">' in area


def test_changing_a_guides_slug_redirects_the_old_address(client, library, django_capture_on_commit_callbacks):
    guide = library["public"]
    guide.slug = "lonesamtalet"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail creates redirects after commit
        guide.save_revision().publish()
    response = client.get("/chefsguider/lonesamtal/")
    assert response.status_code == 301 and response["Location"] == "/chefsguider/lonesamtalet/"
    assert client.get(response["Location"]).status_code == 200
