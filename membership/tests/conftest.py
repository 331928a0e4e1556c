import pytest

from membership.tests.support import VALID


@pytest.fixture
def apply(client, db, django_capture_on_commit_callbacks):
    """POST the "Bli medlem" form: valid details, changed by keyword arguments. E-mails go out
    after commit, as on the live site (the test's own transaction never commits)."""

    def post(**changes):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/bli-medlem/", {**VALID, **changes})

    return post
