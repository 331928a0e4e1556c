"""The editorial app: keeps the guide library fresh and shows editors what readers need."""

from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Redaktion"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from editorial import signals
        from editorial.forms import GuidePageForm, review_panel
        from guides.models import GuidePage

        signals.connect()
        # The guide editor's review controls are editorial's: its form (the "Granskad nu" box)
        # and its panel, added to the guide page type before Wagtail builds the edit handler.
        GuidePage.base_form_class = GuidePageForm
        GuidePage.content_panels = [*GuidePage.content_panels, review_panel()]
