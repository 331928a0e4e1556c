"""The form of one letter, built from its fields, and the dates a planner hands over.

Errors are Swedish and shown next to each field (tools/includes/field.html). Every value is
checked before a document is made: lengths are bounded, control characters are dropped (they would
break a .docx), dates lie between 2000 and 2099, and a date never precedes the one it follows.
"""

from __future__ import annotations

import datetime
import unicodedata

from django import forms
from django.utils import formats

from tools.forms import check_planning_date, planning_date

TEXT_LENGTH = 200
TEXTAREA_LENGTH = 4000
NUMBER_LIMIT = 10_000_000
#: Names of the hidden fields a planner posts: its key, each step's date and each answer.
PLANNER_KEY = "fran_planerare"
STEP_PREFIX = "steg:"
ANSWER_PREFIX = "svar:"


class LetterTextField(forms.CharField):
    """Text a manager types: line ends normalised, control characters (NUL included) dropped."""

    def to_python(self, value):
        value = super().to_python(value)
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return "".join(
            char for char in value if char in "\n\t" or not unicodedata.category(char).startswith("C")
        ).strip()


def _field(item) -> forms.Field:
    common = {"label": item.label, "help_text": item.help_text, "required": item.required}
    required_message = {"required": "Fyll i det här fältet."}
    if item.field_type == "date":
        return planning_date(item.label, help_text=item.help_text, required=item.required)
    if item.field_type == "number":
        return forms.IntegerField(
            min_value=0,
            max_value=NUMBER_LIMIT,
            error_messages={**required_message, "invalid": "Skriv ett heltal."},
            **common,
        )
    if item.field_type == "checkbox":
        return forms.BooleanField(label=item.label, help_text=item.help_text, required=False)
    length = TEXTAREA_LENGTH if item.field_type == "textarea" else TEXT_LENGTH
    widget = forms.Textarea(attrs={"rows": 4}) if item.field_type == "textarea" else forms.TextInput
    return LetterTextField(
        max_length=length,
        widget=widget,
        error_messages={**required_message, "max_length": f"Skriv högst {length} tecken."},
        **common,
    )


class LetterForm(forms.Form):
    """Base of every letter's form; `letter_form_class` adds the letter's own fields."""

    letter_fields: list = []

    def clean(self):
        cleaned = super().clean()
        for item in self.letter_fields:
            if item.field_type == "date" and cleaned.get(item.name):
                try:
                    check_planning_date(cleaned[item.name])
                except forms.ValidationError as error:
                    self.add_error(item.name, error)
                    continue
            earlier = next((other for other in self.letter_fields if other.name == item.not_before), None)
            if earlier and cleaned.get(item.name) and cleaned.get(earlier.name):
                if cleaned[item.name] < cleaned[earlier.name]:
                    self.add_error(
                        item.name,
                        f"Datumet kan inte ligga före ”{earlier.label}” "
                        f"({formats.date_format(cleaned[earlier.name], 'j F Y')}). Kontrollera båda datumen.",
                    )
        return cleaned

    def letter_values(self) -> dict[str, str]:
        """Field name -> the text that goes into the letter ("" for an empty field)."""
        values = {}
        for item in self.letter_fields:
            value = self.cleaned_data.get(item.name)
            if isinstance(value, datetime.date):
                values[item.name] = formats.date_format(value, "j F Y")
            elif isinstance(value, bool):
                values[item.name] = "ja" if value else ""
            else:
                values[item.name] = "" if value is None else str(value)
        return values


def letter_form_class(letter) -> type[LetterForm]:
    items = list(letter.letter_fields.all())
    attributes = {item.name: _field(item) for item in items}
    attributes["letter_fields"] = items
    return type("LetterPageForm", (LetterForm,), attributes)


def planner_initial(letter, data) -> dict:
    """Initial values from a planner's posted plan: each field that names a step or an answer.

    Anything that is not a valid value of the field's type is left out, never shown as an error:
    the manager has not written it."""
    initial = {}
    for item in letter.letter_fields.all():
        if not item.planner_step:
            continue
        raw = data.get(STEP_PREFIX + item.planner_step, data.get(ANSWER_PREFIX + item.planner_step, ""))
        raw = str(raw).strip()[:TEXT_LENGTH]
        if not raw:
            continue
        if item.field_type == "date":
            try:
                initial[item.name] = check_planning_date(datetime.date.fromisoformat(raw))
            except (ValueError, forms.ValidationError):
                continue
        elif item.field_type == "number":
            if raw.isdigit() and int(raw) <= NUMBER_LIMIT:
                initial[item.name] = int(raw)
        elif item.field_type != "checkbox":
            initial[item.name] = raw
    return initial

