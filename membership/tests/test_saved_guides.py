""""Mina guider": saving from the guide page with a plain POST form, the list most recent first,
and "uppdaterad sedan du sparade" for guides that changed after they were saved."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from membership.models import SavedGuide


@pytest.fixture
def reader(member):
    """A member's browser that enforces CSRF, as a real one does."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    return browser


def submit(browser, page_url, button_text):
    """Press a button of a form on a page, the way a browser without JavaScript does."""
    html = browser.get(page_url).content.decode()
    form = next(
        form for form in re.findall(r"<form.*?</form>", html, re.S) if button_text in form and 'method="post"' in form
    )
    action = re.search(r'action="([^"]+)"', form).group(1)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    return browser.post(action, fields)


def test_saving_a_guide_works_without_javascript(reader, member, make_guide):
    guide = make_guide("Lönesamtalet")

    response = submit(reader, guide.url, "Spara i Mina guider")

    assert response.status_code == 302 and response["Location"] == guide.url
    assert SavedGuide.objects.filter(user=member, guide=guide).exists()
    html = reader.get(guide.url).content.decode()
    assert "”Lönesamtalet” är sparad i Mina guider." in html
    assert "Ta bort från Mina guider" in html and "Spara i Mina guider" not in html


def test_saving_twice_keeps_one(reader, member, make_guide):
    guide = make_guide()
    submit(reader, guide.url, "Spara i Mina guider")
    again = reader.post(
        "/mina-guider/spara/", {"guide": guide.pk, "csrfmiddlewaretoken": reader.cookies["csrftoken"].value}
    )
    assert again.status_code == 302
    assert SavedGuide.objects.filter(user=member).count() == 1


def test_the_form_needs_its_csrf_token(reader, member, make_guide):
    guide = make_guide()
    assert reader.post("/mina-guider/spara/", {"guide": guide.pk}).status_code == 403
    assert not SavedGuide.objects.exists()


def test_taking_a_guide_out_again(reader, member, make_guide):
    guide = make_guide()
    submit(reader, guide.url, "Spara i Mina guider")

    submit(reader, guide.url, "Ta bort från Mina guider")

    assert not SavedGuide.objects.exists()
    assert "Spara i Mina guider" in reader.get(guide.url).content.decode()


def test_the_list_shows_the_most_recently_saved_first(client, member, make_guide):
    client.force_login(member)
    first, second, third = make_guide("Första"), make_guide("Andra"), make_guide("Tredje")
    for guide in (second, first, third):
        client.post("/mina-guider/spara/", {"guide": guide.pk})

    html = client.get("/mina-guider/").content.decode()

    titles = re.findall(r'<h2 class="guide-card__title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Tredje", "Första", "Andra"]


def test_a_guide_changed_after_saving_is_marked(client, member, make_guide):
    client.force_login(member)
    three_days_ago = timezone.now() - datetime.timedelta(days=3)
    unchanged = make_guide("Oförändrad", updated=datetime.date(2026, 1, 1))
    redated = make_guide("Nytt datum", updated=datetime.date(2026, 1, 1))
    republished = make_guide("Ny version", publish=True)
    SavedGuide.objects.create(user=member, guide=unchanged, saved_at=three_days_ago)
    SavedGuide.objects.create(user=member, guide=redated, saved_at=three_days_ago)
    SavedGuide.objects.create(user=member, guide=republished)
    republished.summary = "En bättre ingress."
    republished.save_revision().publish()
    redated.updated = timezone.localdate()
    redated.save()

    html = client.get("/mina-guider/").content.decode()

    marked = re.findall(r'>([^<]+)</a>\s*<span class="badge badge--news">uppdaterad sedan du sparade</span>', html)
    assert sorted(marked) == ["Ny version", "Nytt datum"]
    assert "Oförändrad" in html


def test_only_live_guides_of_ones_own_are_listed(client, member, make_member, make_guide):
    mine, someone_elses, withdrawn = make_guide("Min"), make_guide("Någon annans"), make_guide("Avpublicerad")
    SavedGuide.objects.create(user=member, guide=mine)
    SavedGuide.objects.create(user=member, guide=withdrawn)
    SavedGuide.objects.create(user=make_member(), guide=someone_elses)
    withdrawn.unpublish()
    client.force_login(member)

    html = client.get("/mina-guider/").content.decode()

    assert "Min" in html and "Någon annans" not in html and "Avpublicerad" not in html


def test_an_empty_list_says_how_to_save(client, member):
    client.force_login(member)
    assert "Du har inte sparat några guider än." in client.get("/mina-guider/").content.decode()


def test_visitors_are_sent_to_log_in(client, make_guide):
    guide = make_guide()
    assert client.get("/mina-guider/")["Location"] == "/logga-in/?next=/mina-guider/"
    assert client.post("/mina-guider/spara/", {"guide": guide.pk}).status_code == 302
    assert not SavedGuide.objects.exists()
    assert "Spara i Mina guider" not in client.get(guide.url).content.decode()


@pytest.mark.parametrize("next_url", ["https://elak.example/", "//elak.example/"])
def test_the_return_address_stays_on_the_site(client, member, make_guide, next_url):
    client.force_login(member)
    guide = make_guide()
    response = client.post("/mina-guider/spara/", {"guide": guide.pk, "next": next_url})
    assert response["Location"] == guide.url


@pytest.mark.parametrize("guide_id", ["", "abc", "999999"])
def test_an_unknown_guide_is_not_found(client, member, guide_id):
    client.force_login(member)
    assert client.post("/mina-guider/spara/", {"guide": guide_id}).status_code == 404


@pytest.mark.parametrize("path", ["/mina-guider/spara/", "/mina-guider/ta-bort/"])
def test_a_guide_restricted_to_a_group_cannot_be_saved_and_its_title_is_not_shown(
    client, member, related_guides_some_hidden, path
):
    restricted = related_guides_some_hidden.guides[2]
    client.force_login(member)
    assert client.post(path, {"guide": restricted.pk}).status_code == 404
    assert not SavedGuide.objects.filter(user=member, guide=restricted).exists()
    # Saved before the restriction came: no longer listed.
    SavedGuide.objects.create(user=member, guide=restricted)
    assert restricted.title not in client.get("/mina-guider/").content.decode()
