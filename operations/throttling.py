"""Rate limits on searching: full-text searches and suggestions per IP address.

Filtering without a query is cheap and cacheable, so only requests with a query count.
Rates are the settings SEARCH_RATE and SUGGEST_RATE (django-ratelimit syntax, e.g. "120/m").
"""

import ipaddress

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def client_address(group, request) -> str:
    """THE rate-limit key of every per-address limit on the site: the visitor's address, from
    RATELIMIT_IP_META_KEY behind a proxy, an IPv6 address by its /64 network as django-ratelimit's
    "ip" key counts it (RATELIMIT_IPV4_MASK / RATELIMIT_IPV6_MASK).

    django-ratelimit's own "ip" key fails (KeyError or ImproperlyConfigured: a 500) when a server
    leaves REMOTE_ADDR out or empty (a unix socket); such requests share one counter instead.
    """
    meta_key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    value = request.META.get(meta_key, "").split(",")[0].strip()
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return value or "unknown"
    if address.version == 6:
        prefix = getattr(settings, "RATELIMIT_IPV6_MASK", 64)
    else:
        prefix = getattr(settings, "RATELIMIT_IPV4_MASK", 32)
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address)


def searches_exceeded(request) -> bool:
    return is_ratelimited(request, group="search", key=client_address, rate=settings.SEARCH_RATE, increment=True)


def suggestions_exceeded(request) -> bool:
    return is_ratelimited(request, group="suggest", key=client_address, rate=settings.SUGGEST_RATE, increment=True)
