"""Rate limits against bots and password guessing, on django-ratelimit's counters in the cache.

The rates are settings (MEMBERSHIP_*_RATE, e.g. "10/h"); the counters live in the default cache,
so with LocMemCache each server process counts on its own (see docs/operations.md)."""

from __future__ import annotations

from django.conf import settings
from django_ratelimit.core import get_usage, is_ratelimited

from guides.throttling import client_address


def applications_exceeded(request) -> bool:
    """Counts every application sent from this address, valid or not."""
    return is_ratelimited(
        request, group="membership.apply", key=client_address, rate=settings.MEMBERSHIP_APPLY_RATE, increment=True
    )


def password_resets_exceeded(request) -> bool:
    """Counts every reset requested from this address: each one sends an e-mail."""
    return is_ratelimited(
        request,
        group="membership.password_reset",
        key=client_address,
        rate=settings.MEMBERSHIP_PASSWORD_RESET_RATE,
        increment=True,
    )


def _login_name(group, request) -> str:
    return request.POST.get("username", "").strip().lower()


#: Failed logins are counted per address and per login name: one stops a guesser trying many
#: accounts, the other many addresses trying one account.
_LOGIN_LIMITS = (("membership.login.ip", client_address), ("membership.login.name", _login_name))


def logins_exceeded(request) -> bool:
    """Whether failed logins reached the limit; a correct password never counts."""
    for group, key in _LOGIN_LIMITS:
        usage = get_usage(request, group=group, key=key, rate=settings.MEMBERSHIP_LOGIN_RATE, increment=False)
        if usage and usage["count"] >= usage["limit"]:
            return True
    return False


def count_failed_login(request) -> None:
    for group, key in _LOGIN_LIMITS:
        get_usage(request, group=group, key=key, rate=settings.MEMBERSHIP_LOGIN_RATE, increment=True)
