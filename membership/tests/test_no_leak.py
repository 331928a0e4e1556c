"""The no-leak matrix: a members-only guide's body never reaches a visitor who is not a member,
through any channel. Each channel is one row of CHANNELS; a new way of showing guides (a PDF, a
feed, a sitemap, an export, another API) becomes safe to ship by adding its row here.

The body carries a marker word found nowhere else. Before each request a member asks for the same
address (so any cache that stores a member's copy would hand it on), and then an anonymous visitor
and a logged-in non-member ask; the marker must never be in what they get. Each row also names what
proves the response reached the guide at all (its title, say), so a row cannot pass by showing
nothing. And a member does read the marker on the guide page.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.test import Client

from search.documents import all_documents
from search.registry import get_engine, reset_engine
from search.testing import ENGINE_PARAMS

MARKER = "kvittrasnurra"  # a made-up word, in every kind of block of the secret guide's body
#: Searches name the body by another body-only word (the query is echoed on the page): a snippet
#: quoted from the body would hold the marker, which stands next to it.
BODY_WORD = "medianlönen"
MISSPELT_MARKER = "kvitrasnurra"  # "Menade du …?" must not correct it to the body's word
TITLE = "Lönestatistik för chefer"
SUMMARY = "Jämför din lön med andra chefers lön."
SECRET_BODY = [
    {"type": "key_points", "value": {"points": [f"Punkt om {MARKER}"]}},
    {"type": "heading", "value": {"text": f"Så fungerar {MARKER}", "level": "h2"}},
    {"type": "rich_text", "value": f"<p>Medianlönen enligt {MARKER} är hemlig.</p>"},
    {"type": "heading", "value": {"text": "Mer om statistiken", "level": "h2"}},
    {"type": "question_list", "value": {"title": f"Frågor om {MARKER}", "questions": [f"Vad säger {MARKER}?"]}},
    {"type": "checklist", "value": {"title": "Att göra", "items": [f"Läs {MARKER}"]}},
    {"type": "heading", "value": {"text": "Till sist", "level": "h2"}},
    {"type": "tip", "value": {"title": f"Tips om {MARKER}", "text": f"<p>{MARKER} hjälper.</p>"}},
    {"type": "quote", "value": {"text": f"{MARKER} är bra.", "attribution": f"{MARKER}-experten"}},
]


@dataclass
class Library:
    secret: object  # the members-only GuidePage, published, with a newer draft in the admin
    neighbour: object  # an open guide in the same area and situation


def text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace")


def pdf_text(response) -> str:
    """The text of a PDF response (pypdf is among the test dependencies)."""
    from pypdf import PdfReader

    if response.status_code != 200 or not response["Content-Type"].startswith("application/pdf"):
        return text(response)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def calendar_text(response) -> str:
    """An iCalendar file with its folded lines (RFC 5545: CRLF and a space) joined again."""
    return text(response).replace("\r\n ", "")


@dataclass(frozen=True)
class Channel:
    name: str
    address: Callable[[Library], str]
    #: What proves the response reached the guide (None: nothing to prove, e.g. a redirect).
    shows: Callable[[Library], str] | None = lambda library: TITLE
    headers: dict = field(default_factory=dict)
    read: Callable = text
    #: The visitor is sent to a login page instead (the admin's preview and draft views).
    login_redirect: bool = False

    def __str__(self):
        return self.name


FOLLOW_UP = "/verktyg/uppfoljningsplan/"
PLAN = "intervall=manad&start=2026-03-02&antal=2&langd=60&klockan=09:00"
MEETING_PACK = "/verktyg/motespaket/"

CHANNELS = [
    Channel("guide page", lambda library: library.secret.url),
    Channel("related guides on an open guide", lambda library: library.neighbour.url),
    Channel("catalogue", lambda library: "/chefsguider/"),
    Channel("catalogue fragment", lambda library: "/chefsguider/", headers={"HTTP_X_CHEFSGUIDER_FRAGMENT": "1"}),
    Channel("catalogue search by title", lambda library: "/chefsguider/?q=lönestatistik"),
    Channel("catalogue search by a body word", lambda library: f"/chefsguider/?q={BODY_WORD}"),
    Channel("catalogue search, misspelt body word", lambda library: f"/chefsguider/?q={MISSPELT_MARKER}", shows=None),
    Channel("area page", lambda library: "/chefsguider/omrade/lon/"),
    Channel("situation page", lambda library: "/chefsguider/situation/lonerevision/"),
    Channel("home page", lambda library: "/"),
    Channel("API listing", lambda library: "/api/v1/guides/"),
    Channel("API search by title, with snippet", lambda library: "/api/v1/guides/?q=lönestatistik"),
    Channel("API search by a body word, with snippet", lambda library: f"/api/v1/guides/?q={BODY_WORD}"),
    Channel("API search, misspelt body word", lambda library: f"/api/v1/guides/?q={MISSPELT_MARKER}", shows=None),
    Channel("API filtered by area", lambda library: "/api/v1/guides/?category=lon"),
    Channel("PDF of the guide", lambda library: f"/verktyg/pdf/{library.secret.slug}/", read=pdf_text),
    Channel("RSS feed", lambda library: "/flode/rss/"),
    Channel("Atom feed", lambda library: "/flode/atom/"),
    Channel("sitemap", lambda library: "/sitemap.xml", shows=lambda library: f"/chefsguider/{library.secret.slug}/"),
    Channel("follow-up planner, guide as agenda", lambda library: f"{FOLLOW_UP}?{PLAN}&guide={library.secret.slug}"),
    Channel(
        "follow-up calendar file, guide as agenda",
        lambda library: f"{FOLLOW_UP}kalender/?{PLAN}&guide={library.secret.slug}",
        shows=None,  # a non-member's calendar names no guide: it has no agenda
        read=calendar_text,
    ),
    Channel("meeting pack, whole guide", lambda library: f"{MEETING_PACK}?innehall=hela&guide={library.secret.slug}"),
    Channel(
        "meeting pack PDF, whole guide",
        lambda library: f"{MEETING_PACK}pdf/?innehall=hela&guide={library.secret.slug}",
        read=pdf_text,
    ),
    Channel("API suggestions", lambda library: f"/api/v1/suggest/?q={MARKER[:4]}", shows=None),
    Channel(
        "Wagtail preview",
        lambda library: f"/admin/pages/{library.secret.pk}/edit/preview/",
        shows=None,
        login_redirect=True,
    ),
    Channel(
        "Wagtail draft view",
        lambda library: f"/admin/pages/{library.secret.pk}/view_draft/",
        shows=None,
        login_redirect=True,
    ),
    Channel(
        "Wagtail revision view",
        lambda library: f"/admin/pages/{library.secret.pk}/revisions/{library.secret.latest_revision_id}/view/",
        shows=None,
        login_redirect=True,
    ),
]


@pytest.fixture(params=ENGINE_PARAMS)
def library(request, settings, tmp_path, make_guide):
    """The secret guide and its open neighbour, indexed by each search engine in turn, with the
    anonymous page cache switched on as in production."""
    settings.CHEFSGUIDER_SEARCH_ENGINE = request.param
    settings.CHEFSGUIDER_SEARCH_INDEX_DIR = tmp_path / "index"
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    reset_engine()
    secret = make_guide(
        TITLE, summary=SUMMARY, areas=["lon"], situations=["lonerevision"], members_only=True,
        body=SECRET_BODY, publish=True,
    )
    secret.save_revision()  # a draft, as an editor leaves one, for the preview rows
    secret.refresh_from_db()
    neighbour = make_guide("Lönesamtalet", areas=["lon"], situations=["lonerevision"])
    get_engine().rebuild(all_documents())
    yield Library(secret, neighbour)
    reset_engine()
    cache.clear()


@pytest.fixture
def member_client(make_member):
    browser = Client()
    browser.force_login(make_member())
    return browser


def visitor(kind, django_user_model) -> Client:
    browser = Client()
    if kind == "logged-in non-member":
        browser.force_login(django_user_model.objects.create_user("besokare@example.se"))
    return browser


@pytest.mark.parametrize("viewer", ["anonymous", "logged-in non-member"])
@pytest.mark.parametrize("channel", CHANNELS, ids=str)
def test_a_members_only_body_never_reaches_a_non_member(channel, viewer, library, member_client, django_user_model):
    address = channel.address(library)
    member_client.get(address, **channel.headers)  # warm every cache with a member's copy first

    response = visitor(viewer, django_user_model).get(address, **channel.headers)
    content = channel.read(response)

    # Also with white space taken out: a PDF or a calendar may break a line inside the word.
    for seen in (content.lower(), re.sub(r"\s+", "", content.lower())):
        assert MARKER not in seen, f"{channel} shows the members-only body to a {viewer} visitor"
    if channel.login_redirect:
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == 200
    if channel.shows:
        assert channel.shows(library) in content, f"{channel} did not reach the guide: the row proves nothing"


def test_a_member_reads_the_body_on_the_guide_page(library, member_client):
    html = text(member_client.get(library.secret.url))
    assert html.count(MARKER) >= len(SECRET_BODY)
    assert f'<h2 id="sa-fungerar-{MARKER}">Så fungerar {MARKER}</h2>' in html
