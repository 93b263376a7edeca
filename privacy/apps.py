from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Персональные данные"

    def ready(self):
        from core.audit import register_actions

        from .services import subject_copy  # noqa: F401 - registers its renderer

        register_actions(
            {
                "privacy.erasure_done": "Выполнено удаление персональных данных",
                "privacy.subject_copy": "Запрошены сведения о субъекте персональных данных",
                "privacy.retention_changed": "Изменены сроки хранения персональных данных",
            }
        )
