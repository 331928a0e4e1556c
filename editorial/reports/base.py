"""What every editors' report shares: who may open it, dates, shares and the area filter."""

from __future__ import annotations

import datetime

import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from guides.models import GuideArea


def display_date(value) -> str:
    return date_format(value, "j F Y") if value else "–"


def share_of(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


#: Page permissions that make a user an editor: any of them opens the reports and the dashboard panel.
EDITING = ["add", "change", "publish"]


def area_filter():
    return django_filters.ModelChoiceFilter(
        label="Guideområde", field_name="areas", queryset=GuideArea.objects.all(), empty_label="Alla områden"
    )


class EditorsReportView(ReportView):
    """Reports for everyone who edits guides (any page permission), not only superusers."""

    permission_policy = PagePermissionPolicy()
    any_permission_required = EDITING
    header_icon = "doc-full"

    @cached_property
    def today(self) -> datetime.date:
        return timezone.localdate()
