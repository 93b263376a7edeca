"""Creating a programme with its seven stages, and what the portal computes about it: readiness, overdue work."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils import timezone

from mentoring import reference
from mentoring.audit import log_action
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
