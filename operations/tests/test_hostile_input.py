"""Hostile input: random and malicious values in every query parameter and form field of every
public page give a clear answer, never a server error.

The pages are found by following the site's own links from the front page and the known entry
points, and the forms by reading each page's HTML, so new pages and fields are covered without
listing them here. Django's test client raises on any exception in a view, so a 500 fails loudly.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

HOSTILE = st.one_of(
    st.text(max_size=80),
    st.sampled_from([
        "", " ", "'", '"', "' OR 1=1 --", "1; DROP TABLE guides_guidepage;", "<script>alert(1)</script>",
        "\x00", "\x00\x01\x1f", "😀" * 40, "a" * 10_000, "../../etc/passwd", "%00", "{{7*7}}", "${7*7}",
        'title:(a OR b) AND ^2 ~ * "', "-1", "0", "99999999999999999999", "1e309", "NaN", "2026-02-30",
        "13/45/2026", "lön" * 500, "\u202e", "\ud7ff", "javascript:alert(1)", "a@b", "@", "true",
    ]),
)
ENTRY_POINTS = [
    "/", "/chefsguider/", "/bli-medlem/", "/logga-in/", "/glomt-losenord/", "/integritet/", "/verktyg/",
    "/experten-svarar/", "/podd/", "/api/v1/guides/", "/api/v1/suggest/", "/sitemap.xml", "/flode/rss/",
]
QUERY_PARAMETERS = ["q", "omrade", "situation", "sida", "sortera", "category", "limit", "offset", "sort", "next"]
SKIPPED = ("/admin/", "/dokument/", "/logga-ut/", "/static/", "/media/")
MAX_PAGES = 40


class Page(HTMLParser):
    """The internal links and the forms (action, method, field names) of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links, self.forms = set(), []

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "a" and attributes.get("href"):
            self.links.add(attributes["href"])
        elif tag == "form":
            self.forms.append({"action": attributes.get("action") or "", "method": (attributes.get("method")
                               or "get").lower(), "fields": set()})
        elif tag in ("input", "select", "textarea") and self.forms and attributes.get("name"):
            if attributes["name"] != "csrfmiddlewaretoken":
                self.forms[-1]["fields"].add(attributes["name"])


def crawl(client):
    """Public pages reachable from the entry points, each with its forms."""
    queue, seen, pages = list(ENTRY_POINTS), set(), {}
    while queue and len(pages) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen or path.startswith(SKIPPED):
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            pages.setdefault(path, [])
            continue
        parser = Page()
        parser.feed(response.content.decode())
        pages[path] = parser.forms
        for link in parser.links:
            parts = urlsplit(urljoin(path, link))
            if parts.netloc in ("", "testserver") and parts.path not in seen:
                queue.append(parts.path)
    return pages


@pytest.fixture
def site(make_guide, indexed, settings):
    settings.SEARCH_RATE = settings.SUGGEST_RATE = "1000000/m"
    for name in ("MEMBERSHIP_APPLY_RATE", "EDITORIAL_FEEDBACK_RATE", "EXPERTS_QUESTION_RATE"):
        setattr(settings, name, "1000000/h")
    make_guide("Lönesamtal", areas=["lon"], situations=["lonerevision"], slug="lonesamtal", publish=True)
    make_guide("Medlemsguide", areas=["arbetsratt"], members_only=True, slug="medlemsguide", publish=True)
    indexed()


def test_every_parameter_and_field_of_every_public_page_survives_hostile_input(client, site):
    pages = crawl(client)
    assert len(pages) >= 15, sorted(pages)
    forms = {(urljoin(path, form["action"]) or path, form["method"], tuple(sorted(form["fields"])))
             for path, page_forms in pages.items() for form in page_forms}
    assert any(method == "post" for _, method, _ in forms)

    @given(path=st.sampled_from(sorted(pages)), values=st.dictionaries(st.sampled_from(QUERY_PARAMETERS), HOSTILE))
    @settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def query_parameters(path, values):
        assert client.get(path, values).status_code < 500

    @given(form=st.sampled_from(sorted(forms)), data=st.data())
    @settings(max_examples=120, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def form_fields(form, data):
        action, method, fields = form
        values = {field: data.draw(HOSTILE) for field in fields}
        response = client.post(action, values) if method == "post" else client.get(action, values)
        assert response.status_code < 500

    query_parameters()
    form_fields()


#: One past the largest id a database stores (a signed 64-bit integer): SQLite raises OverflowError.
HUGE_ID = str(2**63)


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", f"/sok/oppna/{HUGE_ID}/?q=x"),
        ("post", f"/omdome/{HUGE_ID}/"),
    ],
)
def test_ids_beyond_what_the_database_stores_are_not_found(client, db, method, path):
    assert getattr(client, method)(path).status_code == 404


@pytest.mark.parametrize("path", ["/mina-guider/spara/", "/mina-guider/ta-bort/"])
@pytest.mark.parametrize("guide_id", [HUGE_ID, "-" + HUGE_ID, "99999999999999999999999"])
def test_a_member_posting_a_huge_guide_id_gets_not_found(client, member, path, guide_id):
    client.force_login(member)
    assert client.post(path, {"guide": guide_id}).status_code == 404


@pytest.mark.parametrize("charset", ["utf-16", "utf-32", "cp037"])
def test_a_form_in_a_charset_the_site_cannot_read_is_a_bad_request(db, charset):
    """A CSRF cookie makes the NUL filter and the CSRF check read the body; neither may turn the
    decoding error into a server error, and the answer is a plain 400 (gunicorn's bare 500 before)."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.get("/bli-medlem/")  # sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    body = f"csrfmiddlewaretoken={token}&name=\u00e5".encode("utf-16")
    response = browser.generic(
        "POST", "/bli-medlem/", body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
    )
    assert response.status_code == 400
