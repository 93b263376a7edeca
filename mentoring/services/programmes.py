"""Creating a programme with its seven stages, and what the portal computes about it: readiness, overdue work."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone

from core.audit import changes_between, log_action, snapshot
from core.roles import Capability, has_capability
from mentoring import reference
from mentoring.models import (
    Mentee,
    Mentor,
    MentoringForm,
    Pair,
    PairMember,
    Programme,
    ProgrammeMentor,
    Stage,
    StageActivity,
    SubProgramme,
)
from mentoring.services.people import with_consent_flags

INACTIVE_DAYS = 30
# Where each stage falls in the programme's period by default (shares of its length), as in seed 003.
STAGE_SHARES = {1: (0, 0.1), 2: (0.05, 0.2), 3: (0.1, 0.25), 4: (0.2, 0.35), 5: (0.3, 0.4), 6: (0.4, 0.9), 7: (0.9, 1)}
ACTIVE_MENTEE = Q(status__in=(Mentee.Status.IN_BASE, Mentee.Status.IN_PAIR), anonymized_at__isnull=True)


def ensure_forms(tenant) -> list[MentoringForm]:
    """The school's forms of mentoring, created from the target model's reference data the first time."""
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


@dataclass
class Readiness:
    ready: bool
    reasons: list[str] = field(default_factory=list)


def stage_readiness(programme: Programme) -> dict[int, Readiness]:
    """Whether each stage's work is done, judged from the data, and what is missing when it is not."""
    today = timezone.localdate()
    mentees = with_consent_flags(Mentee.objects.filter(ACTIVE_MENTEE))
    counts = mentees.aggregate(
        total=Count("pk"),
        without_requests=Count("pk", filter=Q(requests__isnull=True, requests_text="")),
        without_consent=Count("pk", filter=Q(needs_consent=True)),
    )
    active_pairs = Pair.objects.filter(programme=programme, status=Pair.Status.ACTIVE)
    paired = PairMember.objects.filter(active=True, pair__programme=programme).values("mentee_id")
    unpaired = Mentee.objects.filter(ACTIVE_MENTEE, awaiting_mentor=False).exclude(pk__in=paired).count()
    mentors = Mentor.objects.filter(status=Mentor.Status.ACTIVE, anonymized_at__isnull=True)
    mentors_without_consent = sum(1 for m in mentors if m.needs_written_consent and not m.has_written_consent)
    selected = ProgrammeMentor.objects.filter(programme=programme)
    untrained = selected.exclude(mentor__training=Mentor.Training.TRAINED).count()
    pairs_without_plan = active_pairs.filter(plan_items__isnull=True).count()
    inactive = inactive_pairs(programme).count()

    def judge(*checks):
        reasons = [reason for failed, reason in checks if failed]
        return Readiness(not reasons, reasons)

    return {
        1: judge(
            (programme.curator_id is None, "не назначен куратор"),
            (not programme.forms.exists(), "не выбраны формы наставничества"),
            (not programme.goals.strip(), "не сформулированы цели"),
        ),
        2: judge(
            (counts["total"] == 0, "в базе нет наставляемых"),
            (counts["without_requests"] > 0, f"без запросов: {counts['without_requests']}"),
            (
                counts["without_consent"] > 0,
                f"несовершеннолетних без согласия представителя: {counts['without_consent']}",
            ),
        ),
        3: judge(
            (not mentors.exists(), "в базе нет наставников"),
            (mentors_without_consent > 0, f"наставников без письменного согласия: {mentors_without_consent}"),
        ),
        4: judge(
            (not selected.exists(), "наставники не отобраны в программу"),
            (untrained > 0, f"отобранных наставников без обучения: {untrained}"),
        ),
        5: judge(
            (not active_pairs.exists() and counts["total"] > 0, "пары и группы не сформированы"),
            (unpaired > 0, f"наставляемых без пары и без отметки «поиск продолжается»: {unpaired}"),
        ),
        6: judge(
            (not active_pairs.exists() and not programme.pairs.exists(), "нет работающих пар"),
            (pairs_without_plan > 0, f"пар без плана работы: {pairs_without_plan}"),
            (inactive > 0, f"пар без встреч больше {INACTIVE_DAYS} дней: {inactive}"),
        ),
        7: judge(
            (not programme.pairs.exists(), "нет пар"),
            (active_pairs.exists(), f"незавершённых пар: {active_pairs.count()}"),
            (programme.ends_on > today and active_pairs.exists(), "программа ещё идёт"),
        ),
    }


def inactive_pairs(programme, today=None):
    """Active pairs with no meeting in the last 30 days (a pair formed less than 30 days ago is not flagged)."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=INACTIVE_DAYS)
    return (
        Pair.objects.filter(programme=programme, status=Pair.Status.ACTIVE, starts_on__lt=cutoff)
        .annotate(last_meeting=Max("meetings__held_on"))
        .filter(Q(last_meeting__isnull=True) | Q(last_meeting__lt=cutoff))
    )


def overdue_activities(programme, today=None):
    today = today or timezone.localdate()
    return StageActivity.objects.filter(
        stage__programme=programme, done_on__isnull=True, due_on__lt=today
    ).select_related("stage")


def mentees_with_pair_flag(programme):
    paired = PairMember.objects.filter(active=True, pair__programme=programme, mentee=OuterRef("pk"))
    return Mentee.objects.filter(ACTIVE_MENTEE).annotate(has_pair=Exists(paired))


# --- Reading a programme -----------------------------------------------------------------------------------


def visible_programmes(user, roles):
    """The programmes ``user`` may read: all of the school's, except for a user who is only a mentor there,
    who reads the programmes they take part in (selected for it, or the mentor of one of its pairs)."""
    programmes = Programme.objects.all()
    if has_capability(roles, Capability.VIEW_PROGRAMME):
        return programmes
    own = Programme.objects.filter(Q(selected_mentors__mentor__user=user) | Q(pairs__mentor__user=user))
    return programmes.filter(pk__in=own.values("pk"))


def programme_list(programmes, today=None):
    """Programmes newest first, with what the list shows: stages done and overdue activities, in one query."""
    today = today or timezone.localdate()
    return (
        programmes.select_related("curator")
        .annotate(
            stages_done=Count("stages", filter=Q(stages__status=Stage.Status.DONE), distinct=True),
            overdue_count=Count(
                "stages__activities",
                filter=Q(stages__activities__done_on__isnull=True, stages__activities__due_on__lt=today),
                distinct=True,
            ),
        )
        .order_by("-starts_on", "-pk")
    )


MONTH_NAMES = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


@dataclass
class Month:
    first_day: date
    last_day: date
    is_current: bool

    @property
    def label(self):
        return f"{MONTH_NAMES[self.first_day.month - 1]} {self.first_day:%y}"


def months_of(starts_on: date, ends_on: date, today: date) -> list[Month]:
    months = []
    first = starts_on.replace(day=1)
    while first <= ends_on:
        following = (first + timedelta(days=32)).replace(day=1)
        last = following - timedelta(days=1)
        months.append(Month(first, last, first <= today <= last))
        first = following
    return months


@dataclass
class StageOverview:
    """A stage as the programme page shows it: dates on the timeline, progress, readiness, what is overdue."""

    stage: Stage
    readiness: Readiness
    activities: list
    overdue: list
    late: bool
    cells: list  # per month of the programme: (the stage's state if it runs then, else "", is it this month)

    @property
    def done_count(self):
        return sum(1 for activity in self.activities if activity.done_on)

    @property
    def state(self):
        """The colour of the stage on the timeline: done, late (its end has passed), in progress or planned."""
        if self.stage.status == Stage.Status.DONE:
            return "done"
        if self.late or self.overdue:
            return "late"
        return self.stage.status


def is_overdue(activity: StageActivity, today: date) -> bool:
    return activity.done_on is None and activity.due_on is not None and activity.due_on < today


def covers(stage: Stage, month: Month) -> bool:
    if stage.starts_on is None or stage.ends_on is None:
        return False
    return stage.starts_on <= month.last_day and stage.ends_on >= month.first_day


def programme_overview(programme: Programme, today=None) -> tuple[list[Month], list[StageOverview]]:
    """The months of the programme and its stages with their timeline cells, in a fixed number of queries."""
    today = today or timezone.localdate()
    months = months_of(programme.starts_on, programme.ends_on, today)
    readiness = stage_readiness(programme)
    overview = []
    for stage in programme.stages.prefetch_related("activities").order_by("number"):
        activities = list(stage.activities.all())
        item = StageOverview(
            stage=stage,
            readiness=readiness[stage.number],
            activities=activities,
            overdue=[activity for activity in activities if is_overdue(activity, today)],
            late=stage.status != Stage.Status.DONE and stage.ends_on is not None and stage.ends_on < today,
            cells=[],
        )
        item.cells = [(item.state if covers(stage, month) else "", month.is_current) for month in months]
        overview.append(item)
    return months, overview


# --- Changing a programme ----------------------------------------------------------------------------------


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
def update_programme(programme, *, tenant, actor, forms, replan_stages=False, request=None, **fields) -> Programme:
    """Change a programme. A new period must still hold every stage, unless the stages and their activities'
    due dates are moved with it (``replan_stages``); a form that pairs of the programme work in stays."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
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


def within_programme(programme: Programme, day: date) -> bool:
    return programme.starts_on <= day <= programme.ends_on


def stage_errors(stage: Stage, starts_on: date, ends_on: date, status: str) -> dict:
    programme = stage.programme
    errors = {}
    period = period_text(programme.starts_on, programme.ends_on)
    if not within_programme(programme, starts_on):
        errors["starts_on"] = f"Начало этапа должно быть в сроках программы: {period}."
    if not within_programme(programme, ends_on):
        errors["ends_on"] = f"Окончание этапа должно быть в сроках программы: {period}."
    elif ends_on < starts_on:
        errors["ends_on"] = "Окончание этапа не может быть раньше его начала."
    if status == Stage.Status.DONE:
        open_titles = [f"«{a.title}»" for a in stage.activities.filter(done_on__isnull=True)]
        if open_titles:
            errors["status"] = (
                "Этап нельзя отметить завершённым: не выполнены мероприятия "
                f"{', '.join(open_titles)}. Отметьте их выполнение или удалите лишние."
            )
    return errors


@transaction.atomic
def update_stage(stage, *, tenant, actor, request=None, **fields) -> Stage:
    """Change a stage's dates, responsible persons, status and local acts. Activities due at the stage's old
    end follow its new end."""
    stage = Stage.objects.select_for_update().select_related("programme").get(pk=stage.pk)
    errors = stage_errors(stage, fields["starts_on"], fields["ends_on"], fields["status"])
    if errors:
        raise ValidationError(errors)
    before = snapshot(stage)
    old_end = stage.ends_on
    for name, value in fields.items():
        setattr(stage, name, value)
    stage.save()
    moved = 0
    if old_end and old_end != stage.ends_on:
        moved = StageActivity.objects.filter(stage=stage, due_on=old_end, done_on__isnull=True).update(
            due_on=stage.ends_on
        )
    changes = changes_between(before, snapshot(stage))
    if moved:
        changes["сроки мероприятий"] = [None, f"перенесены на окончание этапа: {moved}"]
    if changes:
        log_action("stage.updated", actor=actor, tenant=tenant, obj=stage, changes=changes, request=request)
    return stage


def activity_errors(stage: Stage, due_on: date | None) -> dict:
    programme = stage.programme
    if due_on and not within_programme(programme, due_on):
        period = period_text(programme.starts_on, programme.ends_on)
        return {"due_on": f"Срок должен быть в сроках программы: {period}."}
    return {}


@transaction.atomic
def add_activity(stage, *, title, due_on, tenant, actor, request=None) -> StageActivity:
    """A school's own activity at the end of the stage's checklist (due at the stage's end unless given)."""
    errors = activity_errors(stage, due_on)
    if errors:
        raise ValidationError(errors)
    last = stage.activities.aggregate(last=Max("position"))["last"]
    activity = StageActivity.objects.create(
        organization=tenant,
        stage=stage,
        title=title,
        due_on=due_on or stage.ends_on,
        position=0 if last is None else last + 1,
    )
    log_action("activity.added", actor=actor, tenant=tenant, obj=activity, request=request)
    return activity


@transaction.atomic
def update_activity(activity, *, title, due_on, tenant, actor, request=None) -> StageActivity:
    activity = StageActivity.objects.select_for_update().select_related("stage__programme").get(pk=activity.pk)
    errors = activity_errors(activity.stage, due_on)
    if errors:
        raise ValidationError(errors)
    before = snapshot(activity)
    activity.title, activity.due_on = title, due_on
    activity.save(update_fields=["title", "due_on"])
    changes = changes_between(before, snapshot(activity))
    if changes:
        log_action("activity.updated", actor=actor, tenant=tenant, obj=activity, changes=changes, request=request)
    return activity


@transaction.atomic
def delete_activity(activity, *, tenant, actor, request=None) -> None:
    """Remove an activity the school does not need; a done activity is evidence and stays."""
    activity = StageActivity.objects.select_for_update().get(pk=activity.pk)
    if activity.done_on:
        raise ValidationError("Выполненное мероприятие удалить нельзя: сначала снимите отметку о выполнении.")
    log_action("activity.deleted", actor=actor, tenant=tenant, obj=activity, request=request)
    activity.delete()


def delete_file_after_commit(storage, name: str) -> None:
    """Files are not transactional: an old file goes only once the change that dropped it is committed."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def mark_activity_done(
    activity, *, done_on, tenant, actor, attachment=None, document_link="", request=None
) -> StageActivity:
    """Tick an activity done on ``done_on`` (not in the future), with an optional file and link as evidence.

    Ticking a done activity again changes its date and link; a new file replaces the old one."""
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": "Дата выполнения не может быть в будущем."})
    activity = StageActivity.objects.select_for_update().get(pk=activity.pk)
    before = evidence(activity)
    old_file = activity.attachment.name if attachment and activity.attachment else ""
    activity.done_on = done_on
    activity.done_by = actor
    activity.document_link = document_link
    if attachment:
        activity.attachment = attachment
    activity.save()
    delete_file_after_commit(activity.attachment.storage, old_file)
    changes = changes_between(before, evidence(activity))
    log_action("activity.done", actor=actor, tenant=tenant, obj=activity, changes=changes, request=request)
    return activity


def evidence(activity: StageActivity) -> dict:
    """What ticking an activity records, as the history shows it."""
    return {
        "выполнено": activity.done_on.strftime("%d.%m.%Y") if activity.done_on else None,
        "файл": activity.attachment.name.rsplit("/", 1)[-1] if activity.attachment else None,
        "ссылка на документ": activity.document_link or None,
    }


@transaction.atomic
def undo_activity(activity, *, tenant, actor, request=None) -> StageActivity:
    """Untick an activity: its date, file and link go."""
    activity = StageActivity.objects.select_for_update().get(pk=activity.pk)
    if activity.done_on is None:
        return activity
    before = evidence(activity)
    delete_file_after_commit(activity.attachment.storage, activity.attachment.name)
    activity.done_on = None
    activity.done_by = None
    activity.attachment = ""
    activity.document_link = ""
    activity.save()
    changes = changes_between(before, evidence(activity))
    log_action("activity.undone", actor=actor, tenant=tenant, obj=activity, changes=changes, request=request)
    return activity


SUBPROGRAMME_FIELDS = ("name", "operator", "who_mentors", "mentor_role", "mentees", "period")


@transaction.atomic
def save_subprogramme(programme, subprogramme=None, *, tenant, actor, request=None, **fields) -> SubProgramme:
    created = subprogramme is None
    if created:
        subprogramme = SubProgramme(organization=tenant, programme=programme)
    else:
        subprogramme = SubProgramme.objects.select_for_update().get(pk=subprogramme.pk)
    before = {} if created else snapshot(subprogramme)
    for name in SUBPROGRAMME_FIELDS:
        setattr(subprogramme, name, fields.get(name, ""))
    subprogramme.save()
    changes = changes_between(before, snapshot(subprogramme))
    changes.pop("programme", None)
    if created or changes:
        action = "subprogramme.created" if created else "subprogramme.updated"
        log_action(action, actor=actor, tenant=tenant, obj=subprogramme, changes=changes, request=request)
    return subprogramme


@transaction.atomic
def delete_subprogramme(subprogramme, *, tenant, actor, request=None) -> None:
    log_action("subprogramme.deleted", actor=actor, tenant=tenant, obj=subprogramme, request=request)
    subprogramme.delete()


# --- The school's forms of mentoring (reference data) -------------------------------------------------------


def role_models_from_text(text: str) -> list[str]:
    """One role model per line; blank lines and repeats dropped, the order kept."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            seen.setdefault(line, None)
    return list(seen)


@transaction.atomic
def save_form(form=None, *, tenant, actor, request=None, **fields) -> MentoringForm:
    """Create or change a form of mentoring of the school; names are unique in the school."""
    created = form is None
    clash = MentoringForm.objects.annotate(lower=Lower("name")).filter(lower=fields["name"].lower())
    if not created:
        clash = clash.exclude(pk=form.pk)
    if clash.exists():
        raise ValidationError({"name": "Форма с таким названием уже есть в списке."})
    if created:
        codes = set(MentoringForm.objects.values_list("code", flat=True))
        number = 1
        while f"custom-{number}" in codes:
            number += 1
        form = MentoringForm(organization=tenant, code=f"custom-{number}")
    else:
        form = MentoringForm.objects.select_for_update().get(pk=form.pk)
    before = {} if created else form_snapshot(form)
    for name, value in fields.items():
        setattr(form, name, value)
    form.save()
    changes = changes_between(before, form_snapshot(form))
    if created or changes:
        action = "form.created" if created else "form.updated"
        log_action(action, actor=actor, tenant=tenant, obj=form, changes=changes, request=request)
    return form


def category_labels(choices, codes) -> str:
    labels = dict(choices)
    return ", ".join(str(labels.get(code, code)) for code in codes)


def form_snapshot(form: MentoringForm) -> dict:
    return {
        "название": form.name,
        "для кого": form.get_audience_display(),
        "категории наставников": category_labels(Mentor.Category.choices, form.mentor_categories),
        "категории наставляемых": category_labels(Mentee.Category.choices, form.mentee_categories),
        "наставник старше наставляемого": "да" if form.mentor_must_be_older else "нет",
        "ролевые модели": "; ".join(form.role_models),
    }


# --- Selecting mentors (stage 4) ----------------------------------------------------------------------------


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
