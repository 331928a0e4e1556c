"""Review dates and owners: defaults, "Granskad nu", the report, the dashboard and the reminders."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command

from editorial.models import ReviewReminder
from guides.models import GuidePage


def test_review_date_defaults_to_a_year_after_the_update(make_guide):
    guide = make_guide(updated=datetime.date(2026, 3, 14))
    assert guide.review_by == datetime.date(2027, 3, 14)
    leap = make_guide(updated=datetime.date(2028, 2, 29))
    assert leap.review_by == datetime.date(2029, 2, 28)


def test_an_editor_given_review_date_is_kept(make_guide):
    guide = make_guide(updated=datetime.date(2026, 3, 14))
    guide.review_by = datetime.date(2026, 6, 1)
    guide.save_revision().publish()
    guide.refresh_from_db()
    assert guide.review_by == datetime.date(2026, 6, 1)


def edit_form_data(guide, **changes):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = {
        "title": guide.title,
        "slug": guide.slug,
        "summary": guide.summary,
        "body": streamfield([("rich_text", rich_text("<p>Brödtext.</p>"))]),
        "author": guide.author,
        "updated": guide.updated.isoformat(),
        "form": guide.form,
        "sources": inline_formset([]),
        "review_owner": "",
        "review_by": guide.review_by.isoformat() if guide.review_by else "",
        "change_note": "",
    }
    data.update(changes)
    # Multiple-choice fields are repeated keys, not the indexed keys nested_form_data makes.
    return {**nested_form_data(data), "areas": [area.pk for area in guide.areas.all()]}


def test_marking_a_guide_reviewed_in_the_editor_dates_the_review_and_the_next_one(admin_client, make_guide, today):
    guide = make_guide(updated=datetime.date(2024, 1, 10))
    data = edit_form_data(guide, mark_reviewed="on", **{"action-publish": "publish"})
    response = admin_client.post(f"/admin/pages/{guide.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    guide.refresh_from_db()
    assert guide.reviewed_at == today
    leap_day = (today.month, today.day) == (2, 29)  # then next year's date is 28 February
    assert guide.review_by == today.replace(year=today.year + 1, day=28 if leap_day else today.day)
    page = admin_client.get(guide.url).content.decode()
    assert f'Granskad: <time datetime="{today.isoformat()}">' in page


def test_only_people_with_admin_access_can_own_a_review(admin_client, make_guide, make_editor, django_user_model):
    guide = make_guide()
    editor = make_editor("redaktor")
    member = django_user_model.objects.create_user("medlem", password="x")
    html = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    owner_select = re.search(r'<select name="review_owner".*?</select>', html, re.S).group(0)
    assert f'<option value="{editor.pk}">' in owner_select
    assert f'<option value="{member.pk}">' not in owner_select
    assert "Granskad nu" in html and "Vad har ändrats?" in html


@pytest.fixture
def review_library(make_guide, make_editor, days):
    anna = make_editor("anna", first_name="Anna")
    bo = make_editor("bo", first_name="Bo")

    def guide(title, review_by, owner, areas=("ledarskap",), live=True):
        page = make_guide(title, areas=areas)
        GuidePage.objects.filter(pk=page.pk).update(review_by=review_by, review_owner=owner, live=live)
        return page

    return {
        "anna": anna,
        "bo": bo,
        "overdue_lon": guide("Försenad lön", days(-10), anna, areas=["lon"]),
        "overdue_ledarskap": guide("Försenad ledarskap", days(-1), bo),
        "soon": guide("Snart dags", days(12), anna),
        "due_today": guide("Granskas i dag", days(0), None),
        "later": guide("Långt kvar", days(45), anna),
        "draft": guide("Opublicerad", days(-30), anna, live=False),
    }


def report_titles(client, query=""):
    response = client.get(f"/admin/redaktion/granskning/{query}")
    assert response.status_code == 200
    return [guide.title for guide in response.context["object_list"]]


def test_report_lists_overdue_and_due_within_30_days_most_urgent_first(admin_client, review_library):
    assert report_titles(admin_client) == ["Försenad lön", "Försenad ledarskap", "Granskas i dag", "Snart dags"]
    html = admin_client.get("/admin/redaktion/granskning/").content.decode()
    assert "Försenad" in html and "Snart" in html and "Ingen ansvarig" in html


def test_report_filters_by_area_owner_and_status(admin_client, review_library):
    anna, bo = review_library["anna"], review_library["bo"]
    from guides.models import GuideArea

    lon = GuideArea.objects.get(slug="lon")
    assert report_titles(admin_client, f"?area={lon.pk}") == ["Försenad lön"]
    assert report_titles(admin_client, f"?owner={anna.pk}") == ["Försenad lön", "Snart dags"]
    assert report_titles(admin_client, f"?owner={bo.pk}") == ["Försenad ledarskap"]
    assert report_titles(admin_client, "?owner=null") == ["Granskas i dag"]
    assert report_titles(admin_client, "?status=overdue") == ["Försenad lön", "Försenad ledarskap"]
    assert report_titles(admin_client, "?status=due_soon") == ["Granskas i dag", "Snart dags"]


def test_report_is_in_the_reports_menu_for_writers_too(client, make_editor, review_library):
    writer = make_editor("skribent", group="Skribenter")
    client.force_login(writer)
    assert client.get("/admin/redaktion/granskning/").status_code == 200
    assert "/admin/redaktion/granskning/" in client.get("/admin/").content.decode()


def test_report_is_closed_to_members(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("medlem", password="x"))
    assert client.get("/admin/redaktion/granskning/").status_code in {302, 403}


def test_dashboard_panel_counts_and_lists_the_editors_own_guides(client, review_library):
    client.force_login(review_library["anna"])
    html = client.get("/admin/").content.decode()
    assert "Guider att granska" in html
    assert "<strong>2</strong> försenade och <strong>2</strong> som ska granskas inom 30 dagar" in html
    assert "Dina guider (2)" in html and "Försenad lön" in html and "Snart dags" in html
    assert "Försenad ledarskap" not in html


def test_reminders_mail_each_owner_their_list_once_a_day(review_library, capsys):
    call_command("send_review_reminders")
    assert sorted(message.to[0] for message in mail.outbox) == ["anna@chefsguider.example", "bo@chefsguider.example"]
    anna_mail = next(message for message in mail.outbox if message.to == ["anna@chefsguider.example"])
    assert anna_mail.subject == "Guider att granska: 1 försenade, 1 inom 30 dagar"
    assert "Hej Anna!" in anna_mail.body
    assert "Försenad lön" in anna_mail.body and "Snart dags" in anna_mail.body
    assert "Långt kvar" not in anna_mail.body and "Opublicerad" not in anna_mail.body
    assert f"http://testserver/admin/pages/{review_library['soon'].pk}/edit/" in anna_mail.body
    assert "reminders sent: 2, guides without an owner: 1" in capsys.readouterr().out

    call_command("send_review_reminders")
    assert len(mail.outbox) == 2
    assert ReviewReminder.objects.count() == 2


def test_reminders_skip_owners_without_an_e_mail_address(make_guide, make_editor, days, capsys):
    owner = make_editor("utan", email="")
    guide = make_guide()
    GuidePage.objects.filter(pk=guide.pk).update(review_by=days(-1), review_owner=owner)
    call_command("send_review_reminders")
    assert mail.outbox == [] and not ReviewReminder.objects.exists()
    assert "no e-mail address" in capsys.readouterr().err
