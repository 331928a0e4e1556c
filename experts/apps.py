"""The experts app: answer pages, the question form and the moderation queue."""

from django.apps import AppConfig


class ExpertsConfig(AppConfig):
    name = "experts"
    verbose_name = "Experten svarar"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from experts import signals

        signals.connect()
