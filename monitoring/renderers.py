"""The monitoring reports as files (core.rendering): PDF from templates (with the SVG charts) and XLSX.

Each renderer rebuilds its data from the job's params inside the tenant's scope (``load``); a period with no
data gives a report that says so. Only a request that makes no sense (no such programme, dates reversed) is
refused.
"""

from datetime import date
from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.models import Municipality, Organization
from core.rendering import Renderer, RenderRefused, register
from core.rendering.formulas import csv_text
from core.rendering.pdf import template_to_pdf
from mentoring.models import Programme
from monitoring.services import reports, statistics

BOLD = Font(bold=True)


def parse_period(params) -> tuple[date, date]:
    try:
        date_from = date.fromisoformat(params["date_from"])
        date_to = date.fromisoformat(params["date_to"])
    except (KeyError, TypeError, ValueError):
        raise RenderRefused("Укажите период отчёта: даты начала и окончания.") from None
    if date_to < date_from:
        raise RenderRefused("Окончание периода раньше его начала.")
    return date_from, date_to


def safe_cell(value):
    """Text that a spreadsheet would take for a formula is written as text."""
    return csv_text(value) if isinstance(value, str) else value


class Sheet:
    """A small helper over an openpyxl worksheet: titled tables, one after another."""

    def __init__(self, workbook, title, first=False):
        self.ws = workbook.active if first else workbook.create_sheet()
        self.ws.title = title[:31]
        self.row = 1

    def line(self, *values, bold=False):
        for column, value in enumerate(values, start=1):
            cell = self.ws.cell(row=self.row, column=column, value=safe_cell(value))
            if bold:
                cell.font = BOLD
        self.row += 1

    def table(self, header, rows):
        self.line(*header, bold=True)
        for row in rows:
            self.line(*row)
        self.row += 1

    def widths(self, *widths):
        for column, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(column)].width = width
        for row in self.ws.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def workbook_bytes(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def value_row(value):
    return (
        value.indicator.name,
        float(value.numerator),
        float(value.denominator),
        value.value,
        float(value.plan) if value.plan is not None else None,
        value.state,
    )


VALUE_HEADER = ("Показатель", "Числитель", "Знаменатель", "Значение, %", "План, %", "Выполнение")


@register
class SchoolMonitoringReport(Renderer):
    kind = "monitoring_report"
    queue = "reports"
    formats = ("pdf", "xlsx")
    title = "Отчёт о мониторинге программы наставничества"

    def load(self, params, *, tenant, user, progress):
        if not isinstance(tenant, Organization):
            raise RenderRefused("Отчёт о мониторинге составляется для образовательной организации.")
        date_from, date_to = parse_period(params)
        programme = Programme.objects.filter(pk=params.get("programme_id")).first()
        if programme is None:
            raise RenderRefused("Нет такой программы наставничества.")
        progress(0, 2)
        data = reports.school_report(tenant, programme, date_from, date_to)
        progress(1, 2)
        data["compiled_at"] = timezone.localtime()
        return data

    def basename(self, source):
        return f"Мониторинг {source['organization'].short_name} {source['date_to']:%d.%m.%Y}"

    def render_pdf(self, source):
        return template_to_pdf("monitoring/reports/school_report.html", source)

    def render_xlsx(self, source):
        workbook = Workbook()
        summary = Sheet(workbook, "Сводка", first=True)
        summary.line(self.title, bold=True)
        summary.line(source["organization"].name)
        summary.line("Программа", source["programme"].title)
        summary.line("Период", f"{source['date_from']:%d.%m.%Y} – {source['date_to']:%d.%m.%Y}")
        if not source["has_answers"]:
            summary.line("За период ответов на анкеты нет.")
        summary.row += 1
        summary.table(VALUE_HEADER, [value_row(v) for v in source["indicators"]])
        work = source["activity"]
        summary.table(
            ("Работа пар", "Значение"),
            [
                ("Пар и групп в периоде", work["pairs"]),
                ("из них завершено", work["pairs_closed"]),
                ("Встреч", work["meetings"]),
                ("Часов встреч", work["hours"]),
                ("Встреч на пару", work["per_pair"]),
                ("Средняя оценка встреч наставляемыми", work["rating"]),
                *[(f"Встречи: {label}", n) for label, n in work["by_kind"]],
            ],
        )
        summary.widths(60, 14, 14, 14, 12, 14)
        quality = Sheet(workbook, "Этап 1. Качество")
        quality.line("Форма", "Респондент", "Вопрос", "Тип", "Среднее (1–10) / доля «да», %", "Ответов", bold=True)
        for group in source["forms"]:
            quality.line(group.form, group.respondent, f"Отклик: {group.answered} из {group.invited}", "", group.rate)
            for item in group.items:
                kind = "шкала" if item.kind == "scale" else "да / нет"
                quality.line(group.form, group.respondent, item.text, kind, item.mean, item.answers)
        quality.widths(28, 16, 60, 10, 18, 10)
        answers = Sheet(workbook, "Открытые ответы")
        answers.line("Форма", "Респондент", "Вопрос", "Ответ", bold=True)
        for form, respondent, question, texts in source["open_answers"]:
            for text in texts:
                answers.line(form, respondent, question, text)
        answers.widths(28, 16, 50, 80)
        growth = Sheet(workbook, "Этап 2. Рост")
        growth.table(
            ("Показатель роста", "На входе", "На выходе", "Изменение"),
            [(g.text, g.entry, g.exit, g.delta) for g in source["growth"]],
        )
        growth.widths(60, 12, 12, 12)
        swot = Sheet(workbook, "SWOT")
        if source["swot"]:
            for label, items in source["swot"].quadrants():
                swot.table((label,), [(item,) for item in items])
        else:
            swot.line("SWOT-анализ не заполнен.")
        swot.widths(80)
        return workbook_bytes(workbook)


@register
class ParticipantStatistics(Renderer):
    kind = "participant_statistics"
    queue = "reports"
    formats = ("pdf", "xlsx")
    title = "Статистическая информация об участниках программ наставничества"
    names_people = False  # counts only

    def load(self, params, *, tenant, user, progress):
        if not isinstance(tenant, Organization):
            raise RenderRefused("Статистическая информация составляется для образовательной организации.")
        date_from, date_to = parse_period(params)
        progress(0, 1)
        data = statistics.statistics(tenant, date_from, date_to)
        data["compiled_at"] = timezone.localtime()
        return data

    def basename(self, source):
        return f"Статистика наставничества {source['organization'].short_name} {source['date_to']:%d.%m.%Y}"

    def render_pdf(self, source):
        return template_to_pdf("monitoring/reports/statistics.html", source)

    def render_xlsx(self, source):
        workbook = Workbook()
        sheet = Sheet(workbook, "Статистика", first=True)
        sheet.line(self.title, bold=True)
        sheet.line(source["organization"].name)
        sheet.line("Период", f"{source['date_from']:%d.%m.%Y} – {source['date_to']:%d.%m.%Y}")
        sheet.row += 1
        totals = source["totals"]
        sheet.table(
            ("Форма наставничества", "Пар и групп", "Наставляемых", "Наставников"),
            [*source["by_form"], ("Итого", totals["pairs"], totals["mentees"], totals["mentors"])],
        )
        sheet.table(("Роль", "Человек"), source["by_role"])
        sheet.table(("Категория наставляемых", "Человек"), source["mentee_categories"])
        sheet.table(("Категория наставников", "Человек"), source["mentor_categories"])
        sheet.table(("Возраст обучающихся-наставляемых", "Человек"), source["age_bands"])
        teachers = source["teachers"]
        sheet.table(
            ("Система наставничества педагогов", "Число"),
            [
                ("Пар и групп в формах для педагогов", teachers["pairs"]),
                ("Наставляемых педагогов", teachers["mentees"]),
                ("Наставников педагогов", teachers["mentors"]),
            ],
        )
        sheet.table(("Вид наставничества (пары педагогов)", "Пар и групп"), teachers["by_kind"])
        sheet.table(("Закрепление молодых специалистов", "Работают", "Принято"), teachers["retention"])
        sheet.table(
            ("Прочее", "Число"),
            [
                ("Молодые специалисты-наставляемые", source["young_specialists"]),
                ("Организации-партнёры", source["partners"]),
                ("из них предоставили наставников", source["partners_providing"]),
            ],
        )
        sheet.widths(45, 14, 14, 14)
        return workbook_bytes(workbook)


@register
class MunicipalSummary(Renderer):
    kind = "municipal_summary"
    queue = "reports"
    formats = ("pdf", "xlsx")
    title = "Сводный отчёт муниципалитета о внедрении целевой модели наставничества"

    def load(self, params, *, tenant, user, progress):
        if not isinstance(tenant, Municipality):
            raise RenderRefused("Сводный отчёт составляется органом управления образованием.")
        try:
            on = date.fromisoformat(params.get("on") or "")
        except ValueError:
            on = timezone.localdate()
        data = reports.municipal_summary(tenant, on, progress=progress)
        data["compiled_at"] = timezone.localtime()
        return data

    def basename(self, source):
        return f"Сводный отчёт {source['municipality'].short_name} {source['on']:%d.%m.%Y}"

    def render_pdf(self, source):
        return template_to_pdf("monitoring/reports/municipal_summary.html", source)

    def render_xlsx(self, source):
        workbook = Workbook()
        sheet = Sheet(workbook, "Сводка", first=True)
        sheet.line(self.title, bold=True)
        sheet.line(source["municipality"].name)
        sheet.line("На дату", f"{source['on']:%d.%m.%Y}")
        sheet.row += 1
        header = ["Организация", "Программа", "Этапов завершено", "Этапов всего", "Дорожная карта"]
        header += ["Пар и групп", "Наставляемых", "Наставников"]
        for indicator in source["indicators"]:
            header += [f"{indicator.short_name}, %", f"{indicator.short_name}: план, %"]
        rows = []
        for school in source["schools"]:
            row = [school.organization.short_name, school.programme_title, school.stages_done, school.stages_total]
            row.append(school.roadmap)
            row += [school.pairs, school.mentees, school.mentors]
            for value in school.values:
                row += [value.value, float(value.plan) if value.plan is not None else None]
            rows.append(row)
        totals = source["totals"]
        total_row = ["Итого", f"с программой: {totals['with_programme']} из {totals['schools']}"]
        total_row += [totals["stages_done"], totals["stages_total"], ""]
        total_row += [totals["pairs"], totals["mentees"], totals["mentors"]]
        by_code = {value.indicator.code: value for value in source["total_values"]}
        for indicator in source["indicators"]:
            value = by_code[indicator.code]
            total_row += [value.value, float(value.plan) if value.plan is not None else None]
        sheet.table(header, [*rows, total_row])
        sheet.ws.freeze_panes = sheet.ws.cell(row=6, column=2)
        sheet.widths(36, 30, *([12] * (len(header) - 2)))
        values = Sheet(workbook, "Показатели")
        values.table(VALUE_HEADER, [value_row(v) for v in source["total_values"]])
        values.table(("Форма наставничества", "Наставляемых"), source["by_form"])
        values.widths(60, 14, 14, 14, 12, 14)
        return workbook_bytes(workbook)
