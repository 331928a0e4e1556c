"""What readers think of each guide (Rapporter → Omdömen): answers, shares, trends, comments."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Count, F, FloatField, Q
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn

from editorial.models import GuideFeedback
from editorial.reports.base import EditorsReportView, area_filter, display_date, share_of
from guides.models import GuidePage

#: Trend windows of reader feedback: the last 30 days against the 30 days before them.
TREND_DAYS = 30



def feedback_summaries(today: datetime.date):
    """Guides with answers, each annotated with counts overall and in the two trend windows."""
    recent_start = today - datetime.timedelta(days=TREND_DAYS)
    previous_start = recent_start - datetime.timedelta(days=TREND_DAYS)
    recent = Q(feedback__given_on__gt=recent_start)
    previous = Q(feedback__given_on__gt=previous_start, feedback__given_on__lte=recent_start)
    helpful = Q(feedback__helpful=True)
    return (
        GuidePage.objects.annotate(
            votes=Count("feedback"),
            yes=Count("feedback", filter=helpful),
            comments=Count("feedback", filter=Q(feedback__comment__gt="")),
            recent_votes=Count("feedback", filter=recent),
            recent_yes=Count("feedback", filter=recent & helpful),
            previous_votes=Count("feedback", filter=previous),
            previous_yes=Count("feedback", filter=previous & helpful),
        )
        .filter(votes__gt=0)
        .annotate(helpful_share=Cast(F("yes"), FloatField()) / Cast(F("votes"), FloatField()))
    )


def trend(guide) -> int | None:
    """Change in the share of "Ja", in percentage points, from the previous window to the last."""
    if not guide.recent_votes or not guide.previous_votes:
        return None
    return round(100 * guide.recent_yes / guide.recent_votes - 100 * guide.previous_yes / guide.previous_votes)


def trend_label(guide) -> str:
    change = trend(guide)
    if change is None:
        return "–"
    return f"{change:+d} procentenheter"


class FeedbackFilterSet(WagtailFilterSet):
    area = area_filter()

    class Meta:
        model = GuidePage
        fields = []


class FeedbackReportView(EditorsReportView):
    """Per guide: answers, share of "Ja", comments and trend; the least helpful first."""

    page_title = "Läsarnas omdömen"
    header_icon = "pick"
    index_url_name = "editorial_admin:feedback"
    index_results_url_name = "editorial_admin:feedback_results"
    filterset_class = FeedbackFilterSet
    default_ordering = "helpful_share"
    list_export = ["title", "votes", "yes", "helpful_percent", "comments", "trend_label"]
    export_headings = {
        "title": "Guide",
        "votes": "Svar",
        "yes": "Ja",
        "helpful_percent": "Andel ja",
        "comments": "Kommentarer",
        "trend_label": f"Förändring senaste {TREND_DAYS} dagarna",
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label="Guide",
                get_url=lambda g: reverse("editorial_admin:guide_feedback", args=[g.pk]),
                sort_key="title",
            ),
            Column("helpful_share", label="Andel ja", accessor="helpful_percent", sort_key="helpful_share"),
            Column("votes", label="Svar", sort_key="votes"),
            Column("comments", label="Kommentarer", sort_key="comments"),
            Column("trend", label=f"Senaste {TREND_DAYS} dagarna mot föregående", accessor="trend_label"),
        ]

    def order_queryset(self, queryset):
        # Ties in the share (say, several guides at 0 %) put the most answered first.
        return queryset.order_by(self.ordering, "-votes", "title")

    def get_base_queryset(self):
        return feedback_summaries(self.today)

    def decorate_paginated_queryset(self, object_list):
        for guide in object_list:
            guide.helpful_percent = f"{share_of(guide.yes, guide.votes)} ({guide.yes} av {guide.votes})"
            guide.trend_label = trend_label(guide)
        return object_list

    def get_filename(self):
        return f"lasarnas-omdomen-{self.today.isoformat()}"


class GuideFeedbackFilterSet(WagtailFilterSet):
    helpful = django_filters.BooleanFilter(label="Svar", widget=django_filters.widgets.BooleanWidget())
    with_comment = django_filters.BooleanFilter(
        label="Bara med kommentar", method="filter_with_comment", widget=django_filters.widgets.BooleanWidget()
    )

    class Meta:
        model = GuideFeedback
        fields = []

    def filter_with_comment(self, queryset, name, value):
        return queryset.filter(comment__gt="") if value else queryset.filter(comment="")


class GuideFeedbackView(EditorsReportView):
    """Every answer about one guide, newest first, with the readers' comments."""

    header_icon = "pick"
    index_url_name = "editorial_admin:guide_feedback"
    index_results_url_name = "editorial_admin:guide_feedback_results"
    filterset_class = GuideFeedbackFilterSet
    list_export = ["given_on", "answer", "comment"]
    export_headings = {"given_on": "Datum", "answer": "Till hjälp", "comment": "Kommentar"}
    columns = [
        Column("given_on", label="Datum", accessor=lambda f: display_date(f.given_on)),
        Column("answer", label="Till hjälp", accessor="answer"),
        Column("comment", label="Kommentar"),
    ]

    @cached_property
    def guide(self):
        return get_object_or_404(GuidePage, pk=self.kwargs["guide_id"])

    def get_page_title(self):
        return f"Omdömen om {self.guide.title}"

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.guide.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.guide.pk])

    def get_base_queryset(self):
        return GuideFeedback.objects.filter(guide=self.guide).order_by("-given_on", "-pk")

    def decorate_paginated_queryset(self, object_list):
        for feedback in object_list:
            feedback.answer = "Ja" if feedback.helpful else "Nej"
        return object_list

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["guide"] = self.guide
        return context

    def get_filename(self):
        return f"omdomen-{self.guide.slug}-{self.today.isoformat()}"
