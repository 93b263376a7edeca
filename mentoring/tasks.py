"""Celery tasks of the mentoring app, and the base class that runs a task inside its tenant's scope."""

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_scopes import scope

from .models import Membership, Municipality, Organization
from .tenancy import tenant_scope


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
        else:
            raise TypeError(f"{self.name} needs organization_id or municipality_id.")
        with scope(**tenant_scope(tenant)):
            return super().__call__(*args, tenant=tenant, **kwargs)


def absolute_url(path: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + path


@shared_task(base=TenantTask, bind=True)
def send_role_granted_email(
    self, *, membership_id, new_account, organization_id=None, municipality_id=None, tenant=None
):
    """Tell a person about the role they were given; a new account gets the link to set a password."""
    membership = Membership.objects.select_related("user").filter(pk=membership_id).first()
    if membership is None or membership.tenant != tenant:
        return  # revoked before the e-mail went out
    user = membership.user
    context = {
        "user": user,
        "membership": membership,
        "tenant": tenant,
        "portal_url": absolute_url(tenant.get_absolute_url()),
    }
    if new_account:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        context["set_password_url"] = absolute_url(
            reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
        )
    send_mail(
        subject=f"Портал наставничества: вам назначена роль «{membership.get_role_display()}»",
        message=render_to_string("mentoring/email/role_granted.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


@shared_task
def erase_withdrawn_personal_data():
    """Daily (beat): for every school, anonymise the people whose withdrawn consent reached its term."""
    for organization_id in Organization.objects.values_list("pk", flat=True):
        erase_withdrawn_personal_data_of.delay(organization_id=organization_id)


@shared_task(base=TenantTask, bind=True)
def erase_withdrawn_personal_data_of(self, *, organization_id, tenant=None):
    """Anonymise, in one school, everyone due; each erasure is audited. Running it twice changes nothing."""
    from .services.people import erase_person, people_due_for_erasure

    for person in people_due_for_erasure():
        erase_person(person, tenant=tenant)


@shared_task(base=TenantTask, bind=True)
def run_import_preview(self, *, organization_id, job_id, tenant=None):
    """Check every row of an uploaded file and store the preview on the job (import, step 1)."""
    from .services.imports import preview_job

    preview_job(job_id, tenant=tenant)


@shared_task(base=TenantTask, bind=True)
def run_import(self, *, organization_id, job_id, tenant=None):
    """Import a confirmed file: every row or none (import, step 2)."""
    from .services.imports import import_job

    import_job(job_id, tenant=tenant)


@shared_task
def expire_import_previews():
    """Hourly (beat): for every school, delete uploaded files whose preview was abandoned."""
    for organization_id in Organization.objects.values_list("pk", flat=True):
        expire_import_previews_of.delay(organization_id=organization_id)


@shared_task(base=TenantTask, bind=True)
def expire_import_previews_of(self, *, organization_id, tenant=None):
    """Delete, in one school, the files (and previews) of import jobs left unconfirmed past the limit."""
    from .services.imports import expire_abandoned

    expire_abandoned(tenant)


@shared_task(base=TenantTask, bind=True)
def render_file(self, *, job_id, organization_id=None, municipality_id=None, tenant=None):
    """Render a document or report for a file job (``mentoring.services.files``)."""
    from .services import files

    files.run(job_id)


@shared_task
def fail_stale_file_jobs():
    """Every 15 minutes (beat): file jobs silent for longer than a task can live are marked failed, with the
    reason, so their pages offer «Запустить ещё раз» instead of a progress bar forever."""
    from datetime import timedelta

    from django.utils import timezone

    from .services import files

    # Past the hard time limit and the visibility timeout, no worker can still be working on it.
    silence = timedelta(seconds=settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + 60)
    cutoff = timezone.now() - silence
    failed = 0
    for tenant in [*Organization.objects.all(), *Municipality.objects.all()]:
        with scope(**tenant_scope(tenant)):
            failed += files.fail_stale(cutoff)
    return failed
