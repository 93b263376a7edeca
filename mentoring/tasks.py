"""Celery tasks of the mentoring app: the role invitation, and the hourly care of abandoned imports (the daily
erasure of withdrawn data is ``privacy.tasks``).

Every task is sent through ``core.queue.enqueue`` and runs in its school's scope (``core.tasks.TenantTask``).
"""

from urllib.parse import urlsplit

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
def send_password_reset_email(*, email, use_https=False):
    """The password-reset e-mail, when ``email`` belongs to an active account (Django's own lookup and
    templates; the link points at ``PORTAL_BASE_URL``)."""
    from django.conf import settings
    from django.contrib.auth.forms import PasswordResetForm

    form = PasswordResetForm({"email": email})
    if form.is_valid():
        base = urlsplit(settings.PORTAL_BASE_URL)
        form.save(domain_override=base.netloc, use_https=base.scheme == "https" or use_https)


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
