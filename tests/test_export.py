"""Export of the bases: the list page's filters, formulas kept as text, no support categories, audited."""

import csv
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import AuditEntry, Job
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Mentee

from .spreadsheets import last_job, open_xlsx, school_url, upload

FORMULAS = {
    "last_name": '=HYPERLINK("http://evil.test","Жми")',
    "first_name": "+7",
    "patronymic": "-1+1",
    "group": "@SUM(A1:A2)",
    "notes": "\tтабуляция",
    "requests_text": "\rвозврат",
}


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def director(world):
    return world.client_for(world.users[Role.DIRECTOR])


def add_mentee(world, **fields):
    with tenant_scope(world.school):
        return Mentee.objects.create(organization=world.school, **{"first_name": "Анна", **fields})


def export(client, world, base, fmt, capture, **filters):
    """Post the list's filters to an export, run its job, and download the file from the job's page."""
    with capture(execute=True):
        response = client.post(school_url(world, f"{base}_export_{fmt}"), filters)
    assert response.status_code == 302
    job_page = client.get(response["Location"]).content.decode()
    assert "Файл готов" in job_page
    download = client.get(response["Location"] + "download/")
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    return b"".join(download.streaming_content)


def xlsx_rows(content: bytes):
    sheet = open_xlsx(content).worksheets[0]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def csv_rows(content: bytes):
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8 with its BOM
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_export_contains_only_the_filtered_people(world, director, capture):
    add_mentee(world, last_name="Андреева", category=Mentee.Category.STUDENT)
    add_mentee(world, last_name="Борисова", category=Mentee.Category.STUDENT, status=Mentee.Status.LEFT)
    add_mentee(world, last_name="Андреевский", category=Mentee.Category.TEACHER)
    rows = xlsx_rows(export(director, world, "mentee", "xlsx", capture, q="Андреев", category="student"))
    assert rows[0][:3] == ["Фамилия", "Имя", "Отчество"]
    assert [row[0] for row in rows[1:]] == ["Андреева"]
    rows = csv_rows(export(director, world, "mentee", "csv", capture, category="student"))
    assert [row[0] for row in rows[1:]] == ["Андреева", "Борисова"]
    assert rows[1][rows[0].index("Категория")] == "студент"


def test_the_export_posts_the_filters_of_the_list(world, director):
    filters = {"q": "Петров", "status": "in_base"}
    page = director.post(school_url(world, "mentee_list"), filters, follow=True).content.decode()
    form = page[page.index(f'action="{school_url(world, "mentee_export_csv")}"') :].split("</form>")[0]
    assert 'method="post"' in page[page.index('data-testid="export-csv"') - 80 :][:200]
    assert '<input type="hidden" name="q" value="Петров">' in form
    assert '<input type="hidden" name="status" value="in_base">' in form
    assert f'href="{school_url(world, "mentee_import")}"' in page


def test_an_export_is_a_job_only_its_owner_downloads(world, director, capture):
    export(director, world, "mentee", "csv", capture)
    with tenant_scope(world.school):
        job = Job.objects.filter(kind="export_mentees").latest("pk")
    assert job.output_file.name.startswith(f"jobs/o-{world.school.pk}/export_mentees/")
    curator = world.client_for(world.users[Role.CURATOR])
    assert curator.get(school_url(world, "file_job_download", pk=job.pk)).status_code == 404


def test_formula_looking_values_are_text_in_xlsx(world, director, capture):
    add_mentee(world, **FORMULAS)
    content = export(director, world, "mentee", "xlsx", capture, q="HYPERLINK")
    sheet = open_xlsx(content).worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    row = dict(zip(headers, sheet[2], strict=True))
    columns = {
        "last_name": "Фамилия",
        "first_name": "Имя",
        "patronymic": "Отчество",
        "group": "Класс / группа / должность",
        "notes": "Примечания",
        "requests_text": "Запрос своими словами",
    }
    for field, value in FORMULAS.items():
        cell = row[columns[field]]
        assert cell.data_type == "s", field
        # Read back through lxml a carriage return stays; the standard library parser turns it into a line feed.
        assert cell.value.replace("\r", "\n") == value.replace("\r", "\n")
        assert cell.quotePrefix, field


def test_formula_looking_values_are_quoted_in_csv(world, director, capture):
    add_mentee(world, **FORMULAS)
    text = export(director, world, "mentee", "csv", capture, q="HYPERLINK").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Фамилия"] == "'" + FORMULAS["last_name"]
    assert row["Имя"] == "'+7" and row["Отчество"] == "'-1+1"
    assert row["Класс / группа / должность"] == "'@SUM(A1:A2)"
    assert row["Примечания"] == "'\tтабуляция"
    assert row["Запрос своими словами"] == "'\rвозврат"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in rows[1])


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_support_categories_are_never_exported(world, director, fmt, capture):
    mentee = world.people[world.school.pk]["mentee"]
    assert mentee.support_categories == ["ovz"]
    response = export(director, world, "mentee", fmt, capture, support="ovz")
    rows = xlsx_rows(response) if fmt == "xlsx" else csv_rows(response)
    assert [row[0] for row in rows[1:]] == [mentee.last_name]  # the filter applies…
    cells = [str(cell) for row in rows for cell in row if cell is not None]
    assert not any("ОВЗ" in cell or "поддержки" in cell or "ovz" in cell for cell in cells)  # …the column does not


def test_every_export_is_audited(world, director, capture):
    export(director, world, "mentor", "csv", capture, training="trained")
    with tenant_scope(world.school):
        entry = AuditEntry.objects.get(action="people.exported")
    assert entry.actor == world.users[Role.DIRECTOR]
    assert entry.changes["формат"] == [None, "csv"] and entry.changes["записей"] == [None, "1"]
    assert entry.changes["отбор"] == [None, "training=trained"]


def test_mentor_export_has_partner_competencies_and_dates(world, director, capture):
    rows = xlsx_rows(export(director, world, "mentor", "xlsx", capture))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Фамилия"] == "Сидорова"
    assert row["Компетенции"] == "Адаптация в коллективе"
    assert row["Согласие быть наставником: дата"].date() == date(2025, 9, 1)
    assert row["Образовательная организация"] == world.school.short_name


def test_an_exported_file_imports_back_as_duplicates_only(world, director, capture):
    content = export(director, world, "mentee", "xlsx", capture)
    upload(director, world, capture, "выгрузка.xlsx", content)
    job = last_job()
    assert job.status == Job.Status.READY
    assert [error["message"][:15] for error in job.result["errors"]] == ["Уже есть в базе"]


def test_export_queries_do_not_grow_with_the_rows(world, director, capture):
    def count():
        with CaptureQueriesContext(connection) as captured:
            export(director, world, "mentee", "xlsx", capture)
        return len(captured)

    few = count()
    for n in range(30):
        add_mentee(world, last_name=f"Фамилия{n}")
    assert count() == few


def test_the_audit_log_of_an_export_keeps_no_typed_name_or_support_category(world, director, capture):
    export(director, world, "mentee", "csv", capture, q="Петров", support="ovz", category="pupil")
    with tenant_scope(world.school):
        entry = AuditEntry.objects.get(action="people.exported")
    assert entry.changes["отбор"] == [None, "category=pupil, q=***, support=***"]
