import pytest


@pytest.fixture(autouse=True, scope="session")
def a_lexicon_of_this_session():
    """The lexicon is built once per process (lru_cache): each test session builds its own, so it
    tests this code's lexicon and not one an earlier run in the process left (mutation testing runs
    the tests once, then forks a process per mutant)."""
    from search import compounds

    compounds.lexicon.cache_clear()


@pytest.fixture(autouse=True)
def compounds_read_afresh(a_lexicon_of_this_session):
    """Compound readings are kept for the process (lru_cache): each test reads its words afresh, so
    it tests the splitter and not what an earlier test (or mutation testing's first run) kept."""
    from search import compounds

    compounds.split.cache_clear()
    compounds.parts.cache_clear()
