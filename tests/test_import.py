"""Import of the bases from .xlsx and .csv: template, preview with every error, all or nothing, duplicates,
bad files, jobs owned by their user, abandoned files deleted, queries that do not grow with the rows."""

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from core.jobs import lifecycle
from core.models import AuditEntry, Job, Membership
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Mentee, Mentor, Tag
from mentoring.services import imports
from mentoring.tasks import expire_import_previews

from .conftest import make_user
from .spreadsheets import (
    ADULT_MENTEE,
    confirm,
    csv_bytes,
    last_job,
    mentees_csv,
    mentees_xlsx,
    open_xlsx,
    school_url,
    upload,
    xlsx_bytes,
    zip_bytes,
)

TAG = "Адаптация в коллективе"  # in every school of the World fixture


@pytest.fixture
def director(world):
    return world.client_for(world.users[Role.DIRECTOR])


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def people_count(world):
    with scopes_disabled():
        return Mentee.objects.count(), Mentor.objects.count()


def mentees_of(world):
    with tenant_scope(world.school):
        return list(Mentee.objects.prefetch_related("requests").order_by("pk"))


def minor_birth_day():
    today = date.today()
    return date(today.year - 13, 3, 10)


def preview_errors(job):
    return [(error["line"], error["column"], error["message"]) for error in job.result["errors"]]


# Happy paths.


def test_xlsx_import_previews_every_row_then_creates_people_with_tags_and_one_audit_entry(world, director, capture):
    content = mentees_xlsx(
        {**ADULT_MENTEE, "Запросы": TAG},
        {
            "Фамилия": "Зайцев",
            "Имя": "Пётр",
            "Дата рождения": datetime.combine(minor_birth_day(), datetime.min.time()),  # a real Excel date cell
            "Категория": "Обучающийся",
            "Класс / группа / должность": 7,
            "Запросы": f"{TAG.upper()} ;",
            "Законный представитель: ФИО": "Зайцева Ирина",
            "Кем приходится": "мать",
            "Статус": "В БАЗЕ",
            "Источник": "классный руководитель",
        },
    )
    before = people_count(world)
    response = upload(director, world, capture, "класс 7Б.xlsx", content)
    job = last_job()
    page = response.content.decode()
    assert job.status == Job.Status.READY
    assert "Ошибок нет" in page and "Импортировать (2)" in page
    assert "Зайцев" in page and "Орлова" in page  # the preview shows the rows
    assert people_count(world) == before  # nothing is written before the confirmation

    stored = Path(job.input_file.path)
    assert stored.exists() and "7Б" not in stored.name  # stored under a random name
    response = confirm(director, world, capture, job)
    job.refresh_from_db()
    assert job.status == Job.Status.READY
    assert "Внесено записей: <strong>2</strong>" in response.content.decode()
    assert not stored.exists() and not job.input_file  # the personal data file is deleted

    created = {m.last_name: m for m in mentees_of(world)}
    orlova, zaytsev = created["Орлова"], created["Зайцев"]
    assert orlova.birth_date == date(2000, 5, 17) and orlova.category == Mentee.Category.STUDENT
    assert zaytsev.birth_date == minor_birth_day() and zaytsev.group == "7"
    assert zaytsev.source == Mentee.Source.CLASS_TEACHER and zaytsev.representative_relation == "мать"
    assert [t.name for t in orlova.requests.all()] == [TAG] == [t.name for t in zaytsev.requests.all()]
    assert {orlova.organization_id, zaytsev.organization_id} == {world.school.pk}
    with tenant_scope(world.school):
        entries = list(AuditEntry.objects.filter(action="person.imported"))
    assert len(entries) == 1
    assert entries[0].changes["внесено записей"] == [None, "2"]
    assert entries[0].actor == world.users[Role.DIRECTOR]


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8-sig", ";"), ("utf-8", ","), ("cp1251", ";")], ids=["bom", "utf8", "cp1251"]
)
def test_csv_import_in_every_encoding_reads_russian_dates(world, director, capture, encoding, delimiter):
    content = mentees_csv(
        {**ADULT_MENTEE, "Фамилия": "Белова", "Дата рождения": "01.09.2000"},
        {**ADULT_MENTEE, "Фамилия": "Чернова", "Дата рождения": "1.9.2001"},
        {**ADULT_MENTEE, "Фамилия": "Ёлкина", "Дата рождения": "2002-09-01"},
        encoding=encoding,
        delimiter=delimiter,
    )
    upload(director, world, capture, "список.csv", content)
    confirm(director, world, capture, last_job())
    born = {m.last_name: m.birth_date for m in mentees_of(world)}
    assert born["Белова"] == date(2000, 9, 1)
    assert born["Чернова"] == date(2001, 9, 1)
    assert born["Ёлкина"] == date(2002, 9, 1)


def test_mentors_import_reads_partner_competencies_and_consent(world, director, capture):
    content = csv_bytes(
        ["Фамилия", "Имя", "Категория", "Организация-партнёр", "Компетенции", "Наибольшее число наставляемых",
         "Согласие быть наставником: номер", "Согласие быть наставником: дата", "Обучение"],
        [["Громов", "Олег", "сотрудник организации-партнёра", "ао «красмаш»", TAG, "3", "7", "02.09.2025", "обучен"]],
    )  # fmt: skip
    upload(director, world, capture, "наставники.csv", content, base="mentors")
    confirm(director, world, capture, last_job())
    with tenant_scope(world.school):
        mentor = Mentor.objects.get(last_name="Громов")
        assert mentor.partner == world.people[world.school.pk]["partner"]
        assert [t.name for t in mentor.competencies.all()] == [TAG]
    assert (mentor.capacity, mentor.consent_number, mentor.consent_date) == (3, "7", date(2025, 9, 2))
    assert mentor.training == Mentor.Training.TRAINED


@pytest.mark.parametrize("base", ["mentees", "mentors"])
def test_template_has_russian_headers_and_an_example_row_that_imports(world, director, capture, base):
    name = "mentee_import_template" if base == "mentees" else "mentor_import_template"
    response = director.get(school_url(world, name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = open_xlsx(response.content)
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["Фамилия", "Имя", "Отчество"]
    assert "Образовательная организация" in headers
    assert "Категории поддержки" not in headers
    example = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    assert example["Фамилия"] in ("Иванова", "Смирнов")
    assert isinstance(example["Дата рождения"], datetime)  # a real date cell
    assert example["Образовательная организация"] == world.school.short_name
    assert "Строку-пример удалите" in str(workbook.worksheets[1]["B1"].value)

    before = people_count(world)
    upload(director, world, capture, "шаблон.xlsx", response.content, base=base)
    job = last_job()
    assert job.status == Job.Status.READY and job.result["errors"] == []
    confirm(director, world, capture, job)
    after = people_count(world)
    assert sum(after) == sum(before) + 1


# All or nothing; duplicates; the base changing before the confirmation.


def test_one_bad_row_means_nothing_is_imported(world, director, capture):
    content = mentees_xlsx(
        ADULT_MENTEE,
        {**ADULT_MENTEE, "Фамилия": "Лебедева", "Дата рождения": "31.02.2010"},
        {**ADULT_MENTEE, "Фамилия": "Соколова"},
    )
    before = people_count(world)
    page = upload(director, world, capture, "список.xlsx", content).content.decode()
    job = last_job()
    assert preview_errors(job) == [(3, "Дата рождения", "Такой даты нет в календаре: «31.02.2010».")]
    assert "ничего не импортировано" in page and "Импортировать (" not in page
    assert "Такой даты нет в календаре" in page
    response = confirm(director, world, capture, job)  # a forged confirmation changes nothing
    assert "нельзя импортировать" in response.content.decode()
    assert people_count(world) == before


def test_duplicates_in_the_file_and_in_the_base_are_reported_never_created_twice(world, director, capture):
    existing = world.people[world.school.pk]["mentee"]
    twin = {"Фамилия": "Смирнова", "Имя": "Вера", "Дата рождения": "05.05.1999"}
    content = mentees_csv(
        twin,
        {
            "Фамилия": existing.last_name.upper(),
            "Имя": existing.first_name,
            "Отчество": existing.patronymic,
            "Дата рождения": existing.birth_date.strftime("%d.%m.%Y"),
            "Законный представитель: ФИО": "Петрова Анна Ивановна",
            "Кем приходится": "мать",
        },
        {**twin, "Фамилия": "смирнова "},
    )
    before = people_count(world)
    upload(director, world, capture, "дубли.csv", content)
    errors = preview_errors(last_job())
    assert errors == [
        (3, "ФИО и дата рождения", f"Уже есть в базе: ПЕТРОВ Илья Сергеевич, {existing.birth_date:%d.%m.%Y}. "
                                   "Повторно не вносится."),
        (4, "ФИО и дата рождения", "Повторяет строку 2 этого файла: смирнова Вера, 05.05.1999."),
    ]  # fmt: skip
    assert people_count(world) == before


def test_if_the_base_changes_before_the_confirmation_nothing_is_written(world, director, capture):
    upload(director, world, capture, "список.xlsx", mentees_xlsx(ADULT_MENTEE, {**ADULT_MENTEE, "Фамилия": "Котова"}))
    job = last_job()
    assert job.status == Job.Status.READY
    with tenant_scope(world.school):  # someone types one of them in by hand meanwhile
        Mentee.objects.create(organization=world.school, last_name="Котова", first_name="Анна",
                              patronymic="Игоревна", birth_date=date(2000, 5, 17))  # fmt: skip
    before = people_count(world)
    page = confirm(director, world, capture, job).content.decode()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "Ничего не импортировано" in job.error and "Уже есть в базе: Котова" in page
    assert people_count(world) == before
    assert job.input_file  # kept, so that the file can be checked again after a fix


def test_a_missing_tag_is_named_and_the_same_file_can_be_checked_again_after_adding_it(world, director, capture):
    upload(director, world, capture, "список.xlsx", mentees_xlsx({**ADULT_MENTEE, "Запросы": f"{TAG}; Профориентация"}))
    job = last_job()
    assert preview_errors(job) == [
        (2, "Запросы", "Нет в списке «Запросы и компетенции» школы: «Профориентация». "
                       "Добавьте в список или исправьте запросы."),
    ]  # fmt: skip
    with tenant_scope(world.school):
        Tag.objects.create(organization=world.school, name="Профориентация")
    with capture(execute=True):
        director.post(school_url(world, "import_job_recheck", pk=job.pk))
    job.refresh_from_db()
    assert job.status == Job.Status.READY and job.result["errors"] == []
    confirm(director, world, capture, job)
    assert {t.name for t in mentees_of(world)[-1].requests.all()} == {TAG, "Профориентация"}


def test_a_second_confirmation_does_not_import_twice(world, director, capture):
    upload(director, world, capture, "список.xlsx", mentees_xlsx(ADULT_MENTEE))
    job = last_job()
    confirm(director, world, capture, job)
    before = people_count(world)
    response = confirm(director, world, capture, job)
    assert "нельзя импортировать" in response.content.decode()
    assert people_count(world) == before


# Bad input: each gets a clear message in Russian, and no row changes.


BAD_FILES = {
    "wrong type": ("список.pdf", b"%PDF-1.4 ...", "Загрузите файл .xlsx или .csv."),
    "pdf renamed to xlsx": ("список.xlsx", b"%PDF-1.4 ...", "это не книга Excel"),
    "word document renamed to xlsx": (
        "список.xlsx",
        zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}),
        "это не книга Excel",
    ),
    "xlsx renamed to csv": ("список.csv", mentees_xlsx(ADULT_MENTEE), "внутри не текст CSV"),
    "binary renamed to csv": ("список.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "это не текст"),
    "csv in an unknown encoding": (
        "список.csv",
        "Фамилия;Имя\n".encode() + b"\x98\xff",
        "кодировке UTF-8 или Windows-1251",
    ),
    "old xls": ("список.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Старый формат .xls"),
    "zip bomb": (
        "список.xlsx",
        zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>", "xl/sheet.xml": "0" * 30_000_000}),
        "распаковывается в слишком большой объём",
    ),
    "empty file": ("список.csv", b"", "Отправленный файл пуст."),
}


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_refused_at_once_with_a_message(world, director, capture, name, content, message):
    before, jobs_before = people_count(world), last_job()
    response = upload(director, world, capture, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert last_job() == jobs_before  # refused before any job or stored file
    assert people_count(world) == before


def test_a_file_over_the_size_limit_is_refused(world, director, capture, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    content = mentees_csv(*({**ADULT_MENTEE, "Примечания": "х" * 2000, "Фамилия": f"Ф{n}"} for n in range(400)))
    assert len(content) > settings.IMPORT_MAX_BYTES
    response = upload(director, world, capture, "большой.csv", content)
    assert "Файл больше 1 МБ" in response.content.decode()


def test_an_xlsx_unpacking_beyond_the_limit_is_refused_before_it_is_opened(world, director, capture, settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 1000
    response = upload(director, world, capture, "список.xlsx", mentees_xlsx(ADULT_MENTEE))
    assert "распаковывается в слишком большой объём" in response.content.decode()


FILE_ERRORS = {
    "no data rows": (xlsx_bytes(["Фамилия", "Имя"], [[None, ""]]), "В файле нет ни одной строки с данными."),
    "missing required column": (
        xlsx_bytes(["Фамилия", "Отчество"], [["Орлова", "Игоревна"]]),
        "Нет обязательных столбцов: «Имя».",
    ),
    "unknown column": (
        xlsx_bytes(["Фамилия", "Имя", "Категории поддержки"], [["Орлова", "Анна", "ОВЗ"]]),
        "Неизвестные столбцы: «Категории поддержки».",
    ),
    "data without a header": (
        xlsx_bytes(["Фамилия", "Имя"], [["Орлова", "Анна", "лишнее"]]),
        "В столбце C есть данные",
    ),
    "empty sheet": (xlsx_bytes([], []), "В первой строке файла нет заголовков"),
}


@pytest.mark.parametrize(("content", "message"), FILE_ERRORS.values(), ids=FILE_ERRORS.keys())
def test_a_file_that_cannot_be_read_fails_the_job_with_a_message_and_is_deleted(
    world, director, capture, content, message
):
    before = people_count(world)
    page = upload(director, world, capture, "список.xlsx", content).content.decode()
    job = last_job()
    assert job.status == Job.Status.FAILED
    assert message in job.error and message in page
    assert not job.input_file
    assert people_count(world) == before


def long_name():
    return "Ы" * 200


ROW_ERRORS = {
    "impossible date": ({"Дата рождения": "31.02.2010"}, "Дата рождения", "Такой даты нет в календаре: «31.02.2010»."),
    "unreadable date": ({"Дата рождения": "весной"}, "Дата рождения", "Дата «весной» не распознана"),
    "future birth date": (
        {"Дата рождения": "01.01.2999", "Законный представитель: ФИО": "Иванова", "Кем приходится": "мать"},
        "Дата рождения",
        "Дата рождения не может быть в будущем.",
    ),
    "another school": (
        {"Образовательная организация": "Школа Б"},
        "Образовательная организация",
        "Строка относится к другой организации («Школа Б»), а загрузка идёт в «Школа А».",
    ),
    "200-character name": ({"Фамилия": long_name()}, "Фамилия", "не более 100 символов (сейчас 200)"),
    "html": ({"Примечания": "<script>alert(1)</script>"}, "Примечания", "Уберите HTML-разметку"),
    "unknown tag": ({"Запросы": "Космонавтика"}, "Запросы", "«Космонавтика»"),
    "unknown label": (
        {"Категория": "ученик"},
        "Категория",
        "«ученик» — нет такого значения. Допустимые: «обучающийся»",
    ),
    "missing first name": ({"Имя": ""}, "Имя", "Это поле не может быть пустым."),
    "bad e-mail": ({"Электронная почта": "anna@"}, "Электронная почта", "Введите правильный адрес электронной почты."),
    "not a number": (
        {"Категория": "педагог", "Педагогический стаж, лет": "пять"},
        "Педагогический стаж, лет",
        "Нужно целое число, а не «пять».",
    ),
    "experience of a pupil": ({"Педагогический стаж, лет": "3"}, "Педагогический стаж, лет", "только для педагогов"),
    "minor without representative": (
        {"Дата рождения": "01.09.2015", "Кем приходится": "мать"},
        "Законный представитель: ФИО",
        "Наставляемый несовершеннолетний: укажите законного представителя.",
    ),
}


@pytest.mark.parametrize(("changes", "column", "message"), ROW_ERRORS.values(), ids=ROW_ERRORS.keys())
def test_a_bad_row_is_shown_with_its_line_column_and_message(world, director, capture, changes, column, message):
    content = mentees_xlsx(ADULT_MENTEE, {**ADULT_MENTEE, "Фамилия": "Соколова", **changes})
    before = people_count(world)
    page = upload(director, world, capture, "список.xlsx", content).content.decode()
    job = last_job()
    assert job.status == Job.Status.READY
    errors = preview_errors(job)
    assert len(errors) == 1, errors
    line, found_column, found_message = errors[0]
    assert (line, found_column) == (3, column)
    assert message in found_message
    assert "Импортировать (" not in page
    assert people_count(world) == before


def test_the_school_column_accepts_the_short_or_the_full_name(world, director, capture):
    content = mentees_xlsx(
        {**ADULT_MENTEE, "Образовательная организация": "школа а"},
        {**ADULT_MENTEE, "Фамилия": "Соколова", "Образовательная организация": world.school.name},
        {**ADULT_MENTEE, "Фамилия": "Белова", "Образовательная организация": ""},
    )
    upload(director, world, capture, "список.xlsx", content)
    assert last_job().result["errors"] == []


# The job page, its owner, and abandoned files.


def test_a_job_is_seen_only_by_the_user_who_started_it(world, capture):
    owner = world.client_for(world.users[Role.CURATOR])
    upload(owner, world, capture, "9В-секретный.xlsx", mentees_xlsx(ADULT_MENTEE))
    job = last_job()
    other_curator = make_user("curator2@a.test", last_name="Другой")
    Membership.objects.create(user=other_curator, role=Role.CURATOR, organization=world.school)
    client = world.client_for(other_curator)
    before = people_count(world)
    for name, method in [("import_job", "get"), ("import_job_progress", "get"), ("import_job_confirm", "post"),
                         ("import_job_recheck", "post")]:  # fmt: skip
        with capture(execute=True):
            response = getattr(client, method)(school_url(world, name, pk=job.pk))
        assert response.status_code == 404, name
    assert people_count(world) == before
    job.refresh_from_db()
    assert job.status == Job.Status.READY
    assert owner.get(school_url(world, "import_job", pk=job.pk)).status_code == 200
    assert "9В-секретный.xlsx" in owner.get(school_url(world, "mentee_import")).content.decode()
    assert "9В-секретный.xlsx" not in client.get(school_url(world, "mentee_import")).content.decode()


def test_the_progress_fragment_polls_while_the_job_runs_and_stops_when_it_is_done(world, director, capture):
    upload(director, world, capture, "список.xlsx", mentees_xlsx(ADULT_MENTEE))
    job = last_job()
    with scopes_disabled():
        Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, progress=500, total=2000)
    fragment = director.get(school_url(world, "import_job_progress", pk=job.pk)).content.decode()
    assert 'hx-trigger="every 1s"' in fragment and 'hx-get="' in fragment
    assert '<progress class="w-100" value="500" max="2000"' in fragment
    assert "500 из 2000 строк (25%)" in fragment
    assert "style=" not in fragment and "<script" not in fragment  # the CSP forbids inline styles and scripts
    with scopes_disabled():
        Job.objects.filter(pk=job.pk).update(status=Job.Status.READY)
    fragment = director.get(school_url(world, "import_job_progress", pk=job.pk)).content.decode()
    assert "hx-trigger" not in fragment and "Ошибок нет" in fragment


def test_an_abandoned_preview_loses_its_file_and_its_rows(world, director, capture):
    upload(director, world, capture, "старый.xlsx", mentees_xlsx(ADULT_MENTEE))
    old = last_job()
    upload(director, world, capture, "новый.xlsx", mentees_xlsx({**ADULT_MENTEE, "Фамилия": "Новикова"}))
    fresh = last_job()
    old_path, fresh_path = Path(old.input_file.path), Path(fresh.input_file.path)
    stale = timezone.now() - timedelta(hours=django_settings.IMPORT_PREVIEW_TTL_HOURS + 1)
    with scopes_disabled():
        Job.objects.filter(pk=old.pk).update(updated_at=stale)
    with capture(execute=True):  # the beat task sends one task per school after its commit
        expire_import_previews.delay()
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert not old_path.exists() and not old.input_file
    assert old.result == {} and old.status == Job.Status.FAILED and "Загрузите файл заново" in old.error
    assert fresh_path.exists() and fresh.status == Job.Status.READY and fresh.result["rows"]
    page = director.get(school_url(world, "import_job", pk=old.pk)).content.decode()
    assert "Загрузите файл заново" in page and "Импортировать (" not in page


# Speed: the queries of an import do not grow with the rows.


def import_queries(world, capture, rows):
    people = [
        {**ADULT_MENTEE, "Фамилия": f"Фамилия{rows}-{n}", "Запросы": TAG, "Образовательная организация": "Школа А"}
        for n in range(rows)
    ]
    with tenant_scope(world.school):
        with capture() as after_commit:
            job = imports.start_import(
                base="mentees",
                upload_name="список.xlsx",
                data=mentees_xlsx(*people),
                fmt="xlsx",
                user=world.users[Role.DIRECTOR],
                tenant=world.school,
            )
        store_file, _send_task = after_commit
        store_file()  # the task is run here, where its queries are counted
        with CaptureQueriesContext(connection) as preview:
            lifecycle.run(job.pk, job.attempt)
        job.refresh_from_db()
        assert job.result["valid"] == rows
        imports.confirm(job)
        with CaptureQueriesContext(connection) as writing:
            lifecycle.run(job.pk, job.attempt)
        job.refresh_from_db()
        assert job.result["created"] == rows
    return len(preview), len(writing)


def test_import_queries_do_not_grow_with_the_number_of_rows(world, capture):
    assert import_queries(world, capture, 10) == import_queries(world, capture, 100)
