"""Files made by a job: rendered documents and reports, with the one long-job pattern.

The view calls ``start`` (a ``Job`` bound to the tenant and the user, the task sent after commit) and
redirects to the job's page; the task calls ``run``, which asks the registered renderer for the file and
stores it on the job. A job only its owner sees, in its own tenant; a failed one says why and runs again.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

from documents.rendering import RenderRefused, UnknownKind, renderer_for
from mentoring.models import Job, Municipality, Organization

logger = logging.getLogger(__name__)

IMPORT_PREFIX = "import_"
QUEUE_DOWN = (
    "Очередь заданий сейчас недоступна, файл не поставлен в работу. Попробуйте ещё раз через несколько минут: "
    "кнопка «Запустить ещё раз» ниже."
)
# What a broker that does not answer raises once the bounded publish retries of the settings are spent.
BROKER_ERRORS = (KombuOperationalError, RedisError, ConnectionError, OSError)
INTERNAL_ERROR = "Не удалось подготовить файл из-за внутренней ошибки. Попробуйте запустить ещё раз."


def file_jobs_of(user):
    """The file jobs a user may see: their own, in the current tenant (the scope)."""
    return Job.objects.filter(user=user).exclude(kind__startswith=IMPORT_PREFIX)


def start(*, tenant: Organization | Municipality, user, kind: str, fmt: str, params: dict | None = None) -> Job:
    """Queue the rendering of ``kind`` as ``fmt``; the task is sent after the transaction commits."""
    renderer = renderer_for(kind)
    if fmt not in renderer.formats:
        raise ValueError(f"{kind} has no format {fmt}")
    job = Job(user=user, kind=kind, params={**(params or {}), "fmt": fmt})
    if isinstance(tenant, Organization):
        job.organization = tenant
    else:
        job.municipality = tenant
    job.save()
    _enqueue(job)
    return job


def retry(job: Job) -> bool:
    """Run a failed job again; False when it is not failed."""
    if not Job.objects.filter(pk=job.pk, status=Job.Status.FAILED).update(
        status=Job.Status.PENDING, error="", progress=0, updated_at=timezone.now()
    ):
        return False
    _enqueue(job)
    return True


def _enqueue(job: Job) -> None:
    from mentoring.tasks import render_file

    if job.organization_id:
        tenant_id = {"organization_id": job.organization_id}
    else:
        tenant_id = {"municipality_id": job.municipality_id}

    def send():
        """Sent after the commit; with the broker down the request ends at once and the job says why."""
        try:
            render_file.delay(job_id=job.pk, **tenant_id)
        except BROKER_ERRORS as error:
            logger.warning("Broker unavailable, job %s not queued: %s", job.pk, error)
            _fail(job, QUEUE_DOWN)

    transaction.on_commit(send)


def run(job_id: int) -> None:
    """Render the job's file (the task's body). Idempotent: a ready job is left alone; a job found running
    (its worker died and the task was delivered again) is rendered again from the start."""
    job = Job.objects.filter(pk=job_id).exclude(kind__startswith=IMPORT_PREFIX).first()
    if job is None or job.status == Job.Status.READY:
        return
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, error="", progress=0, updated_at=timezone.now())

    def progress(done: int, total: int) -> None:
        Job.objects.filter(pk=job.pk).update(progress=done, total=total, updated_at=timezone.now())

    renderer = renderer_for(job.kind)
    try:
        source = renderer.load(job.params, tenant=job.tenant, user=job.user, progress=progress)
        rendered = renderer.render(source, job.params["fmt"])
    except RenderRefused as refusal:
        _fail(job, str(refusal))
        return
    except Exception:
        logger.exception("Rendering job %s (%s) failed", job.pk, job.kind)
        _fail(job, INTERNAL_ERROR)
        return
    job.refresh_from_db()
    if job.output_file:
        job.output_file.delete(save=False)
    job.output_file.save(rendered.filename, ContentFile(rendered.content), save=False)
    job.status = Job.Status.READY
    job.progress = job.total = max(job.total, 1)
    job.result = {"filename": rendered.filename, "mimetype": rendered.mimetype, "size": len(rendered.content)}
    job.save(update_fields=["output_file", "status", "progress", "total", "result", "updated_at"])


STALE = "Задание прервано: обработчик остановился, не закончив работу. Запустите его ещё раз — кнопка ниже."


def fail_stale(older_than) -> int:
    """Mark failed every file job still pending or running whose last sign of life is older than
    ``older_than`` (a moment past the task's hard time limit and the broker's redelivery): a worker that died
    and a message that was lost leave no job «in progress» forever. Returns how many were failed."""
    return (
        Job.objects.filter(status__in=(Job.Status.PENDING, Job.Status.RUNNING), updated_at__lt=older_than)
        .exclude(kind__startswith=IMPORT_PREFIX)
        .update(status=Job.Status.FAILED, error=STALE)
    )


def _fail(job: Job, message: str) -> None:
    Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, error=message, updated_at=timezone.now())


def title_of(job: Job) -> str:
    try:
        return renderer_for(job.kind).title or job.kind
    except UnknownKind:  # a file made by a renderer that no longer exists still downloads
        return "Файл"
