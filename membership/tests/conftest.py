import pytest
from django.core.cache import cache

from membership.tests.support import VALID


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()  # django-ratelimit counts in the cache: one test must not throttle the next
    yield
    cache.clear()


@pytest.fixture
def apply(client, db, django_capture_on_commit_callbacks):
    """POST the "Bli medlem" form: valid details, changed by keyword arguments. E-mails go out
    after commit, as on the live site (the test's own transaction never commits)."""

    def post(**changes):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/bli-medlem/", {**VALID, **changes})

    return post
