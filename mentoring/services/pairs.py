"""Forming and closing pairs and groups: the rules of the target model, checked in one place."""

import calendar
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.audit import log_action
from mentoring.models import Mentee, Mentor, MentoringKind, Pair, PairMember
from mentoring.services.pair_rules import (
    default_kind_code,
    kind_refusals,
    load_form,
    mentee_facts,
    mentor_facts,
    refusals,
)

# A personalised programme lasts from 3 months to 1 year (seed 001 §1.3.7), both dates included:
# 01.09 – 30.11 is three months, 01.09 – 31.08 one year.
SHORTEST_PLAN_MONTHS = 3
LONGEST_PLAN_MONTHS = 12


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (the month's last day when it is shorter: 31.01 → 28.02)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def earliest_plan_end(starts_on: date) -> date:
    return add_months(starts_on, SHORTEST_PLAN_MONTHS) - timedelta(days=1)


def latest_plan_end(starts_on: date) -> date:
    return add_months(starts_on, LONGEST_PLAN_MONTHS) - timedelta(days=1)


def plan_period_errors(starts_on: date, planned_end_on: date) -> list[str]:
    if planned_end_on <= starts_on:
        return ["Плановое окончание должно быть позже начала."]
    if planned_end_on < earliest_plan_end(starts_on):
        return [
            "Персонализированная программа длится не меньше 3 месяцев: "
            f"окончание не раньше {earliest_plan_end(starts_on):%d.%m.%Y}."
        ]
    if planned_end_on > latest_plan_end(starts_on):
        return [
            "Персонализированная программа длится не больше 1 года: "
            f"окончание не позже {latest_plan_end(starts_on):%d.%m.%Y}."
        ]
    return []


@transaction.atomic
def form_pair(
    *, programme, mentor: Mentor, mentees: list[Mentee], form, starts_on, planned_end_on, actor, tenant,
    role_model="", goals="", match_score=None, request=None, kinds=(), reverse_area="",
) -> Pair:  # fmt: skip
    """Form a pair (one mentee) or a group (two or more) after checking every rule; raise ValidationError
    with all the reasons in Russian otherwise. The mentor's row is locked, so that two curators cannot both
    fill the mentor's last place; the database refuses a mentee in two active pairs of one form."""
    mentees = list({mentee.pk: mentee for mentee in mentees}.values())  # the same mentee twice is one mentee
    if not mentees:
        raise ValidationError("Выберите хотя бы одного наставляемого.")
    if form not in programme.forms.all():
        raise ValidationError(f"Форма «{form.name}» не выбрана в программе.")
    Mentor.objects.select_for_update().filter(pk=mentor.pk).first()
    today = timezone.localdate()
    mentor_fact = mentor_facts(programme, Mentor.objects.filter(pk=mentor.pk), today)[mentor.pk]
    facts = mentee_facts(Mentee.objects.filter(pk__in=[m.pk for m in mentees]), today)
    reasons = plan_period_errors(starts_on, planned_end_on)
    reasons += refusals(mentor_fact, [facts[m.pk] for m in mentees], load_form(form))
    if role_model and role_model not in form.role_models:
        reasons.append(f"Ролевая модель «{role_model}» не относится к форме «{form.name}».")
    kinds = list(kinds) or list(MentoringKind.objects.filter(code=default_kind_code(form, len(mentees))))
    reasons += kind_refusals(kinds, len(mentees), reverse_area)
    if reasons:
        raise ValidationError(reasons)
    pair = Pair.objects.create(
        organization=tenant, programme=programme, mentor=mentor, form=form, role_model=role_model, goals=goals,
        starts_on=starts_on, planned_end_on=planned_end_on, match_score=match_score, created_by=actor,
        reverse_area=reverse_area.strip(),
    )  # fmt: skip
    pair.kinds.set(kinds)
    try:
        with transaction.atomic():
            PairMember.objects.bulk_create(
                PairMember(organization=tenant, pair=pair, mentee=mentee, form=form) for mentee in mentees
            )
    except IntegrityError:
        raise ValidationError(
            "Кто-то из наставляемых уже в действующей паре этой формы (её только что сформировали)."
        ) from None
    Mentee.objects.filter(pk__in=[m.pk for m in mentees]).update(status=Mentee.Status.IN_PAIR, awaiting_mentor=False)
    log_action(
        "pair.formed",
        actor=actor,
        tenant=tenant,
        obj=pair,
        changes={
            "наставник": [None, mentor.full_name],
            "наставляемые": [None, ", ".join(m.full_name for m in mentees)],
            "форма": [None, form.name],
            **({"виды": [None, ", ".join(kind.name for kind in kinds)]} if kinds else {}),
        },
        request=request,
    )
    return pair


@transaction.atomic
def close_pair(pair: Pair, *, outcome, final_notes, actor, tenant, request=None) -> Pair:
    """Close a pair or group with its outcome; its mentees complete the programme unless still paired elsewhere
    (or go back to the base when the pair was stopped early)."""
    if outcome not in Pair.Outcome.values:
        raise ValidationError("Укажите итог.")
    # Re-read under a lock: of two curators closing at once, the second is told the pair is already closed.
    if Pair.objects.select_for_update().get(pk=pair.pk).status == Pair.Status.CLOSED:
        raise ValidationError("Пара уже завершена.")
    pair.status = Pair.Status.CLOSED
    pair.outcome = outcome
    pair.final_notes = final_notes
    pair.closed_on = timezone.localdate()
    pair.save(update_fields=["status", "outcome", "final_notes", "closed_on"])
    pair.members.update(active=False)
    mentee_ids = list(pair.members.values_list("mentee_id", flat=True))
    still_paired = set(
        PairMember.objects.filter(active=True, mentee_id__in=mentee_ids).values_list("mentee_id", flat=True)
    )
    # Those still in another pair stay "in a pair"; those who left the base meanwhile stay "left". A pair stopped
    # early does not complete its mentees' programme: they are back in the base, and the search goes on.
    stopped = outcome == Pair.Outcome.STOPPED
    Mentee.objects.filter(pk__in=set(mentee_ids) - still_paired, status=Mentee.Status.IN_PAIR).update(
        status=Mentee.Status.IN_BASE if stopped else Mentee.Status.COMPLETED
    )
    log_action(
        "pair.closed",
        actor=actor,
        tenant=tenant,
        obj=pair,
        changes={"итог": [None, pair.get_outcome_display()]},
        request=request,
    )
    return pair
