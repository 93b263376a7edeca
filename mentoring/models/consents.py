"""The registry of consents to personal-data processing (152-ФЗ) of mentees and mentors."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django_scopes import ScopedManager

from core.models import Organization

from .people import Mentee, Mentor

# After a withdrawal the data is destroyed within this many days (152-ФЗ art. 21 p. 5).
ERASURE_DAYS = 30


def consent_scan_path(consent, filename):
    return f"consents/{consent.organization_id}/{consent.purpose}-{filename}"


class Consent(models.Model):
    """One consent: what it is for, which text version, who gave it and when, how it is kept, and its withdrawal.

    For a minor it is given by the named legal representative. Since 2025-09-01 a consent to personal-data
    processing is a document of its own, so each purpose is a row of its own.
    """

    class Purpose(models.TextChoices):
        PERSONAL_DATA = "personal_data", "обработка персональных данных"
        PARTICIPATION = "participation", "участие в программе наставничества"

    class Method(models.TextChoices):
        SCAN = "scan", "скан бумажного согласия"
        PAPER = "paper", "подписано на бумаге и зарегистрировано"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    mentee = models.ForeignKey(Mentee, null=True, blank=True, on_delete=models.CASCADE, related_name="consents")
    mentor = models.ForeignKey(Mentor, null=True, blank=True, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField("цель", max_length=20, choices=Purpose.choices, default=Purpose.PERSONAL_DATA)
    text_version = models.CharField("версия текста согласия", max_length=50)
    given_by_name = models.CharField("кто дал согласие (ФИО)", max_length=300)
    given_by_relation = models.CharField(
        "кем приходится", max_length=50, blank=True, help_text="Пусто, если согласие дал сам человек."
    )
    given_at = models.DateTimeField("дата и время согласия")
    method = models.CharField("как хранится", max_length=10, choices=Method.choices, default=Method.PAPER)
    document_number = models.CharField("регистрационный номер", max_length=50, blank=True)
    scan = models.FileField("скан", upload_to=consent_scan_path, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="кто внёс"
    )
    withdrawn_at = models.DateTimeField("отозвано", null=True, blank=True)
    withdrawal_note = models.CharField("основание отзыва", max_length=300, blank=True)
    erasure_due = models.DateField("удалить данные до", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "согласие"
        verbose_name_plural = "согласия"
        ordering = ["-given_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(mentee__isnull=False, mentor__isnull=True) | Q(mentee__isnull=True, mentor__isnull=False),
                name="consent_has_one_subject",
            )
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} — {self.given_by_name} ({self.given_at:%d.%m.%Y})"

    @property
    def subject(self):
        return self.mentee or self.mentor

    @property
    def is_valid(self):
        return self.withdrawn_at is None

    @property
    def by_representative(self):
        return bool(self.given_by_relation)
