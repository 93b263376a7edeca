"""Spreadsheets made in the tests (no binary fixtures in the repository), and the import steps a user takes."""

import csv
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled
from openpyxl import Workbook, load_workbook

from core.models import Job

ADULT_MENTEE = {
    "Фамилия": "Орлова",
    "Имя": "Анна",
    "Отчество": "Игоревна",
    "Дата рождения": "17.05.2000",
    "Категория": "студент",
}


def xlsx_bytes(headers, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def csv_bytes(headers, rows, *, encoding="utf-8-sig", delimiter=";") -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return stream.getvalue().encode(encoding)


def table(*people: dict):
    """Headers (in first-seen order) and rows of dicts keyed by column name."""
    headers = list(dict.fromkeys(column for person in people for column in person))
    return headers, [[person.get(column, "") for column in headers] for person in people]


def mentees_xlsx(*people: dict) -> bytes:
    return xlsx_bytes(*table(*people))


def mentees_csv(*people: dict, **options) -> bytes:
    return csv_bytes(*table(*people), **options)


def open_xlsx(content: bytes):
    return load_workbook(io.BytesIO(content))


def zip_bytes(members: dict) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return stream.getvalue()


def school_url(world, name, **kwargs):
    return reverse(name, kwargs={"org": world.school.slug, **kwargs})


def followed(client, response):
    """The page a redirect leads to, fetched after the tasks sent on commit have run."""
    return client.get(response["Location"]) if response.status_code == 302 else response


def upload(client, world, capture, name, content, base="mentees"):
    """Post a file to a base's import form, run the preview task, and return the page the user lands on."""
    with capture(execute=True):
        response = client.post(
            school_url(world, "mentee_import" if base == "mentees" else "mentor_import"),
            {"file": SimpleUploadedFile(name, content)},
        )
    return followed(client, response)


def confirm(client, world, capture, job):
    with capture(execute=True):
        response = client.post(school_url(world, "import_job_confirm", pk=job.pk))
    return followed(client, response)


def last_job() -> Job:
    with scopes_disabled():
        return Job.objects.order_by("-pk").first()
