"""The membership forms, with their labels and error messages in Swedish."""

from __future__ import annotations

from django import forms
from django.contrib.auth import forms as auth_forms
from django.urls import reverse
from django.utils.html import format_html

from membership.models import Application, Sector

REQUIRED = "Fyll i {}."

#: The honeypot: hidden from people by CSS and from screen readers; bots that fill it in are ignored.
HONEYPOT_FIELD = "webbplats"


def normalise_email(email: str) -> str:
    """One address, one application: "Anna@Example.se " and "anna@example.se" are the same."""
    return email.strip().lower()


class ApplicationForm(forms.ModelForm):
    consent = forms.BooleanField(  # labelled in __init__, where the privacy page's address is known
        error_messages={"required": "Du måste godkänna att vi sparar uppgifterna."},
    )
    webbplats = forms.CharField(
        label="Lämna det här fältet tomt",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = Application
        fields = ["name", "email", "employer", "job_title", "direct_reports", "sector"]
        labels = {
            "name": "Namn",
            "email": "E-postadress",
            "employer": "Arbetsgivare",
            "job_title": "Titel",
            "direct_reports": "Antal medarbetare som rapporterar direkt till dig",
            "sector": "Sektor",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "employer": forms.TextInput(attrs={"autocomplete": "organization"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "direct_reports": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "sector": forms.RadioSelect,
        }
        error_messages = {
            "name": {
                "required": REQUIRED.format("ditt namn"),
                "max_length": "Namnet får vara högst %(limit_value)d tecken.",
            },
            "email": {
                "required": "Fyll i din e-postadress.",
                "invalid": "Ange en giltig e-postadress.",
                "max_length": "E-postadressen är för lång.",
            },
            "employer": {"required": REQUIRED.format("din arbetsgivare")},
            "job_title": {"required": REQUIRED.format("din titel")},
            "direct_reports": {
                "required": "Fyll i hur många medarbetare som rapporterar direkt till dig.",
                "invalid": "Ange antalet som ett heltal, till exempel 8.",
                "min_value": "Antalet kan inte vara negativt.",
                "max_value": "Antalet får vara högst %(limit_value)s.",
            },
            "sector": {"required": "Välj en sektor.", "invalid_choice": "Välj en av sektorerna i listan."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = format_html(
            "Jag godkänner att Chefsguider sparar uppgifterna för att hantera mitt medlemskap, "
            'enligt <a href="{}">integritetspolicyn</a>.',
            reverse("membership:privacy"),
        )
        self.fields["sector"].choices = Sector.choices  # no empty "---------" choice among the radios

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def validate_unique(self):
        """Not here: saying "already applied" would tell anyone who has applied.
        Application.objects.submit keeps one application per email instead."""

    @property
    def is_from_a_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def detail_fields(self):
        """The applicant's details, rendered one like the other; consent and honeypot have their own markup."""
        return [self[name] for name in self.Meta.fields]


class LoginForm(auth_forms.AuthenticationForm):
    """Django's login form: members log in with their e-mail address, editors with their user name."""

    username = auth_forms.UsernameField(
        label="E-postadress", widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"})
    )
    error_messages = {
        "invalid_login": "Fel e-postadress eller lösenord. Tänk på att lösenordet skiljer på stora och små bokstäver.",
        "inactive": "Kontot är inte aktivt.",
    }

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        return normalise_email(username) if "@" in username else username


class ChoosePasswordForm(auth_forms.SetPasswordForm):
    """The applicant's first password, chosen on the confirmation page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Välj ett lösenord"
        self.fields["new_password2"].label = "Skriv lösenordet igen"


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Ditt lösenord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Fyll i ditt lösenord för att radera kontot."},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Lösenordet stämmer inte.")
        return password
