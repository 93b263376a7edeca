"""The daily erasure of the data whose consent was withdrawn (beat), one task per school."""

from datetime import date

from celery import shared_task

from core.models import Organization
from core.queue import enqueue
from core.tasks import TenantTask


@shared_task
def erase_withdrawn_personal_data(as_of=None):
    """Daily (beat): for every school, erase the people whose withdrawn consent reached its term by ``as_of``
    (ISO date; today when empty)."""
    for organization_id in Organization.objects.values_list("pk", flat=True):
        enqueue(erase_withdrawn_personal_data_of, organization_id=organization_id, as_of=as_of)


@shared_task(base=TenantTask, bind=True)
def erase_withdrawn_personal_data_of(self, *, organization_id, as_of=None, tenant=None):
    """Erase, in one school, everyone due (``privacy.services.erasure``). Running it twice changes nothing."""
    from .services.erasure import erase_due

    erasures = erase_due(tenant, as_of=date.fromisoformat(as_of) if as_of else None)
    return len(erasures)


@shared_task
def remind_expired_retention():
    """Yearly (beat, 1 September): every school whose list «срок хранения истёк» is not empty tells the people
    who edit its bases, with a link to the list."""
    for organization_id in Organization.objects.values_list("pk", flat=True):
        enqueue(remind_expired_retention_of, organization_id=organization_id)


@shared_task(base=TenantTask, bind=True)
def remind_expired_retention_of(self, *, organization_id, tenant=None):
    from .services.retention import remind

    return remind(tenant)
