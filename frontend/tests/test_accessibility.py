"""Every page type, as a manager meets it on a phone and on a desktop: no WCAG 2.1 A or AA violations
(axe-core) at 375 and 1280 px, with the script's states included; one h1; no sideways scrolling at
320 and 375 px; no errors from the Nu Html Checker, neither as the server sends the page nor as the
script leaves it."""

import pytest

from frontend.tests.browser import accessibility_problems, axe_violations, html_errors, rendered_html
from frontend.tests.test_browser import SECTIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGE_TYPES = {
    "start": "/",
    "catalogue": "/chefsguider/",
    "filtered catalogue": "/chefsguider/?omrade=lon&situation=lonerevision",
    "area": "/chefsguider/omrade/lon/",
    "situation": "/chefsguider/situation/lonerevision/",
    "guide": "/chefsguider/lonesamtal/",
    "members-only guide": "/chefsguider/medlemsguide/",
    "search results": "/chefsguider/?q=lönesamtal",
    "filtered search": "/chefsguider/?q=lönesamtal&omrade=lon&sortera=uppdaterad",
    "search without hits": "/chefsguider/?q=xyzzyqq",
    "tools": "/verktyg/",
    "follow-up plan": "/verktyg/uppfoljningsplan/?intervall=manad&start=2026-10-26&antal=3&langd=60&klockan=09:00",
    "process planner": "/verktyg/sjukskrivning/?start=2026-03-02&minst_60_dagar=on",
    "meeting pack": "/verktyg/motespaket/",
    "personal evaluation": "/verktyg/personlig-utvardering/",
    "experts": "/experten-svarar/",
    "podcast": "/podd/",
    "membership": "/bli-medlem/",
    "login": "/logga-in/",
    "privacy": "/integritet/",
    "404": "/finns-inte/",
}
WIDTHS = (375, 1280)


@pytest.fixture
def library(make_guide, indexed):
    make_guide("Lönesamtal med medarbetare", areas=["lon"], situations=["lonerevision"], body=SECTIONS,
               slug="lonesamtal", publish=True)
    make_guide("Lönekriterier", areas=["lon"], situations=["lonerevision"], publish=True)
    make_guide("Medlemsguide", areas=["arbetsratt"], slug="medlemsguide", members_only=True, publish=True)
    indexed()


def test_every_page_type_passes_axe_at_phone_and_desktop_width(live_server, audit_page, library):
    for width in WIDTHS:
        audit_page.set_viewport_size({"width": width, "height": 900})
        assert accessibility_problems(audit_page, live_server.url, PAGE_TYPES) == {}, width


def test_the_scripts_states_pass_axe(live_server, audit_page, library):
    page = audit_page
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{live_server.url}/chefsguider/?omrade=lon")
    page.get_by_role("button", name="Filtrera (1)").click()
    page.get_by_role("dialog").get_by_label("Lönerevision (2 guider)").check()
    page.get_by_role("button", name="Visa 2 guider").wait_for()
    assert axe_violations(page) == [], "filter panel"
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/")
        page.get_by_role("combobox", name="Sök bland guiderna").type("löne", delay=30)
        page.get_by_role("listbox").wait_for()
        page.keyboard.press("ArrowDown")
        assert axe_violations(page) == [], f"suggestions at {width}"


def test_no_page_type_scrolls_sideways_on_a_phone(live_server, audit_page, library):
    page = audit_page
    wide = {}
    for width in (320, 375):
        page.set_viewport_size({"width": width, "height": 800})
        for name, path in PAGE_TYPES.items():
            page.goto(f"{live_server.url}{path}")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                wide[f"{name} at {width}"] = scroll_width
    assert wide == {}


def test_pages_pass_the_html_checker_as_sent_and_as_the_script_leaves_them(live_server, audit_page, library):
    page = audit_page
    documents = {}
    for name, path in PAGE_TYPES.items():
        response = page.goto(f"{live_server.url}{path}")
        documents[f"{name} (server)"] = response.text()
        documents[f"{name} (script)"] = rendered_html(page)
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{live_server.url}/chefsguider/?q=lön")
    page.get_by_role("button", name="Filtrera").click()
    page.get_by_role("dialog").get_by_label("Lön (2 guider)").check()
    page.get_by_role("button", name="Visa 2 guider").wait_for()
    documents["filter panel"] = rendered_html(page)
    page.get_by_role("button", name="Visa 2 guider").click()
    field = page.get_by_role("combobox", name="Sök i guider")
    field.fill("lö")
    field.type("n", delay=30)
    page.get_by_role("listbox").wait_for()
    page.keyboard.press("ArrowDown")
    documents["suggestions"] = rendered_html(page)
    assert html_errors(documents) == {}
