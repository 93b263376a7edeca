"""The record of one erasure: what was destroyed after a withdrawn consent, and which documents were kept and why.

It holds no personal data: the person is named by the kind of record and its id (the row itself is anonymised),
the kept documents by their title, number and date (an order's title names no one).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django_scopes import ScopedManager

from core.models import Organization
from mentoring.models import Consent


class Erasure(models.Model):
    class Subject(models.TextChoices):
        MENTEE = "mentee", "наставляемый"
        MENTOR = "mentor", "наставник"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    subject_type = models.CharField("чьи данные", max_length=10, choices=Subject.choices)
    subject_id = models.PositiveIntegerField("номер записи")
    due_on = models.DateField("срок удаления")
    done_at = models.DateTimeField("удалено", auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="кто запустил (пусто — по расписанию)",
    )
    destroyed = models.JSONField("что удалено", default=dict, blank=True)  # {what (Russian): how many}
    kept = models.JSONField("что сохранено и почему", default=list, blank=True)  # [{title, number, dated, reason}]

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "удаление персональных данных"
        verbose_name_plural = "удаления персональных данных"
        ordering = ["-done_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "subject_type", "subject_id"], name="one_erasure_per_person"
            )
        ]

    def __str__(self):
        return f"{self.get_subject_type_display()} № {self.subject_id}: удалено {self.done_at:%d.%m.%Y}"


# Years a person's data is kept after their participation ended, by the purpose of the consent; a school edits them.
RETENTION_DEFAULTS = {Consent.Purpose.PERSONAL_DATA: 3, Consent.Purpose.PARTICIPATION: 1}


class RetentionPeriod(models.Model):
    """How long, after a person's participation ended, the school keeps data given for one consent purpose."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    purpose = models.CharField("цель", max_length=20, choices=Consent.Purpose.choices)
    years = models.PositiveSmallIntegerField(
        "срок хранения после окончания участия, лет", validators=[MinValueValidator(1), MaxValueValidator(75)]
    )

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "срок хранения"
        verbose_name_plural = "сроки хранения"
        constraints = [models.UniqueConstraint(fields=["organization", "purpose"], name="one_retention_per_purpose")]

    def __str__(self):
        return f"{self.get_purpose_display()}: {self.years}"
