"""The personalised mentoring programme (персонализированная программа наставничества, seed 001 §1.3.7): a
3-month to 1-year programme of one teacher-mentee in a pair or group, whose goals come from the diagnosed
difficulties, with activities, their dates and the expected result of each."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_scopes import ScopedManager

from core.models import Organization
from mentoring.models import Mentee, Pair

from .difficulties import DifficultyArea, DifficultyItem


class PersonalProgramme(models.Model):
    """The personalised programme of ``mentee`` in ``pair`` (one per mentee of a pair or group)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="personal_programmes")
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="personal_programmes")
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")
    strengths = models.TextField("сильные стороны, на которые опирается программа", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "персонализированная программа наставничества"
        verbose_name_plural = "персонализированные программы наставничества"
        ordering = ["-starts_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["pair", "mentee"], name="personal_programme_once_per_mentee")]

    def __str__(self):
        return f"Персонализированная программа: {self.mentee}"

    def get_absolute_url(self):
        return reverse("personal_programme", kwargs={"org": self.organization.slug, "pk": self.pair_id})


class PersonalGoal(models.Model):
    """A goal of the programme: overcoming a diagnosed difficulty (``item``), in words the pair agreed."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(PersonalProgramme, on_delete=models.CASCADE, related_name="goals")
    area = models.CharField("группа затруднений", max_length=20, choices=DifficultyArea.choices)
    item = models.ForeignKey(
        DifficultyItem, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="затруднение"
    )
    text = models.CharField("цель", max_length=400)
    position = models.PositiveSmallIntegerField(default=0)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "цель персонализированной программы"
        verbose_name_plural = "цели персонализированной программы"
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class PersonalActivity(models.Model):
    """An activity of the programme towards one of its goals, with its date and expected result."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(PersonalProgramme, on_delete=models.CASCADE, related_name="activities")
    goal = models.ForeignKey(PersonalGoal, on_delete=models.CASCADE, related_name="activities", verbose_name="цель")
    title = models.CharField("мероприятие", max_length=300)
    due_on = models.DateField("срок")
    expected_result = models.CharField("ожидаемый результат", max_length=400)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "мероприятие персонализированной программы"
        verbose_name_plural = "мероприятия персонализированной программы"
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title
