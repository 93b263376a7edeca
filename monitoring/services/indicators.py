"""Indicator values, computed from the bases, the pairs, the answers and the contingent — never typed in.

An indicator (``models.Indicator``) names two *measures* of ``models.indicators.MEASURES``: its numerator and
denominator. All measures of any number of schools are computed together in a fixed number of grouped queries
(``measure_table``), so a municipality of a hundred schools costs what one school costs. A municipality's
value is the sum of its schools' numerators over the sum of their denominators.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Avg, Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from core.models import Organization
from mentoring.models import Mentee, Mentor, MentoringForm, PartnerOrganization, Programme
from monitoring.models import Answer, Contingent, Indicator, IndicatorPlan, IndicatorSnapshot, Question, Response
from monitoring.models.indicators import MEASURES, SATISFIED_FROM


def school_year_of(day: date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def years_ago(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def born_aged(low: int, high: int, on: date) -> Q:
    """Born so as to be ``low``–``high`` years old (inclusive) on ``on``."""
    return Q(birth_date__gt=years_ago(on, high + 1), birth_date__lte=years_ago(on, low))


RETENTION_MEASURES = {
    "young_teachers_hired_1y": "hired_1",
    "young_teachers_retained_1y": "retained_1",
    "young_teachers_hired_3y": "hired_3",
    "young_teachers_retained_3y": "retained_3",
}


def young_teachers_retention(organization_ids: list[int], on: date):
    """Per school: young specialists of the mentee base hired at least one (three) years before ``on``, and
    those of them who had not left the school within that year (those years): «закрепление в профессии»."""
    counts = {}
    for years in (1, 3):
        hired = Q(hired_on__lte=years_ago(on, years))
        stayed = Q(left_school_on__isnull=True) | Q(left_school_on__gte=F("hired_on") + timedelta(days=365 * years))
        counts[f"hired_{years}"] = Count("pk", filter=hired)
        counts[f"retained_{years}"] = Count("pk", filter=hired & stayed)
    return (
        Mentee.objects.filter(organization__in=organization_ids, category=Mentee.Category.YOUNG_SPECIALIST)
        .values("organization")
        .annotate(**counts)
        .order_by()
    )


def measure_table(organization_ids: list[int], on: date) -> dict[int, dict[str, int]]:
    """Every measure of every school, in ten grouped queries whatever the number of schools."""
    table: dict[int, dict[str, int]] = {pk: dict.fromkeys(MEASURES, 0) for pk in organization_ids}

    def put(rows, mapping):
        for row in rows:
            for measure, key in mapping.items():
                table[row["organization"]][measure] = row[key] or 0

    year = school_year_of(on)
    latest = (
        Contingent.objects.filter(organization=OuterRef("organization"), year__lte=year)
        .order_by("-year")
        .values("pk")[:1]
    )
    contingents = Contingent.objects.filter(organization__in=organization_ids, pk=Subquery(latest)).values(
        "organization", "pupils_total", "pupils_10_14", "pupils_15_19", "young_specialists", "teachers"
    )
    for row in contingents:
        measures = table[row["organization"]]
        measures["contingent_pupils"] = row["pupils_total"]
        measures["contingent_10_19"] = row["pupils_10_14"] + row["pupils_15_19"]
        measures["contingent_15_19"] = row["pupils_15_19"]
        measures["contingent_young_specialists"] = row["young_specialists"]
        measures["contingent_teachers"] = row["teachers"]

    in_pair = Q(
        pair_memberships__active=True,
        pair_memberships__pair__status="active",
        pair_memberships__pair__starts_on__lte=on,
    )
    put(
        Mentee.objects.filter(in_pair, organization__in=organization_ids)
        .values("organization")
        .annotate(
            pupils=Count("pk", distinct=True, filter=Q(category=Mentee.Category.PUPIL)),
            aged=Count("pk", distinct=True, filter=Q(category=Mentee.Category.PUPIL) & born_aged(10, 19, on)),
            young=Count("pk", distinct=True, filter=Q(category=Mentee.Category.YOUNG_SPECIALIST)),
        )
        .order_by(),
        {"pupils_in_pairs": "pupils", "mentees_10_19": "aged", "young_specialists_in_pairs": "young"},
    )
    put(
        Mentor.objects.filter(
            born_aged(15, 19, on), organization__in=organization_ids, category=Mentor.Category.PUPIL,
            pairs__status="active", pairs__starts_on__lte=on,
        )
        .values("organization")
        .annotate(n=Count("pk", distinct=True))
        .order_by(),
        {"mentors_15_19": "n"},
    )  # fmt: skip
    put(
        Mentor.objects.filter(
            organization__in=organization_ids, category=Mentor.Category.TEACHER, pairs__status="active",
            pairs__starts_on__lte=on, pairs__form__audience=MentoringForm.Audience.TEACHERS,
        )
        .values("organization")
        .annotate(n=Count("pk", distinct=True))
        .order_by(),
        {"teacher_mentors": "n"},
    )  # fmt: skip
    put(young_teachers_retention(organization_ids, on), RETENTION_MEASURES)
    put(
        PartnerOrganization.objects.filter(organization__in=organization_ids)
        .values("organization")
        .annotate(
            total=Count("pk", distinct=True),
            providing=Count(
                "pk", distinct=True, filter=Q(mentors__pairs__status="active", mentors__pairs__starts_on__lte=on)
            ),
        )
        .order_by(),
        {"partners": "total", "partners_with_mentors": "providing"},
    )
    mean = (
        Answer.objects.filter(response=OuterRef("pk"), question__kind=Question.Kind.SCALE)
        .values("response")
        .annotate(mean=Avg("number"))
        .values("mean")
    )
    put(
        Response.objects.filter(
            organization__in=organization_ids,
            questionnaire__purpose="satisfaction",
            submitted_at__date__gt=on - timedelta(days=365),
            submitted_at__date__lte=on,
        )
        .annotate(mean=Subquery(mean))
        .values("organization")
        .annotate(total=Count("pk"), satisfied=Count("pk", filter=Q(mean__gte=SATISFIED_FROM)))
        .order_by(),
        {"satisfaction_respondents": "total", "satisfied_respondents": "satisfied"},
    )
    with_programme = set(
        Programme.objects.filter(organization__in=organization_ids, starts_on__lte=on).values_list(
            "organization", flat=True
        )
    )
    for pk, measures in table.items():
        measures["schools"] = 1
        measures["schools_with_programme"] = int(pk in with_programme)
    return table


@dataclass
class Value:
    indicator: Indicator
    numerator: Decimal
    denominator: Decimal
    plan: Decimal | None

    @property
    def value(self) -> float | None:
        if not self.denominator:
            return None
        return round(float(100 * self.numerator / self.denominator), 1)

    @property
    def met(self) -> bool | None:
        if self.value is None or self.plan is None:
            return None
        return self.value >= float(self.plan)

    @property
    def state(self) -> str:
        return {True: "выполнен", False: "не выполнен", None: "нет данных"}[self.met]


def indicators(level: str | None = None) -> list[Indicator]:
    queryset = Indicator.objects.all()
    if level:
        queryset = queryset.filter(level=level)
    return list(queryset)


def plans_for(year: int) -> dict[int, Decimal]:
    return dict(IndicatorPlan.objects.filter(year=year).values_list("indicator_id", "value"))


def values_of(table_row: dict, indicator_list, plans) -> list[Value]:
    return [
        Value(
            indicator,
            Decimal(table_row.get(indicator.numerator, 0)),
            Decimal(table_row.get(indicator.denominator, 0)),
            plans.get(indicator.pk),
        )
        for indicator in indicator_list
    ]


def summed(table: dict[int, dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = defaultdict(int)
    for measures in table.values():
        for name, count in measures.items():
            total[name] += count
    return dict(total)


def school_values(organization: Organization, on: date) -> list[Value]:
    table = measure_table([organization.pk], on)
    return values_of(table[organization.pk], indicators(Indicator.Level.SCHOOL), plans_for(on.year))


def month_start(day: date) -> date:
    return day.replace(day=1)


@transaction.atomic
def take_snapshot(organization: Organization, on: date) -> int:
    """Store the school's values for the month of ``on``; running it again that month updates them."""
    table = measure_table([organization.pk], on)[organization.pk]
    month = month_start(on)
    count = 0
    for indicator in indicators():
        IndicatorSnapshot.objects.update_or_create(
            organization=organization,
            indicator=indicator,
            month=month,
            defaults={"numerator": table[indicator.numerator], "denominator": table[indicator.denominator]},
        )
        count += 1
    return count


def take_snapshots(organization_ids: list[int], on: date, chunk: int = 500) -> int:
    """``take_snapshot`` for many schools at once (the data set builder): ``measure_table`` per chunk of
    schools and one insert-or-update of their rows; returns the number of values stored."""
    month = month_start(on)
    indicator_list = indicators()
    stored = 0
    for start in range(0, len(organization_ids), chunk):
        table = measure_table(organization_ids[start : start + chunk], on)
        rows = [
            IndicatorSnapshot(
                organization_id=pk,
                indicator=indicator,
                month=month,
                numerator=measures[indicator.numerator],
                denominator=measures[indicator.denominator],
            )
            for pk, measures in table.items()
            for indicator in indicator_list
        ]
        IndicatorSnapshot.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["organization", "indicator", "month"],
            update_fields=["numerator", "denominator", "taken_at"],
        )
        stored += len(rows)
    return stored


def trends(organization_ids: list[int], months: int = 12, on: date | None = None) -> dict[str, list[tuple]]:
    """Per indicator code, the (month, value %) of the last ``months`` snapshots summed over the schools."""
    since = month_start(on or date.today()) - timedelta(days=31 * (months - 1))
    rows = (
        IndicatorSnapshot.objects.filter(organization__in=organization_ids, month__gte=month_start(since))
        .values("indicator__code", "month")
        .annotate(
            numerator=Coalesce(Sum("numerator"), 0, output_field=IntegerField()),
            denominator=Coalesce(Sum("denominator"), 0, output_field=IntegerField()),
        )
        .order_by("indicator__code", "month")
    )
    series: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        value = round(100 * row["numerator"] / row["denominator"], 1) if row["denominator"] else None
        series[row["indicator__code"]].append((row["month"], value))
    return dict(series)
