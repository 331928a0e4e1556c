"""Forms: the guide editor's review controls, and the readers' "Var guiden till hjälp?" form."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from editorial.review import a_year_after


def editors():
    """Users who can use the admin: the only sensible owners of a guide's review."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="access_admin")
            | Q(user_permissions__codename="access_admin")
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class GuidePageForm(WagtailAdminPageForm):
    """The guide editor with a "reviewed now" box that dates the review and sets the next one."""

    mark_reviewed = forms.BooleanField(
        label="Granskad nu",
        required=False,
        help_text="Kryssa i när du har gått igenom hela guiden och den stämmer. "
        "Granskningsdatum blir i dag och nästa granskning om ett år.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "review_owner" in self.fields:
            # Members have user accounts too; only people with admin access can own a review.
            self.fields["review_owner"].queryset = editors()

    def save(self, commit=True):
        page = super().save(commit=False)
        if self.cleaned_data.get("mark_reviewed"):
            today = timezone.localdate()
            page.reviewed_at = today
            if "review_by" not in self.changed_data:
                page.review_by = a_year_after(today)
        if commit:
            page.save()
            self.save_m2m()
        return page


def review_panel() -> MultiFieldPanel:
    """The guide editor's "Granskning och ändringar" panel (fields of GuidePage, rules of editorial)."""
    return MultiFieldPanel(
        [
            FieldPanel("review_owner"),
            FieldPanel("review_by"),
            FieldPanel("reviewed_at", read_only=True),
            FieldPanel("mark_reviewed"),
            FieldPanel("change_note"),
        ],
        heading="Granskning och ändringar",
    )


class FeedbackForm(forms.Form):
    """One reader's answer: helpful or not, with an optional comment."""

    HELPFUL_CHOICES = [("ja", "Ja"), ("nej", "Nej")]

    hjalp = forms.ChoiceField(
        label="Var guiden till hjälp?",
        choices=HELPFUL_CHOICES,
        error_messages={
            "required": "Välj Ja eller Nej.",
            "invalid_choice": "Välj Ja eller Nej.",
        },
    )
    kommentar = forms.CharField(
        label="Vill du berätta mer? (frivilligt)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Skriv inte namn eller andra personuppgifter. Vi läser alla svar men svarar inte på dem.",
        error_messages={"max_length": "Skriv högst %(limit_value)d tecken (nu %(show_value)d)."},
    )

    @property
    def helpful(self) -> bool:
        return self.cleaned_data["hjalp"] == "ja"
