from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monitoring"
    verbose_name = "Мониторинг"

    def ready(self):
        # The reports register their renderers by kind (documents.rendering) when the module is imported.
        from mentoring.models.audit import ACTION_LABELS

        from . import renderers  # noqa: F401

        ACTION_LABELS.update(
            {
                "wave.launched": "Начато анкетирование",
                "wave.reminded": "Отправлены напоминания об анкетировании",
                "wave.closed": "Анкетирование завершено",
            }
        )
