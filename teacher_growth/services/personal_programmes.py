"""The personalised mentoring programme of a teacher-mentee: its goals are taken from the difficulties the
entry self-assessment diagnosed, it lasts 3 months to 1 year (seed 001 §1.3.7), and each activity has a date
inside it and an expected result."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from core.audit import log_action
from core.roles import Capability, has_capability
from mentoring.models import Mentee, Pair
from mentoring.services.journal import own_pairs
from mentoring.services.pairs import plan_period_errors
from teacher_growth.models import PersonalActivity, PersonalGoal, PersonalProgramme
from teacher_growth.services.difficulties import not_a_teacher_error, profile


def readable_pairs(user, roles):
    """Pairs whose personalised programmes ``user`` reads: all for the director, the curator and the
    methodist, their own for a mentor."""
    if has_capability(roles, Capability.READ_JOURNALS):
        return Pair.objects.all()
    if has_capability(roles, Capability.KEEP_OWN_JOURNAL):
        return own_pairs(user)
    raise PermissionDenied("Персонализированные программы читают руководитель, куратор, методист и наставник.")


def plannable_pairs(user, roles):
    """Pairs whose personalised programmes ``user`` writes: all for the director and the curator, their own
    for a mentor (the programme is planned together, seed 001 §1.11)."""
    if has_capability(roles, Capability.MANAGE_PLANS):
        return Pair.objects.all()
    if has_capability(roles, Capability.KEEP_OWN_PLANS):
        return own_pairs(user)
    raise PermissionDenied("Персонализированную программу составляют куратор, руководитель и наставник пары.")


def default_goal(item) -> str:
    return f"Преодолеть затруднение «{item.text}»"


@transaction.atomic
def create_personal_programme(
    *, pair: Pair, mentee: Mentee, starts_on: date | None, ends_on: date | None, item_ids, goal_texts=None,
    strengths="", actor, tenant, request=None,
) -> PersonalProgramme:  # fmt: skip
    """Write the programme with one goal per chosen diagnosed difficulty (the text may be reworded)."""
    goal_texts = goal_texts or {}
    errors = not_a_teacher_error(mentee)
    if not pair.members.filter(mentee=mentee).exists():
        errors.append(f"{mentee.full_name} не входит в эту пару или группу.")
    if pair.status == Pair.Status.CLOSED:
        errors.append("Пара завершена: новую программу для неё не составить.")
    if starts_on is None or ends_on is None:
        errors.append("Укажите начало и окончание программы.")
    else:
        errors += plan_period_errors(starts_on, ends_on)
    mentee_profile = profile(mentee)
    diagnosed = {row.item.pk: row.item for row in mentee_profile.diagnosed}
    chosen = [int(pk) for pk in item_ids]
    if not mentee_profile.entry:
        errors.append("Цели программы берутся из выявленных затруднений: сначала запишите входную самооценку.")
    elif not chosen:
        errors.append("Выберите хотя бы одно выявленное затруднение: из него получится цель программы.")
    elif any(pk not in diagnosed for pk in chosen):
        errors.append("Цель программы берётся только из затруднений, выявленных входной самооценкой.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            programme = PersonalProgramme.objects.create(
                organization=tenant, pair=pair, mentee=mentee, starts_on=starts_on, ends_on=ends_on,
                strengths=strengths.strip(), created_by=actor,
            )  # fmt: skip
    except IntegrityError:
        raise ValidationError(f"Персонализированная программа {mentee.full_name} в этой паре уже составлена.") from None
    PersonalGoal.objects.bulk_create(
        PersonalGoal(
            organization=tenant,
            programme=programme,
            area=diagnosed[pk].area,
            item=diagnosed[pk],
            text=(goal_texts.get(pk) or "").strip() or default_goal(diagnosed[pk]),
            position=position,
        )
        for position, pk in enumerate(chosen)
    )
    log_action(
        "personal_programme.created", actor=actor, tenant=tenant, obj=programme,
        changes={"период": [None, f"{starts_on:%d.%m.%Y} – {ends_on:%d.%m.%Y}"], "целей": [None, str(len(chosen))]},
        request=request,
    )  # fmt: skip
    return programme


def activity_errors(programme: PersonalProgramme, goal, title: str, due_on: date | None, expected: str) -> list:
    errors = []
    if goal is None or goal.programme_id != programme.pk:
        errors.append("Выберите цель этой программы, к которой ведёт мероприятие.")
    if not title.strip():
        errors.append("Назовите мероприятие.")
    if not expected.strip():
        errors.append("Укажите ожидаемый результат мероприятия.")
    if due_on is None:
        errors.append("Укажите срок мероприятия.")
    elif not programme.starts_on <= due_on <= programme.ends_on:
        errors.append(
            "Срок мероприятия — в пределах программы: "
            f"с {programme.starts_on:%d.%m.%Y} по {programme.ends_on:%d.%m.%Y}."
        )
    return errors


@transaction.atomic
def add_activity(
    *, programme: PersonalProgramme, goal, title: str, due_on, expected_result: str, actor, tenant, request=None
) -> PersonalActivity:
    errors = activity_errors(programme, goal, title, due_on, expected_result)
    if errors:
        raise ValidationError(errors)
    activity = PersonalActivity.objects.create(
        organization=tenant, programme=programme, goal=goal, title=title.strip(), due_on=due_on,
        expected_result=expected_result.strip(),
    )  # fmt: skip
    log_action(
        "personal_programme.activity_added", actor=actor, tenant=tenant, obj=programme,
        changes={"мероприятие": [None, activity.title], "срок": [None, f"{due_on:%d.%m.%Y}"]}, request=request,
    )  # fmt: skip
    return activity
