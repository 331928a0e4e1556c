"""Readers' and editors' journeys in real Chromium, with the anonymous page cache on as in production.

Every other browser test runs with the page cache off; these make sure a cached page never stands
in for the page a reader should get: a search, a filter, a member's guide, an editor's change.
"""

import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from search.models import SearchLog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SECRET = "Kriterierna för lönesättning i tabellform"
PASSWORD = "ett-bra-lösenord-42"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page(page):
    """The shared page fixture without the browser's own HTTP cache: each visit reaches the server,
    as a new reader's would, rather than revalidating (304) and showing the first answer's headers."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return page


@pytest.fixture
def library(make_guide, indexed):
    guides = {
        "lonesamtal": make_guide(
            "Lönesamtal med medarbetare", slug="lonesamtal", areas=["lon"], situations=["lonerevision"],
            summary="Så förbereder du lönesamtalet.", publish=True,
        ),
        "feedback": make_guide("Ge och ta emot feedback", slug="feedback", areas=["kommunikation"], publish=True),
        "kriterier": make_guide(
            "Lönekriterier för chefer", slug="lonekriterier", areas=["lon"], members_only=True,
            body=[{"type": "rich_text", "value": f"<p>{SECRET}.</p>"}], publish=True,
        ),
    }
    indexed()
    return guides


def cache_state(response) -> str:
    """'hit' or 'miss' (the page cache's X-Cache header), '' when the cache did not take part."""
    return response.headers.get("x-cache", "")


def test_a_misspelt_search_leads_through_menade_du_to_the_corrected_results(live_server, page, library):
    for state in ("miss", "hit"):  # the second reader's search comes from the cache, suggestion and all
        page.goto(f"{live_server.url}/chefsguider/")
        field = page.get_by_role("combobox", name="Sök i guider")
        field.fill("lönesamtl")
        with page.expect_response(re.compile(r"/chefsguider/\?q=")) as answer:
            field.press("Enter")
        assert cache_state(answer.value) == state and "private" in answer.value.headers["cache-control"]
        suggestion = page.locator(".did-you-mean")
        expect(suggestion).to_have_text("Menade du lönesamtal?")
    assert SearchLog.objects.filter(query="lönesamtl").count() == 2  # each reader's search logged once
    suggestion.get_by_role("link", name="lönesamtal").click()
    page.wait_for_url(re.compile(r"q=l%C3%B6nesamtal$"))
    expect(page.locator(".guide-card").first).to_contain_text("Lönesamtal med medarbetare")
    expect(page.locator(".did-you-mean")).to_have_count(0)


def test_one_filtered_address_with_two_query_strings_is_served_from_the_cache_correctly(live_server, page, library):
    # Members-only guides are listed like any other; only their body is for members.
    expected = {
        "omrade=lon": ["Lönekriterier för chefer", "Lönesamtal med medarbetare"],
        "omrade=kommunikation": ["Ge och ta emot feedback"],
        "": ["Ge och ta emot feedback", "Lönekriterier för chefer", "Lönesamtal med medarbetare"],
    }
    for attempt in ("miss", "hit"):
        for query, titles in expected.items():
            response = page.goto(f"{live_server.url}/chefsguider/?{query}")
            assert cache_state(response) == attempt, query
            guides = "1 guide" if len(titles) == 1 else f"{len(titles)} guider"
            within = " inom ditt val" if query else ""  # only a chosen filter makes it "ditt val"
            expect(page.locator("[data-result-count]")).to_have_text(f"Det finns {guides}{within}")
            listed = page.locator(".guide-card__title a").all_inner_texts()
            assert sorted(listed) == titles, query
    # The script asks for the same address as a fragment: kept apart from the whole page.
    page.goto(f"{live_server.url}/chefsguider/?omrade=lon")
    page.get_by_label(re.compile(r"^Kommunikation \(")).check()
    expect(page.locator("[data-result-count]")).to_have_text("Det finns 3 guider inom ditt val")
    assert parse_qs(urlparse(page.url).query) == {"omrade": ["lon", "kommunikation"]}
    response = page.goto(page.url)
    assert "<html" in response.text() and cache_state(response) == "miss"


def test_a_guide_downloads_as_a_pdf_that_opens(live_server, page, library):
    from pypdf import PdfReader

    page.goto(f"{live_server.url}/chefsguider/lonesamtal/")
    assert cache_state(page.goto(f"{live_server.url}/chefsguider/lonesamtal/")) == "hit"
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner som PDF").click()
    assert download.value.suggested_filename == "lonesamtal.pdf"
    reader = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    text = " ".join(" ".join((page_.extract_text() or "").split()) for page_ in reader.pages)
    assert "Lönesamtal med medarbetare" in text and "Så förbereder du lönesamtalet." in text


def members_guide_is_readable(page, url) -> bool:
    page.goto(url)
    readable = page.get_by_text(SECRET).count() > 0
    gated = page.get_by_role("heading", name="Den här guiden är för medlemmar").count() > 0
    assert readable != gated, "the guide shows both its body and the members' gate, or neither"
    return readable


def log_in(page, base_url, email, password=PASSWORD):
    page.goto(f"{base_url}/logga-in/")
    page.get_by_label("E-postadress").fill(email)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()


def test_apply_confirm_from_the_mail_choose_a_password_log_in_and_read_a_members_guide(live_server, page, library):
    guide_url = f"{live_server.url}/chefsguider/lonekriterier/"
    assert not members_guide_is_readable(page, guide_url)
    assert not members_guide_is_readable(page, guide_url)  # now from the cache, still gated

    page.goto(f"{live_server.url}/bli-medlem/")
    page.get_by_label("Namn").fill("Maja Medlem")
    page.get_by_label("E-postadress").fill("maja@example.se")
    page.get_by_label("Arbetsgivare").fill("Exempelbolaget AB")
    page.get_by_label("Titel").fill("Enhetschef")
    page.get_by_label("Antal medarbetare som rapporterar direkt till dig").fill("8")
    page.get_by_label("Privat").check()
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Skicka ansökan").click()
    page.wait_for_url(re.compile(r"/bli-medlem/tack/$"))
    assert not members_guide_is_readable(page, guide_url)  # applying is not confirming

    (message,) = mail.outbox
    assert message.to == ["maja@example.se"]
    link = re.search(r"https?://\S+/bli-medlem/bekrafta/\S+/", message.body).group(0)
    page.goto(live_server.url + urlparse(link).path)
    page.get_by_label("Välj ett lösenord").fill(PASSWORD)
    page.get_by_label("Skriv lösenordet igen").fill(PASSWORD)
    page.get_by_role("button", name="Bekräfta och bli medlem").click()
    page.wait_for_url(re.compile(r"/mina-guider/$"))

    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()
    assert not members_guide_is_readable(page, guide_url)
    log_in(page, live_server.url, "maja@example.se")
    assert members_guide_is_readable(page, guide_url)
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()
    # The member's page was never stored for the next anonymous reader.
    assert not members_guide_is_readable(page, guide_url)


def test_a_saved_guide_is_listed_in_mina_guider(live_server, page, library, make_member):
    make_member("kim@example.se")
    page.goto(f"{live_server.url}/chefsguider/feedback/")
    page.goto(f"{live_server.url}/chefsguider/feedback/")  # cached for anonymous readers now
    log_in(page, live_server.url, "kim@example.se")
    page.goto(f"{live_server.url}/chefsguider/feedback/")
    page.get_by_role("button", name="Spara i Mina guider").click()
    expect(page.locator(".save-guide__state")).to_contain_text("Sparad i Mina guider")
    page.goto(f"{live_server.url}/mina-guider/")
    expect(page.get_by_role("main")).to_contain_text("Ge och ta emot feedback")
    expect(page.get_by_role("main")).not_to_contain_text("Lönesamtal med medarbetare")


def test_a_change_an_editor_publishes_in_the_admin_reaches_the_next_anonymous_reader(
    live_server, browser, page, library, django_user_model
):
    django_user_model.objects.create_superuser("redaktor", "redaktor@chefsguider.example", "redaktörens-lösenord")
    guide = library["lonesamtal"]
    page.goto(f"{live_server.url}/chefsguider/lonesamtal/")
    assert cache_state(page.goto(f"{live_server.url}/chefsguider/lonesamtal/")) == "hit"

    # The editor works in a browser of their own (the admin's scripts are not the site's).
    editor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    try:
        admin = editor.new_page()
        admin.set_default_timeout(15_000)
        admin.goto(f"{live_server.url}/admin/login/")
        admin.locator("#id_username").fill("redaktor")
        admin.locator("#id_password").fill("redaktörens-lösenord")
        admin.locator("form button[type=submit]").first.click()
        admin.wait_for_url(re.compile(r"/admin/$"))
        admin.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")
        admin.locator("#id_title").fill("Lönesamtal som leder framåt")
        admin.locator("button[name='action-publish']").dispatch_event("click")
        admin.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    finally:
        editor.close()

    response = page.goto(f"{live_server.url}/chefsguider/lonesamtal/")
    assert cache_state(response) == "miss"
    expect(page.get_by_role("heading", level=1)).to_have_text("Lönesamtal som leder framåt")
    response = page.goto(f"{live_server.url}/chefsguider/")
    expect(page.locator(".guide-card").filter(has_text="Lönesamtal som leder framåt")).to_have_count(1)
