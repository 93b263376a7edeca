"""Matching suggestions for a programme, computed by a job and stored.

The job (``MatchingRun``) reads the unpaired mentees and the selected mentors as plain facts, solves the
assignment (``mentoring.matching``) and stores every proposal and every mentee it could not place
(``MatchSuggestion``), with the state of the cohort it saw (``cohort_state``). The page shows the stored
run while the cohort is unchanged; when it has changed (a mentee added, a consent withdrawn, a mentor
selected…) the page starts a new run and shows its progress. Accepting a proposal checks every rule against
the data as it is now (``accept``), so a stored proposal never forms a pair the rules forbid.
"""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q, Subquery, Sum
from django.utils import timezone

from core.audit import log_action
from core.collation import russian_key
from core.jobs import lifecycle
from core.jobs.registry import JobKind, register_job_kind
from core.models import Job
from mentoring import matching
from mentoring.models import Consent, MatchSuggestion, Mentee, Mentor, PairMember, Programme, ProgrammeMentor, Tag
from mentoring.services.pair_rules import form_facts, mentee_facts, mentor_facts
from mentoring.services.pairs import form_pair, latest_plan_end
from mentoring.services.programmes import ACTIVE_MENTEE

JOB_KIND = "matching"
STORE_BATCH = 2_000


def suggest(programme, *, algorithm=matching.optimal) -> tuple[matching.Matching, dict, dict]:
    """Suggestions for every unpaired active mentee of the school, with the facts to show them by name."""
    today = timezone.localdate()
    paired = PairMember.objects.filter(active=True, pair__programme=programme).values("mentee_id")
    mentees = mentee_facts(Mentee.objects.filter(ACTIVE_MENTEE).exclude(pk__in=paired), today)
    mentors = mentor_facts(programme, Mentor.objects.filter(programmes__programme=programme), today)
    forms = list(form_facts(programme.forms.all()).values())
    tag_names = dict(Tag.objects.values_list("pk", "name"))
    result = algorithm(list(mentors.values()), list(mentees.values()), forms, tag_names)
    return result, mentees, mentors


def _scalar(rows, by="organization", **aggregate):
    """One aggregate of ``rows`` (all with the same ``by``: one school's) as a subquery."""
    ((name, function),) = aggregate.items()
    return Subquery(rows.order_by().values(by).annotate(**{name: function}).values(name)[:1])


def cohort_state(programme) -> str:
    """A short digest of what the matching depends on: the bases, their consents, the pairs and the
    programme's mentors and forms. Any change there changes it. One query."""
    school = {"organization": programme.organization_id}
    mentees, mentors = Mentee.objects.filter(**school), Mentor.objects.filter(**school)
    consents, members = Consent.objects.filter(**school), PairMember.objects.filter(**school)
    selected = ProgrammeMentor.objects.filter(programme=programme)
    state = Programme.objects.filter(pk=programme.pk).values_list(
        _scalar(mentees, v=Count("pk")), _scalar(mentees, v=Max("pk")), _scalar(mentees, v=Max("updated_at")),
        _scalar(mentors, v=Count("pk")), _scalar(mentors, v=Max("pk")), _scalar(mentors, v=Max("updated_at")),
        _scalar(consents, v=Count("pk")), _scalar(consents, v=Max("pk")), _scalar(consents, v=Count("withdrawn_at")),
        _scalar(members, v=Count("pk", filter=Q(active=True))), _scalar(members, v=Max("pk")),
        _scalar(selected, v=Count("pk")), _scalar(selected, v=Max("pk")),
        _scalar(Programme.forms.through.objects.filter(programme=programme), by="programme", v=Count("pk")),
        _scalar(Programme.forms.through.objects.filter(programme=programme), by="programme", v=Max("mentoringform")),
    ).first()  # fmt: skip
    return hashlib.sha256(repr(state).encode()).hexdigest()[:16]


@register_job_kind
class MatchingRun(JobKind):
    """One run of the matching for the programme in ``params``: the proposals and the unplaced, stored."""

    code = JOB_KIND
    title = "Подбор наставников"
    page_url_name = "matching_job"
    queue = "reports"  # a large school's run takes a minute: never ahead of an import

    def run(self, job, phase, progress):
        programme = Programme.objects.get(pk=job.params["programme"])
        state = cohort_state(programme)
        progress(0, 3)
        result, mentees, _ = suggest(programme)
        progress(2, 3)
        store(job, programme, result, mentees)
        return {
            "cohort": state,
            "suggestions": len(result.suggestions),
            "unmatched": len(result.unmatched),
            "total": round(result.total, 3),
        }, None


@transaction.atomic
def store(job, programme, result: matching.Matching, mentees: dict) -> None:
    """Replace the programme's stored proposals with this run's."""
    MatchSuggestion.objects.filter(programme=programme).delete()
    rows = [
        MatchSuggestion(
            organization_id=programme.organization_id, job=job, programme=programme, mentee_id=s.mentee_id,
            mentor_id=s.mentor_id, form_id=s.form_id, score=round(s.score, 3), reasons=s.reasons, rank=rank,
        )
        for rank, s in enumerate(result.suggestions)
    ]  # fmt: skip
    unmatched = sorted(result.unmatched.items(), key=lambda item: russian_key(mentees[item[0]].name))
    rows += [
        MatchSuggestion(
            organization_id=programme.organization_id, job=job, programme=programme, mentee_id=mentee_id,
            reasons=[reason], rank=len(rows) + n,
        )
        for n, (mentee_id, reason) in enumerate(unmatched)
    ]  # fmt: skip
    MatchSuggestion.objects.bulk_create(rows, batch_size=STORE_BATCH)


def runs_of(programme):
    return Job.objects.filter(kind=JOB_KIND, params__programme=programme.pk).order_by("-pk")


def last_ready_run(programme) -> Job | None:
    return runs_of(programme).filter(status=Job.Status.READY).first()


def current_run(programme, *, user, tenant) -> Job:
    """The run the page shows: the latest, started anew when there is none or the cohort has changed since
    it was computed (unless a run is already under way, or the last one failed: then «Запустить ещё раз»)."""
    latest = runs_of(programme).first()
    if latest is None:
        return start(programme, user=user, tenant=tenant)
    if latest.status == Job.Status.READY and latest.result.get("cohort") != cohort_state(programme):
        return start(programme, user=user, tenant=tenant)
    return latest


def start(programme, *, user, tenant) -> Job:
    """A new run (the curator's «Пересчитать», or a changed cohort); one already under way is reused."""
    active = runs_of(programme).filter(status__in=lifecycle.ACTIVE).first()
    if active is not None:
        return active
    job = lifecycle.create(tenant=tenant, user=user, kind=JOB_KIND, params={"programme": programme.pk})
    job.refresh_from_db()  # tasks in-process (the demo, the tests) have already run it
    return job


def stored(job, *, form_id=None, placed=True):
    """The run's proposals (``placed``) or its unplaced mentees, best first, with the names to show."""
    rows = MatchSuggestion.objects.filter(job=job, mentor__isnull=not placed)
    if form_id:
        rows = rows.filter(form_id=form_id)
    return rows.select_related("mentee", "mentor", "form").order_by("rank")


def counts(job) -> dict:
    """How many proposals and unplaced mentees the run still holds (accepted ones are gone), and the sum of
    the proposals' scores."""
    return MatchSuggestion.objects.filter(job=job).aggregate(
        suggestions=Count("pk", filter=Q(mentor__isnull=False)),
        unmatched=Count("pk", filter=Q(mentor__isnull=True)),
        total=Sum("score"),
    )


def forget(programme, mentee_id: int) -> None:
    """After a pair is formed from a proposal: the mentee's row goes, and the run is taken as computed for
    the cohort as it now is (the other proposals stay the optimum for the others)."""
    MatchSuggestion.objects.filter(programme=programme, mentee_id=mentee_id).delete()
    latest = last_ready_run(programme)
    if latest is not None:
        Job.objects.filter(pk=latest.pk).update(result={**latest.result, "cohort": cohort_state(programme)})


def accept(programme, *, mentee_id, mentor_id, form_id, score, actor, tenant, request=None):
    """Accept one suggestion: a pair formed under every rule (checked again now)."""
    mentee = Mentee.objects.filter(pk=mentee_id).first()
    mentor = Mentor.objects.filter(pk=mentor_id).first()
    form = programme.forms.filter(pk=form_id).first()
    if not (mentee and mentor and form):
        raise ValidationError("Предложение устарело: обновите страницу.")
    starts_on, planned_end_on = default_period(programme)
    pair = form_pair(
        programme=programme, mentor=mentor, mentees=[mentee], form=form, starts_on=starts_on,
        planned_end_on=planned_end_on, actor=actor, tenant=tenant, match_score=score, request=request,
    )  # fmt: skip
    forget(programme, mentee.pk)
    return pair


def default_period(programme, today=None):
    """A new pair starts today (or when the programme starts) and is planned to the programme's end, at most a
    year; the rules of the personalised programme's length are checked by ``form_pair``."""
    today = today or timezone.localdate()
    starts_on = max(today, programme.starts_on)
    return starts_on, min(programme.ends_on, latest_plan_end(starts_on))


@transaction.atomic
def set_awaiting_mentor(programme, mentee: Mentee, awaiting: bool, *, actor, tenant, request=None) -> Mentee:
    """Mark a mentee whom no pair was found for: «без пары: поддержка, поиск наставника продолжается» (stage 5),
    or take the mark off. A mentee in an active pair of the programme needs no mark."""
    mentee = Mentee.objects.select_for_update().get(pk=mentee.pk)
    paired = PairMember.objects.filter(active=True, pair__programme=programme, mentee=mentee).exists()
    if awaiting and paired:
        raise ValidationError(f"{mentee.full_name} уже в паре или группе программы: отметка о поиске не нужна.")
    if mentee.awaiting_mentor == awaiting:
        return mentee
    label = str(Mentee._meta.get_field("awaiting_mentor").verbose_name)
    mentee.awaiting_mentor = awaiting
    mentee.save(update_fields=["awaiting_mentor", "updated_at"])
    log_action(
        "person.updated",
        actor=actor,
        tenant=tenant,
        obj=mentee,
        changes={label: ["нет" if awaiting else "да", "да" if awaiting else "нет"]},
        request=request,
    )
    return mentee
