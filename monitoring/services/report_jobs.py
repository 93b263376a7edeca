"""Asking for a report: one file job (``mentoring.services.files``), with a clear refusal when the queue is down.

``files.start`` sends the task after the commit; the commit here is the end of our own atomic block, so a broker
that does not answer raises right here, after the bounded publish retries of the settings, and the request ends
at once. The job stays, marked failed with the reason, and «Запустить ещё раз» sends it again later.
"""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

from mentoring.models import Job
from mentoring.services import files

logger = logging.getLogger(__name__)

QUEUE_DOWN = (
    "Очередь заданий сейчас недоступна, отчёт не поставлен в работу. Попробуйте ещё раз через несколько минут: "
    "кнопка «Запустить ещё раз» на странице задания."
)


class QueueUnavailable(Exception):
    def __init__(self, job):
        super().__init__(QUEUE_DOWN)
        self.job = job


def request_report(*, tenant, user, kind: str, fmt: str, params: dict) -> Job:
    job = None
    try:
        with transaction.atomic():
            job = files.start(tenant=tenant, user=user, kind=kind, fmt=fmt, params=params)
    except (KombuOperationalError, RedisError, ConnectionError, OSError) as error:
        if job is None:
            raise
        logger.warning("Broker unavailable, job %s not queued: %s", job.pk, error)
        Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, error=QUEUE_DOWN)
        raise QueueUnavailable(job) from error
    return job
