"""The data of the reports (and of the dashboards that show the same figures): the school's monitoring report
and the municipal summary (the statistical information on participants is in ``statistics``). Builders run inside
the tenant's scope, in a fixed number of queries whatever the number of schools, pairs or answers."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg, Count, Max, OuterRef, Q, Sum

from core.models import Municipality, Organization
from documents.services import roadmap_statuses
from mentoring.models import (
    Meeting,
    Pair,
    PairMember,
    Programme,
    Stage,
)
from mentoring.services.programmes import current_programme_pk
from mentoring.services.stage_state import completed_stages
from monitoring import charts
from monitoring.models import Answer, Invitation, Question, Swot
from monitoring.models.questionnaires import Respondent, WaveKind
from monitoring.services import indicators as ind

ALL_FORMS = "все формы"


def in_period(date_from: date, date_to: date) -> Q:
    """Pairs that worked at some time in the period."""
    return Q(starts_on__lte=date_to) & (Q(closed_on__isnull=True) | Q(closed_on__gte=date_from))


# The school's monitoring report.


@dataclass
class Item:
    text: str
    kind: str
    mean: float | None  # a 1–10 item's mean, or the share of "yes" in %
    answers: int


@dataclass
class FormQuality:
    form: str
    respondent: str
    invited: int = 0
    answered: int = 0
    items: list[Item] = field(default_factory=list)

    @property
    def rate(self):
        return round(100 * self.answered / self.invited) if self.invited else 0


@dataclass
class Growth:
    text: str
    entry: float | None
    exit: float | None

    @property
    def delta(self):
        if self.entry is None or self.exit is None:
            return None
        return round(self.exit - self.entry, 1)


def quality(programme: Programme, date_from: date, date_to: date) -> list[FormQuality]:
    """Stage 1: per form and respondent, the response rate and the per-item means and shares of "yes"."""
    invitations = (
        Invitation.objects.filter(
            wave__programme=programme, wave__opens_on__lte=date_to, wave__closes_on__gte=date_from
        )
        .exclude(questionnaire__purpose="growth")
        .values("form__name", "respondent")
        .annotate(invited=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False)))
    )
    groups: dict[tuple, FormQuality] = {}
    for row in invitations:
        key = (row["form__name"] or ALL_FORMS, row["respondent"])
        groups[key] = FormQuality(key[0], Respondent(key[1]).label, row["invited"], row["answered"])
    answers = (
        Answer.objects.filter(
            response__wave__programme=programme,
            response__submitted_at__date__gte=date_from,
            response__submitted_at__date__lte=date_to,
            question__kind__in=[Question.Kind.SCALE, Question.Kind.YES_NO],
        )
        .exclude(response__questionnaire__purpose="growth")
        .values("response__form__name", "response__respondent", "question__text", "question__kind")
        .annotate(mean=Avg("number"), n=Count("pk"), position=Max("question__position"))
        .order_by("response__form__name", "response__respondent", "position", "question__text")
    )
    for row in answers:
        key = (row["response__form__name"] or ALL_FORMS, row["response__respondent"])
        group = groups.setdefault(key, FormQuality(key[0], Respondent(key[1]).label))
        mean = float(row["mean"]) if row["mean"] is not None else None
        if row["question__kind"] == Question.Kind.YES_NO and mean is not None:
            mean = 100 * mean
        group.items.append(Item(row["question__text"], row["question__kind"], _round(mean), row["n"]))
    return sorted(groups.values(), key=lambda g: (g.form == ALL_FORMS, g.form, g.respondent))


def _round(value):
    return round(value, 1) if value is not None else None


def growth(programme: Programme, date_from: date, date_to: date) -> list[Growth]:
    """Stage 2: the mean of each growth item at entry and at exit (the final wave)."""
    rows = (
        Answer.objects.filter(
            response__wave__programme=programme,
            response__questionnaire__purpose="growth",
            response__submitted_at__date__gte=date_from,
            response__submitted_at__date__lte=date_to,
            question__kind=Question.Kind.SCALE,
        )
        .values("question__code", "response__wave__kind")
        .annotate(mean=Avg("number"), text=Max("question__text"), position=Max("question__position"))
        .order_by("position")
    )
    items: dict[str, Growth] = {}
    for row in rows:
        item = items.setdefault(row["question__code"] or row["text"], Growth(row["text"], None, None))
        if row["response__wave__kind"] == WaveKind.ENTRY:
            item.entry = _round(float(row["mean"]))
        elif row["response__wave__kind"] == WaveKind.FINAL:
            item.exit = _round(float(row["mean"]))
    return list(items.values())


def activity(programme: Programme, date_from: date, date_to: date) -> dict:
    meetings = Meeting.objects.filter(pair__programme=programme, held_on__gte=date_from, held_on__lte=date_to)
    totals = meetings.aggregate(
        count=Count("pk"),
        minutes=Sum("duration_minutes"),
        rating=Avg("mentee_rating"),
        pairs=Count("pair", distinct=True),
    )
    by_kind = dict(meetings.values_list("kind").annotate(n=Count("pk")).order_by())
    pairs = Pair.objects.filter(in_period(date_from, date_to), programme=programme).aggregate(
        total=Count("pk"), closed=Count("pk", filter=Q(status=Pair.Status.CLOSED))
    )
    return {
        "meetings": totals["count"],
        "hours": round((totals["minutes"] or 0) / 60, 1),
        "rating": _round(float(totals["rating"])) if totals["rating"] is not None else None,
        "pairs": pairs["total"],
        "pairs_closed": pairs["closed"],
        "pairs_with_meetings": totals["pairs"],
        "per_pair": round(totals["count"] / pairs["total"], 1) if pairs["total"] else 0,
        "by_kind": [(label, by_kind.get(code, 0)) for code, label in Meeting.Kind.choices],
    }


OPEN_ANSWERS_SHOWN = 300


def open_answers(programme: Programme, date_from: date, date_to: date) -> list[tuple[str, str, str, list[str]]]:
    """Stage 1's free-text answers, without who gave them: (form, respondent, question, [texts]) in one query;
    the newest ``OPEN_ANSWERS_SHOWN`` texts."""
    rows = (
        Answer.objects.filter(
            response__wave__programme=programme,
            response__submitted_at__date__gte=date_from,
            response__submitted_at__date__lte=date_to,
            question__kind=Question.Kind.TEXT,
        )
        .exclude(text="")
        .values_list("response__form__name", "response__respondent", "question__text", "text")
        .order_by("-response__submitted_at", "pk")[:OPEN_ANSWERS_SHOWN]
    )
    grouped: dict[tuple, list[str]] = {}
    for form, respondent, question, text in rows:
        grouped.setdefault((form or ALL_FORMS, Respondent(respondent).label, question), []).append(text)
    return [(*key, texts) for key, texts in sorted(grouped.items())]


def school_report(organization: Organization, programme: Programme, date_from: date, date_to: date) -> dict:
    forms = quality(programme, date_from, date_to)
    growth_items = growth(programme, date_from, date_to)
    swot = Swot.objects.filter(programme=programme).first()
    values = ind.school_values(organization, date_to)
    work = activity(programme, date_from, date_to)
    answered = sum(group.answered for group in forms)
    report = {
        "organization": organization,
        "programme": programme,
        "date_from": date_from,
        "date_to": date_to,
        "forms": forms,
        "growth": growth_items,
        "open_answers": open_answers(programme, date_from, date_to),
        "swot": swot,
        "activity": work,
        "indicators": values,
        "has_answers": any(group.items for group in forms) or any(g.entry or g.exit for g in growth_items),
        "answered": answered,
        "charts": [],
    }
    for group in forms:
        scale = [(item.text, item.mean) for item in group.items if item.kind == Question.Kind.SCALE]
        if scale:
            report["charts"].append(
                charts.bars(f"{group.form}: {group.respondent}, средние оценки (1–10)", scale, maximum=10)
            )
    if growth_items:
        report["growth_chart"] = charts.paired_bars(
            "Рост участников: средняя самооценка", [(g.text, g.entry, g.exit) for g in growth_items],
            ("на входе", "на выходе"),
        )  # fmt: skip
    report["indicator_chart"] = indicator_chart(values)
    return report


def indicator_chart(values):
    rows = [(v.indicator.short_name, v.value) for v in values]
    plan = {v.indicator.short_name: float(v.plan) for v in values if v.plan is not None}
    return charts.bars("Показатели и план, %", rows, maximum=100, unit="%", plan=plan)


# The municipal summary.


@dataclass
class SchoolRow:
    organization: Organization
    programme_title: str = ""
    stages_done: int = 0
    stages_total: int = 0
    roadmap: str | None = None
    pairs: int = 0
    mentees: int = 0
    mentors: int = 0
    values: list = field(default_factory=list)

    @property
    def stage_percent(self):
        return round(100 * self.stages_done / self.stages_total) if self.stages_total else 0


def municipal_summary(municipality: Municipality, on: date, progress=None) -> dict:
    """Per school: stage progress, roadmap status, participants, indicators vs plan; and the totals.

    The number of queries does not depend on the number of schools.
    """
    schools = list(Organization.objects.filter(municipality=municipality).order_by("short_name"))
    ids = [school.pk for school in schools]
    rows = {school.pk: SchoolRow(school) for school in schools}
    steps = 5
    if progress:
        progress(0, steps)
    current = Programme.objects.filter(organization__in=ids, pk=current_programme_pk(OuterRef("organization")))
    for pk, title in current.values_list("organization", "title"):
        rows[pk].programme_title = title
    stages = (
        Stage.objects.filter(programme__in=current.values("pk"))
        .values("organization")
        .annotate(total=Count("pk"), done=Count("pk", filter=completed_stages()))
        .order_by()
    )
    for row in stages:
        rows[row["organization"]].stages_done = row["done"]
        rows[row["organization"]].stages_total = row["total"]
    if progress:
        progress(1, steps)
    active = Pair.objects.filter(organization__in=ids, status=Pair.Status.ACTIVE)
    for row in active.values("organization").annotate(n=Count("pk"), m=Count("mentor", distinct=True)).order_by():
        rows[row["organization"]].pairs = row["n"]
        rows[row["organization"]].mentors = row["m"]
    mentees = (
        PairMember.objects.filter(organization__in=ids, active=True, pair__status=Pair.Status.ACTIVE)
        .values("organization")
        .annotate(n=Count("mentee", distinct=True))
        .order_by()
    )
    for row in mentees:
        rows[row["organization"]].mentees = row["n"]
    by_form = defaultdict(int)
    form_rows = (
        PairMember.objects.filter(organization__in=ids, active=True, pair__status=Pair.Status.ACTIVE)
        .values("form__name")
        .annotate(n=Count("mentee", distinct=True))
        .order_by()
    )
    for row in form_rows:
        by_form[row["form__name"]] += row["n"]
    if progress:
        progress(2, steps)
    table = ind.measure_table(ids, on)
    school_indicators = ind.indicators(ind.Indicator.Level.SCHOOL)
    all_indicators = ind.indicators()
    plans = ind.plans_for(on.year)
    for pk, row in rows.items():
        row.values = ind.values_of(table[pk], school_indicators, plans)
    if progress:
        progress(3, steps)
    statuses = roadmap_statuses(ids)
    for pk, row in rows.items():
        row.roadmap = statuses.get(pk, "")
    totals_values = ind.values_of(ind.summed(table), all_indicators, plans)
    ordered = [rows[pk] for pk in ids]
    totals = {
        "schools": len(ordered),
        "with_programme": sum(1 for row in ordered if row.programme_title),
        "pairs": sum(row.pairs for row in ordered),
        "mentees": sum(row.mentees for row in ordered),
        "mentors": sum(row.mentors for row in ordered),
        "stages_done": sum(row.stages_done for row in ordered),
        "stages_total": sum(row.stages_total for row in ordered),
    }
    if progress:
        progress(4, steps)
    return {
        "municipality": municipality,
        "on": on,
        "schools": ordered,
        "indicators": school_indicators,
        "totals": totals,
        "total_values": totals_values,
        "by_form": sorted(by_form.items(), key=lambda item: -item[1]),
        "participation_chart": charts.bars(
            "Наставляемые в работающих парах по организациям",
            [(row.organization.short_name, row.mentees) for row in ordered][:40],
        ),
        "form_chart": charts.bars("Участие по формам наставничества (наставляемые)", sorted(by_form.items())),
        "indicator_chart": indicator_chart(totals_values),
    }
