"""The platform's tasks and the base class that runs a task inside its tenant's scope."""

from datetime import timedelta

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from .models import Municipality, Notification, Organization, Region
from .tenancy import absolute_url, tenant_scope


class TenantTask(DjangoTask):
    """A task that works for one tenant: it takes ``organization_id`` or ``municipality_id`` (never an
    instance), reloads the tenant, runs inside its scope and passes it to the task as ``tenant`` (declare
    it as ``tenant=None``). Tasks retry a few times on a lost connection."""

    autoretry_for = (ConnectionError,)
    max_retries = 3
    retry_backoff = True

    def __call__(self, *args, **kwargs):
        if "organization_id" in kwargs:
            tenant = Organization.objects.get(pk=kwargs["organization_id"])
        elif "municipality_id" in kwargs:
            tenant = Municipality.objects.get(pk=kwargs["municipality_id"])
        elif "region_id" in kwargs:
            tenant = Region.objects.get(pk=kwargs["region_id"])
        else:
            raise TypeError(f"{self.name} needs organization_id, municipality_id or region_id.")
        with tenant_scope(tenant):
            return super().__call__(*args, tenant=tenant, **kwargs)


@shared_task(base=TenantTask, bind=True)
def run_job(self, *, job_id, attempt, organization_id=None, municipality_id=None, region_id=None, tenant=None):
    """Run the current phase of a job (``core.jobs.lifecycle``)."""
    from .jobs import lifecycle

    lifecycle.run(job_id, attempt)


@shared_task
def fail_stale_jobs():
    """Every 15 minutes (beat): jobs of every kind silent for longer than a task can live are marked failed,
    with the reason, so their pages offer «Запустить ещё раз» instead of a progress bar forever."""
    from .jobs import lifecycle

    # Past the hard time limit and the visibility timeout, no worker can still be working on it.
    silence = timedelta(seconds=settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + 60)
    cutoff = timezone.now() - silence
    failed = 0
    for tenant in [*Organization.objects.all(), *Municipality.objects.all(), *Region.objects.all()]:
        with tenant_scope(tenant):
            failed += lifecycle.fail_stale(cutoff)
    return failed


@shared_task(base=TenantTask, bind=True)
def email_notifications(self, *, notification_ids, organization_id=None, municipality_id=None, tenant=None):
    """E-mail each notification once (a retried task does not send twice)."""
    unsent = Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).select_related("user")
    for notification in unsent:
        send_mail(
            subject=f"Портал наставничества: {notification.text[:120]}",
            message=f"{notification.text}\n\nОткрыть в портале: {absolute_url(notification.url)}\n",
            from_email=None,
            recipient_list=[notification.user.email],
        )
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
