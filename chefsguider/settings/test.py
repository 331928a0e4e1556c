"""Test settings: a private data folder per test process, fast hashing, in-memory mail."""

import os
import tempfile

# Each pytest-xdist worker gets a folder of its own: the controller imports these settings first and
# its workers inherit its environment, so they would otherwise share one search index (one worker's
# rebuild replacing the index another is searching). Processes a test starts inherit their worker's.
_worker = os.environ.get("PYTEST_XDIST_WORKER")
if _worker and os.environ.get("CHEFSGUIDER_TEST_DATA_WORKER") != _worker:
    os.environ["CHEFSGUIDER_DATA_DIR"] = tempfile.mkdtemp(prefix=f"chefsguider-test-{_worker}-")
    os.environ["CHEFSGUIDER_TEST_DATA_WORKER"] = _worker
os.environ.setdefault("CHEFSGUIDER_DATA_DIR", tempfile.mkdtemp(prefix="chefsguider-test-"))

from chefsguider.settings.base import *  # noqa: E402,F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True
# Pages are cached per test where a test asks for it (operations/tests); elsewhere a rolled-back
# test database must never be answered from a page cached by an earlier test.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than SQLite's shared in-memory database, so that live-server tests run with
    # the production set-up (WAL, IMMEDIATE transactions, busy timeout) across threads.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405
# The Redis the page cache's and production settings' tests use (bin/test starts one at this address).
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
