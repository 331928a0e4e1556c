"""Rate limits against bots and password guessing, on django-ratelimit's counters in the cache.

The rates are settings (MEMBERSHIP_*_RATE, e.g. "10/h"); the counters live in the default cache,
so with LocMemCache each server process counts on its own (see docs/operations.md).

Every form that checks a password — the members' and the editors' logins, a page's view
password, the account deletion, the admin's password change — counts its wrong guesses here:
per address (one guesser trying many accounts) and per account from addresses the account has
not logged in from lately (many addresses trying one account). The owner's usual addresses are
left out of the per-account count, so a stranger's guesses never lock the owner out at home.
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.template.response import TemplateResponse
from django_ratelimit.core import get_usage, is_ratelimited

from operations.throttling import client_address

TOO_MANY = "Du har gjort för många försök på kort tid. Vänta en stund och försök igen."
#: How long an address an account logged in from counts as the account's own.
USUAL_ADDRESS_DAYS = 30


def applications_exceeded(request) -> bool:
    """Counts every application sent from this address, valid or not."""
    return is_ratelimited(
        request, group="membership.apply", key=client_address, rate=settings.MEMBERSHIP_APPLY_RATE, increment=True
    )


def application_mail_exceeded(request, email: str) -> bool:
    """Counts confirmation mails to one address: resubmitting the form must not mail it again
    and again (a way to flood someone's inbox from many addresses)."""
    return is_ratelimited(
        request,
        group="membership.apply.mail",
        key=lambda group, request: email,
        rate=settings.MEMBERSHIP_APPLICATION_MAIL_RATE,
        increment=True,
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


def account_name(typed: str) -> str:
    """The account a typed login name means: Django compares names after NFKC normalisation (a
    fullwidth "ｍａｊａ＠example.se" is maja@example.se), the login form strips and lower-cases
    e-mail addresses; the counters must not tell apart what authentication does not."""
    return unicodedata.normalize("NFKC", typed or "").strip().casefold()


def _usual_address_key(account: str, request) -> str:
    digest = hashlib.sha256(f"{account}|{client_address(None, request)}".encode()).hexdigest()
    return f"membership.login.usual:{digest}"


def _limits(request, account: str):
    """(group, key function, rate) of each limit that applies to a guess at `account` from here."""
    yield "password.address", client_address, settings.MEMBERSHIP_LOGIN_RATE
    if not cache.get(_usual_address_key(account, request)):
        yield "password.account", (lambda group, request: account), settings.MEMBERSHIP_LOGIN_ACCOUNT_RATE


def guesses_exceeded(request, account: str) -> bool:
    """Whether wrong guesses at `account` from this address reached a limit (nothing is counted)."""
    for group, key, rate in _limits(request, account):
        usage = get_usage(request, group=group, key=key, rate=rate, increment=False)
        if usage and usage["count"] >= usage["limit"]:
            return True
    return False


def count_wrong_guess(request, account: str) -> None:
    for group, key, rate in _limits(request, account):
        get_usage(request, group=group, key=key, rate=rate, increment=True)


def _remember_usual_address(sender, request, user, **kwargs) -> None:
    if request is not None:
        key = _usual_address_key(account_name(user.get_username()), request)
        cache.set(key, True, USUAL_ADDRESS_DAYS * 24 * 3600)


user_logged_in.connect(_remember_usual_address, dispatch_uid="membership-usual-address")


def posted_login_name(request, *args, **kwargs) -> str:
    return account_name(request.POST.get("username", ""))


def own_account(request, *args, **kwargs) -> str:
    return account_name(request.user.get_username())


def limit_password_guesses(account):
    """For a view whose POST checks a password: refused (429) once `account(request, *args,
    **kwargs)` or this address reached a limit, without checking; a POST answered with the form
    again (200: a right password redirects) counts as a wrong guess."""

    def decorate(view):
        @functools.wraps(view)
        def limited(request, *args, **kwargs):
            if request.method != "POST":
                return view(request, *args, **kwargs)
            name = account(request, *args, **kwargs)
            if guesses_exceeded(request, name):
                return TemplateResponse(request, "membership/too_many_attempts.html", {"error": TOO_MANY}, status=429)
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                count_wrong_guess(request, name)
            return response

        return limited

    return decorate
