"""Admin: editors list, filter, read and export membership applications (CSV or Excel, through
Wagtail's own spreadsheet export, which exports exactly the filtered list)."""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusFlagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from membership.models import Application


class ApplicationPermissionPolicy(ModelPermissionPolicy):
    """Applications come from the form on the site, never from the admin: nobody may add one."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


register_permission_policy(Application, ApplicationPermissionPolicy(Application))


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[("bekraftad", "Bekräftade"), ("obekraftad", "Obekräftade")],
        method="filter_status",
        widget=forms.RadioSelect,
        empty_label="Alla",
    )
    submitted_at = django_filters.DateFromToRangeFilter(label="Inskickad", widget=DateRangePickerWidget)

    class Meta:
        model = Application
        fields = ["sector"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(confirmed_at__isnull=(value == "obekraftad"))


#: What a spreadsheet takes for the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _not_a_formula(value):
    """Applicants type the cells: one that starts like a formula is written as text (a leading
    apostrophe), so opening the export never runs it. Wagtail's Excel export does the same."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _local_time(value: datetime.datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class ApplicationIndexView(IndexView):
    # Times in the export as editors read them in the admin: Swedish local time.
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {IndexView.FORMAT_CSV: _local_time, **IndexView.custom_value_preprocess[datetime.datetime]},
    }

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return _not_a_formula(value) if export_format == self.FORMAT_CSV else value


class ApplicationViewSet(ModelViewSet):
    model = Application
    index_view_class = ApplicationIndexView
    icon = "user"
    menu_label = "Medlemsansökningar"
    menu_order = 300
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["name", "employer", "job_title", "direct_reports", "sector"]
    list_display = [
        "name",
        "email",
        "employer",
        Column("sector", label="Sektor", accessor="get_sector_display"),
        "direct_reports",
        StatusFlagColumn("is_confirmed", label="Status", true_label="Bekräftad", false_label="Obekräftad"),
        DateColumn("submitted_at", label="Inskickad"),
    ]
    filterset_class = ApplicationFilterSet
    search_fields = ["name", "email", "employer", "job_title"]
    list_export = [
        "name",
        "email",
        "employer",
        "job_title",
        "direct_reports",
        "get_sector_display",
        "status",
        "submitted_at",
        "confirmed_at",
    ]
    export_headings = {"get_sector_display": "Sektor", "status": "Status"}
    export_filename = "medlemsansokningar"


@hooks.register("register_admin_viewset")
def register_application_viewset():
    return ApplicationViewSet("applications")
