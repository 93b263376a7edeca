"""Importing the bases from a spreadsheet, as a job of two phases on the one lifecycle (``core.jobs``):
upload → check every row (the preview) → confirm → write.

The whole file is imported or nothing is. Rows are validated by the resources of ``mentoring.resources``
(one pass, lookups loaded once); the people are written with ``COPY`` on PostgreSQL (``core.bulk_insert``) inside
one transaction, their tags through the relation's table. The uploaded file holds personal data: it is deleted
after the import, when the file cannot be read, and when an abandoned preview expires.
"""

import logging
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

import tablib
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.audit import log_action
from core.bulk_insert import bulk_insert
from core.jobs import lifecycle
from core.jobs.registry import JobKind, JobRefused, register_job_kind
from core.models import Job, Organization
from mentoring.models import PartnerOrganization, Tag
from mentoring.resources.person import person_key
from mentoring.resources.registry import RESOURCES
from mentoring.resources.widgets import normalized, plain_text
from mentoring.services.uploads import Table, UploadError, read_table

logger = logging.getLogger(__name__)

JOB_KINDS = {"mentees": "import_mentees", "mentors": "import_mentors"}
BASE_OF_KIND = {job_kind: base for base, job_kind in JOB_KINDS.items()}
BASE_NAMES = {"mentees": "наставляемые", "mentors": "наставники"}
PREVIEW_ROWS = 200
PROGRESS_EVERY = 500  # rows between two progress writes
PREVIEW, IMPORT = "preview", "import"
EXPIRED = "Файл удалён: предпросмотр не подтверждён вовремя. Загрузите файл заново."


class BaseChanged(Exception):
    """Between the check and the write, the base or its lists changed: nothing is written."""


@dataclass
class Validation:
    """Every row of a file checked: the people ready to be created, and every error found."""

    headers: list[str]
    total: int = 0
    people: list = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    preview_rows: list[dict] = field(default_factory=list)

    def preview(self) -> dict:
        return {
            "headers": self.headers,
            "rows": self.preview_rows,
            "total": self.total,
            "valid": len(self.people),
            "invalid": len({error["line"] for error in self.errors}),
            "errors": self.errors,
        }


def import_jobs_of(user):
    """The import jobs a user may see: their own, in the current school (the scope)."""
    return Job.objects.filter(user=user, kind__in=JOB_KINDS.values())


def base_of(job: Job) -> str:
    return BASE_OF_KIND[job.kind]


def start_import(*, base: str, upload_name: str, data: bytes, fmt: str, user, tenant) -> Job:
    """A pending import job; its file is stored and its check queued after the commit."""
    # The stored name is random: the user's file name (often a class or a surname) stays in params only.
    return lifecycle.create(
        tenant=tenant,
        user=user,
        kind=JOB_KINDS[base],
        params={"filename": upload_name[-200:], "format": fmt},
        upload=(f"{uuid.uuid4().hex}.{fmt}", data),
    )


def recheck(job: Job) -> bool:
    """Check the stored file again (the school's lists may have been fixed); False when the file is gone or
    the job is running."""
    return bool(job.input_file) and lifecycle.restart(job, PREVIEW, from_statuses=(Job.Status.READY, Job.Status.FAILED))


def can_confirm(job: Job) -> bool:
    """A checked file without errors, still on the server."""
    return (
        job.status == Job.Status.READY
        and job.phase == PREVIEW
        and bool(job.input_file)
        and not job.result.get("errors")
        and bool(job.result.get("valid"))
    )


def confirm(job: Job) -> bool:
    """Start the write of a preview without errors; False if it is not (or no longer) in that state."""
    return can_confirm(job) and lifecycle.restart(job, IMPORT, from_statuses=(Job.Status.READY,))


def read_job_file(job: Job) -> bytes:
    with job.input_file.open("rb") as stream:
        return stream.read()


def columns_of(table: Table, resource_class) -> list[str]:
    """The file's headers as the resource's column names; unknown, missing or repeated columns are refused."""
    known = {normalized(name): name for name in resource_class.column_names()}
    columns, unknown = [], []
    for header in table.headers:
        if not header:
            columns.append("")
            continue
        name = known.get(normalized(header.rstrip("*").strip()))
        if name is None:
            unknown.append(header)
        columns.append(name or header)
    if unknown:
        allowed = ", ".join(f"«{name}»" for name in resource_class.column_names())
        listed = ", ".join(f"«{name}»" for name in unknown)
        raise UploadError(f"Неизвестные столбцы: {listed}. Допустимые столбцы: {allowed}.")
    repeated = sorted({name for name in columns if name and columns.count(name) > 1})
    if repeated:
        raise UploadError(f"Столбцы повторяются: {', '.join(f'«{name}»' for name in repeated)}.")
    missing = [name for name in resource_class.required_columns if name not in columns]
    if missing:
        raise UploadError(f"Нет обязательных столбцов: {', '.join(f'«{name}»' for name in missing)}.")
    return columns


def validate(job: Job, tenant: Organization, progress) -> Validation:
    """Read the job's file and check every row; progress is written every ``PROGRESS_EVERY`` rows."""
    base = base_of(job)
    table = read_table(job.params.get("format", "xlsx"), read_job_file(job))
    resource_class = RESOURCES[base]
    columns = columns_of(table, resource_class)
    kept = [index for index, name in enumerate(columns) if name]
    headers = [columns[index] for index in kept]
    dataset = tablib.Dataset(*([row[index] for index in kept] for row in table.rows), headers=headers)
    total = len(dataset)
    progress(0, total)

    def on_row(done):
        if done % PROGRESS_EVERY == 0:
            progress(done)

    resource = resource_class(tenant, on_row=on_row)
    resource.line_numbers = table.lines
    result = resource.validate_rows(dataset)
    if result.base_errors:
        raise result.base_errors[0].error
    validation = Validation(headers=headers, total=total)
    for number, row_result in enumerate(result.rows, start=1):
        line = table.lines[number - 1]
        row_errors = row_messages(resource, row_result, line)
        validation.errors.extend(row_errors)
        if not row_errors:
            validation.people.append(row_result.instance)
        if number <= PREVIEW_ROWS:
            cells = [plain_text(value) for value in dataset[number - 1]]
            validation.preview_rows.append({"line": line, "cells": cells, "ok": not row_errors})
    progress(total)
    return validation


def row_messages(resource, row_result, line: int) -> list[dict]:
    """The errors of one row as the preview shows them: line, column, message."""
    if row_result.errors:  # an unexpected exception in the row: logged, and reported without its internals
        for error in row_result.errors:
            logger.error("Import row %s failed: %r", line, error.error)
        return [{"line": line, "column": "", "message": "Строку не удалось обработать."}]
    if row_result.validation_error is None:
        return []
    messages = []
    for key, texts in row_result.validation_error.message_dict.items():
        column = resource.column_of(key)
        messages.extend({"line": line, "column": column, "message": text} for text in texts)
    return messages


@register_job_kind
class ImportMentees(JobKind):
    """An import of a base: ``preview`` checks every row and stores the preview (first rows, all errors);
    ``import`` checks the file again against the base as it is now, then writes every row or none."""

    code = JOB_KINDS["mentees"]
    title = "Импорт наставляемых"
    phases = (PREVIEW, IMPORT)
    page_url_name = "import_job"
    queue = "imports"

    def run(self, job, phase, progress):
        tenant = job.tenant
        try:
            validation = validate(job, tenant, progress)
            if phase == PREVIEW:
                return validation.preview(), None
            if validation.errors:
                raise BaseChanged("После проверки база изменилась, и в файле появились ошибки (они показаны ниже).")
            created = write(job, validation, tenant)
        except UploadError as error:  # the file cannot get better: it is not kept
            raise JobRefused(error.message, keep_input=False) from None
        except BaseChanged as error:
            message = f"Ничего не импортировано. {error.args[0]}"
            raise JobRefused(message, result=validation.preview()) from None
        result = {"created": len(created), "people": [[p.pk, p.full_name] for p in created[:PREVIEW_ROWS]]}
        return result, None

    def finished(self, job, phase):
        if phase == IMPORT:  # the rows are in the base: the file with the pupils' data goes
            job.input_file.delete(save=False)
            Job.objects.filter(pk=job.pk).update(input_file="")


@register_job_kind
class ImportMentors(ImportMentees):
    code = JOB_KINDS["mentors"]
    title = "Импорт наставников"


def write(job: Job, validation: Validation, tenant: Organization) -> list:
    """Create the checked people and their tags in one transaction, in batches; audit once for all."""
    base = base_of(job)
    resource_class = RESOURCES[base]
    people = validation.people
    try:
        with transaction.atomic():
            # Imports into one school run one after another, so that two cannot both add the same person.
            Organization.objects.select_for_update().filter(pk=tenant.pk).first()
            recheck_against_base(resource_class(tenant), people)
            model = resource_class.model
            created = bulk_insert(model, people)
            relation = getattr(model, resource_class.tag_field)
            owner = f"{model._meta.model_name}_id"
            links = [
                relation.through(**{owner: person.pk, "tag_id": tag_id})
                for person in created
                for tag_id in getattr(person, "import_tag_ids", [])
            ]
            bulk_insert(relation.through, links, with_ids=False)
            log_action(
                "person.imported",
                actor=job.user,
                tenant=tenant,
                changes={
                    "база": [None, BASE_NAMES[base]],
                    "файл": [None, job.params.get("filename", "")],
                    "внесено записей": [None, str(len(created))],
                },
            )
    except IntegrityError:
        raise BaseChanged("Во время импорта изменились списки школы. Проверьте файл снова.") from None
    return created


def recheck_against_base(resource, people) -> None:
    """Inside the write's transaction: nobody of the file is in the base now, every tag and partner exists."""
    existing = resource.base_keys()
    repeated = [p for p in people if person_key(p.last_name, p.first_name, p.patronymic, p.birth_date) in existing]
    if repeated:
        raise BaseChanged(f"Пока файл ждал подтверждения, в базу внесли: {repeated[0].full_name} и др.")
    tag_ids = {tag_id for person in people for tag_id in getattr(person, "import_tag_ids", [])}
    if tag_ids and Tag.objects.filter(pk__in=tag_ids).count() != len(tag_ids):
        raise BaseChanged("Пока файл ждал подтверждения, из списка школы удалили запрос или компетенцию.")
    partner_ids = {person.partner_id for person in people if getattr(person, "partner_id", None)}
    if partner_ids and PartnerOrganization.objects.filter(pk__in=partner_ids).count() != len(partner_ids):
        raise BaseChanged("Пока файл ждал подтверждения, удалили организацию-партнёра.")


def expire_abandoned(tenant: Organization, now=None) -> int:
    """Delete the uploaded files (and stored previews) of import jobs left unconfirmed for too long."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.IMPORT_PREVIEW_TTL_HOURS)
    stale = Job.objects.filter(kind__in=JOB_KINDS.values(), updated_at__lt=cutoff).exclude(input_file="")
    count = 0
    for job in stale:
        job.input_file.delete(save=False)
        job.status = Job.Status.FAILED
        job.error = EXPIRED
        job.result = {}
        job.save(update_fields=["input_file", "status", "error", "result", "updated_at"])
        count += 1
    return count
