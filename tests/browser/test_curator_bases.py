"""The curator's work with the base of mentees, end to end in Chromium, as a new user would do it.

The curator of school-a finds the base through the navbar, downloads the import template, fills it in
openpyxl with 30 pupils and teachers (one birth date that does not exist), sees the error with its row,
fixes the file, imports it, finds two of the imported people, exports them to Excel, and changes a card,
whose history then names the change and who made it. Import tasks run eagerly; the job page still polls.
"""

import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from core.models import AuditEntry
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Mentee

pytestmark = pytest.mark.browser

JOB_TIMEOUT_MS = 30_000  # the import job's page: the file is checked, then written, while htmx polls
TAG = "Адаптация в коллективе"  # the school's existing request (tests/conftest.py: fill_school)
BAD_DATE, FIXED_DATE = "31.02.2010", "28.02.2010"
BAD_LINE = 8  # the spreadsheet line of the bad row: the header is line 1, people start on line 2
SEARCHED = "Соколов"  # matches «Соколов» and «Соколова», nobody else in the school
OLD_GROUP, NEW_GROUP = "6А", "7А"


def born(age: int, month: int = 3, day: int = 14) -> date:
    """A birth date that makes a person ``age`` or ``age - 1`` years old: well clear of the 18th birthday."""
    return date(date.today().year - age, month, day)


def pupil(last, first, patronymic, birth, group, parent, relation="мать", **extra) -> dict:
    """A minor pupil: the legal representative's columns are required."""
    return {
        "Фамилия": last,
        "Имя": first,
        "Отчество": patronymic,
        "Дата рождения": birth,
        "Категория": "обучающийся",
        "Класс / группа / должность": group,
        "Законный представитель: ФИО": parent,
        "Кем приходится": relation,
        "Телефон представителя": "8 913 555-12-34",
        **extra,
    }


def adult(last, first, patronymic, birth, category, group, **extra) -> dict:
    return {
        "Фамилия": last,
        "Имя": first,
        "Отчество": patronymic,
        "Дата рождения": birth,
        "Категория": category,
        "Класс / группа / должность": group,
        **extra,
    }


def people() -> list[dict]:
    """30 people of a school year: pupils (minors) and teachers (adults); the 7th row has a bad birth date."""
    tagged = {"Запросы": TAG}
    school = {"Образовательная организация": "Школа А"}
    return [
        pupil("Соколов", "Артём", "Викторович", born(12), OLD_GROUP, "Соколова Елена Андреевна", **tagged),
        pupil("Соколова", "Дарья", "Викторовна", born(14, 9, 2), "8Б", "Соколова Елена Андреевна"),
        pupil("Иванов", "Максим", "Андреевич", born(13), "7А", "Иванова Ольга Петровна", **tagged),
        pupil("Кузнецова", "Алиса", "Дмитриевна", "05.04." + str(date.today().year - 11), "5В", "Кузнецов Дмитрий"),
        adult("Морозова", "Екатерина", "Олеговна", born(24), "молодой специалист", "учитель математики", **tagged),
        pupil("Волков", "Егор", "Сергеевич", born(15), "9А", "Волкова Наталья Игоревна", relation="бабушка"),
        pupil("Лебедева", "Полина", "Андреевна", BAD_DATE, "10А", "Лебедев Андрей Юрьевич", "отец", **school),
        pupil("Новиков", "Тимофей", "Романович", born(10), "4Б", "Новикова Мария Сергеевна"),
        adult("Фёдорова", "Ирина", "Владимировна", born(35), "педагог, новый в школе", "учитель истории"),
        pupil("Павлов", "Кирилл", "Алексеевич", born(16, 11, 20), "10Б", "Павлова Светлана", **tagged),
        pupil("Семенова", "Вероника", "Ильинична", born(11), "5А", "Семенов Илья Борисович", "отец"),
        adult("Голубев", "Никита", "Павлович", born(23), "молодой специалист", "учитель физкультуры", **school),
        pupil("Виноградова", "Ульяна", "Максимовна", born(13), "7Б", "Виноградова Анна", **tagged),
        pupil("Богданов", "Матвей", "Игоревич", born(12), "6Б", "Богданова Юлия Олеговна"),
        pupil("Воробьёва", "София", "Евгеньевна", born(15), "9Б", "Воробьёв Евгений", "отец"),
        adult("Зайцева", "Оксана", "Николаевна", born(29), "педагог", "учитель русского языка", **tagged),
        pupil("Михайлов", "Лев", "Денисович", born(14), "8А", "Михайлова Дарья Ивановна"),
        pupil("Беляева", "Милана", "Артёмовна", born(10), "4А", "Беляева Кристина", **school),
        pupil("Тарасов", "Даниил", "Олегович", born(16), "10А", "Тарасова Елена", **tagged),
        adult("Белова", "Анастасия", "Романовна", born(21), "студент", "КрасГПУ, 4 курс"),
        pupil("Комаров", "Илья", "Станиславович", born(13), "7В", "Комарова Ирина Анатольевна"),
        pupil("Орлова", "Ева", "Александровна", born(11), "5Б", "Орлов Александр", "отец", **tagged),
        pupil("Киселёв", "Роман", "Васильевич", born(15), "9В", "Киселёва Галина", "бабушка"),
        adult("Макарова", "Людмила", "Геннадьевна", born(41), "педагог, новый в школе", "учитель биологии"),
        pupil("Андреев", "Фёдор", "Ильич", born(12), "6А", "Андреева Марина Викторовна", **tagged),
        pupil("Ковалёва", "Варвара", "Степановна", born(14), "8В", "Ковалёва Татьяна"),
        pupil("Ильин", "Савелий", "Маркович", born(10), "4В", "Ильина Вера Павловна", **school),
        adult("Гусев", "Артур", "Ринатович", born(26), "молодой специалист", "учитель информатики"),
        pupil("Титова", "Злата", "Евгеньевна", born(16), "10Б", "Титов Евгений Петрович", "отец", **tagged),
        pupil("Кудрявцев", "Глеб", "Антонович", born(13), "7А", "Кудрявцева Алла"),
    ]


def fill_template(template_path, out_path, rows: list[dict]) -> None:
    """The downloaded template with its example row replaced by ``rows``, each written under its header."""
    workbook = load_workbook(template_path)
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_rows(2, sheet.max_row)
    for line, row in enumerate(rows, start=2):
        for column, value in row.items():
            cell = sheet.cell(row=line, column=headers.index(column) + 1, value=value)
            if isinstance(value, date):
                cell.number_format = "DD.MM.YYYY"  # as a Russian Excel shows a date cell
    workbook.save(out_path)


def mentee_count(world) -> int:
    with tenant_scope(world.school):
        return Mentee.objects.count()


def upload_file(page: Page, path) -> None:
    """The import page's form: choose the file, send it, and land on the job's page."""
    expect(page.get_by_role("heading", name="Загрузка наставляемых из файла")).to_be_visible()
    page.get_by_test_id("import-form").locator("input[type=file]").set_input_files(path)
    page.get_by_role("button", name="Проверить файл").click()
    expect(page.get_by_role("heading", name=f"Загрузка наставляемых: {path.name}")).to_be_visible()


def wait_for_job(page: Page, status: str, phase: str = "preview") -> None:
    status_box = page.get_by_test_id("job-status")
    expect(status_box).to_have_attribute("data-phase", phase, timeout=JOB_TIMEOUT_MS)
    expect(status_box).to_have_attribute("data-status", status, timeout=JOB_TIMEOUT_MS)


def test_curator_imports_finds_exports_and_edits_mentees(world, page, log_in, screenshot, browser_errors, tmp_path):
    curator = world.users[Role.CURATOR]
    before = mentee_count(world)

    # 1. Log in; the base of mentees is in the navbar's «Базы».
    log_in(page, curator.email)
    expect(page.get_by_test_id("page-title")).to_have_text("Школа А")
    nav = page.locator("#mainNav")
    nav.get_by_role("button", name="Базы").click()
    nav.get_by_role("link", name="Наставляемые", exact=True).click()
    expect(page.get_by_role("heading", name="База наставляемых")).to_be_visible()
    expect(page.get_by_test_id("mentee-list")).to_contain_text("Петров Илья Сергеевич")

    # 2. The import page offers the template; it is downloaded and filled, one birth date being impossible.
    page.get_by_role("link", name="Загрузить из файла").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="шаблон .xlsx").click()
    download = download_info.value
    assert download.suggested_filename == "шаблон-наставляемые.xlsx"
    template_path = tmp_path / download.suggested_filename
    download.save_as(template_path)
    template = load_workbook(template_path)
    headers = [cell.value for cell in template.worksheets[0][1]]
    assert headers[:4] == ["Фамилия", "Имя", "Отчество", "Дата рождения"]
    assert {"Запросы", "Законный представитель: ФИО", "Кем приходится", "Образовательная организация"} <= set(headers)
    assert "Как заполнить" in template.sheetnames

    rows = people()
    assert len(rows) == 30
    assert rows[BAD_LINE - 2]["Дата рождения"] == BAD_DATE
    upload_path = tmp_path / "наставляемые-2025.xlsx"
    fill_template(template_path, upload_path, rows)

    # 3. The check shows the error with its line, in Russian, and offers no import; nothing is written.
    upload_file(page, upload_path)
    wait_for_job(page, "ready")
    status = page.get_by_test_id("job-status")
    expect(status.get_by_role("alert")).to_have_text(
        "В файле есть ошибки — ничего не импортировано. Исправьте их и загрузите файл снова."
    )
    expect(status).to_contain_text("Строк в файле: 30. Без ошибок: 29. С ошибками: 1.")
    error_rows = page.get_by_test_id("import-errors").locator("tbody tr")
    expect(error_rows).to_have_count(1)
    expect(error_rows.locator("td")).to_have_text(
        [str(BAD_LINE), "Дата рождения", f"Такой даты нет в календаре: «{BAD_DATE}»."]
    )
    bad_preview_row = page.get_by_test_id("import-preview").locator("tr.table-danger")
    expect(bad_preview_row).to_have_count(1)
    expect(bad_preview_row.locator("td").first).to_have_text(str(BAD_LINE))
    expect(bad_preview_row).to_contain_text("Лебедева")
    expect(page.get_by_role("button", name=re.compile("Импортировать"))).to_have_count(0)
    expect(page.get_by_test_id("confirm-import")).to_have_count(0)
    screenshot(page, "curator_bases_import_error")
    assert mentee_count(world) == before

    # 4. The fixed file passes the check; the import writes all 30 people.
    rows[BAD_LINE - 2]["Дата рождения"] = FIXED_DATE
    fill_template(template_path, upload_path, rows)
    page.get_by_role("link", name="Загрузить исправленный файл").click()
    upload_file(page, upload_path)
    wait_for_job(page, "ready")
    expect(page.get_by_test_id("job-status").get_by_role("status")).to_have_text(
        "Ошибок нет. Проверьте строки ниже и подтвердите импорт."
    )
    expect(page.get_by_test_id("import-errors")).to_have_count(0)
    expect(page.get_by_test_id("import-preview").locator("tbody tr")).to_have_count(30)
    expect(page.get_by_test_id("import-preview").locator("tr.table-danger")).to_have_count(0)
    screenshot(page, "curator_bases_import_preview")
    assert mentee_count(world) == before

    page.get_by_role("button", name="Импортировать (30)").click()
    wait_for_job(page, "ready", phase="import")
    done = page.get_by_test_id("job-status").get_by_role("status")
    expect(done).to_have_text("Импорт завершён. Внесено записей: 30. Файл удалён с сервера.")
    expect(done.locator("strong")).to_have_text("30")
    expect(page.get_by_test_id("job-status").get_by_role("link", name="Лебедева Полина Андреевна")).to_be_visible()
    screenshot(page, "curator_bases_import_done")
    assert mentee_count(world) == before + 30
    with tenant_scope(world.school):
        imported = Mentee.objects.exclude(pk=world.people[world.school.pk]["mentee"].pk)
        assert sorted(imported.values_list("last_name", flat=True)) == sorted(row["Фамилия"] for row in rows)
        assert imported.get(last_name="Лебедева").birth_date == date(2010, 2, 28)
        tagged = sum(1 for row in rows if row.get("Запросы") == TAG)
        assert imported.filter(requests__name=TAG).count() == tagged

    # 5. The list finds the two Соколовы by the surname.
    page.get_by_test_id("job-status").get_by_role("link", name="К базе наставляемых").click()
    expect(page.get_by_role("heading", name="База наставляемых")).to_be_visible()
    expect(page.get_by_text("Найдено: 31")).to_be_visible()
    page.get_by_role("searchbox", name="Фамилия, имя").fill(SEARCHED)
    page.get_by_role("button", name="Найти").click()
    expect(page).to_have_url(re.compile(r"/o/school-a/mentees/\?"))
    query = parse_qs(urlsplit(page.url).query)
    assert "f" in query and "q" not in query  # the filter is kept by the server, never the name in the address
    expect(page.get_by_text("Найдено: 2")).to_be_visible()
    found = page.get_by_test_id("mentee-list").locator("tbody tr")
    expect(found).to_have_count(2)
    expect(found.locator("td:first-child a")).to_have_text(["Соколов Артём Викторович", "Соколова Дарья Викторовна"])
    expect(found.nth(0)).to_contain_text(OLD_GROUP)
    expect(found.nth(0)).to_contain_text(TAG)
    expect(page.get_by_role("searchbox", name="Фамилия, имя")).to_have_value(SEARCHED)
    screenshot(page, "curator_bases_list_search")

    # 6. The export keeps the search: it runs as a job whose page offers the file, which holds the two of them
    # and nobody else.
    page.get_by_test_id("export-menu").click()
    page.get_by_role("button", name="Excel (.xlsx)").click()
    expect(page.get_by_test_id("job-status")).to_have_attribute("data-status", "ready", timeout=JOB_TIMEOUT_MS)
    expect(page.get_by_role("heading", name="Выгрузка наставляемых")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_test_id("job-download").click()
    export = download_info.value
    assert export.suggested_filename.startswith("наставляемые-") and export.suggested_filename.endswith(".xlsx")
    export_path = tmp_path / export.suggested_filename
    export.save_as(export_path)
    sheet = load_workbook(export_path).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    header, lines = list(values[0]), values[1:]
    column = {name: header.index(name) for name in header}
    assert [(line[column["Фамилия"]], line[column["Имя"]]) for line in lines] == [
        ("Соколов", "Артём"),
        ("Соколова", "Дарья"),
    ]
    assert lines[0][column["Класс / группа / должность"]] == OLD_GROUP
    assert lines[0][column["Законный представитель: ФИО"]] == "Соколова Елена Андреевна"
    assert lines[0][column["Запросы"]] == TAG
    exported_text = " ".join(str(value) for line in lines for value in line if value is not None)
    for other in ("Петров", "Иванов", "Лебедева", "Кузнецова", "Морозова"):
        assert other not in exported_text

    # 7. The card of Соколов Артём: the class is changed, and the history says what and who.
    page.go_back()  # from the export's page back to the list, as it was searched
    expect(page.get_by_role("searchbox", name="Фамилия, имя")).to_have_value(SEARCHED)
    page.get_by_test_id("mentee-list").get_by_role("link", name="Соколов Артём Викторович").click()
    expect(page.get_by_test_id("page-title")).to_have_text("Соколов Артём Викторович")
    page.get_by_role("link", name="Изменить").click()
    expect(page.get_by_role("heading", name="Соколов Артём Викторович: изменение")).to_be_visible()
    group = page.get_by_label("Класс / группа / должность", exact=True)
    expect(group).to_have_value(OLD_GROUP)
    group.fill(NEW_GROUP)
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("alert")).to_have_text("Запись «Соколов Артём Викторович» сохранена.")
    expect(page.get_by_test_id("page-title")).to_have_text("Соколов Артём Викторович")
    expect(page.locator("dt:has-text('Класс / группа') + dd")).to_have_text(NEW_GROUP)

    page.get_by_role("link", name="История изменений").click()
    expect(page.get_by_role("heading", name="История изменений и просмотров")).to_be_visible()
    updated = page.get_by_test_id("history").locator("tbody tr", has_text="Изменена запись")
    expect(updated).to_have_count(1)
    expect(updated.locator("td").nth(1)).to_have_text(curator.initials_name)
    expect(updated.locator("td").nth(3)).to_have_text(f"класс / группа / должность: {OLD_GROUP} → {NEW_GROUP}")
    screenshot(page, "curator_bases_history")
    with tenant_scope(world.school):
        artyom = Mentee.objects.get(last_name="Соколов", first_name="Артём")
        assert artyom.group == NEW_GROUP
        entry = AuditEntry.objects.get(action="person.updated", object_id=str(artyom.pk))
        assert entry.actor == curator
        assert entry.changes == {"класс / группа / должность": [OLD_GROUP, NEW_GROUP]}

    assert browser_errors == []
