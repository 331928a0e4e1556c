"""Every form on the site that checks a password is limited like the members' login.

The forms are found, not listed: every address in the URLconf without parameters is opened by a
visitor, a member and an editor, and so are the pages behind a view password (a guide and a
document collection); each form with a password field is collected. Forms that choose a *new*
password (the confirmation and reset links) check no password — a signed token guards them — and
are left out. Each remaining form is then sent wrong passwords until it must refuse.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLResolver, get_resolver

PASSWORD = "ett-bra-lösenord-42"
LIMIT = 3


class PasswordForms(HTMLParser):
    """The forms of a page that have a password field: action, fields, and whether every password
    field asks for a new password."""

    def __init__(self):
        super().__init__()
        self.forms, self._form = [], None

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "form":
            self._form = {"action": attributes.get("action") or "", "fields": {}, "passwords": []}
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None and attributes.get("name"):
            if attributes.get("type") == "password":
                self._form["passwords"].append(attributes)
            else:
                self._form["fields"][attributes["name"]] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def plain_addresses(patterns=None, prefix=""):
    """Every address of the URLconf that takes no parameters."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from plain_addresses(pattern.url_patterns, route)
        elif not any(mark in route for mark in "<(^$\\") and "logout" not in route:
            yield "/" + route  # (logging out would end the browsers' sessions half-way)


@pytest.fixture
def doors(member, make_guide, django_user_model):
    """Addresses to open, with the browsers that open them."""
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

    editor = django_user_model.objects.create_superuser("redaktor", "redaktor@example.se", PASSWORD)
    guide = make_guide("Lösenordsskyddad", slug="losenordsskyddad")
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.PASSWORD, password="hemligt")
    collection = Collection.get_first_root_node().add_child(name="Skyddade")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="hemligt"
    )
    document = Document(title="Skyddad mall", collection=collection)
    document.file.save("mall.txt", ContentFile(b"mall"))
    document.save()

    visitor, logged_in, editing = (Client(raise_request_exception=False) for _ in range(3))
    logged_in.force_login(member)
    editing.force_login(editor)
    addresses = sorted(set(plain_addresses())) + [guide.url, document.url]
    return addresses, {"visitor": visitor, "member": logged_in, "editor": editing}


def password_forms(addresses, browsers):
    """{(browser, action): form} for every form with a password field that any of them is shown."""
    found = {}
    for who, browser in browsers.items():
        for address in addresses:
            if (who == "editor") != address.startswith("/admin/") and who != "visitor":
                continue  # editors' pages for the editor, the site for members, everything for visitors
            response = browser.get(address)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            parser = PasswordForms()
            parser.feed(response.content.decode())
            for form in parser.forms:
                if form["passwords"]:
                    found.setdefault((who, urljoin(address, form["action"]) or address), form)
    return found


def test_every_form_that_checks_a_password_is_limited(doors, settings, member):
    settings.MEMBERSHIP_LOGIN_RATE = settings.MEMBERSHIP_LOGIN_ACCOUNT_RATE = f"{LIMIT}/h"
    addresses, browsers = doors
    forms = password_forms(addresses, browsers)
    checking = {
        key: form for key, form in forms.items()
        if not all(field.get("autocomplete") == "new-password" for field in form["passwords"])
    }
    found = {action.split("?")[0] for _, action in checking}
    # The enumeration reaches every kind of door (if one goes missing, the test must be mended).
    assert {"/logga-in/", "/admin/login/", "/admin/account/", "/mitt-konto/radera/"} <= found, found
    assert any(action.startswith("/_util/authenticate_with_password/") for action in found), found
    assert any(action.startswith("/dokument/authenticate_with_password/") for action in found), found

    unlimited = []
    for (who, action), form in checking.items():
        cache.clear()  # each door starts with fresh counters
        guess = {**form["fields"], "username": member.username}
        guess.update({field["name"]: "fel-lösenord" for field in form["passwords"]})
        answers = [browsers[who].post(action, guess).status_code for _ in range(LIMIT + 1)]
        if answers[-1] != 429 or 429 in answers[:-1]:
            unlimited.append((who, action, answers))
    assert not unlimited


def test_the_limited_admin_views_keep_the_admins_own_checks(client, db):
    assert client.post("/admin/account/", {"password-old_password": "x"}).status_code == 302  # to the login
    assert "no-store" in client.get("/admin/login/")["Cache-Control"]


def test_wagtails_reader_login_sends_readers_to_the_one_login_form(client, db):
    response = client.get("/_util/login/?next=/chefsguider/")
    assert response.status_code == 302 and response["Location"] == "/logga-in/?next=/chefsguider/"
