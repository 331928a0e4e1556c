"""Shared test fixtures: a guide factory on the seeded catalogue, and terms by slug."""

import datetime
import itertools

import pytest

# One browser per test process for every app's browser tests (a second would clash).
from frontend.tests.browser import audit_page, browser, indexed, no_js_page, page  # noqa: F401

_counter = itertools.count(1)


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` need the PostgreSQL database: on SQLite they are skipped, saying so."""
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run with DATABASE_URL=postgres://… (bin/test does)")
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """django-ratelimit counts in the cache: one test must not throttle the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def catalogue(db):
    from guides.models import CataloguePage

    return CataloguePage.objects.get()


@pytest.fixture
def make_guide(catalogue):
    """Create a live guide: make_guide("Titel", areas=["lon"], situations=["lonerevision"])."""
    from guides.models import GuideArea, GuidePage, Situation

    def make(
        title=None,
        *,
        areas=("ledarskap",),
        situations=(),
        updated=None,
        summary="En kort ingress.",
        body=None,
        members_only=False,
        slug=None,
        publish=False,
    ):
        number = next(_counter)
        title = title or f"Guide {number}"
        guide = GuidePage(
            title=title,
            slug=slug or f"guide-{number}",
            summary=summary,
            author="Test Skribent",
            updated=updated or datetime.date(2026, 1, 1) + datetime.timedelta(days=number % 300),
            members_only=members_only,
            body=body or [{"type": "rich_text", "value": f"<p>Brödtext för {title}.</p>"}],
            live=not publish,
        )
        catalogue.add_child(instance=guide)
        guide.areas.set(GuideArea.objects.filter(slug__in=areas))
        guide.situations.set(Situation.objects.filter(slug__in=situations))
        guide.save()
        if publish:
            guide.save_revision().publish()
            guide.refresh_from_db()
        return guide

    return make


@pytest.fixture
def make_member(db):
    """Create a member (a confirmed application) and return the login: client.force_login(make_member())."""
    from django.utils import timezone

    from membership.models import Application

    def make(email=None, *, name="Maja Medlem", password="ett-bra-lösenord-42"):
        application = Application.objects.create(
            name=name,
            email=email or f"medlem{next(_counter)}@example.se",
            employer="Exempelbolaget AB",
            job_title="Enhetschef",
            direct_reports=8,
            sector="privat",
            consented_at=timezone.now(),
        )
        return application.confirm(password)

    return make


@pytest.fixture
def member(make_member):
    return make_member("maja@example.se")


@pytest.fixture
def related_guides_some_hidden(make_guide):
    """Four guides to link as related, in this order: public, draft, restricted to a group, public.

    A page that links them should list "Synlig ett" and "Synlig två", in that order, and nothing
    else: `.listed(html)` gives the titles in the page's list of related guides.
    """
    import re
    from types import SimpleNamespace

    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    first = make_guide("Synlig ett", slug="synlig-ett")
    draft = make_guide("Utkastet", slug="utkastet")
    draft.unpublish()
    restricted = make_guide("Bara för redaktörer", slug="bara-for-redaktorer")
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get_or_create(name="Redaktörer")[0]])
    second = make_guide("Synlig två", slug="synlig-tva")

    def listed(html: str) -> list[str]:
        section = re.search(r'<ul class="related__list">(.*?)</ul>', html, re.S)
        return re.findall(r">([^<]+)</a>", section.group(1)) if section else []

    return SimpleNamespace(guides=[first, draft, restricted, second], listed=listed)


@pytest.fixture
def today():
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture
def days(today):
    """days(-3) is three days ago, days(10) ten days from now."""
    return lambda n: today + datetime.timedelta(days=n)
