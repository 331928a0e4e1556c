from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "membership"
    verbose_name = "Medlemskap"
    default_auto_field = "django.db.models.BigAutoField"
