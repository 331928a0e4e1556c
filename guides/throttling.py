"""Rate limits on searching: full-text searches and suggestions per IP address.

Filtering without a query is cheap and cacheable, so only requests with a query count.
Rates are the settings SEARCH_RATE and SUGGEST_RATE (django-ratelimit syntax, e.g. "120/m").
"""

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def client_address(group, request) -> str:
    """The visitor's address for counting, from RATELIMIT_IP_META_KEY behind a proxy.

    django-ratelimit's own "ip" key fails with a KeyError when a server leaves REMOTE_ADDR out
    (a unix socket); such requests share one counter instead of failing.
    """
    meta_key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    return request.META.get(meta_key, "").split(",")[0].strip() or "unknown"


def searches_exceeded(request) -> bool:
    return is_ratelimited(request, group="search", key=client_address, rate=settings.SEARCH_RATE, increment=True)


def suggestions_exceeded(request) -> bool:
    return is_ratelimited(request, group="suggest", key=client_address, rate=settings.SUGGEST_RATE, increment=True)
