"""The podcasts app: episodes, the podcast feed and the guide teaser block."""

from django.apps import AppConfig


class PodcastsConfig(AppConfig):
    name = "podcasts"
    verbose_name = "Podd"
    default_auto_field = "django.db.models.BigAutoField"
