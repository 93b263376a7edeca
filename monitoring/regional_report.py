"""The regional summary report as a file (core.rendering, run as a job): PDF with the charts and XLSX, built
from ``services.regional`` (the monthly snapshots and grouped aggregates), so that a region of thousands of
schools compiles in seconds."""

from datetime import date

from django.utils import timezone
from openpyxl import Workbook

from core.models import Region
from core.rendering import Renderer, RenderRefused, register
from core.rendering.pdf import template_to_pdf
from monitoring.renderers import VALUE_HEADER, Sheet, value_row, workbook_bytes
from monitoring.services.regional import regional_summary


def percent_or_none(value):
    return value.value if value.value is not None else None


@register
class RegionalSummary(Renderer):
    kind = "regional_summary"
    formats = ("pdf", "xlsx")
    title = "Сводный отчёт региона о внедрении целевой модели наставничества"
    queue = "reports"

    def load(self, params, *, tenant, user, progress):
        if not isinstance(tenant, Region):
            raise RenderRefused("Сводный отчёт региона составляется региональным координатором или специалистом.")
        try:
            on = date.fromisoformat(params.get("on") or "")
        except ValueError:
            on = timezone.localdate()
        data = regional_summary(tenant, on, progress=progress)
        data["compiled_at"] = timezone.localtime()
        return data

    def basename(self, source):
        return f"Сводный отчёт региона {source['region'].name} {source['on']:%d.%m.%Y}"

    def render_pdf(self, source):
        return template_to_pdf("monitoring/reports/regional_summary.html", source)

    def render_xlsx(self, source):
        workbook = Workbook()
        sheet = Sheet(workbook, "Муниципалитеты", first=True)
        sheet.line(self.title, bold=True)
        sheet.line(source["region"].name)
        month = source["month"]
        sheet.line("Показатели по срезу на", f"{month:%d.%m.%Y}" if month else "срезов ещё нет")
        sheet.row += 1
        header = ["Муниципалитет", "Организаций", "С программой", "Этапов завершено", "Этапов всего"]
        for indicator in source["indicators"]:
            header += [f"{indicator.short_name}, %", f"{indicator.short_name}: план, %"]
        rows = []
        for row in source["municipalities"]:
            line = [row.municipality.short_name, row.schools, row.with_programme, row.stages_done, row.stages_total]
            for value in row.values:
                line += [percent_or_none(value), float(value.plan) if value.plan is not None else None]
            rows.append(line)
        totals = source["totals"]
        total = ["Итого по региону", totals["schools"], totals["with_programme"]]
        total += [totals["stages_done"], totals["stages_total"]]
        by_code = {value.indicator.code: value for value in source["total_values"]}
        for indicator in source["indicators"]:
            value = by_code[indicator.code]
            total += [percent_or_none(value), float(value.plan) if value.plan is not None else None]
        sheet.table(header, [*rows, total])
        sheet.ws.freeze_panes = sheet.ws.cell(row=6, column=2)
        sheet.widths(36, *([12] * (len(header) - 1)))
        values = Sheet(workbook, "Показатели региона")
        values.table(VALUE_HEADER, [value_row(v) for v in source["total_values"]])
        values.widths(60, 14, 14, 14, 12, 14)
        trends = Sheet(workbook, "Динамика по месяцам")
        months = sorted({month for points in source["trends"].values() for month, _ in points})
        trends.table(
            ["Показатель", *[f"{month:%m.%Y}" for month in months]],
            [[name, *[dict(points).get(month) for month in months]] for name, points in source["trends"].items()],
        )
        trends.widths(40, *([10] * len(months)))
        return workbook_bytes(workbook)
