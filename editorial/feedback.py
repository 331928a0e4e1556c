"""Reader feedback: "Var guiden till hjälp? Ja / Nej" with an optional comment on every guide.

A plain POST form (works without JavaScript) with CSRF protection; no login. One vote per
browser and guide is kept by a signed cookie listing the guides this browser has answered: it
holds guide ids only and identifies no one. Votes are rate limited per IP address in the cache
(django-ratelimit keeps a hashed counter, never the address itself).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing

COOKIE_NAME = "guideomdomen"
COOKIE_SALT = "editorial.feedback"
COOKIE_MAX_AGE = int(datetime.timedelta(days=365).total_seconds())
#: The cookie remembers this many answered guides at most (the newest ones).
COOKIE_MAX_GUIDES = 400


def feedback_rate(group, request) -> str:
    return getattr(settings, "EDITORIAL_FEEDBACK_RATE", "30/h")


def answered_guides(request) -> list[int]:
    """Ids of the guides this browser has answered, oldest first."""
    try:
        value = request.get_signed_cookie(COOKIE_NAME, default="", salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
    except signing.BadSignature:
        return []
    return [int(part) for part in value.split(".") if part.isdigit()]


def remember_answer(request, response, guide_id: int) -> None:
    answered = [pk for pk in answered_guides(request) if pk != guide_id] + [guide_id]
    response.set_signed_cookie(
        COOKIE_NAME,
        ".".join(map(str, answered[-COOKIE_MAX_GUIDES:])),
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
