"""Selecting mentors for a programme (stage 4)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.audit import log_action
from mentoring.models import (
    Mentor,
    Pair,
    ProgrammeMentor,
)


def selectable_mentors():
    """Mentors who may be selected for a programme: those in the base, not erased."""
    return Mentor.objects.filter(status=Mentor.Status.ACTIVE, anonymized_at__isnull=True)


@transaction.atomic
def select_mentors(programme, *, shown, selected, tenant, actor, request=None) -> tuple[list, list]:
    """Of the mentors ``shown`` on the page, make exactly ``selected`` the selected ones of the programme.

    A mentor working in an active pair of the programme stays selected. Returns (added, removed)."""
    shown_ids = {mentor.pk for mentor in shown}
    wanted = {mentor.pk for mentor in selected} & shown_ids
    current = set(
        ProgrammeMentor.objects.filter(programme=programme, mentor_id__in=shown_ids).values_list("mentor_id", flat=True)
    )
    to_add, to_remove = wanted - current, (shown_ids - wanted) & current
    busy = Mentor.objects.filter(
        pk__in=to_remove, pairs__programme=programme, pairs__status=Pair.Status.ACTIVE
    ).distinct()
    refusals = [f"{mentor.full_name} работает в паре этой программы: снять отбор нельзя." for mentor in busy]
    if refusals:
        raise ValidationError(refusals)
    ProgrammeMentor.objects.bulk_create(
        ProgrammeMentor(organization=tenant, programme=programme, mentor_id=mentor_id) for mentor_id in to_add
    )
    ProgrammeMentor.objects.filter(programme=programme, mentor_id__in=to_remove).delete()
    by_id = {mentor.pk: mentor for mentor in shown}
    added = sorted((by_id[pk] for pk in to_add), key=lambda m: m.full_name)
    removed = sorted((by_id[pk] for pk in to_remove), key=lambda m: m.full_name)
    changes = {}
    if added:
        changes["отобраны"] = [None, ", ".join(m.full_name for m in added)]
    if removed:
        changes["сняты с отбора"] = [", ".join(m.full_name for m in removed), None]
    if changes:
        log_action("mentors.selected", actor=actor, tenant=tenant, obj=programme, changes=changes, request=request)
    return added, removed
