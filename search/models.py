"""The search app's tables: editors' synonym groups, and the PostgreSQL engine's index.

`GuideSearchEntry` and `VocabularyWord` are portable Django tables; on PostgreSQL, migration 0002
adds the generated search vectors, GIN and trigram indexes the engine queries with raw SQL.
"""

from django.core.exceptions import ValidationError
from django.db import models
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
