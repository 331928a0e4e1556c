import pytest
from django.core.cache import cache


@pytest.fixture
def kept_fragments(settings):
    """Guide fragments and routes kept per content generation, as in every deployment (the test
    settings turn them off), in a cache emptied before and after."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()
