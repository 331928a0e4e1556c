"""Settings of the real server processes that cross-process tests start: the test settings (a
private data folder, static files without a manifest) with the anonymous page cache on."""

from chefsguider.settings.test import *  # noqa: F403

PAGE_CACHE_SECONDS = 600
