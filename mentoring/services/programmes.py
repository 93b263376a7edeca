"""Creating and changing a programme with its seven stages; the current programme of the school."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.audit import changes_between, log_action, snapshot
from core.concurrency import check_version
from mentoring import reference
from mentoring.models import (
    Mentee,
    MentoringForm,
    MentoringKind,
    Programme,
    Stage,
    StageActivity,
)
from mentoring.models.kinds import install_kinds

INACTIVE_DAYS = 30
# Where each stage falls in the programme's period by default (shares of its length), as in seed 003.
STAGE_SHARES = {1: (0, 0.1), 2: (0.05, 0.2), 3: (0.1, 0.25), 4: (0.2, 0.35), 5: (0.3, 0.4), 6: (0.4, 0.9), 7: (0.9, 1)}
ACTIVE_MENTEE = Q(status__in=(Mentee.Status.IN_BASE, Mentee.Status.IN_PAIR), anonymized_at__isnull=True)


def ensure_kinds() -> dict[str, int]:
    """The kinds of the teachers' system (a migration installs them; a flushed database gets them back here),
    as code → id."""
    kinds = dict(MentoringKind.objects.values_list("code", "pk"))
    if len(kinds) < len(reference.KINDS):
        install_kinds(MentoringKind)
        kinds = dict(MentoringKind.objects.values_list("code", "pk"))
    return kinds


def ensure_forms(tenant) -> list[MentoringForm]:
    """The school's forms of mentoring, created from the target model's reference data the first time (with the
    kinds of the teachers' system, shared by every school)."""
    ensure_kinds()
    forms = MentoringForm.objects.filter(organization=tenant)
    existing = set(forms.values_list("code", flat=True))
    MentoringForm.objects.bulk_create(
        MentoringForm(organization=tenant, **form) for form in reference.FORMS if form["code"] not in existing
    )
    return list(forms)


def programme_period_errors(starts_on: date, ends_on: date) -> list[str]:
    if ends_on <= starts_on:
        return ["Окончание программы должно быть позже начала."]
    if ends_on - starts_on > timedelta(days=2 * 366):
        return ["Программа рассчитана не больше чем на два года: разделите её на периоды."]
    return []


@transaction.atomic
def create_programme(*, tenant, actor, forms, request=None, **fields) -> Programme:
    """A new programme with the seven stages, their default activities, dates spread over the period and
    their local acts; the curator edits them afterwards."""
    errors = programme_period_errors(fields["starts_on"], fields["ends_on"])
    if not forms:
        errors.append("Выберите хотя бы одну форму наставничества.")
    if errors:
        raise ValidationError(errors)
    programme = Programme.objects.create(organization=tenant, **fields)
    programme.forms.set(forms)
    length = (programme.ends_on - programme.starts_on).days
    for number, defaults in reference.STAGES.items():
        start_share, end_share = STAGE_SHARES[number]
        stage = Stage.objects.create(
            organization=tenant,
            programme=programme,
            number=number,
            starts_on=programme.starts_on + timedelta(days=round(length * start_share)),
            ends_on=programme.starts_on + timedelta(days=round(length * end_share)),
            responsible=programme.curator.initials_name if programme.curator else "",
            local_acts=defaults["local_acts"],
        )
        StageActivity.objects.bulk_create(
            StageActivity(organization=tenant, stage=stage, title=title, due_on=stage.ends_on, position=position)
            for position, title in enumerate(defaults["activities"])
        )
    log_action("programme.created", actor=actor, tenant=tenant, obj=programme, request=request)
    return programme


def current_programme():
    """The programme running today, else the latest one (inside the current school's scope)."""
    today = timezone.localdate()
    programmes = Programme.objects.order_by("-starts_on", "-pk")
    return programmes.filter(starts_on__lte=today, ends_on__gte=today).first() or programmes.first()


def current_programme_pk(organization):
    """``current_programme`` as an SQL expression for many schools at once: the pk of the programme of
    ``organization`` (an ``OuterRef``) running today, else of its latest one."""
    today = timezone.localdate()
    programmes = Programme.objects.filter(organization=organization).order_by("-starts_on", "-pk")
    running = programmes.filter(starts_on__lte=today, ends_on__gte=today)
    return Coalesce(Subquery(running.values("pk")[:1]), Subquery(programmes.values("pk")[:1]))


def period_text(starts_on: date, ends_on: date) -> str:
    return f"{starts_on:%d.%m.%Y} – {ends_on:%d.%m.%Y}"


def rescale(day: date | None, old_start: date, old_end: date, new_start: date, new_end: date) -> date | None:
    """``day`` moved to the same place in the new period (a share of its length), kept inside it."""
    if day is None:
        return None
    old_length = max((old_end - old_start).days, 1)
    share = min(max((day - old_start).days / old_length, 0), 1)
    return new_start + timedelta(days=round((new_end - new_start).days * share))


@transaction.atomic
def update_programme(
    programme, *, tenant, actor, forms, replan_stages=False, request=None, version=None, **fields
) -> Programme:
    """Change a programme. A new period must still hold every stage, unless the stages and their activities'
    due dates are moved with it (``replan_stages``); a form that pairs of the programme work in stays. A change
    saved by someone else after ``version`` (the edit form's) is not overwritten (``EditConflict``)."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    check_version(programme, version)
    before = snapshot(programme)
    starts_on, ends_on = fields["starts_on"], fields["ends_on"]
    errors = programme_period_errors(starts_on, ends_on)
    if not forms:
        errors.append("Выберите хотя бы одну форму наставничества.")
    kept = {form.pk for form in forms}
    in_use = MentoringForm.objects.filter(pairs__programme=programme).exclude(pk__in=kept).distinct()
    errors += [f"Форму «{form.name}» убрать нельзя: в ней работают пары этой программы." for form in in_use]
    if errors:
        raise ValidationError(errors)
    stages = list(programme.stages.order_by("number"))
    period_changed = (starts_on, ends_on) != (programme.starts_on, programme.ends_on)
    replanned = period_changed and replan_stages
    if replanned:
        old = (programme.starts_on, programme.ends_on)
        for stage in stages:
            stage.starts_on = rescale(stage.starts_on, *old, starts_on, ends_on)
            stage.ends_on = rescale(stage.ends_on, *old, starts_on, ends_on)
        Stage.objects.bulk_update(stages, ["starts_on", "ends_on"])
        activities = list(StageActivity.objects.filter(stage__programme=programme, due_on__isnull=False))
        for activity in activities:
            activity.due_on = rescale(activity.due_on, *old, starts_on, ends_on)
        StageActivity.objects.bulk_update(activities, ["due_on"])
    elif period_changed:
        outside = [
            str(stage.number)
            for stage in stages
            if (stage.starts_on and not starts_on <= stage.starts_on <= ends_on)
            or (stage.ends_on and not starts_on <= stage.ends_on <= ends_on)
        ]
        if outside:
            raise ValidationError(
                f"Этапы {', '.join(outside)} выходят за новые сроки программы ({period_text(starts_on, ends_on)}). "
                "Отметьте «Перенести даты этапов» или сначала измените даты этих этапов."
            )
    for name, value in fields.items():
        setattr(programme, name, value)
    programme.save()
    programme.forms.set(forms)
    changes = changes_between(before, snapshot(programme))
    if replanned:
        changes["даты этапов и сроки мероприятий"] = [None, "перенесены пропорционально новым срокам"]
    if changes:
        log_action("programme.updated", actor=actor, tenant=tenant, obj=programme, changes=changes, request=request)
    return programme
