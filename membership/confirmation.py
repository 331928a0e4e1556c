"""The double opt-in link: a signed, timestamped token naming one application, valid for 7 days."""

from __future__ import annotations

import datetime

from django.core import signing

from membership.models import Application

SALT = "membership.confirm"
MAX_AGE = datetime.timedelta(days=7)


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def make_token(application: Application) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object({"id": application.pk, "email": application.email})


def application_for(token: str) -> Application:
    """The application a token names, or LinkExpired / LinkInvalid."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise LinkExpired from None
    except signing.BadSignature:
        raise LinkInvalid from None
    try:
        # The email must still match: a link names an address, not just a row number.
        return Application.objects.get(pk=data["id"], email=data["email"])
    except (Application.DoesNotExist, KeyError, TypeError):
        raise LinkInvalid from None
