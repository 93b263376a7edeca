from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monitoring"
    verbose_name = "Мониторинг"

    def ready(self):
        # The reports register their renderers by kind (core.rendering) when the module is imported.
        from core.audit import register_actions

        from . import regional_report, renderers  # noqa: F401

        register_actions(
            {
                "wave.launched": "Начато анкетирование",
                "wave.reminded": "Отправлены напоминания об анкетировании",
                "wave.closed": "Анкетирование завершено",
            }
        )
