from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "documents"
    verbose_name = "Документы"

    def ready(self):
        # Renderers register themselves by kind when their modules are imported.
        from . import renderers  # noqa: F401
