"""What the portal computes about a programme: stage readiness, overdue work, inactive pairs, the list and
the timeline of the programme page.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils import timezone

from core.roles import Capability, has_capability
from mentoring.models import (
    Mentee,
    Mentor,
    Pair,
    PairMember,
    Programme,
    ProgrammeMentor,
    Stage,
    StageActivity,
)
from mentoring.services.programmes import ACTIVE_MENTEE, INACTIVE_DAYS
from mentoring.services.search import find_mentees

# The mentee lists behind the numbers of stage 2: the working base without requests, minors without consent.
WITHOUT_REQUESTS = {"requests": "missing", "active": "1"}
WITHOUT_CONSENT = {"consent": "missing", "active": "1"}


class Reason(str):
    """Why a stage is not ready, as a sentence; a counted reason also names the list behind its number (by
    URL name and query string, opened by those with ``capability``) so that the page can link the number."""

    label: str = ""
    count: int | None = None
    url_name: str = ""
    query: str = ""
    capability: str = ""

    @classmethod
    def counted(cls, label, count, url_name="", query="", capability=Capability.READ_PERSON_CARDS):
        reason = cls(f"{label}: {count}")
        reason.label, reason.count, reason.url_name, reason.query = label, count, url_name, query
        reason.capability = str(capability)
        return reason


@dataclass
class Readiness:
    ready: bool
    reasons: list[str] = field(default_factory=list)


def mentee_list_query(params: dict) -> str:
    return "&".join(f"{name}={value}" for name, value in params.items())


def stage_readiness(programme: Programme) -> dict[int, Readiness]:
    """Whether each stage's work is done, judged from the data, and what is missing when it is not.

    A counted reason counts the very list its number links to (``find_mentees``, ``inactive_pairs``)."""
    today = timezone.localdate()
    counts = {
        "total": Mentee.objects.filter(ACTIVE_MENTEE).count(),
        "without_requests": find_mentees(WITHOUT_REQUESTS, support_visible=False).count(),
        "without_consent": find_mentees(WITHOUT_CONSENT, support_visible=False).count(),
    }
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
            (
                counts["without_requests"] > 0,
                Reason.counted(
                    "без запросов", counts["without_requests"], "mentee_list", mentee_list_query(WITHOUT_REQUESTS)
                ),
            ),
            (
                counts["without_consent"] > 0,
                Reason.counted(
                    "несовершеннолетних без согласия представителя",
                    counts["without_consent"],
                    "mentee_list",
                    mentee_list_query(WITHOUT_CONSENT),
                ),
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
            (
                inactive > 0,
                Reason.counted(
                    f"пар без встреч больше {INACTIVE_DAYS} дней",
                    inactive,
                    "journal_list",
                    f"programme={programme.pk}&inactive=1",
                    Capability.READ_JOURNALS,
                ),
            ),
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
