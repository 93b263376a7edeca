"""The regional summary: the region's municipalities with their schools' stage progress and indicators against
plan, read from the monthly snapshots (``IndicatorSnapshot``) and grouped aggregates, never from a scan of the
bases. The dashboard and the report file share it; its number of queries does not depend on the number of
schools or municipalities.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Max, Sum

from core.models import Municipality, Organization, Region
from mentoring.models import Programme, Stage
from mentoring.services.stage_state import completed_stages
from monitoring import charts
from monitoring.models import IndicatorSnapshot
from monitoring.services import indicators as ind
from monitoring.services.reports import indicator_chart


@dataclass
class MunicipalityRow:
    municipality: Municipality
    schools: int = 0
    with_programme: int = 0
    stages_done: int = 0
    stages_total: int = 0
    measures: dict = field(default_factory=lambda: defaultdict(Decimal))
    values: list = field(default_factory=list)

    @property
    def stage_percent(self):
        return round(100 * self.stages_done / self.stages_total) if self.stages_total else 0

    @property
    def behind(self) -> bool:
        return any(value.met is False for value in self.values)


def latest_snapshot_month(on: date) -> date | None:
    """The month of the newest snapshot taken up to ``on`` (inside the current scope), or None."""
    return IndicatorSnapshot.objects.filter(month__lte=on).aggregate(month=Max("month"))["month"]


def current_programmes(school_municipality: dict[int, int], on: date) -> dict[int, int]:
    """The current programme of each school (the one running on ``on``, else its latest: the rule of
    ``current_programme_pk``), as {programme pk: municipality pk}, from one plain query over the programmes,
    without the correlated subqueries that cost a region of thousands of schools a second."""
    chosen: dict[int, tuple[int, bool]] = {}
    programmes = Programme.objects.filter(organization__in=list(school_municipality)).order_by(
        "organization", "-starts_on", "-pk"
    )
    for school, pk, starts_on, ends_on in programmes.values_list("organization", "pk", "starts_on", "ends_on"):
        running = starts_on <= on <= ends_on
        if school not in chosen or (running and not chosen[school][1]):
            chosen[school] = (pk, running)
    return {pk: school_municipality[school] for school, (pk, _) in chosen.items()}


def stage_progress(school_municipality: dict[int, int], on: date) -> dict[int, dict]:
    """Per municipality: the schools with a current programme and the stages of those programmes, done and in
    all; two plain queries."""
    current = current_programmes(school_municipality, on)
    progress: dict[int, dict] = defaultdict(lambda: {"with_programme": 0, "done": 0, "total": 0})
    for municipality in current.values():
        progress[municipality]["with_programme"] += 1
    stages = (
        Stage.objects.filter(programme__in=list(current))
        .values("programme")
        .annotate(total=Count("pk"), done=Count("pk", filter=completed_stages()))
        .order_by()
    )
    for row in stages:
        counts = progress[current[row["programme"]]]
        counts["done"] += row["done"]
        counts["total"] += row["total"]
    return progress


def snapshot_measures(month: date | None) -> dict[int, dict[str, Decimal]]:
    """Per municipality, the summed numerators and denominators of the month's snapshots, by measure name."""
    measures: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    if month is None:
        return measures
    rows = (
        IndicatorSnapshot.objects.filter(month=month)
        .values("organization__municipality", "indicator__numerator", "indicator__denominator")
        .annotate(numerator=Sum("numerator"), denominator=Sum("denominator"))
        .order_by()
    )
    for row in rows:
        bucket = measures[row["organization__municipality"]]
        bucket[row["indicator__numerator"]] = row["numerator"]
        bucket[row["indicator__denominator"]] = row["denominator"]
    return measures


def regional_summary(region: Region, on: date, progress=None) -> dict:
    """The region's municipalities (stage progress of their schools, indicators vs plan from the latest
    monthly snapshot), the region's totals and its trends by month. Runs inside the region's scope."""
    steps = 4
    if progress:
        progress(0, steps)
    municipalities = list(Municipality.objects.filter(region=region).order_by("short_name"))
    rows = {municipality.pk: MunicipalityRow(municipality) for municipality in municipalities}
    school_municipality = dict(
        Organization.objects.filter(municipality__region=region).values_list("pk", "municipality")
    )
    for municipality in school_municipality.values():
        rows[municipality].schools += 1
    for pk, counts in stage_progress(school_municipality, on).items():
        rows[pk].with_programme = counts["with_programme"]
        rows[pk].stages_done, rows[pk].stages_total = counts["done"], counts["total"]
    if progress:
        progress(1, steps)
    month = latest_snapshot_month(on)
    for pk, measures in snapshot_measures(month).items():
        rows[pk].measures = measures
    school_indicators = ind.indicators(ind.Indicator.Level.SCHOOL)
    all_indicators = ind.indicators()
    plans = ind.plans_for(on.year)
    ordered = [rows[municipality.pk] for municipality in municipalities]
    total_measures: dict[str, Decimal] = defaultdict(Decimal)
    for row in ordered:
        row.values = ind.values_of(row.measures, school_indicators, plans)
        for name, count in row.measures.items():
            total_measures[name] += count
    # The municipality-level indicators count schools, which the snapshots of schools do not sum to.
    total_schools = sum(row.schools for row in ordered)
    total_measures["schools"] = Decimal(total_schools)
    total_measures["schools_with_programme"] = Decimal(sum(row.with_programme for row in ordered))
    total_values = ind.values_of(total_measures, all_indicators, plans)
    if progress:
        progress(2, steps)
    series = ind.trends(list(school_municipality), on=on)
    names = {indicator.code: indicator.short_name for indicator in all_indicators}
    if progress:
        progress(3, steps)
    totals = {
        "municipalities": len(ordered),
        "schools": total_schools,
        "with_programme": sum(row.with_programme for row in ordered),
        "stages_done": sum(row.stages_done for row in ordered),
        "stages_total": sum(row.stages_total for row in ordered),
    }
    return {
        "region": region,
        "on": on,
        "month": month,
        "municipalities": ordered,
        "indicators": school_indicators,
        "totals": totals,
        "total_values": total_values,
        "trends": {names.get(code, code): points for code, points in series.items()},
        "indicator_chart": indicator_chart(total_values),
        "trend_chart": charts.lines(
            "Показатели региона по месяцам", {names.get(c, c): points for c, points in series.items()}
        ),
        "stage_chart": charts.bars(
            "Завершено этапов программ, %",
            [(row.municipality.short_name, row.stage_percent) for row in ordered][:40],
            maximum=100,
            unit="%",
        ),
    }
