"""The starter library as readers see it, loaded the way bin/serve loads it: every guide says when
it was checked, the guides on law show where their facts come from, and every byline is true."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from editorial.library_lint import LEGAL_AREAS
from guides.models import GuidePage

pytestmark = pytest.mark.django_db
OFFICIAL_LINK = re.compile(r'<a href="(https://[^"]+)"')


@pytest.fixture
def starter_library(catalogue):
    call_command("load_starter_content", verbosity=0)
    return list(GuidePage.objects.live().prefetch_related("areas"))


def test_starter_pages_show_review_date_sources_and_true_bylines(starter_library, client):
    assert len(starter_library) >= 160
    missing_review, missing_sources, unresolved = [], [], []
    for guide in starter_library:
        html = client.get(guide.url).content.decode()
        if "Granskad: <time" not in html:
            missing_review.append(guide.slug)
        if "{{fakta" in html:
            unresolved.append(guide.slug)
        if {area.name for area in guide.areas.all()} & LEGAL_AREAS and not guide.members_only:
            sources = html.partition('<h2 id="kallor">Källor och lagar</h2>')[2].partition("</section>")[0]
            if not OFFICIAL_LINK.search(sources):
                missing_sources.append(guide.slug)
    assert (missing_review, missing_sources, unresolved) == ([], [], [])
    # No byline names a person who is not an editor in the admin (one test: loading the library is slow).
    editors = {user.get_full_name() for user in get_user_model().objects.all() if user.get_full_name()}
    bylines = {guide.author for guide in starter_library}
    assert bylines - editors == {"Chefsguiders redaktion"}
