from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = "Наставничество"

    def ready(self):
        from core.audit import register_actions

        from .audit_actions import AUDIT_ACTIONS
        from .services import exports, imports, matching  # noqa: F401 - they register their renderers and job kinds

        register_actions(AUDIT_ACTIONS)
