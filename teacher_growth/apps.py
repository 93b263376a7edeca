from django.apps import AppConfig


class TeacherGrowthConfig(AppConfig):
    """The teachers' system of mentoring (seed 001): diagnosed professional difficulties, the personalised
    mentoring programme built on them, and the individual educational route."""

    name = "teacher_growth"
    verbose_name = "Наставничество педагогов: затруднения и программы"

    def ready(self):
        from core.audit import register_actions

        from .audit_actions import AUDIT_ACTIONS

        register_actions(AUDIT_ACTIONS)
