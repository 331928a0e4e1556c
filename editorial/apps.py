"""The editorial app: keeps the guide library fresh and shows editors what readers need."""

from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Redaktion"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from editorial import signals

        signals.connect()
