"""The tools' forms. Field names are the query parameters, so every plan has a URL to share.

Errors come in Swedish (Django's own translations and the messages here), shown next to each
field by tools/includes/field.html, which the experts' question form uses too.
"""

from __future__ import annotations

import datetime

from django import forms

from guides.models import GuidePage
from tools.follow_up import CADENCES

EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2099, 12, 31)
MAX_MEETING_PACK_GUIDES = 8
MAX_ANSWER_LENGTH = 3000


class DateInput(forms.DateInput):
    """A date field that browsers show the Swedish way (lang="sv"), sent as ÅÅÅÅ-MM-DD."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__({"lang": "sv", **(attrs or {})}, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__({"lang": "sv", **(attrs or {})}, format="%H:%M")


DATE_ERRORS = {"required": "Fyll i ett datum.", "invalid": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-02."}
NUMBER_ERRORS = {"required": "Fyll i ett tal.", "invalid": "Skriv ett heltal."}
CHOICE_ERRORS = {"required": "Välj ett av alternativen.", "invalid_choice": "Välj ett av alternativen i listan."}


def planning_date(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label, widget=DateInput, input_formats=["%Y-%m-%d"], error_messages=DATE_ERRORS, **kwargs
    )


def check_planning_date(value: datetime.date | None) -> datetime.date | None:
    if value and not EARLIEST <= value <= LATEST:
        raise forms.ValidationError("Välj ett datum mellan år 2000 och 2099.")
    return value


def guide_choices():
    return GuidePage.objects.live().public().order_by("title")


class FollowUpForm(forms.Form):
    intervall = forms.ChoiceField(
        label="Hur ofta?",
        choices=[(key, cadence.label) for key, cadence in CADENCES.items()],
        initial="manad",
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERRORS,
    )
    start = planning_date("Första mötet")
    antal = forms.IntegerField(label="Antal möten", min_value=1, max_value=24, initial=6, error_messages=NUMBER_ERRORS)
    klockan = forms.TimeField(
        label="Klockslag",
        required=False,
        widget=TimeInput,
        input_formats=["%H:%M"],
        error_messages={"invalid": "Skriv klockslaget som TT:MM, till exempel 09:30."},
        help_text="Lämna tomt om du vill lägga in mötena som heldagshändelser och boka tiden själv.",
    )
    langd = forms.TypedChoiceField(
        label="Mötets längd",
        choices=[(30, "30 minuter"), (45, "45 minuter"), (60, "1 timme"), (90, "1,5 timme")],
        coerce=int,
        initial=60,
        error_messages=CHOICE_ERRORS,
    )
    rubrik = forms.CharField(
        label="Vad gäller uppföljningen?",
        required=False,
        max_length=80,
        help_text="Till exempel ”Uppföljning med Sara” eller ”Projekt Norr”. Visas i kalendern.",
        error_messages={"max_length": "Skriv högst 80 tecken."},
    )
    guide = forms.ModelChoiceField(
        label="Guide med frågor till agendan",
        queryset=GuidePage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label="Ingen guide",
        help_text="Frågorna i guiden blir agenda för varje möte.",
        error_messages={"invalid_choice": "Den guiden finns inte. Välj en guide i listan."},
    )

    prefill_fields = {"guide"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guide"].queryset = guide_choices()

    def clean_start(self):
        return check_planning_date(self.cleaned_data.get("start"))


class MeetingPackForm(forms.Form):
    rubrik = forms.CharField(
        label="Mötets namn",
        required=False,
        max_length=120,
        help_text="Till exempel ”Arbetsplatsträff i maj”.",
        error_messages={"max_length": "Skriv högst 120 tecken."},
    )
    datum = planning_date("Datum", required=False)
    innehall = forms.ChoiceField(
        label="Vad ska med?",
        choices=[("verktyg", "Frågelistor och checklistor"), ("hela", "Hela guiderna")],
        initial="verktyg",
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERRORS,
    )
    guide = forms.ModelMultipleChoiceField(
        label="Guider",
        queryset=GuidePage.objects.none(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        help_text=f"Välj en till {MAX_MEETING_PACK_GUIDES} guider.",
        error_messages={"required": "Välj minst en guide.", "invalid_choice": "Guiden %(value)s finns inte."},
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "innehall" not in data:
            # A link from a guide names only the guide: show its worksheets, the usual choice.
            data = data.copy()
            data["innehall"] = "verktyg"
        super().__init__(data, *args, **kwargs)
        self.fields["guide"].queryset = guide_choices()

    def clean_datum(self):
        return check_planning_date(self.cleaned_data.get("datum"))

    def clean_guide(self):
        guides = self.cleaned_data["guide"]
        if len(guides) > MAX_MEETING_PACK_GUIDES:
            raise forms.ValidationError(f"Välj högst {MAX_MEETING_PACK_GUIDES} guider.")
        # The agenda follows the order of the address (the form lists guides by title).
        order = {slug: position for position, slug in enumerate(self.data.getlist("guide"))}
        return sorted(guides, key=lambda guide: order.get(guide.slug, len(order)))

    def clean_rubrik(self):
        return self.cleaned_data.get("rubrik") or "Agenda"


#: The five reflection questions of the personal evaluation, in the order they are asked.
REFLECTION_QUESTIONS = [
    ("fortsatta", "Vad ska jag fortsätta göra?"),
    ("mer", "Vad ska jag göra mer av?"),
    ("mindre", "Vad ska jag göra mindre av?"),
    ("sluta", "Vad ska jag sluta göra?"),
    ("borja", "Vad ska jag börja göra?"),
]


class PersonalEvaluationForm(forms.Form):
    rubrik = forms.CharField(
        label="Vad utvärderar du?",
        required=False,
        max_length=120,
        help_text="Till exempel ”Mitt första år som chef” eller ”Omorganisationen i våras”.",
        error_messages={"max_length": "Skriv högst 120 tecken."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, question in REFLECTION_QUESTIONS:
            self.fields[name] = forms.CharField(
                label=question,
                required=False,
                max_length=MAX_ANSWER_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={"max_length": f"Svaret får vara högst {MAX_ANSWER_LENGTH} tecken."},
            )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(name) for name, _ in REFLECTION_QUESTIONS):
            raise forms.ValidationError("Skriv ett svar på minst en av frågorna innan du laddar ner.")
        return cleaned

    def answers(self) -> list[tuple[str, str]]:
        return [(question, self.cleaned_data.get(name, "")) for name, question in REFLECTION_QUESTIONS]


def process_form_class(process) -> type[forms.Form]:
    """A form for one process planner: the start date and the inputs its rules ask for."""
    fields: dict[str, forms.Field] = {"start": planning_date(process.start_label)}
    for item in process.inputs:
        if item.type == "boolean":
            fields[item.name] = forms.BooleanField(label=item.label, required=False, help_text=item.help)
        else:
            fields[item.name] = forms.IntegerField(
                label=item.label,
                min_value=item.minimum,
                max_value=item.maximum,
                help_text=item.help,
                error_messages=NUMBER_ERRORS,
            )
    fields["clean_start"] = lambda self: check_planning_date(self.cleaned_data.get("start"))
    return type(f"{process.key.title()}PlannerForm", (forms.Form,), fields)


def bound_data(request, form_class, prefill: set[str] = frozenset()):
    """The GET data when the reader has submitted the form, else None (an empty form).

    A link that only pre-selects something (e.g. ?guide=slug from a guide) shows the form
    filled in, not a page of "this field is required".
    """
    submitted = set(request.GET) & (set(form_class.base_fields) - set(prefill))
    return request.GET if submitted else None
