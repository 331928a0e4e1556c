"""The letters app: letter templates under /verktyg/brev/, filled in by the manager or from a planner."""

from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = "Brev och mallar"
    default_auto_field = "django.db.models.BigAutoField"
