from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = "Drift"

    def ready(self):
        from operations import page_cache

        page_cache.connect_invalidation()
