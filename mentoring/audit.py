"""The audit log: one call records who did what, to which object, when, and what changed."""

from .models import AuditEntry, Municipality, Organization
from .models.audit import ACTION_LABELS
from .network import client_ip


def log_action(
    action: str,
    *,
    actor=None,
    tenant: Organization | Municipality | None = None,
    obj=None,
    changes: dict | None = None,
    request=None,
) -> AuditEntry:
    """Record ``action`` (a dotted code from ``ACTION_LABELS``) done by ``actor`` in ``tenant`` on ``obj``.

    ``changes`` maps a field to ``[old, new]``.
    """
    if action not in ACTION_LABELS:
        raise ValueError(f"Unknown audit action {action!r}: add it to ACTION_LABELS.")
    return AuditEntry.objects.create(
        organization=tenant if isinstance(tenant, Organization) else None,
        municipality=tenant if isinstance(tenant, Municipality) else getattr(tenant, "municipality", None),
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        changes=changes or {},
        ip_address=client_ip(request) if request is not None else None,
    )
