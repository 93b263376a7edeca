"""Optimistic concurrency: two people editing the same record never lose each other's changes silently.

A form that edits a record carries the record's version (its ``updated_at``) in a hidden field
(``VersionedFormMixin``). The service that saves it checks, on the locked row, that the record has not changed
since the form was opened (``check_version``); a later save is refused with who changed what and when
(``EditConflict``, read from the audit log), and the form is shown again with everything the user typed. The
refused form carries the new version: saving it once more, after reading the message, overwrites on purpose.
"""

import contextlib
import hashlib
import json
from datetime import datetime

from django import forms
from django.utils import timezone

VERSION_FIELD = "version"
SHOWN_CHANGES = 5
SHOWN_VALUE = 80


def version_of(record) -> str:
    """The record's ``updated_at``; for a model without one, a digest of its audited fields and the moment the
    form was opened («digest@time»)."""
    stamp = getattr(record, "updated_at", None)
    if stamp:
        return stamp.isoformat()
    from core.audit import snapshot

    digest = hashlib.sha256(json.dumps(snapshot(record), sort_keys=True, default=str).encode()).hexdigest()[:20]
    return f"{digest}@{timezone.now().isoformat()}"


def _state(version: str) -> str:
    return version.split("@", 1)[0]


def _opened_at(version: str) -> str:
    return version.split("@", 1)[-1]


class EditConflict(Exception):
    """The record changed after the form was opened; the message says who changed what and when."""

    def __init__(self, record, since: str):
        self.version = version_of(record)
        super().__init__(conflict_message(record, since))


def check_version(stored, submitted: str | None) -> None:
    """Refuse a save whose form was opened on an older version of ``stored`` (read under a row lock).

    A form without a version (an old page, a script) is not checked."""
    if submitted and _state(submitted) != _state(version_of(stored)):
        raise EditConflict(stored, _opened_at(submitted))


def conflict_message(record, since: str) -> str:
    from core.models import AuditEntry

    entries = (
        AuditEntry.objects.filter(object_type=record._meta.label_lower, object_id=str(record.pk))
        .exclude(changes={})
        .select_related("actor")
        .order_by("-created_at", "-id")
    )
    with contextlib.suppress(ValueError):
        entries = entries.filter(created_at__gte=datetime.fromisoformat(since))
    told = []
    for entry in reversed(entries[:SHOWN_CHANGES]):
        who = entry.actor.initials_name if entry.actor else "портал"
        when = timezone.localtime(entry.created_at)
        fields = "; ".join(
            f"{field}: {_short(values[0])} → {_short(values[1])}" for field, values in entry.changes.items()
        )
        told.append(f"{who}, {when:%d.%m.%Y %H:%M} — {fields}")
    if not told and getattr(record, "updated_at", None):
        told.append(f"изменения сохранены {timezone.localtime(record.updated_at):%d.%m.%Y в %H:%M}")
    if not told:
        told.append("изменения сохранены другим пользователем")
    return (
        "Пока форма была открыта, эту запись изменили: "
        + " · ".join(told)
        + ". Ваши изменения не сохранены и остались в форме: сверьте их и сохраните ещё раз."
    )


def _short(value) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= SHOWN_VALUE else text[: SHOWN_VALUE - 1] + "…"


class VersionedFormMixin:
    """A hidden ``version`` field with the version of the edited record (``record``, or the model form's
    instance); ``submitted_version`` for the service, ``refuse_stale`` for the view."""

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        record = record if record is not None else getattr(self, "instance", None)
        self.fields[VERSION_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        if record is not None and record.pk is not None:
            self.fields[VERSION_FIELD].initial = version_of(record)

    @property
    def submitted_version(self) -> str:
        return (self.data.get(VERSION_FIELD) or "") if self.is_bound else ""

    def refuse_stale(self, conflict: EditConflict) -> None:
        """Show the conflict above the form, keep what was typed, and carry the new version."""
        self.data = self.data.copy()
        self.data[VERSION_FIELD] = conflict.version
        self.add_error(None, str(conflict))
