"""Swedish guide search: `get_engine()` returns the configured engine behind the seam in `search.base`."""


def get_engine():
    """The configured search engine (see search.registry); imported lazily to keep app loading light."""
    from search.registry import get_engine as configured_engine

    return configured_engine()


def health_check() -> dict:
    """The engine's own status for /healthz (plugged in through settings.HEALTH_CHECKS)."""
    return get_engine().status()
