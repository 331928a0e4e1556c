"""The tools app: Wagtail tool pages and the planners, exports and worksheets behind them."""

from django.apps import AppConfig


class ToolsConfig(AppConfig):
    name = "tools"
    verbose_name = "Verktyg"
    default_auto_field = "django.db.models.BigAutoField"
