"""The register of legal facts: thresholds, deadlines, ages and rules that guides, expert answers,
planners and letters cite, each with its law, official source, validity and last check.

A fact id may have several versions with disjoint validity (a rule that changes on a known date);
`version_on` picks the one a reader sees on a day, so pages switch without a deploy.
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils import formats
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

CURRENT = "gällande"
PROPOSAL = "förslag"


class LegalFact(models.Model):
    fact_id = models.SlugField("id", max_length=80, help_text="Citeras i texter som {{fakta:id}}.")
    statement = models.TextField("påstående", help_text="En eller två meningar på klarspråk, med egna ord.")
    value = models.CharField("värde", max_length=200, help_text="Kort text som passar inne i en mening.")
    values = models.JSONField(
        "tal", default=dict, blank=True, help_text="Tal som planerare och brev räknar med, t.ex. {\"day\": 30}."
    )
    law = models.CharField("lag och paragraf", max_length=120, help_text="T.ex. ”30 kap. 6 § SFB”.")
    law_title = models.CharField("lagens namn", max_length=200, blank=True)
    url = models.URLField("officiell källa", max_length=500)
    valid_from = models.DateField("gäller från")
    valid_until = models.DateField("gäller till och med", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=[(CURRENT, "Lag eller föreskrift"), (PROPOSAL, "Förslag")], default=CURRENT
    )
    proposed = models.DateField("förslagets datum", null=True, blank=True)
    checked = models.DateField("senast kontrollerad", null=True, blank=True)
    review_months = models.PositiveSmallIntegerField("kontrolleras var (månader)", default=12)

    panels = [
        FieldPanel("fact_id"),
        FieldPanel("statement"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("values")]),
        MultiFieldPanel([FieldPanel("law"), FieldPanel("law_title"), FieldPanel("url")], heading="Källa"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("proposed")]),
                FieldRowPanel([FieldPanel("checked"), FieldPanel("review_months")]),
            ],
            heading="Giltighet och granskning",
        ),
    ]

    class Meta:
        ordering = ["fact_id", "valid_from"]
        verbose_name = "lagfakta"
        verbose_name_plural = "lagfakta"
        constraints = [models.UniqueConstraint(fields=["fact_id", "valid_from"], name="one_version_per_start")]

    def __str__(self) -> str:
        return f"{self.fact_id} ({self.law})"

    def in_force_on(self, day: datetime.date) -> bool:
        return (
            self.status == CURRENT
            and self.valid_from <= day
            and (self.valid_until is None or day <= self.valid_until)
        )

    def qualifier(self, day: datetime.date) -> str:
        """How a reader must take the rule on that day: "" when it applies, else its label."""
        if self.status == PROPOSAL:
            when = formats.date_format(self.proposed, "F Y") if self.proposed else ""
            return f"förslag{', ' + when if when else ''}"
        if self.valid_from > day:
            return f"från {formats.date_format(self.valid_from, 'j F Y')}"
        if self.valid_until and self.valid_until < day:
            return f"gällde till {formats.date_format(self.valid_until, 'j F Y')}"
        return ""

    def review_due(self) -> datetime.date | None:
        return self.checked + relativedelta(months=self.review_months) if self.checked else None

    def is_due_for_review(self, day: datetime.date) -> bool:
        due = self.review_due()
        return due is None or due <= day


def version_on(versions, day: datetime.date):
    """The version a reader sees on a day: the one in force, else the next to come, else the last."""
    versions = sorted(versions, key=lambda fact: fact.valid_from)
    for fact in versions:
        if fact.in_force_on(day):
            return fact
    coming = [fact for fact in versions if fact.valid_from > day or fact.status == PROPOSAL]
    return coming[0] if coming else (versions[-1] if versions else None)
