"""The municipal dashboard: its schools' stage progress, roadmap status, participants and indicators vs plan
(sortable, filterable, each number a link to the school's figures), the charts, and the summary report."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView, View

from core.jobs import files
from core.models import Organization
from core.roles import Capability, has_capability
from core.tenancy import tenant_scope
from mentoring.services.programme_reading import programme_progress
from mentoring.services.programmes import current_programme
from mentoring.services.stage_state import completed_count
from monitoring import charts
from monitoring.models.indicators import MEASURES
from monitoring.services import indicators as ind
from monitoring.services.reports import indicator_chart, municipal_summary

SORTS = {
    "name": lambda row: row.organization.short_name.lower(),
    "stages": lambda row: row.stage_percent,
    "roadmap": lambda row: row.roadmap or "",
    "pairs": lambda row: row.pairs,
    "mentees": lambda row: row.mentees,
    "mentors": lambda row: row.mentors,
}


def value_key(position):
    def key(row):
        value = row.values[position].value
        return (value is not None, value or 0)

    return key


class MunicipalDashboardView(TemplateView):
    required_capability = Capability.VIEW_MUNICIPAL_SCHOOLS
    template_name = "monitoring/municipal/dashboard.html"

    def get_context_data(self, **kwargs):
        municipality = self.request.tenant
        summary = municipal_summary(municipality, timezone.localdate())
        rows = summary["schools"]
        query = self.request.GET.get("q", "").strip()
        if query:
            rows = [row for row in rows if query.lower() in row.organization.short_name.lower()]
        behind = self.request.GET.get("behind") == "1"
        if behind:
            rows = [row for row in rows if any(value.met is False for value in row.values)]
        sort = self.request.GET.get("sort", "name")
        descending = sort.startswith("-")
        name = sort.lstrip("-")
        if name in SORTS:
            key = SORTS[name]
        elif name.startswith("i") and name[1:].isdigit() and int(name[1:]) < len(summary["indicators"]):
            key = value_key(int(name[1:]))
        else:
            key, sort, descending = SORTS["name"], "name", False
        rows = sorted(rows, key=key, reverse=descending)
        ids = [row.organization.pk for row in summary["schools"]]
        series = ind.trends(ids)
        names = {indicator.code: indicator.short_name for indicator in ind.indicators()}
        columns = [("name", "Организация"), ("stages", "Этапы"), ("roadmap", "Дорожная карта")]
        columns += [("pairs", "Пары"), ("mentees", "Наставляемые"), ("mentors", "Наставники")]
        columns += [(f"i{n}", indicator.short_name) for n, indicator in enumerate(summary["indicators"])]
        return super().get_context_data(
            **summary,
            rows=rows,
            query=query,
            behind=behind,
            sort=sort,
            columns=[(key, label, key == sort.lstrip("-"), descending) for key, label in columns],
            trend_chart=charts.lines(
                "Показатели муниципалитета по месяцам", {names.get(c, c): points for c, points in series.items()}
            ),
            can_compile=has_capability(self.request.roles, Capability.MUNICIPAL_REPORTS),
            **kwargs,
        )


class MunicipalSchoolView(TemplateView):
    """One school's figures as the municipality sees them: aggregates only, no names of children."""

    required_capability = Capability.VIEW_MUNICIPAL_SCHOOLS
    template_name = "monitoring/municipal/school.html"

    def get_context_data(self, **kwargs):
        school = get_object_or_404(Organization, municipality=self.request.tenant, pk=self.kwargs["pk"])
        today = timezone.localdate()
        table = ind.measure_table([school.pk], today)[school.pk]
        values = ind.values_of(table, ind.indicators(ind.Indicator.Level.SCHOOL), ind.plans_for(today.year))
        series = ind.trends([school.pk])
        names = {indicator.code: indicator.short_name for indicator in ind.indicators()}
        with tenant_scope(school):  # the stages as the school's home shows them (aggregates only)
            programme = current_programme()
            progress = programme_progress(programme) if programme else []
        return super().get_context_data(
            school=school,
            programme=programme,
            stages=progress,
            stages_completed=completed_count(progress),
            values=values,
            measures=[(MEASURES[name], count) for name, count in table.items()],
            indicator_chart=indicator_chart(values),
            trend_chart=charts.lines("Показатели по месяцам", {names.get(c, c): p for c, p in series.items()}),
            **kwargs,
        )


class MunicipalSummaryView(View):
    """Queue the municipal summary (PDF or XLSX) and go to its progress page."""

    required_capability = Capability.MUNICIPAL_REPORTS
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        fmt = request.POST.get("fmt", "pdf")
        if fmt not in ("pdf", "xlsx"):
            raise Http404
        job = files.start(
            tenant=request.tenant, user=request.user, kind="municipal_summary", fmt=fmt,
            params={"on": timezone.localdate().isoformat()},
        )  # fmt: skip
        return redirect(job.get_absolute_url())


def dashboard_url(municipality) -> str:
    return reverse("m_monitoring", kwargs={"muni": municipality.slug})
