"""The question form: what a reader may send to the experts, checked before anything is stored."""

from __future__ import annotations

import re

from django import forms

from experts.models import ExpertQuestion
from guides.models import GuideArea

MIN_QUESTION_LENGTH = 30
MAX_QUESTION_LENGTH = 2000
MAX_LINKS = 2
HONEYPOT = "webbplats"
LINK = re.compile(r"https?://|www\.", re.I)


class QuestionForm(forms.ModelForm):
    question = forms.CharField(
        label="Din fråga",
        min_length=MIN_QUESTION_LENGTH,
        max_length=MAX_QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"Mellan {MIN_QUESTION_LENGTH} och {MAX_QUESTION_LENGTH} tecken. Skriv inga namn på dig själv, "
        "kollegor eller arbetsplatsen.",
        error_messages={
            "required": "Skriv din fråga.",
            "min_length": f"Skriv lite mer, minst {MIN_QUESTION_LENGTH} tecken, så att experten förstår situationen.",
            "max_length": f"Frågan får vara högst {MAX_QUESTION_LENGTH} tecken. Korta ner den lite.",
        },
    )
    area = forms.ModelChoiceField(
        label="Vilket område gäller frågan?",
        queryset=GuideArea.objects.all(),
        required=False,
        empty_label="Vet inte",
    )
    signature = forms.CharField(
        label="Signatur",
        required=False,
        max_length=60,
        help_text="Visas om vi publicerar svaret, till exempel ”Ny chef i Umeå”.",
        error_messages={"max_length": "Signaturen får vara högst 60 tecken."},
    )
    email = forms.EmailField(
        label="E-post",
        required=False,
        help_text="Om experten behöver fråga något mer. Vi publicerar den aldrig.",
        error_messages={
            "invalid": "Skriv en giltig e-postadress, till exempel namn@exempel.se, eller lämna fältet tomt."
        },
    )
    # A field people never see or fill in; bots that fill every field give themselves away.
    webbplats = forms.CharField(label="Lämna det här fältet tomt", required=False)

    class Meta:
        model = ExpertQuestion
        fields = ["question", "area", "signature", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def is_from_a_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def clean_question(self):
        question = self.cleaned_data["question"].strip()
        if len(LINK.findall(question)) > MAX_LINKS:
            raise forms.ValidationError(f"Frågan får innehålla högst {MAX_LINKS} länkar.")
        return question
