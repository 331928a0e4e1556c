"""The search app's tables: editors' synonym groups, the PostgreSQL engine's index, and the search
log (search.log): what readers searched for and which results they opened, without personal data —
no IP address, user, session or cookie, and days rather than timestamps.

`GuideSearchEntry` and `VocabularyWord` are portable Django tables; on PostgreSQL, migration 0002
adds the generated search vectors, GIN and trigram indexes the engine queries with raw SQL.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from search.synonyms import parse_terms


class SynonymGroup(models.Model):
    """Words that should find each other, maintained by editors and applied at query time."""

    words = models.TextField(
        "ord",
        help_text=(
            "Ord eller uttryck som betyder samma sak, åtskilda med kommatecken, till exempel "
            "”utvecklingssamtal, medarbetarsamtal”. Den som söker på ett av dem hittar även de andra."
        ),
    )

    panels = [FieldPanel("words")]

    class Meta:
        verbose_name = "Synonymgrupp"
        verbose_name_plural = "Synonymgrupper"
        ordering = ["words"]

    def __str__(self) -> str:
        return ", ".join(self.terms())

    def terms(self) -> list[str]:
        return parse_terms(self.words)

    def clean(self) -> None:
        if len(self.terms()) < 2:
            raise ValidationError({"words": "Ange minst två ord, åtskilda med kommatecken."})


class GuideSearchEntry(models.Model):
    """One published guide as the PostgreSQL engine indexes it."""

    guide_id = models.BigIntegerField(primary_key=True)
    title = models.TextField()
    summary = models.TextField(blank=True)
    headings = models.TextField(blank=True)
    body = models.TextField(blank=True)
    keywords = models.TextField(blank=True)  # editors' search words, a line each; weighted like the ingress
    # Per text field, the parts of its compounds ("lönesamtal" -> "lön samtal"), indexed with the
    # field's weight, so "samtal om lön" finds the guide titled "Lönesamtal".
    compound_parts = models.JSONField(default=dict)
    areas = models.JSONField(default=list)
    situations = models.JSONField(default=list)
    updated = models.DateField()
    members_only = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.title


class VocabularyWord(models.Model):
    """A word of the indexed guides, for "Menade du …?" and completions on PostgreSQL."""

    word = models.CharField(max_length=64, primary_key=True)
    documents = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return self.word


class SearchLog(models.Model):
    """One catalogue or API search: the normalised query, its filters and how many it found."""

    CATALOGUE = "katalog"
    API = "api"
    SOURCES = [(CATALOGUE, "Katalogen"), (API, "API")]

    searched_on = models.DateField("datum", default=timezone.localdate, db_index=True)
    source = models.CharField("källa", max_length=10, choices=SOURCES)
    query = models.CharField("sökning", max_length=200, db_index=True)
    filters = models.JSONField("filter", default=dict, blank=True)
    result_count = models.PositiveIntegerField("antal träffar")

    class Meta:
        db_table = "editorial_searchlog"  # the table of the app that held it before (issue #18)
        ordering = ["-searched_on", "-pk"]
        verbose_name = "sökning"
        verbose_name_plural = "sökningar"

    def __str__(self) -> str:
        return self.query


class OpenedResult(models.Model):
    """A guide opened from a search's results."""

    search = models.ForeignKey(SearchLog, on_delete=models.CASCADE, related_name="opened")
    guide = models.ForeignKey("guides.GuidePage", on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "editorial_openedresult"
        constraints = [models.UniqueConstraint(fields=["search", "guide"], name="one_opening_per_search_and_guide")]

    def __str__(self) -> str:
        return f"{self.search} → {self.guide_id}"
