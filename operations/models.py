"""The content generation's one row: shared by every process of the site through the database."""

from django.db import models


class ContentGeneration(models.Model):
    """Which generation of the published content is current, and when it last changed.

    The database is the one store every process of a site shares (gunicorn workers, management
    commands, cron jobs, the shell), whatever the cache is, so a change made by any of them makes
    every process's kept pages stale on its next request (operations.content_cache)."""

    value = models.BigIntegerField()
    changed_at = models.FloatField(help_text="Unix time of the last change")

    class Meta:
        verbose_name = "innehållsgeneration"

    def __str__(self):
        return str(self.value)
