"""Answer pages, the guides they point to, and the readers' questions waiting for an answer."""

from __future__ import annotations

import datetime
import html
import json
import re

from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from guides.catalogue import readable_guides
from guides.models import GuideArea

ANSWER_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ExpertAnswerPage(Page):
    """One reader's question and the expert's answer."""

    area = models.ForeignKey(
        GuideArea,
        verbose_name="guideområde",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expert_answers",
    )
    question = models.TextField("fråga", help_text="Läsarens fråga, redigerad för publicering.")
    signature = models.CharField(
        "signatur", max_length=120, blank=True, help_text="Till exempel ”Orolig chef i Linköping”."
    )
    answer = RichTextField("svar", features=ANSWER_FEATURES, blank=True)
    expert_name = models.CharField("expertens namn", max_length=120, blank=True)
    expert_role = models.CharField("expertens roll", max_length=120, blank=True)
    answered_on = models.DateField("datum", default=datetime.date.today)

    content_panels = Page.content_panels + [
        FieldPanel("area"),
        MultiFieldPanel([FieldPanel("question"), FieldPanel("signature")], heading="Frågan"),
        MultiFieldPanel(
            [FieldPanel("answer"), FieldPanel("expert_name"), FieldPanel("expert_role"), FieldPanel("answered_on")],
            heading="Svaret",
        ),
        InlinePanel("related_guides", label="Relaterade guider"),
    ]
    search_fields = Page.search_fields + [index.SearchField("question"), index.SearchField("answer")]
    parent_page_types = ["experts.ExpertIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "expertsvar"
        verbose_name_plural = "expertsvar"

    def answer_text(self) -> str:
        """The answer as plain text, paragraphs separated by blank lines."""
        markup = expand_db_html(self.answer)
        for end, breaks in (("</p>", "\n\n"), ("</li>", "\n"), ("</ul>", "\n"), ("</ol>", "\n")):
            markup = markup.replace(end, end + breaks)
        text = "\n".join(line.strip() for line in html.unescape(strip_tags(markup)).strip().splitlines())
        return re.sub(r"\n{3,}", "\n\n", text).strip()

    def faq_json_ld(self, request=None) -> str:
        """schema.org FAQPage data for this question and answer, safe inside a script element."""
        author = {"@type": "Person", "name": self.expert_name}
        if self.expert_role:
            author["jobTitle"] = self.expert_role
        data = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": self.title,
                    "text": self.question,
                    "dateCreated": self.answered_on.isoformat(),
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": self.answer_text(),
                        "dateCreated": self.answered_on.isoformat(),
                        "author": author,
                    },
                }
            ],
        }
        if request is not None:
            data["url"] = self.get_full_url(request)
        text = json.dumps(data, ensure_ascii=False)
        # Escape what could end the script element or start markup (as Django's json_script does).
        text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
        return mark_safe(text)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index"] = self.get_parent().specific
        context["related"] = readable_guides(self.related_guides.values_list("guide_id", flat=True))
        context["json_ld"] = self.faq_json_ld(request)
        return context


class ExpertAnswerRelatedGuide(Orderable):
    answer_page = ParentalKey(ExpertAnswerPage, related_name="related_guides", on_delete=models.CASCADE)
    guide = models.ForeignKey("guides.GuidePage", verbose_name="guide", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("guide")]


class ExpertQuestion(models.Model):
    """A question a reader sent in, waiting in the editors' queue."""

    NEW = "new"
    DRAFTED = "drafted"
    ANSWERED = "answered"
    REJECTED = "rejected"
    STATUSES = [(NEW, "Ny"), (DRAFTED, "Svar påbörjat"), (ANSWERED, "Besvarad"), (REJECTED, "Avvisad")]

    question = models.TextField("fråga")
    area = models.ForeignKey(
        GuideArea, verbose_name="guideområde", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signature = models.CharField("signatur", max_length=60, blank=True)
    email = models.EmailField("e-post", blank=True, help_text="Bara för följdfrågor. Publiceras aldrig.")
    submitted_at = models.DateTimeField("inskickad", auto_now_add=True, db_index=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="inloggning",
        null=True,
        blank=True,
        # Deleting a member's account deletes the questions they sent (membership.privacy).
        on_delete=models.CASCADE,
        related_name="expert_questions",
    )
    status = models.CharField("status", max_length=20, choices=STATUSES, default=NEW, db_index=True)
    answer_page = models.ForeignKey(
        ExpertAnswerPage,
        verbose_name="svar",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_questions",
    )
    note = models.TextField("intern anteckning", blank=True)

    panels = [
        FieldPanel("question", read_only=True),
        FieldPanel("signature", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("area"),
        FieldPanel("status"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "fråga till experterna"
        verbose_name_plural = "frågor till experterna"
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return Truncator(" ".join(self.question.split())).chars(80)

    def headline(self) -> str:
        """A first title for the answer page: the reader's first real question, else the first sentence."""
        sentences = re.split(r"(?<=[.?!])\s+", " ".join(self.question.split()))
        asked = [sentence for sentence in sentences if sentence.endswith("?")]
        return Truncator((asked or sentences)[0]).chars(90)
