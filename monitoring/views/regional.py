"""The regional pages: the region's municipalities with their schools' stage progress and indicators against
plan (from the monthly snapshots), trends by month, a municipality's dashboard read only, and the regional
summary report. Regional roles read aggregates only: no page here names a child, and no school's card is
reachable from the region's tree."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import TemplateView, View

from core.jobs import files
from core.models import Municipality, Organization
from core.roles import Capability, has_capability
from monitoring import charts
from monitoring.services import indicators as ind
from monitoring.services.regional import regional_summary
from monitoring.services.reports import municipal_summary


class RegionalDashboardView(TemplateView):
    """The region's home: its municipalities, the region's indicators against plan and their trends."""

    required_capability = Capability.VIEW_REGIONAL_HOME
    template_name = "monitoring/regional/dashboard.html"

    def get_context_data(self, **kwargs):  # the URL's «region» is the tenant, which the summary names
        summary = regional_summary(self.request.tenant, timezone.localdate())
        rows = summary["municipalities"]
        behind = self.request.GET.get("behind") == "1"
        if behind:
            rows = [row for row in rows if row.behind]
        return super().get_context_data(
            **summary,
            rows=rows,
            behind=behind,
            can_compile=has_capability(self.request.roles, Capability.REGIONAL_REPORTS),
        )


class RegionalMunicipalityView(TemplateView):
    """A municipality's dashboard as the region reads it: its schools' figures, no link into a school."""

    required_capability = Capability.VIEW_REGIONAL_HOME
    template_name = "monitoring/regional/municipality.html"

    def get_context_data(self, **kwargs):
        municipality = get_object_or_404(Municipality, region=self.request.tenant, pk=self.kwargs["pk"])
        summary = municipal_summary(municipality, timezone.localdate())
        series = ind.trends(Organization.objects.filter(municipality=municipality).values("pk"))
        names = {indicator.code: indicator.short_name for indicator in ind.indicators()}
        return super().get_context_data(
            **summary,
            trend_chart=charts.lines(
                "Показатели муниципалитета по месяцам", {names.get(c, c): points for c, points in series.items()}
            ),
        )


class RegionalSummaryView(View):
    """Queue the regional summary (PDF or XLSX) and go to its progress page."""

    required_capability = Capability.REGIONAL_REPORTS
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        fmt = request.POST.get("fmt", "pdf")
        if fmt not in ("pdf", "xlsx"):
            raise Http404
        job = files.start(
            tenant=request.tenant, user=request.user, kind="regional_summary", fmt=fmt,
            params={"on": timezone.localdate().isoformat()},
        )  # fmt: skip
        return redirect(job.get_absolute_url())
