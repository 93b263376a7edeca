"""Purposes and retention: each consent purpose has a period the data is kept after a person's participation ended
(school-editable, ``RETENTION_DEFAULTS`` otherwise); the list «срок хранения истёк» names everyone past it, and the
curator erases them from it with the same service as after a withdrawal (``privacy.services.erasure``).

A person's participation has ended when they left or completed (a mentee), or left (a mentor), and no pair of
theirs is active; it ended on the latest closing date of their pairs, or, without pairs, on the day their record
last changed.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.audit import log_action
from core.inflection import with_number
from core.members import holders_of
from core.notifications import notify
from core.roles import Capability
from mentoring.models import Consent, Mentee, Mentor, Pair

from ..models import RETENTION_DEFAULTS, RetentionPeriod
from .erasure import erase_everywhere
from .holdings import pairs_of


def periods() -> dict[str, int]:
    """Years by purpose in the current school: its own, or the defaults."""
    years = {purpose.value: default for purpose, default in RETENTION_DEFAULTS.items()}
    years.update(dict(RetentionPeriod.objects.values_list("purpose", "years")))
    return years


@transaction.atomic
def save_periods(years: dict[str, int], *, actor, tenant, request=None) -> dict[str, int]:
    before = periods()
    for purpose, value in years.items():
        RetentionPeriod.objects.update_or_create(organization=tenant, purpose=purpose, defaults={"years": value})
    changes = {
        Consent.Purpose(purpose).label: [str(before[purpose]), str(value)]
        for purpose, value in years.items()
        if before[purpose] != value
    }
    if changes:
        log_action("privacy.retention_changed", actor=actor, tenant=tenant, changes=changes, request=request)
    return periods()


@dataclass(frozen=True)
class Expired:
    person: Mentee | Mentor
    ended_on: date
    kept_until: date


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def expired(as_of: date | None = None) -> list[Expired]:
    """The people of the current school whose retention period has run out by ``as_of`` (today)."""
    as_of = as_of or timezone.localdate()
    years = periods()
    found = []
    candidates = [
        *Mentee.objects.filter(status__in=[Mentee.Status.LEFT, Mentee.Status.COMPLETED]),
        *Mentor.objects.filter(status=Mentor.Status.LEFT),
    ]
    for person in candidates:
        if person.anonymized_at is not None:
            continue
        pairs = pairs_of(person)
        if any(pair.status == Pair.Status.ACTIVE for pair in pairs):
            continue
        closed = [pair.closed_on for pair in pairs if pair.closed_on]
        ended_on = max(closed) if closed else timezone.localdate(person.updated_at)
        purposes = set(person.consents.values_list("purpose", flat=True)) or {Consent.Purpose.PERSONAL_DATA}
        kept_until = _years_later(ended_on, max(years[purpose] for purpose in purposes))
        if kept_until <= as_of:
            found.append(Expired(person, ended_on, kept_until))
    return sorted(found, key=lambda item: (item.kept_until, item.person.pk))


def erase_expired(keys: list[str], *, actor, tenant, as_of: date | None = None) -> int:
    """Erase the people of the list chosen by their keys («mentee-12», «mentor-3»); a key not in the list is
    ignored (its period has not run out)."""
    chosen = set(keys)
    erased = 0
    for item in expired(as_of):
        if key_of(item.person) in chosen:
            erase_everywhere(item.person, tenant=tenant, actor=actor, due_on=item.kept_until)
            erased += 1
    return erased


def key_of(person) -> str:
    return f"{'mentee' if isinstance(person, Mentee) else 'mentor'}-{person.pk}"


def remind(tenant) -> int:
    """Notify those who edit the bases that the list «срок хранения истёк» has people in it; returns how many."""
    found = len(expired())
    if found:
        notify(
            holders_of(tenant, Capability.EDIT_BASES),
            f"Срок хранения персональных данных истёк: {with_number(found, 'человек')}. "
            "Проверьте список и удалите данные.",
            reverse("retention", kwargs={"org": tenant.slug}),
            tenant=tenant,
        )
    return found
