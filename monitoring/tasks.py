"""Celery tasks of the monitoring: reminders of a wave, and the monthly snapshot of indicators.

Tasks take ids and run inside their school's scope (``TenantTask``); the reports themselves are rendered by the
one job task (``core.tasks.run_job``).
"""

from celery import shared_task
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.models import Organization
from core.queue import enqueue
from core.tasks import TenantTask
from core.tenancy import absolute_url


@shared_task(base=TenantTask, bind=True)
def send_wave_reminders(self, *, organization_id, wave_id, invitation_ids, tenant=None):
    """E-mail the mentors (and the curator) who have not answered yet. An invitation answered or reminded in
    the meantime is skipped, so a task delivered twice sends nothing twice."""
    from monitoring.models import Invitation, Wave
    from monitoring.models.questionnaires import Respondent
    from monitoring.services import links
    from monitoring.services.questionnaires import remindable

    wave = Wave.objects.filter(pk=wave_id).first()
    if wave is None:
        return
    # Still to be reminded (not answered, not reminded in the last hour): one query.
    invitations = (
        remindable(wave).filter(pk__in=invitation_ids).select_related("questionnaire", "user", "mentor").order_by("pk")
    )
    for invitation in invitations:
        if invitation.user_id:
            email = invitation.user.email
            # The curator answers on the monitoring page, a mentor in «Мои анкеты».
            page = "monitoring_home" if invitation.respondent == Respondent.CURATOR else "my_questionnaires"
            url = absolute_url(reverse(page, kwargs={"org": tenant.slug}))
        else:
            email, url = invitation.mentor.email, links.absolute_link(invitation)
        send_mail(
            subject=f"Напоминание: анкета «{invitation.questionnaire.title}»",
            message=render_to_string(
                "monitoring/email/reminder.txt", {"invitation": invitation, "url": url, "school": tenant}
            ),
            from_email=None,
            recipient_list=[email],
        )
        Invitation.objects.filter(pk=invitation.pk).update(reminded_at=timezone.now())


@shared_task
def take_indicator_snapshots():
    """Monthly (beat): one task per school stores its indicator values for the month."""
    for organization_id in Organization.objects.values_list("pk", flat=True):
        enqueue(take_indicator_snapshot_of, organization_id=organization_id)


@shared_task(base=TenantTask, bind=True)
def take_indicator_snapshot_of(self, *, organization_id, tenant=None):
    """Store one school's values for this month; running it twice in a month updates the same rows."""
    from monitoring.services.indicators import take_snapshot

    take_snapshot(tenant, timezone.localdate())
