"""The audit log's rows and the registry of the actions it records."""

from django.conf import settings
from django.db import models
from django_scopes import ScopedManager

from .tenants import Municipality, Organization

_ACTION_LABELS: dict[str, str] = {}


def register_actions(labels: dict[str, str]) -> None:
    """Register the audit actions an app records, with the words users read (from its ``AppConfig.ready``)."""
    taken = set(labels) & set(_ACTION_LABELS)
    if taken:
        raise ValueError(f"Audit actions registered twice: {sorted(taken)}")
    _ACTION_LABELS.update(labels)


def action_labels() -> dict[str, str]:
    return dict(_ACTION_LABELS)


def is_registered(action: str) -> bool:
    return action in _ACTION_LABELS


class AuditEntry(models.Model):
    """One recorded action: who did what to which object, when, and what changed (old → new).

    Written only through ``core.audit.log_action``. School entries belong to their organisation and are
    scoped like every school row; municipal entries carry the municipality and no organisation.
    """

    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="организация"
    )
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="муниципалитет"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="кто",
    )
    action = models.CharField("действие", max_length=100)
    object_type = models.CharField("тип объекта", max_length=100, blank=True)
    object_id = models.CharField("идентификатор объекта", max_length=64, blank=True)
    object_repr = models.CharField("объект", max_length=300, blank=True)
    changes = models.JSONField("изменения", default=dict, blank=True)
    ip_address = models.GenericIPAddressField("IP-адрес", null=True, blank=True)
    created_at = models.DateTimeField("когда", auto_now_add=True, db_index=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        db_table = "mentoring_auditentry"  # the table it had before the platform layer moved to core
        verbose_name = "запись журнала действий"
        verbose_name_plural = "журнал действий"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organization", "-created_at"])]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.action_label} {self.object_repr}"

    @property
    def action_label(self):
        return _ACTION_LABELS.get(self.action, self.action)
