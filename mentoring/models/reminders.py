"""Reminders the portal sends on its own (daily, Celery beat): what went to whom, and which a school sends."""

from django.conf import settings
from django.db import models
from django_scopes import ScopedManager

from core.models import Organization


class ReminderKind(models.TextChoices):
    QUIET_PAIR = "quiet_pair", "наставнику: пара без встреч больше 30 дней"
    OVERDUE_ACTIVITY = "overdue_activity", "куратору: мероприятие программы просрочено"


class ReminderSettings(models.Model):
    """Which reminders a school sends (all of them unless the curator switched some off)."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="+")
    quiet_pair = models.BooleanField(ReminderKind.QUIET_PAIR.label, default=True)
    overdue_activity = models.BooleanField(ReminderKind.OVERDUE_ACTIVITY.label, default=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "настройки напоминаний"
        verbose_name_plural = "настройки напоминаний"

    def __str__(self):
        return f"Напоминания: {self.organization}"


class Reminder(models.Model):
    """One reminder sent: at most one per kind, object and period to a person (the unique constraint)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("напоминание", max_length=20, choices=ReminderKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="кому")
    object_key = models.CharField(max_length=40)  # "pair:12", "activity:7"
    period = models.CharField(max_length=20)  # the period it belongs to; "once" for a one-time reminder
    text = models.CharField("текст", max_length=500)
    sent_at = models.DateTimeField("отправлено", auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "напоминание"
        verbose_name_plural = "напоминания"
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "user", "object_key", "period"], name="reminder_once_per_period")
        ]

    def __str__(self):
        return self.text
