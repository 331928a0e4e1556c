"""Shared pieces of the membership tests: a valid application and links in sent e-mails."""

import re

from django.core import mail

VALID = {
    "name": "Anna Andersson",
    "email": "anna@example.se",
    "employer": "Exempelkommunen",
    "job_title": "Enhetschef",
    "direct_reports": "12",
    "sector": "kommun-region",
    "consent": "on",
    "webbplats": "",
}


def mails_to(address) -> list:
    return [message for message in mail.outbox if address in message.to]


def link_in(message, prefix: str) -> str:
    """The path of the first link in an e-mail that starts with prefix."""
    match = re.search(r"http://testserver(" + re.escape(prefix) + r"\S*)", message.body)
    assert match, f"no {prefix} link in: {message.body}"
    return match.group(1)
