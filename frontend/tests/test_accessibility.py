"""axe-core finds no WCAG 2.1 A or AA violations on any page type, and each page has one h1."""

import pytest

from frontend.browser_testing import accessibility_problems
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
    "search without hits": "/chefsguider/?q=xyzzyqq",
    "404": "/finns-inte/",
}


@pytest.fixture
def library(make_guide, indexed):
    make_guide("Lönesamtal med medarbetare", areas=["lon"], situations=["lonerevision"], body=SECTIONS,
               slug="lonesamtal", publish=True)
    make_guide("Lönekriterier", areas=["lon"], situations=["lonerevision"], publish=True)
    make_guide("Medlemsguide", areas=["arbetsratt"], slug="medlemsguide", members_only=True, publish=True)
    indexed()


def test_every_page_type_passes_axe(live_server, audit_page, library):
    assert accessibility_problems(audit_page, live_server.url, PAGE_TYPES) == {}
