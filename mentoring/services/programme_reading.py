"""What the portal computes about a programme: stage readiness and state, overdue work, inactive pairs, the
programme list.
"""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from core.counting import counts_of
from core.models import AuditEntry
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
from mentoring.services.people import without_written_consent
from mentoring.services.programmes import ACTIVE_MENTEE, INACTIVE_DAYS
from mentoring.services.search import find_mentees
from mentoring.services.stage_state import Readiness, StageProgress, completed_stages, state_of

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


def mentee_list_query(params: dict) -> str:
    return "&".join(f"{name}={value}" for name, value in params.items())


def stage_readiness(programme: Programme) -> dict[int, Readiness]:
    """Whether each stage's work is done, judged from the data, and what is missing when it is not.

    A counted reason counts the very list its number links to (``find_mentees``, ``inactive_pairs``)."""
    today = timezone.localdate()
    active_pairs = Pair.objects.filter(programme=programme, status=Pair.Status.ACTIVE)
    mentors = Mentor.objects.filter(status=Mentor.Status.ACTIVE, anonymized_at__isnull=True)
    selected = ProgrammeMentor.objects.filter(programme=programme)
    counts = counts_of(
        Programme.objects.filter(pk=programme.pk),
        total=Mentee.objects.filter(ACTIVE_MENTEE),
        without_requests=find_mentees(WITHOUT_REQUESTS, support_visible=False),
        without_consent=find_mentees(WITHOUT_CONSENT, support_visible=False),
        unpaired=unpaired_mentees(programme).filter(awaiting_mentor=False),
        forms=programme.forms.all(),
        selected=selected,
        untrained=selected.exclude(mentor__training=Mentor.Training.TRAINED),
        pairs=Pair.objects.filter(programme=programme),
        active_pairs=active_pairs,
        pairs_without_plan=active_pairs.filter(plan_items__isnull=True),
        inactive=inactive_pairs(programme),
        mentors=mentors,
        mentors_without_consent=without_written_consent(mentors),
    )
    mentors_without_consent = counts["mentors_without_consent"]
    unpaired, untrained = counts["unpaired"], counts["untrained"]
    pairs_without_plan, inactive = counts["pairs_without_plan"], counts["inactive"]
    has_pairs, has_active_pairs = counts["pairs"] > 0, counts["active_pairs"] > 0

    def judge(*checks):
        reasons = [reason for failed, reason in checks if failed]
        return Readiness(not reasons, reasons)

    return {
        1: judge(
            (programme.curator_id is None, "не назначен куратор"),
            (counts["forms"] == 0, "не выбраны формы наставничества"),
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
            (counts["mentors"] == 0, "в базе нет наставников"),
            (mentors_without_consent > 0, f"наставников без письменного согласия: {mentors_without_consent}"),
        ),
        4: judge(
            (counts["selected"] == 0, "наставники не отобраны в программу"),
            (untrained > 0, f"отобранных наставников без обучения: {untrained}"),
        ),
        5: judge(
            (not has_active_pairs and counts["total"] > 0, "пары и группы не сформированы"),
            (unpaired > 0, f"наставляемых без пары и без отметки «поиск продолжается»: {unpaired}"),
        ),
        6: judge(
            (not has_active_pairs and not has_pairs, "нет работающих пар"),
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
            (not has_pairs, "нет пар"),
            (has_active_pairs, f"незавершённых пар: {counts['active_pairs']}"),
            (programme.ends_on > today and has_active_pairs, "программа ещё идёт"),
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


def unpaired_mentees(programme):
    """The working base's mentees with no active place in a pair of ``programme``. A NOT IN over the programme's
    members, which PostgreSQL hashes: the planner underestimates that list, and a NOT EXISTS became a nested loop
    of the whole base against it (28 ms for a school of 2 000)."""
    paired = PairMember.objects.filter(active=True, pair__programme=programme).values("mentee_id")
    return Mentee.objects.filter(ACTIVE_MENTEE).exclude(pk__in=paired)


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
            stages_done=Count("stages", filter=completed_stages("stages__"), distinct=True),
            overdue_count=Count(
                "stages__activities",
                filter=Q(stages__activities__done_on__isnull=True, stages__activities__due_on__lt=today),
                distinct=True,
            ),
        )
        .order_by("-starts_on", "-pk")
    )


def completions(stages: list[Stage]) -> dict[int, AuditEntry]:
    """The audit entry that last marked each completed stage «завершён» (one query)."""
    done = [stage for stage in stages if stage.status == Stage.Status.DONE]
    if not done:
        return {}
    field = str(Stage._meta.get_field("status").verbose_name)
    entries = (
        AuditEntry.objects.filter(
            action="stage.updated",
            object_type=Stage._meta.label_lower,
            object_id__in=[str(stage.pk) for stage in done],
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    found = {}
    for entry in entries:
        change = entry.changes.get(field)
        if change and change[-1] == Stage.Status.DONE.label:
            found[int(entry.object_id)] = entry
    return found


def programme_progress(programme: Programme, stages: list[Stage] | None = None, today=None) -> list[StageProgress]:
    """Every stage of ``programme`` (or the given, already fetched ``stages``) with its state, in a fixed
    number of queries."""
    today = today or timezone.localdate()
    stages = stages if stages is not None else list(programme.stages.order_by("number"))
    readiness = stage_readiness(programme)
    marked = completions(stages)
    progress = []
    for stage in stages:
        entry = marked.get(stage.pk)
        progress.append(
            StageProgress(
                stage=stage,
                state=state_of(stage, readiness[stage.number], today),
                readiness=readiness[stage.number],
                completed_by=entry.actor if entry else None,
                completed_at=entry.created_at if entry else None,
            )
        )
    return progress


def stage_progress(stage: Stage, today=None) -> StageProgress:
    """One stage's state (its readiness is judged with the whole programme's data)."""
    return programme_progress(stage.programme, [stage], today)[0]
