"""The one lifecycle of long work: pending → running → ready / failed.

- ``create`` stores the row and, after the commit, the uploaded file (so a rolled-back request leaves no
  file behind) and then queues the first phase (``core.queue.enqueue_job``).
- The task calls ``run``: it claims the job for the attempt its message carries (a job found running was
  left by a worker that died, and runs again from the start), runs the kind's phase with a progress
  callback that is also the job's sign of life, and stores the result, or fails with the reason.
- ``restart`` queues a phase again (an import's write after its check; a failed job's «Запустить ещё раз»
  through ``retry``); each restart is a new attempt, so a late message of an earlier one does nothing.
- ``fail_stale`` (beat) fails every job silent for longer than a task can live, with «Запустить ещё раз».
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ..models import Job
from ..tenancy import tenant_scope
from .registry import JobRefused, kind_of

logger = logging.getLogger(__name__)

INTERNAL_ERROR = "Не удалось выполнить задание из-за внутренней ошибки. Попробуйте запустить ещё раз."
STALE = "Задание прервано: обработчик остановился, не закончив работу. Запустите его ещё раз — кнопка ниже."
ACTIVE = (Job.Status.PENDING, Job.Status.RUNNING)


def create(*, tenant, user, kind: str, params: dict | None = None, upload: tuple[str, bytes] | None = None) -> Job:
    """A pending job of ``kind`` for ``user`` in ``tenant``, its first phase queued after the commit.

    ``upload`` is the input file (a stored name, its bytes); it is written once the transaction commits,
    under the tenant's folder, before the task is sent.
    """
    phase = kind_of(kind).phases[0]
    job = Job(user=user, kind=kind, params={**(params or {}), "phase": phase})
    job.tenant = tenant
    job.save()
    if upload is not None:
        name, data = upload
        transaction.on_commit(lambda: _store_input(job, name, data))
    _send(job)
    return job


def _store_input(job: Job, name: str, data: bytes) -> None:
    job.input_file.save(name, ContentFile(data), save=False)
    with tenant_scope(job.tenant):  # after the commit, perhaps outside the request's scope
        Job.objects.filter(pk=job.pk).update(input_file=job.input_file.name)


def _send(job: Job) -> None:
    from ..queue import enqueue_job

    enqueue_job(job)


def restart(job: Job, phase: str, *, from_statuses) -> bool:
    """Queue ``phase`` of a job that is still in one of ``from_statuses`` (checked in the UPDATE itself, so
    that a double click runs it once), as a new attempt; False when it is not."""
    updated = Job.objects.filter(pk=job.pk, status__in=from_statuses).update(
        status=Job.Status.PENDING,
        attempt=job.attempt + 1,
        progress=0,
        total=0,
        error="",
        params={**job.params, "phase": phase},
        updated_at=timezone.now(),
    )
    job.refresh_from_db()
    if updated:
        _send(job)
    return bool(updated)


def retry(job: Job) -> bool:
    """«Запустить ещё раз»: a failed job runs its phase again; False when it has not failed."""
    return restart(job, job.phase, from_statuses=(Job.Status.FAILED,))


def claim(job_id: int, attempt: int) -> Job | None:
    """Take the job for this run: queued, failed by the sweep, or left running by a worker that died; never
    a ready job, nor one whose attempt has moved on. None when there is nothing to do."""
    claimed = Job.objects.filter(pk=job_id, attempt=attempt).exclude(status=Job.Status.READY)
    if not claimed.update(status=Job.Status.RUNNING, progress=0, total=0, error="", updated_at=timezone.now()):
        return None
    return Job.objects.select_related("user").get(pk=job_id)


def run(job_id: int, attempt: int) -> None:
    """The task's body: run the claimed job's phase and store what it gave."""
    job = claim(job_id, attempt)
    if job is None:
        return
    kind = kind_of(job.kind)
    phase = job.phase

    def progress(done: int, total: int | None = None) -> None:
        fields = {"progress": done, "updated_at": timezone.now()}
        if total is not None:
            fields["total"] = total
        Job.objects.filter(pk=job.pk, attempt=attempt).update(**fields)

    try:
        result, rendered = kind.run(job, phase, progress)
    except JobRefused as refusal:
        fail(job, refusal.message, keep_input=refusal.keep_input, result=refusal.result)
        return
    except Exception:
        logger.exception("Job %s (%s, %s) failed", job.pk, job.kind, phase)
        fail(job, INTERNAL_ERROR)
        return
    job.refresh_from_db()
    if job.attempt != attempt:
        return  # restarted meanwhile: the newer attempt stores its own result
    if rendered is not None:
        if job.output_file:
            job.output_file.delete(save=False)
        job.output_file.save(rendered.filename, ContentFile(rendered.content), save=False)
        result = {"filename": rendered.filename, "mimetype": rendered.mimetype, "size": len(rendered.content)}
    job.status = Job.Status.READY
    job.progress = job.total = max(job.total, 1)
    job.result = result
    job.save(update_fields=["output_file", "status", "progress", "total", "result", "updated_at"])
    kind.finished(job, phase)


def fail(job: Job, message: str, *, keep_input: bool = True, result: dict | None = None) -> None:
    """Mark the job failed with the reason the user reads; its uploaded file is deleted unless kept."""
    if not keep_input and job.input_file:
        job.input_file.delete(save=False)
    with tenant_scope(job.tenant):  # also called after a commit, when the broker refused the task
        _failed(job, message, result)


def _failed(job: Job, message: str, result: dict | None) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.FAILED,
        error=message,
        result=result or {},
        input_file=job.input_file.name or "",
        updated_at=timezone.now(),
    )


def fail_stale(older_than) -> int:
    """Mark failed every job of the current scope still pending or running whose last sign of life is
    older than ``older_than`` (past the task's hard time limit and the broker's redelivery): a worker that
    died and a message that was lost leave no job «in progress» forever. Returns how many were failed."""
    return Job.objects.filter(status__in=ACTIVE, updated_at__lt=older_than).update(
        status=Job.Status.FAILED, error=STALE
    )
