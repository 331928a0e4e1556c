"""Admin: the register of legal facts as snippets, and a report of what each fact is used in and
which facts are due to be checked again ("dags att granska")."""

from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from facts.models import LegalFact
from facts.usage import fact_usage


class LegalFactViewSet(SnippetViewSet):
    model = LegalFact
    icon = "doc-full"
    menu_label = "Lagfakta"
    menu_order = 202
    add_to_admin_menu = True
    list_display = ["fact_id", "law", "value", "valid_from", "checked"]
    list_filter = ["status", "checked"]
    search_fields = ["fact_id", "law", "statement", "value"]
    ordering = ["fact_id", "valid_from"]


register_snippet(LegalFactViewSet)


def register_report(request):
    """Every fact with "används i" and whether it is due for a check; ?granska=1 shows only those due."""
    today = timezone.localdate()
    usage = fact_usage()
    rows = []
    for fact in LegalFact.objects.order_by("fact_id", "valid_from"):
        rows.append({
            "fact": fact,
            "uses": usage.get(fact.fact_id, []),
            "due": fact.is_due_for_review(today),
            "review_due": fact.review_due(),
            "edit_url": reverse("wagtailsnippets_facts_legalfact:edit", args=[fact.pk]),
        })
    only_due = request.GET.get("granska") == "1"
    shown = [row for row in rows if row["due"]] if only_due else rows
    return render(request, "facts/admin/register_report.html", {
        "rows": shown, "only_due": only_due, "due_count": sum(row["due"] for row in rows),
        "unused": sum(not row["uses"] for row in rows), "today": today,
    })


@hooks.register("register_admin_urls")
def register_facts_urls():
    return [path("lagfakta/", register_report, name="facts_register_report")]


class FactEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("facts.change_legalfact")


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return FactEditorsMenuItem(
        "Lagfakta: användning och granskning", reverse("facts_register_report"),
        name="legal-facts", icon_name="doc-full", order=93,
    )
