"""Results computed from content (search hits, facet counts) are kept until the content changes."""

import pytest
from django.core.cache import cache

from guides.catalogue import find_guides
from guides.models import GuideArea, GuidePage
from operations.content_cache import content_version, generation, invalidate, remember

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()


def test_a_value_is_computed_once_per_generation(kept):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert [remember("n", ("a",), compute), remember("n", ("a",), compute)] == [1, 1]
    assert remember("n", ("b",), compute) == 2  # other parts, other value
    invalidate()
    assert remember("n", ("a",), compute) == 3


def test_nothing_is_kept_when_the_page_cache_is_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    calls = []
    for _ in range(2):
        remember("n", (), lambda: calls.append(1))
    assert len(calls) == 2


def test_a_change_in_a_transaction_moves_the_shared_number_once_at_commit(kept, django_capture_on_commit_callbacks):
    from operations.models import ContentGeneration

    before = generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        invalidate()
        during = generation()
        assert during != before  # this thread sees its own uncommitted change at once...
        assert ContentGeneration.objects.get().value == int(before)  # ...others only after the commit
        invalidate()
        assert generation() not in (before, during)
    assert len(callbacks) == 1  # one update of the shared row per transaction
    assert ContentGeneration.objects.get().value > int(before)


def test_search_results_are_kept_until_the_content_changes(kept, make_guide, indexed):
    from search import get_engine

    guide = make_guide("Lönesamtalet steg för steg", slug="lonesamtalet")
    indexed()
    assert [hit.slug for hit in find_guides("lönesamtalet").guides] == ["lonesamtalet"]
    # The index changes behind the cache's back: the kept result is still served...
    get_engine().remove([guide.pk])
    assert [hit.slug for hit in find_guides("lönesamtalet").guides] == ["lonesamtalet"]
    # ...until the content changes, and then the engine is asked again.
    invalidate()
    assert find_guides("lönesamtalet").guides == []


def test_facet_counts_are_kept_until_the_content_changes(kept, make_guide):
    make_guide(areas=["lon"])
    other = make_guide(areas=["ledarskap"])

    def lon_count():
        return next(option.count for option in find_guides().facets["area"] if option.term.slug == "lon")

    assert lon_count() == 1
    # A link row written directly (not by publishing the guide) is not seen while counts are kept.
    GuidePage.areas.through.objects.create(guidepage=other, guidearea=GuideArea.objects.get(slug="lon"))
    assert lon_count() == 1
    invalidate()
    assert lon_count() == 2


def test_a_release_makes_everything_kept_stale(kept, client, make_guide):
    import io

    from django.core.management import call_command

    guide = make_guide("Före releasen")
    assert client.get(guide.url)["X-Cache"] == "miss" and client.get(guide.url)["X-Cache"] == "hit"
    out = io.StringIO()
    call_command("invalidate_caches", stdout=out)
    assert f"content generation is now {generation()}" in out.getvalue()
    assert client.get(guide.url)["X-Cache"] == "miss"


def test_restricting_any_page_makes_its_kept_copy_stale(kept, client, catalogue):
    from wagtail.models import PageViewRestriction

    assert client.get("/chefsguider/").status_code == 200
    assert client.get("/chefsguider/")["X-Cache"] == "hit"
    PageViewRestriction.objects.create(page=catalogue, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/chefsguider/").status_code == 302  # to the login, not the kept public copy


def test_a_cache_that_does_not_answer_fails_neither_the_change_nor_the_work_after_commit(
    db, settings, django_capture_on_commit_callbacks, caplog
):
    # A real Redis client pointed at a port where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    from django.db import transaction

    settings.PAGE_CACHE_SECONDS = 600
    after = []
    with django_capture_on_commit_callbacks(execute=True):
        invalidate()
        transaction.on_commit(lambda: after.append("search index updated"))
    assert after == ["search index updated"]
    # What is computed is still answered, only not kept.
    assert remember("n", (), lambda: "computed") == "computed"
    assert "Could not keep" in caplog.text
    # A release still starts (the Docker image runs this before gunicorn).
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("invalidate_caches", stdout=out)
    assert "content generation is now" in out.getvalue()


def test_a_generation_that_cannot_be_moved_fails_neither_the_change_nor_the_work_after_commit(
    db, django_capture_on_commit_callbacks, caplog, monkeypatch
):
    from django.db import transaction

    from operations.models import ContentGeneration

    def fail(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(ContentGeneration.objects, "filter", fail)
    after = []
    with django_capture_on_commit_callbacks(execute=True):
        invalidate()
        transaction.on_commit(lambda: after.append("search index updated"))
    assert after == ["search index updated"]
    (record,) = [record for record in caplog.records if record.name == "operations.content_cache"]
    assert record.getMessage() == "Could not mark cached pages and results stale"
    assert record.exc_info and record.exc_info[0] is RuntimeError


def test_a_kept_value_this_code_cannot_read_is_computed_again(kept, client, make_guide):
    """A value pickled by another release (here: of a class whose module is gone) is a miss."""
    import sys
    import types

    module = types.ModuleType("release_that_is_gone")
    exec("class Old:\n    pass", module.__dict__)
    sys.modules[module.__name__] = module
    remember("n", (), module.Old)
    del sys.modules[module.__name__]
    assert remember("n", (), lambda: "new") == "new"


def test_synonyms_are_read_again_when_the_content_changes(kept):
    from search.models import SynonymGroup
    from search.synonyms import current_synonyms

    assert current_synonyms().alternatives("fikapaus") == ()
    # Saved by another process: this process hears of it only through the shared generation.
    SynonymGroup.objects.bulk_create([SynonymGroup(words="fikapaus, kafferast")])
    assert current_synonyms().alternatives("fikapaus") == ()
    invalidate()
    assert "kafferast" in current_synonyms().alternatives("fikapaus")


# The generation counter and its clock -------------------------------------------------------------


def expires_in(key) -> float | None:
    """Seconds until the local-memory cache forgets `key`; None for never."""
    import time

    from django.core.cache import caches

    default = caches["default"]
    expiry = default._expire_info.get(default.make_key(key))
    return None if expiry is None else expiry - time.time()


def test_a_value_is_kept_for_its_own_time_or_the_page_cache_time(kept, settings):
    import hashlib

    remember("pdf", ("a",), lambda: b"%PDF", seconds=86_400)
    remember("facets", ("a",), lambda: {})
    digest = hashlib.sha256(repr(("a",)).encode()).hexdigest()
    assert 86_000 < expires_in(f"content:{generation()}:pdf:{digest}") <= 86_400
    seconds = settings.PAGE_CACHE_SECONDS
    assert seconds - 100 < expires_in(f"content:{generation()}:facets:{digest}") <= seconds


def test_a_cache_that_cannot_be_read_is_logged_with_the_key(kept, caplog, monkeypatch):
    from operations import content_cache

    def broken(*args, **kwargs):
        raise ConnectionError("the cache is gone")

    monkeypatch.setattr(content_cache.cache, "get", broken)
    assert content_cache.kept("page-cache:1:abc") is None
    (record,) = [record for record in caplog.records if record.name == "operations.content_cache"]
    assert record.levelname == "WARNING"
    assert record.getMessage() == "Could not read page-cache:1:abc from the cache; computing it"
    assert record.exc_info and record.exc_info[0] is ConnectionError


# The shared number: where it starts, how it moves, how a request reads it ------------------------


def moved_by_another_process(**changes):
    """Change the shared row as another gunicorn worker or a management command would."""
    from operations.models import ContentGeneration

    generation()  # the row exists from the first reading on
    ContentGeneration.objects.filter(pk=1).update(**changes)


def shared_row():
    from operations.models import ContentGeneration

    return ContentGeneration.objects.values_list("value", "changed_at").get(pk=1)


def test_a_new_database_starts_the_number_at_the_clock_in_microseconds(db):
    import time

    from operations.models import ContentGeneration

    ContentGeneration.objects.all().delete()
    ContentGeneration.objects.create(pk=7, value=1, changed_at=0).delete()  # ids were handed out before
    before = time.time()
    number = int(generation())
    assert before * 1_000_000 - 1 <= number <= time.time() * 1_000_000 + 1
    assert list(ContentGeneration.objects.values_list("pk", "value")) == [(1, number)]


def shared_part(key_part: str) -> int:
    """The shared number in a generation key part (a test's own transaction adds a mark of its change)."""
    return int(key_part.split("+")[0])


def test_the_number_grows_even_when_the_row_is_ahead_of_the_clock(db, django_capture_on_commit_callbacks):
    """After a clock set back, the row may hold a number beyond the clock: it still grows."""
    import time

    ahead = int((time.time() + 3600) * 1_000_000)
    moved_by_another_process(value=ahead)
    with django_capture_on_commit_callbacks(execute=True):
        invalidate()
    assert shared_row()[0] > ahead


def test_a_row_behind_the_clock_jumps_to_the_clock(db, django_capture_on_commit_callbacks):
    """An old backup restored brings back an old number: the next change never reuses numbers kept since."""
    import time

    moved_by_another_process(value=5)
    before = time.time()
    with django_capture_on_commit_callbacks(execute=True):
        invalidate()
    assert shared_row()[0] >= before * 1_000_000


def test_a_committed_change_moves_the_validators_etag_and_last_modified(db, django_capture_on_commit_callbacks):
    import time

    moved_by_another_process(changed_at=1_000_000.0)
    version, _ = content_version()
    assert version == generation() and shared_part(version) == shared_row()[0]
    before = time.time()
    with django_capture_on_commit_callbacks(execute=True):
        invalidate()
    value, changed_at = shared_row()
    assert value > shared_part(version) and before <= changed_at <= time.time()
    assert shared_part(content_version()[0]) == value


def test_an_uncommitted_change_moves_this_threads_validators_at_once(db):
    import time

    from django.db import transaction

    committed = content_version()
    with transaction.atomic():
        before = time.time()
        invalidate()
        version, changed_at = content_version()
        assert version == generation() != committed[0]
        assert before <= changed_at <= time.time()


def test_a_request_reads_the_shared_number_once(kept, client, make_guide):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from operations.models import ContentGeneration

    guide = make_guide("Lönesamtal")
    generation()  # the row exists (a new database makes it on the first reading)
    table = ContentGeneration._meta.db_table
    for _ in range(2):  # a miss that renders the page and keeps its results, then a hit
        with CaptureQueriesContext(connection) as queries:
            assert client.get(guide.url).status_code == 200
        assert len([query for query in queries if table in query["sql"]]) == 1


def test_after_a_request_code_outside_any_request_reads_the_current_number(kept, client, make_guide):
    """A command or the shell in the same thread must not go on with the number the request read."""
    guide = make_guide("Lönesamtal")
    client.get(guide.url)
    first = shared_part(generation())
    moved_by_another_process(value=first + 10)
    assert shared_part(generation()) == first + 10
    moved_by_another_process(value=first + 20)
    assert shared_part(generation()) == first + 20


def test_a_cache_that_cannot_be_written_is_logged_with_the_key(kept, caplog, monkeypatch):
    from operations import content_cache

    def broken(*args, **kwargs):
        raise ConnectionError("the cache is gone")

    monkeypatch.setattr(content_cache.cache, "set", broken)
    content_cache.keep("page-cache:1:abc", "sidan", 60)
    (record,) = [record for record in caplog.records if record.name == "operations.content_cache"]
    assert record.levelname == "WARNING"
    assert record.getMessage() == "Could not keep page-cache:1:abc in the cache"
    assert record.exc_info and record.exc_info[0] is ConnectionError
