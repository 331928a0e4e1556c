"""Guide areas and situations (snippets readers filter by) and the membership call to action."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField

#: Slugs taken by the catalogue's own routes, so no guide may use them.
RESERVED_GUIDE_SLUGS = {"omrade", "situation"}

#: The forms a guide takes (docs/writing-guides.md): the form follows the reader's question.
GUIDE_FORMS = {
    "guide": "Guide",
    "process": "Steg för steg",
    "snabbt-svar": "Snabbt svar",
    "checklista": "Checklista",
    "samtalsguide": "Samtalsguide",
}



class Term(models.Model):
    """A way to group guides that readers filter by: a guide area or a situation."""

    name = models.CharField("namn", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True, allow_unicode=False)
    intro = RichTextField("introduktion", blank=True, features=["bold", "italic", "link"])
    sort_order = models.PositiveIntegerField("sorteringsordning", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("intro"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class GuideArea(Term):
    url_prefix = "omrade"

    class Meta(Term.Meta):
        verbose_name = "guideområde"
        verbose_name_plural = "guideområden"


class Situation(Term):
    url_prefix = "situation"

    class Meta(Term.Meta):
        verbose_name = "situation"
        verbose_name_plural = "situationer"


@register_setting(icon="group")
class MembershipCallToAction(BaseGenericSetting):
    """The one "Bli medlem" call to action shown under every guide."""

    heading = models.CharField("rubrik", max_length=120, default="Vill du ha mer stöd i chefsrollen?")
    text = models.TextField(
        "text",
        default=(
            "Som medlem läser du alla guider, även de som är för medlemmar, "
            "tar med dem i mötespaket och sparar dem under Mina guider."
        ),
    )
    button_text = models.CharField("knapptext", max_length=60, default="Bli medlem")
    button_url = models.CharField("länk", max_length=200, default="/bli-medlem/")

    panels = [FieldPanel("heading"), FieldPanel("text"), FieldPanel("button_text"), FieldPanel("button_url")]

    class Meta:
        verbose_name = "medlemserbjudande"
