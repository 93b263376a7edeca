from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The platform under the domain apps: tenancy, roles, audit, jobs, enqueueing, rendering, notifications.

    It imports none of the domain apps; they register what they offer (audit actions, renderers, job kinds)
    with it through functions.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Платформа"

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import session_lifetime  # noqa: F401 - remembers when each sign-in began
        from .audit import register_actions
        from .collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation, dispatch_uid="core.collation.sqlite")

        register_actions({"membership.granted": "Назначена роль", "membership.revoked": "Снята роль"})
