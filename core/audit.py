"""The audit log: one call records who did what, to which object, when, and what changed.

Apps register the actions they record with ``register_actions`` (from their ``AppConfig.ready``);
``log_action`` refuses an action nobody registered. The diff helpers turn a model instance into the values a
person reads in a history (``snapshot``) and two snapshots into the changes (``changes_between``).
"""

from .models import AuditEntry, Municipality, Organization
from .models.audit import action_labels, is_registered, register_actions
from .network import client_ip

__all__ = [
    "action_labels",
    "changes_between",
    "display_value",
    "log_action",
    "log_action_on_each",
    "register_actions",
    "snapshot",
]


def log_action(
    action: str,
    *,
    actor=None,
    tenant: Organization | Municipality | None = None,
    obj=None,
    changes: dict | None = None,
    request=None,
    ip_address: str | None = None,
) -> AuditEntry:
    """Record ``action`` (a registered dotted code) done by ``actor`` in ``tenant`` on ``obj``.

    ``changes`` maps a field to ``[old, new]``. The client's address comes from ``request``, or, for work a
    task does for a request, from ``ip_address`` recorded with the job.
    """
    return AuditEntry.objects.create(**_entry_fields(action, actor, tenant, obj, changes, request, ip_address))


def log_action_on_each(action: str, objects, *, actor=None, tenant=None, request=None, ip_address=None) -> int:
    """Record ``action`` once on each of ``objects`` in one query (the access log of a page naming many people);
    returns how many entries were written."""
    entries = [AuditEntry(**_entry_fields(action, actor, tenant, obj, None, request, ip_address)) for obj in objects]
    return len(AuditEntry.objects.bulk_create(entries))


def _entry_fields(action, actor, tenant, obj, changes, request, ip_address) -> dict:
    if not is_registered(action):
        raise ValueError(f"Unknown audit action {action!r}: register it with core.audit.register_actions.")
    return {
        "organization": tenant if isinstance(tenant, Organization) else None,
        "municipality": tenant if isinstance(tenant, Municipality) else getattr(tenant, "municipality", None),
        "actor": actor if actor is not None and actor.is_authenticated else None,
        "action": action,
        "object_type": obj._meta.label_lower if obj is not None else "",
        "object_id": str(obj.pk) if obj is not None else "",
        "object_repr": str(obj)[:300] if obj is not None else "",
        "changes": changes or {},
        "ip_address": client_ip(request) if request is not None else ip_address,
    }


def display_value(instance, field):
    """A field's value as a person reads it in the history: labels for choices, names for relations.

    A model shows a field its own way with a method ``audit_<field name>()`` returning a list of labels.
    """
    if field.many_to_many:
        return ", ".join(sorted(str(item) for item in getattr(instance, field.name).all())) or None
    value = getattr(instance, field.name)
    if value in (None, "", []):
        return None
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if custom := getattr(instance, f"audit_{field.name}", None):
        return ", ".join(custom())
    if hasattr(value, "isoformat"):
        return value.strftime("%d.%m.%Y")
    return str(value)


def snapshot(instance) -> dict:
    """The audited fields of an instance, as displayed (its tenant and timestamps left out)."""
    if instance.pk is None:
        return {}
    fields = [f for f in instance._meta.get_fields() if f.concrete and not f.auto_created and f.editable]
    skip = {"organization", "created_at", "updated_at"}
    return {f.verbose_name: display_value(instance, f) for f in fields if f.name not in skip}


def changes_between(before: dict, after: dict) -> dict:
    return {key: [before.get(key), after.get(key)] for key in after if before.get(key) != after.get(key)}
