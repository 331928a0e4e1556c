"""Publishing keeps the configured engine's index current, and `rebuild_search_index` rebuilds it."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from search.registry import get_engine, reset_engine
from search.testing import ENGINE_PARAMS


@pytest.fixture(params=ENGINE_PARAMS)
def engine(request, settings, tmp_path, db):
    """The engine get_engine() serves, of each kind in turn, with an index of its own."""
    settings.CHEFSGUIDER_SEARCH_ENGINE = request.param
    settings.CHEFSGUIDER_SEARCH_INDEX_DIR = tmp_path / "index"
    reset_engine()
    get_engine().rebuild([])  # start empty: only what the test does reaches the index
    yield get_engine()
    reset_engine()


def found(engine, query):
    return [hit.id for hit in engine.search(query).hits]


def test_rebuild_search_index_indexes_every_live_guide(engine, make_guide):
    delegation = make_guide("Delegera med tydlighet", summary="Lämna över ansvar.")
    draft = make_guide("Hemlig omorganisation")
    draft.live = False
    draft.save()
    output = StringIO()

    call_command("rebuild_search_index", stdout=output)

    assert found(engine, "delegera") == [delegation.pk]
    assert found(engine, "omorganisation") == []
    assert f"with {engine.name}" in output.getvalue()


def test_publishing_indexes_a_guide_and_unpublishing_removes_it(engine, make_guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        guide = make_guide("Arbetsplatsträffar som engagerar", publish=True)
    assert found(engine, "arbetsplatsträff") == [guide.pk]

    guide.refresh_from_db()  # publishing saved another copy of the page
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    assert found(engine, "arbetsplatsträff") == []


def test_deleting_a_guide_removes_it(engine, make_guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        guide = make_guide("Referenstagning som ger svar", publish=True)
    assert found(engine, "referenstagning") == [guide.pk]  # else the deletion would prove nothing
    with django_capture_on_commit_callbacks(execute=True):
        guide.delete()
    assert found(engine, "referenstagning") == []


def test_a_moved_guide_is_indexed_as_it_now_is(engine, make_guide, django_capture_on_commit_callbacks):
    guide = make_guide("Leda på distans")
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=guide.pk).move(guide.get_parent(), pos="first-child")
    assert found(engine, "distans") == [guide.pk]


def test_guides_behind_a_view_restriction_are_not_indexed(engine, make_guide, django_capture_on_commit_callbacks):
    private = make_guide("Kalibreringsmöte för chefer")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert found(engine, "kalibreringsmöte") == []

    call_command("rebuild_search_index", stdout=StringIO())
    assert found(engine, "kalibreringsmöte") == []
    assert engine.suggest("kalib") == []

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert found(engine, "kalibreringsmöte") == [private.pk]
