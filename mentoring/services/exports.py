"""Writing the bases to .xlsx and .csv: the exports are renderers (``core.rendering``) run as file jobs, and
the import template is drawn by the same writers.

A cell a spreadsheet could run as a formula is written as text (``core.rendering.formulas``). Support
categories are never exported: the resources have no column for them.
"""

import csv
import io
from datetime import date, datetime

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.audit import log_action
from core.rendering import MIMETYPES, Renderer, register
from core.rendering.formulas import csv_text, looks_like_formula, mark_as_text
from mentoring.models import Mentee, Mentor, Tag
from mentoring.resources.registry import RESOURCES
from mentoring.resources.widgets import SCHOOL_COLUMN
from mentoring.services.access_log import record_reading
from mentoring.services.saved_filters import PRIVATE_FILTERS
from mentoring.services.search import find_mentees, find_mentors

DATE_FORMAT = "DD.MM.YYYY"
COLUMN_WIDTH = 22
FILE_NAMES = {"mentees": "наставляемые", "mentors": "наставники"}


def xlsx_cell(sheet, value, *, bold=False):
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if looks_like_formula(value):
        mark_as_text(cell)
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    if bold:
        cell.font = Font(bold=True)
    return cell


def render_xlsx(headers, rows, *, sheets=()) -> bytes:
    """A workbook with the rows on its first sheet; ``sheets`` adds (title, lines) sheets of plain text."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Данные")
    for index in range(len(headers)):
        sheet.column_dimensions[get_column_letter(index + 1)].width = COLUMN_WIDTH
    sheet.freeze_panes = "A2"
    sheet.append([xlsx_cell(sheet, header, bold=True) for header in headers])
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    for title, lines in sheets:
        extra = workbook.create_sheet(title)
        extra.column_dimensions["A"].width = 40
        extra.column_dimensions["B"].width = 90
        for line in lines:
            extra.append([xlsx_cell(extra, value) for value in line])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return csv_text(str(value))


def render_csv(headers, rows) -> bytes:
    """CSV as Russian Excel opens it: UTF-8 with a BOM, «;» between cells."""
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_value(header) for header in headers])
    writer.writerows([csv_value(value) for value in row] for row in rows)
    return ("\ufeff" + stream.getvalue()).encode("utf-8")


def filters_for_log(filters: dict) -> str:
    """The export's filters as the audit log keeps them: a typed name or a support category is not copied."""
    shown = [f"{key}={'***' if key in PRIVATE_FILTERS else value}" for key, value in sorted(filters.items()) if value]
    return ", ".join(shown) or "все"


@register
class MenteesExport(Renderer):
    """The filtered list of a base (the list page's filters) as a file job; every export is audited.

    Params: ``filters`` (the list's filters), ``support_visible`` (whether the filters may use the support
    categories), ``ip`` (of the request, for the audit log).
    """

    kind = "export_mentees"
    base = "mentees"
    formats = ("xlsx", "csv")
    title = "Выгрузка наставляемых"

    def load(self, params, *, tenant, user, progress):
        filters = params.get("filters", {})
        if self.base == "mentees":
            people = find_mentees(filters, support_visible=params.get("support_visible", False))
        else:
            people = find_mentors(filters)
        dataset = RESOURCES[self.base](tenant).export(people)
        progress(1, 1)
        log_action(
            "people.exported",
            actor=user,
            tenant=tenant,
            changes={
                "база": [None, FILE_NAMES[self.base]],
                "формат": [None, params["fmt"]],
                "записей": [None, str(len(dataset))],
                "отбор": [None, filters_for_log(filters)],
            },
            ip_address=params.get("ip"),
        )
        if self.base == "mentees":  # the access log: each minor in the file
            record_reading("person.exported", people, actor=user, tenant=tenant, ip_address=params.get("ip"))
        return {"headers": dataset.headers, "rows": list(dataset)}

    def basename(self, source):
        return f"{FILE_NAMES[self.base]}-{timezone.localdate():%Y-%m-%d}"

    def render_xlsx(self, source) -> bytes:
        return render_xlsx(source["headers"], source["rows"])

    def render_csv(self, source) -> bytes:
        return render_csv(source["headers"], source["rows"])


@register
class MentorsExport(MenteesExport):
    kind = "export_mentors"
    base = "mentors"
    title = "Выгрузка наставников"


def export_kind(base: str) -> str:
    return f"export_{base}"


EXAMPLES = {
    "mentees": {
        "Фамилия": "Иванова",
        "Имя": "Мария",
        "Отчество": "Петровна",
        "Категория": Mentee.Category.PUPIL.label,
        "Класс / группа / должность": "7Б",
        "Статус": Mentee.Status.IN_BASE.label,
        "Источник": Mentee.Source.APPLICATION.label,
        "Запрос своими словами": "Хочет подтянуть математику",
        "Телефон": "8 913 000-00-00",
        "Законный представитель: ФИО": "Иванова Ольга Николаевна",
        "Кем приходится": "мать",
        "Телефон представителя": "8 913 000-00-01",
    },
    "mentors": {
        "Фамилия": "Смирнов",
        "Имя": "Алексей",
        "Отчество": "Викторович",
        "Категория": Mentor.Category.TEACHER.label,
        "Должность / класс / место учёбы": "учитель математики",
        "Сильные стороны, опыт": "олимпиадная математика",
        "Стаж, лет": 12,
        "Наибольшее число наставляемых": 2,
        "Обучение": Mentor.Training.TRAINED.label,
        "Статус": Mentor.Status.ACTIVE.label,
        "Телефон": "8 913 000-00-02",
    },
}
REQUIRED_NOTE = "обязательный столбец"


def example_row(base: str, tenant) -> dict:
    today = timezone.localdate()
    example = dict(EXAMPLES[base])
    if base == "mentees":
        example["Дата рождения"] = date(today.year - 12, 9, 1)
        tag_column = "Запросы"
    else:
        example["Дата рождения"] = date(today.year - 40, 3, 15)
        example["Согласие быть наставником: номер"] = "1"
        example["Согласие быть наставником: дата"] = date(today.year - 1, 9, 1)
        tag_column = "Компетенции"
    if first_tag := Tag.objects.order_by("name").first():
        example[tag_column] = first_tag.name
    example[SCHOOL_COLUMN] = tenant.short_name
    return example


def help_lines(base: str) -> list[list[str]]:
    resource_class = RESOURCES[base]
    lines = [
        ["Как заполнить", "Одна строка — один человек. Строку-пример удалите или замените своими данными."],
        ["", "Даты: ДД.ММ.ГГГГ (например, 01.09.2010) или ячейка в формате даты."],
        ["", "Запросы и компетенции: через «;», только из списка «Запросы и компетенции» школы."],
        ["", f"«{SCHOOL_COLUMN}» можно не заполнять; если заполнено — только название вашей школы."],
        ["", "Файл загружается целиком или не загружается совсем: сначала портал покажет все ошибки."],
        ["Столбец", "Что писать"],
    ]
    for field in resource_class.fields.values():
        note = REQUIRED_NOTE if field.column_name in resource_class.required_columns else ""
        labels = getattr(field.widget, "labels", None)
        if labels:
            note = "; ".join(filter(None, [note, "одно из: " + ", ".join(str(label) for label in labels.values())]))
        lines.append([field.column_name, note])
    return lines


def render_template(base: str, tenant) -> tuple[str, str, bytes]:
    """The import template: the columns with Russian headers, one example row, and a sheet of help."""
    headers = RESOURCES[base].column_names()
    example = example_row(base, tenant)
    row = [example.get(header, "") for header in headers]
    content = render_xlsx(headers, [row], sheets=[("Как заполнить", help_lines(base))])
    return f"шаблон-{FILE_NAMES[base]}.xlsx", MIMETYPES["xlsx"], content
