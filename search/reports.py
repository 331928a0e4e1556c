"""The editors' report of what readers search for (Rapporter → Sökinsikter): top queries, queries
without results and queries where no result was opened, from the search log (search.log)."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from search.models import OpenedResult, SearchLog

#: The report covers this many days unless the editor picks a period.
DEFAULT_SEARCH_PERIOD_DAYS = 30
#: Page permissions that open the report: anyone who edits guides, not only superusers.
EDITING = ["add", "change", "publish"]


def _date(value) -> str:
    return date_format(value, "j F Y") if value else "–"


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


TOP, ZERO_RESULTS, NOTHING_OPENED = "vanligaste", "utan-traffar", "inget-oppnat"
SEARCH_VIEWS = [
    (TOP, "Vanligaste sökningarna"),
    (ZERO_RESULTS, "Sökningar utan träffar"),
    (NOTHING_OPENED, "Sökningar där inget öppnades"),
]


class SearchInsightsFilterSet(WagtailFilterSet):
    visa = django_filters.ChoiceFilter(
        label="Visa", choices=SEARCH_VIEWS, method="choose_view", empty_label=None, null_label=None
    )
    searched_on = django_filters.DateFromToRangeFilter(label="Period", widget=DateRangePickerWidget)
    source = django_filters.ChoiceFilter(label="Källa", choices=SearchLog.SOURCES, empty_label="Alla")

    class Meta:
        model = SearchLog
        fields = []

    def choose_view(self, queryset, name, value):
        return queryset  # which aggregation to show is read by the view


def search_rows(logs, view: str):
    """Searches grouped by normalised query, with how often each led to an opened guide."""
    logs = logs.annotate(was_opened=Exists(OpenedResult.objects.filter(search=OuterRef("pk"))))
    if view == ZERO_RESULTS:
        logs = logs.filter(result_count=0)
    elif view == NOTHING_OPENED:
        logs = logs.filter(result_count__gt=0)
    rows = (
        logs.order_by()
        .values("query")
        .annotate(
            searches=Count("pk"),
            opened=Count("pk", filter=Q(was_opened=True)),
            results=Max("result_count"),
            last_searched=Max("searched_on"),
        )
    )
    if view == NOTHING_OPENED:
        rows = rows.filter(opened=0)
    return rows


class SearchInsightsView(ReportView):
    """Top queries, queries without results and queries where no result was opened."""

    permission_policy = PagePermissionPolicy()
    any_permission_required = EDITING
    header_icon = "search"
    index_url_name = "search_admin:search"
    index_results_url_name = "search_admin:search_results"
    filterset_class = SearchInsightsFilterSet
    default_ordering = "-searches"
    list_export = ["query", "searches", "opened", "results", "last_searched"]
    export_headings = {
        "query": "Sökning",
        "searches": "Antal sökningar",
        "opened": "Ledde till öppnad guide",
        "results": "Flest träffar",
        "last_searched": "Senast sökt",
    }
    columns = [
        Column("query", label="Sökning", sort_key="query"),
        Column("searches", label="Antal sökningar", sort_key="searches"),
        Column("opened", label="Ledde till öppnad guide", accessor=lambda r: _share(r["opened"], r["searches"])),
        Column("results", label="Flest träffar", sort_key="results"),
        Column("last_searched", label="Senast sökt", accessor=lambda r: _date(r["last_searched"])),
    ]

    @cached_property
    def today(self) -> datetime.date:
        return timezone.localdate()

    @cached_property
    def chosen(self) -> dict:
        filters = self.filters
        if filters is not None and filters.is_valid():
            return filters.form.cleaned_data
        return {}

    @cached_property
    def view(self) -> str:
        return self.chosen.get("visa") or TOP

    @cached_property
    def period(self) -> tuple[datetime.date, datetime.date]:
        chosen = self.chosen.get("searched_on")
        start = chosen.start.date() if chosen and chosen.start else None
        stop = chosen.stop.date() if chosen and chosen.stop else None
        if start is None and stop is None:
            start = self.today - datetime.timedelta(days=DEFAULT_SEARCH_PERIOD_DAYS - 1)
        return start or datetime.date(2000, 1, 1), stop or self.today

    def get_page_title(self):
        return dict(SEARCH_VIEWS)[self.view]

    def get_page_subtitle(self):
        start, stop = self.period
        return f"{_date(start)} – {_date(stop)}"

    def get_queryset(self):
        start, stop = self.period
        logs = SearchLog.objects.filter(searched_on__gte=start, searched_on__lte=stop)
        if self.chosen.get("source"):
            logs = logs.filter(source=self.chosen["source"])
        rows = search_rows(logs, self.view)
        return rows.order_by(self.ordering, "query")

    def get_filtered_queryset(self):
        return self.get_queryset()  # filters are applied before grouping, in get_queryset

    def get_filename(self):
        return f"sokinsikter-{self.view}-{self.today.isoformat()}"


urlpatterns = [
    path("sokningar/", SearchInsightsView.as_view(), name="search"),
    path("sokningar/resultat/", SearchInsightsView.as_view(results_only=True), name="search_results"),
]
