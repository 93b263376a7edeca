"""Celery tasks of the documents app."""

from celery import shared_task
from django.core.mail import send_mail
from django.utils.timezone import now

from mentoring.tasks import absolute_url

from .models import Notification


@shared_task(autoretry_for=(ConnectionError,), max_retries=3, retry_backoff=True)
def email_notifications(*, notification_ids):
    """E-mail each notification once (a retried task does not send twice)."""
    for notification in Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).select_related(
        "user"
    ):
        send_mail(
            subject=f"Портал наставничества: {notification.text[:120]}",
            message=f"{notification.text}\n\nОткрыть в портале: {absolute_url(notification.url)}\n",
            from_email=None,
            recipient_list=[notification.user.email],
        )
        Notification.objects.filter(pk=notification.pk).update(emailed_at=now())
