from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = "Guider"

    def ready(self):
        from django.urls import register_converter

        from guides.page_ids import IdConverter

        # Before any URLconf is read: patterns resolve their converters when they are built.
        register_converter(IdConverter, "id")
