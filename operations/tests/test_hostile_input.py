"""Hostile input: random and malicious values in every query parameter and form field of every
kind of page give a clear answer, never a server error.

The pages are found by following the site's own links from the front page and the known entry
points (query strings kept: the meeting pack is linked as ?guide=…), and by filling each GET form
in once as a reader would, so result pages and their exports (calendar files, PDFs) are crawled
too; the forms are read from each page's HTML, so new pages and fields are covered without listing
them here. The crawl runs for a visitor and for a member (the question form and the letters are
theirs). Every kind of page (its template, or its content type) and every form has its own budget
of hostile examples. Django's test client raises on any exception in a view, so a 500 fails loudly.
"""

from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

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
#: What a reader types into a GET form's empty fields, by the field's type, to see its results.
EXAMPLE_VALUES = {"date": "2026-03-02", "time": "09:00", "text": "Exempel", "search": "lönesamtal"}
#: Pages of one kind kept for the hostile values (a landing page per area adds nothing new).
PAGES_PER_KIND = 3
MAX_REQUESTS = 400
#: Hostile examples for each kind of page and for each form.
EXAMPLES_PER_KIND = 12
EXAMPLES_PER_FORM = 25
#: What the crawl must reach, by address: each kind of page the issue found missed (#21).
MUST_REACH = {
    "the meeting pack with a guide chosen": "/verktyg/motespaket/?guide=",
    "the meeting pack's PDF": "/verktyg/motespaket/pdf/",
    "a guide's PDF": "/verktyg/pdf/",
    "a calendar file of a planner": "/kalender/",
    "a planner's result": "/verktyg/sjukskrivning/?",
}
MUST_HAVE_FORMS = {
    "the personal evaluation": "/verktyg/personlig-utvardering/pdf/",
    "the membership application": "/bli-medlem/",
}
MEMBERS_FORMS = {"the question to the expert": "/experten-svarar/fraga/"}


class Page(HTMLParser):
    """The internal links and the forms (action, method, each field's type and value) of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links, self.forms, self.select = set(), [], None

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        fields = self.forms[-1]["fields"] if self.forms else None
        name = attributes.get("name")
        if tag == "a" and attributes.get("href"):
            self.links.add(attributes["href"])
        elif tag == "form":
            self.forms.append({"action": attributes.get("action") or "", "method": (attributes.get("method")
                               or "get").lower(), "fields": {}})
        elif fields is None or not name or name == "csrfmiddlewaretoken":
            if tag == "option" and self.select and (self.select not in fields or "selected" in attributes):
                fields[self.select] = ("select", attributes.get("value", ""))
        elif tag == "input" and attributes.get("type") in ("radio", "checkbox"):
            if "checked" in attributes or (attributes["type"] == "radio" and name not in fields):
                fields[name] = (attributes["type"], attributes.get("value", "on"))
            else:
                fields.setdefault(name, (attributes["type"], None))
        elif tag in ("input", "textarea"):
            fields[name] = (attributes.get("type", "text"), attributes.get("value") or "")
        elif tag == "select":
            self.select = name
            fields.setdefault(name, ("select", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def filled_in(form) -> dict:
    """A GET form's fields as a reader sends them: the page's own values, examples in the empty ones."""
    values = {}
    for name, (kind, value) in form["fields"].items():
        if value is None:  # an unchecked box
            continue
        values[name] = value or EXAMPLE_VALUES.get(kind, "1" if kind == "number" else "")
    return values


def crawl(client):
    """Pages reachable from the entry points: {address: (kind, forms)}, PAGES_PER_KIND of each kind.

    An address is visited once per path and set of parameter names (/chefsguider/?omrade=lon and
    ?omrade=hr are one visit)."""
    queue, seen, pages, kinds, requests = list(ENTRY_POINTS), set(), {}, {}, 0
    while queue and requests < MAX_REQUESTS:
        address = queue.pop(0)
        parts = urlsplit(address)
        visit = (parts.path, tuple(sorted({name for name, _ in parse_qsl(parts.query)})))
        if visit in seen or parts.path.startswith(SKIPPED):
            continue
        seen.add(visit)
        response = client.get(address)
        requests += 1
        assert response.status_code < 500, address
        if response.status_code != 200:
            continue
        templates = [template.name for template in response.templates if template.name]
        # A kind of page: its template (or content type) and the parameters it was asked with.
        kind = (templates[0] if templates else response["Content-Type"].split(";")[0]) + "?" + ",".join(visit[1])
        if kinds.setdefault(kind, 0) >= PAGES_PER_KIND:
            continue
        kinds[kind] += 1
        if "html" not in response["Content-Type"]:
            pages[address] = (kind, [])
            continue
        parser = Page()
        parser.feed(response.content.decode())
        pages[address] = (kind, parser.forms)
        links = [urljoin(address, link) for link in parser.links]
        links += [f"{urljoin(address, form['action'])}?{urlencode(filled_in(form))}"
                  for form in parser.forms if form["method"] == "get" and form["fields"]]
        for link in links:
            target = urlsplit(link)
            if target.scheme in ("", "http") and target.netloc in ("", "testserver"):
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return pages


@pytest.fixture
def site(make_guide, indexed, settings):
    settings.SEARCH_RATE = settings.SUGGEST_RATE = "1000000/m"
    for name in ("MEMBERSHIP_APPLY_RATE", "EDITORIAL_FEEDBACK_RATE", "EXPERTS_QUESTION_RATE"):
        setattr(settings, name, "1000000/h")
    make_guide("Lönesamtal", areas=["lon"], situations=["lonerevision"], slug="lonesamtal", publish=True)
    make_guide("Medlemsguide", areas=["arbetsratt"], members_only=True, slug="medlemsguide", publish=True)
    indexed()


@pytest.mark.parametrize("reader", ["visitor", "member"])
def test_every_parameter_and_field_of_every_kind_of_page_survives_hostile_input(client, site, member, reader):
    if reader == "member":
        client.force_login(member)
    pages = crawl(client)
    forms = {(urljoin(address, form["action"]).split("?")[0], form["method"], tuple(sorted(form["fields"])))
             for address, (_, page_forms) in pages.items() for form in page_forms}
    forms = {form for form in forms if not urlsplit(form[0]).path.startswith(SKIPPED)}  # not logging out
    for what, address in MUST_REACH.items():
        assert any(address in page for page in pages), f"the crawl missed {what}: {sorted(pages)}"
    wanted = {**MUST_HAVE_FORMS, **(MEMBERS_FORMS if reader == "member" else {})}
    for what, action in wanted.items():
        assert any(form[0] == action for form in forms), f"the crawl missed the form of {what}: {sorted(forms)}"

    by_kind = {}
    for address, (kind, _) in pages.items():
        by_kind.setdefault(kind, []).append(address)
    for kind, addresses in sorted(by_kind.items()):
        send_hostile_parameters(client, kind, addresses)
    for form in sorted(forms):
        fill_in_hostile_values(client, *form)


def send_hostile_parameters(client, kind, addresses):
    """EXAMPLES_PER_KIND requests to pages of one kind, hostile values in their own and the usual parameters."""
    parameters = sorted({*QUERY_PARAMETERS, *(name for address in addresses
                                               for name, _ in parse_qsl(urlsplit(address).query))})

    @given(address=st.sampled_from(addresses), values=st.dictionaries(st.sampled_from(parameters), HOSTILE))
    @settings(max_examples=EXAMPLES_PER_KIND, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def query_parameters(address, values):
        parts = urlsplit(address)
        assert client.get(parts.path, {**dict(parse_qsl(parts.query)), **values}).status_code < 500, kind

    query_parameters()


def fill_in_hostile_values(client, action, method, fields):
    """EXAMPLES_PER_FORM submissions of one form, a hostile value in each field."""

    @given(data=st.data())
    @settings(max_examples=EXAMPLES_PER_FORM, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def form_fields(data):
        values = {field: data.draw(HOSTILE) for field in fields}
        response = client.post(action, values) if method == "post" else client.get(action, values)
        assert response.status_code < 500, action

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
