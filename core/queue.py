"""The one way to send a Celery task: after the transaction commits, and never into a broker error.

No other module sends tasks. A task sent for a job (``enqueue_job``) that the broker does not take fails the
job at once with the Russian reason and «Запустить ещё раз»; any other task that cannot be sent is logged (the
action that sent it has committed and stands).
"""

import logging

from django.conf import settings
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

from .models.tenants import Municipality, Organization, Region

logger = logging.getLogger(__name__)

QUEUE_DOWN = (
    "Очередь заданий сейчас недоступна, задание не поставлено в работу. Попробуйте ещё раз через несколько "
    "минут: кнопка «Запустить ещё раз» ниже."
)
# What a broker that does not answer raises once the bounded publish retries of the settings are spent.
BROKER_ERRORS = (KombuOperationalError, RedisError, ConnectionError, OSError)


def tenant_ids(tenant: Organization | Municipality | Region) -> dict:
    """The keyword a ``TenantTask`` takes to reload its tenant."""
    if isinstance(tenant, Organization):
        return {"organization_id": tenant.pk}
    if isinstance(tenant, Region):
        return {"region_id": tenant.pk}
    return {"municipality_id": tenant.pk}


# The queues of long jobs, each with its own worker pool in production (settings.JOB_QUEUE_PER_KIND).
JOB_QUEUES = ("documents", "reports", "imports")


def enqueue(task, *, on_broker_error=None, queue: str | None = None, **kwargs) -> None:
    """Send ``task`` with ``kwargs`` (ids, never instances) once the current transaction commits (at once
    outside one), to ``queue`` when given (else the default queue). ``on_broker_error(error)`` runs when the
    broker does not take it."""
    options = {"queue": queue} if queue else {}

    def send():
        try:
            task.apply_async(kwargs=kwargs, **options)
        except BROKER_ERRORS as error:
            logger.warning("Broker unavailable, %s not queued: %s", task.name, error)
            if on_broker_error is not None:
                on_broker_error(error)

    transaction.on_commit(send)


def job_queue(job) -> str | None:
    """The queue of the job's kind when production splits the worker pools by kind, else None (default)."""
    if not settings.JOB_QUEUE_PER_KIND:
        return None
    from .jobs.registry import kind_of

    return kind_of(job.kind).queue_for(job)


def enqueue_job(job) -> None:
    """Queue the current attempt of a job; with the broker down the job fails with ``QUEUE_DOWN``."""
    from .jobs.lifecycle import fail
    from .tasks import run_job

    enqueue(
        run_job,
        on_broker_error=lambda error: fail(job, QUEUE_DOWN),
        queue=job_queue(job),
        job_id=job.pk,
        attempt=job.attempt,
        **tenant_ids(job.tenant),
    )
