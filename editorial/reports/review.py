"""Guides due for review (Rapporter → Granskning): overdue and due soon, by owner and area."""

from __future__ import annotations

import django_filters
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn

from editorial.reports.base import EditorsReportView, area_filter, display_date, edit_url
from editorial.review import DUE_SOON, DUE_SOON_DAYS, OVERDUE, STATUS_LABELS, guides_to_review, review_status
from guides.models import GuidePage


def owners_for_filter(request):
    return get_user_model().objects.filter(guides_to_review__isnull=False).distinct().order_by("first_name", "username")


class ReviewFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Läge",
        choices=[(OVERDUE, "Försenade"), (DUE_SOON, f"Inom {DUE_SOON_DAYS} dagar")],
        method="filter_status",
        empty_label="Alla",
    )
    area = area_filter()
    owner = django_filters.ModelChoiceFilter(
        label="Ansvarig redaktör",
        field_name="review_owner",
        queryset=owners_for_filter,
        empty_label="Alla",
        null_label="Ingen ansvarig",
    )

    class Meta:
        model = GuidePage
        fields = []

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == OVERDUE:
            return queryset.filter(review_by__lt=today)
        return queryset.filter(review_by__gte=today)


def owner_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "Ingen ansvarig"


class ReviewReportView(EditorsReportView):
    """Live guides whose review date has passed or comes within DUE_SOON_DAYS."""

    page_title = "Guider att granska"
    header_icon = "time"
    index_url_name = "editorial_admin:review"
    index_results_url_name = "editorial_admin:review_results"
    filterset_class = ReviewFilterSet
    default_ordering = "review_by"
    list_export = ["title", "review_by", "status_label", "owner_name", "reviewed_at", "updated"]
    export_headings = {
        "title": "Guide",
        "review_by": "Granskas senast",
        "status_label": "Läge",
        "owner_name": "Ansvarig redaktör",
        "reviewed_at": "Senast granskad",
        "updated": "Uppdaterad",
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label="Guide", get_url=edit_url, sort_key="title"),
            Column(
                "review_by", label="Granskas senast", accessor=lambda g: display_date(g.review_by), sort_key="review_by"
            ),
            Column("status", label="Läge", accessor="status_label"),
            Column("owner", label="Ansvarig redaktör", accessor="owner_name"),
            Column("reviewed_at", label="Senast granskad", accessor=lambda g: display_date(g.reviewed_at)),
            Column("updated", label="Uppdaterad", accessor=lambda g: display_date(g.updated), sort_key="updated"),
        ]

    def get_base_queryset(self):
        return guides_to_review(self.today)

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering, "title")

    def decorate_paginated_queryset(self, object_list):
        for guide in object_list:
            guide.status_label = STATUS_LABELS[review_status(guide.review_by, self.today)]
            guide.owner_name = owner_name(guide.review_owner)
        return object_list

    def get_filename(self):
        return f"guider-att-granska-{self.today.isoformat()}"
