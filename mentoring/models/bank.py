"""The municipal bank of mentors (seed 001 §4.6.2, §4.8.2): mentors a school lists for the other schools of its
municipality, and the requests those schools send them.

A ``BankEntry`` belongs to the mentor's school; a ``BankRequest`` to the requesting school (the mentee's, which
owns the mentee's data and, once both the mentor and the mentor's director accept, the pair). The request's
``entry`` is the only reference from one school's rows to another's; it is read only through
``mentoring.services.bank_crossing``.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django_scopes import ScopedManager

from core.models import Organization

from .pairs import Pair
from .people import Mentee, Mentor
from .programmes import Programme


class BankEntry(models.Model):
    """A mentor of this school listed in the municipality's bank: their subject, competencies and the places they
    offer to other schools — nothing else of the mentor leaves the school."""

    class Status(models.TextChoices):
        LISTED = "listed", "в банке"
        LEFT = "left", "вышел из банка"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    mentor = models.OneToOneField(Mentor, on_delete=models.CASCADE, related_name="bank_entry", verbose_name="наставник")
    subject = models.CharField("предмет", max_length=100)
    competencies = models.TextField("компетенции", help_text="Через запятую: «подготовка к ОГЭ, проектная работа».")
    places = models.PositiveSmallIntegerField(
        "мест для других школ", default=1, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.LISTED)
    listed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    listed_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField("вышел из банка", null=True, blank=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "наставник в банке"
        verbose_name_plural = "банк наставников"
        ordering = ["subject", "pk"]

    def __str__(self):
        return f"{self.mentor.full_name} ({self.subject})"


class BankRequest(models.Model):
    """A school's request to a mentor of the bank for one of its mentees; the pair exists once the mentor and then
    the mentor's director accept."""

    class Status(models.TextChoices):
        SENT = "sent", "ждёт ответа наставника"
        MENTOR_ACCEPTED = "mentor_accepted", "наставник согласен, ждёт решения руководителя"
        ACCEPTED = "accepted", "принята, пара сформирована"
        DECLINED = "declined", "отклонена"

    class Decider(models.TextChoices):
        MENTOR = "mentor", "наставник"
        DIRECTOR = "director", "руководитель школы наставника"

    OPEN = (Status.SENT, Status.MENTOR_ACCEPTED)

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey(BankEntry, on_delete=models.PROTECT, related_name="requests")
    mentee = models.ForeignKey(Mentee, on_delete=models.PROTECT, related_name="bank_requests")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="bank_requests")
    need = models.TextField("запрос наставляемого")
    planned_end_on = models.DateField("плановое окончание")
    status = models.CharField("состояние", max_length=20, choices=Status.choices, default=Status.SENT)
    declined_by = models.CharField("кто отклонил", max_length=10, choices=Decider.choices, blank=True)
    decline_reason = models.CharField("причина отказа", max_length=500, blank=True)
    mentor_decided_at = models.DateTimeField(null=True, blank=True)
    director_decided_at = models.DateTimeField(null=True, blank=True)
    pair = models.OneToOneField(Pair, null=True, blank=True, on_delete=models.SET_NULL, related_name="bank_request")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "запрос наставника из банка"
        verbose_name_plural = "запросы наставников из банка"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "mentee"],
                condition=Q(status__in=["sent", "mentor_accepted"]),
                name="bank_request_one_open_per_mentee_and_mentor",
                violation_error_message="Запрос этому наставнику для этого наставляемого уже отправлен.",
            )
        ]

    def __str__(self):
        return f"{self.mentee.full_name} → {self.entry_id}"
