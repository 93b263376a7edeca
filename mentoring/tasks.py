"""Celery tasks of the mentoring app: the role invitation, and the daily and hourly care of personal data.

Every task is sent through ``core.queue.enqueue`` and runs in its school's scope (``core.tasks.TenantTask``).
"""

from celery import shared_task
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.models import Membership, Organization
from core.queue import enqueue
from core.tasks import TenantTask
from core.tenancy import absolute_url


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
        enqueue(erase_withdrawn_personal_data_of, organization_id=organization_id)


@shared_task(base=TenantTask, bind=True)
def erase_withdrawn_personal_data_of(self, *, organization_id, tenant=None):
    """Anonymise, in one school, everyone due; each erasure is audited. Running it twice changes nothing."""
    from .services.people import erase_person, people_due_for_erasure

    for person in people_due_for_erasure():
        erase_person(person, tenant=tenant)


@shared_task
def expire_import_previews():
    """Hourly (beat): for every school, delete uploaded files whose preview was abandoned."""
    for organization_id in Organization.objects.values_list("pk", flat=True):
        enqueue(expire_import_previews_of, organization_id=organization_id)


@shared_task(base=TenantTask, bind=True)
def expire_import_previews_of(self, *, organization_id, tenant=None):
    """Delete, in one school, the files (and previews) of import jobs left unconfirmed past the limit."""
    from .services.imports import expire_abandoned

    expire_abandoned(tenant)


@shared_task
def send_reminders():
    """Every morning (beat): each school's due reminders, one task per school."""
    for organization_id in Organization.objects.values_list("pk", flat=True):
        enqueue(send_reminders_of, organization_id=organization_id)


@shared_task(base=TenantTask, bind=True)
def send_reminders_of(self, *, organization_id, tenant=None):
    """One school's due reminders (``mentoring.services.reminders``); running it twice sends nothing more."""
    from .services.reminders import send_due_reminders

    return send_due_reminders(tenant)
