"""Editors list, filter, search and export applications in the Wagtail admin; members never get in."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from membership.models import Application

LIST = "/admin/applications/"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redaktor", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def applications(make_member):
    make_member("maja@example.se", name="Maja Medlem")  # privat, confirmed
    for name, email, sector in (
        ("Sven Stat", "sven@example.se", "stat"),
        ("Kim Kommun", "kim@example.se", "kommun-region"),
    ):
        Application.objects.create(
            name=name, email=email, employer="Arbetsgivaren", job_title="Chef", direct_reports=5, sector=sector,
            consented_at=timezone.now(),
        )


def listed(response) -> set[str]:
    html = response.content.decode()
    return {name for name in ("Maja Medlem", "Sven Stat", "Kim Kommun") if name in html}


def exported(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"] == 'attachment; filename="medlemsansokningar.csv"'
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_editors_find_applications_in_the_admin_menu_and_list(client, editor, applications):
    client.force_login(editor)
    assert LIST in client.get("/admin/").content.decode()  # the menu item
    response = client.get(LIST)
    assert response.status_code == 200 and listed(response) == {"Maja Medlem", "Sven Stat", "Kim Kommun"}
    html = response.content.decode()
    assert "Bekräftad" in html and "Obekräftad" in html and "Kommun/region" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("sector=stat", {"Sven Stat"}),
        ("sector=privat", {"Maja Medlem"}),
        ("status=bekraftad", {"Maja Medlem"}),
        ("status=obekraftad", {"Sven Stat", "Kim Kommun"}),
        ("q=kim", {"Kim Kommun"}),
    ],
)
def test_editors_filter_and_search(client, editor, applications, query, expected):
    client.force_login(editor)
    assert listed(client.get(f"{LIST}?{query}")) == expected


def test_the_csv_export_holds_the_filtered_list_with_swedish_headings(client, editor, applications):
    client.force_login(editor)

    rows = exported(client.get(f"{LIST}?status=obekraftad&export=csv"))

    assert list(rows[0]) == [
        "Namn", "E-postadress", "Arbetsgivare", "Titel", "Antal direktrapporterande medarbetare", "Sektor",
        "Status", "Inskickad", "Bekräftad",
    ]
    assert sorted(row["Namn"] for row in rows) == ["Kim Kommun", "Sven Stat"]
    kim = next(row for row in rows if row["Namn"] == "Kim Kommun")
    assert (kim["Sektor"], kim["Status"], kim["E-postadress"]) == ("Kommun/region", "Obekräftad", "kim@example.se")
    submitted = timezone.localtime(Application.objects.get(email="kim@example.se").submitted_at)
    assert kim["Inskickad"] == submitted.strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize("typed", ["=HYPERLINK(\"http://x.example\",\"a\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_the_csv_export_does_not_hand_a_spreadsheet_a_formula(client, editor, db, typed):
    """What an applicant typed starting with = + - @ (or tab, CR) would run as a formula when the
    editor opens the file: such cells start with an apostrophe, as OWASP recommends."""
    Application.objects.create(
        name=typed, email="formel@example.se", employer=typed, job_title="Chef", direct_reports=5, sector="stat",
        consented_at=timezone.now(),
    )
    client.force_login(editor)
    (row,) = exported(client.get(f"{LIST}?export=csv"))
    assert row["Namn"] == row["Arbetsgivare"] == "'" + typed
    assert row["Antal direktrapporterande medarbetare"] == "5"  # numbers stay numbers


def test_the_export_can_also_be_excel(client, editor, applications):
    client.force_login(editor)
    response = client.get(f"{LIST}?export=xlsx&status=obekraftad")
    assert response["Content-Disposition"] == 'attachment; filename="medlemsansokningar.xlsx"'
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
    header, *rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert header[:3] == ["Namn", "E-postadress", "Arbetsgivare"] and "Sektor" in header
    # The same filtered list as the CSV: the unconfirmed applications only (empty last cells are left out).
    assert sorted(row[0] for row in rows) == ["Kim Kommun", "Sven Stat"]
    kim = dict(zip(header, next(row for row in rows if row[0] == "Kim Kommun"), strict=False))
    assert (kim["E-postadress"], kim["Sektor"], kim["Status"]) == ("kim@example.se", "Kommun/region", "Obekräftad")


def test_applications_are_never_added_in_the_admin(client, editor, admin_user, applications):
    for user in (editor, admin_user):
        client.force_login(user)
        assert "/admin/applications/new/" not in client.get(LIST).content.decode()
        assert client.get("/admin/applications/new/").status_code == 302


def test_members_and_visitors_never_see_applications(client, make_member, applications):
    assert client.get(LIST)["Location"].startswith("/admin/login/")
    client.force_login(make_member())
    response = client.get(LIST)
    assert response.status_code == 302 and "Maja Medlem" not in response.content.decode()
    assert client.get(f"{LIST}?export=csv").status_code == 302
