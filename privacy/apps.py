from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Персональные данные"

    def ready(self):
        from core.audit import register_actions

        register_actions({"privacy.erasure_done": "Выполнено удаление персональных данных"})
