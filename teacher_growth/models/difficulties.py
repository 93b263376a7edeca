"""The self-assessment of professional difficulties of a teacher-mentee, taken at entry and at exit."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django_scopes import ScopedManager

from core.models import Organization
from mentoring.models import Mentee

LOWEST, HIGHEST = 1, 5  # 1 — no difficulty, 5 — a serious difficulty
DIAGNOSED_FROM = 3  # a score from which an item is a diagnosed difficulty a programme's goal may address


class DifficultyArea(models.TextChoices):
    SUBJECT = "subject", "предметные"
    METHODICAL = "methodical", "методические"
    PSYCHOLOGICAL = "psychological", "психолого-педагогические"
    COMMUNICATIVE = "communicative", "коммуникативные"
    ORGANISATIONAL = "organisational", "организационные"


class DifficultyItem(models.Model):
    """A statement of the school's questionnaire of difficulties («Поддержание дисциплины на уроке»), in one
    area. Installed from ``teacher_growth.catalogue`` and edited by the school; an item with answers is switched
    off rather than deleted, so that earlier profiles keep it."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    area = models.CharField("группа затруднений", max_length=20, choices=DifficultyArea.choices)
    text = models.CharField("утверждение", max_length=300)
    position = models.PositiveSmallIntegerField("порядок", default=0)
    active = models.BooleanField("в анкете", default=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "утверждение анкеты затруднений"
        verbose_name_plural = "анкета профессиональных затруднений"
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class SelfAssessment(models.Model):
    """A teacher-mentee's self-assessment of difficulties: one at entry, one at exit (the change is the
    difference)."""

    class Stage(models.TextChoices):
        ENTRY = "entry", "входная"
        EXIT = "exit", "итоговая"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="self_assessments")
    stage = models.CharField("когда", max_length=5, choices=Stage.choices)
    taken_on = models.DateField("дата")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "самооценка профессиональных затруднений"
        verbose_name_plural = "самооценки профессиональных затруднений"
        ordering = ["mentee", "stage"]
        constraints = [models.UniqueConstraint(fields=["mentee", "stage"], name="self_assessment_once_per_stage")]

    def __str__(self):
        return f"{self.mentee}: {self.get_stage_display()} самооценка"


class SelfAssessmentAnswer(models.Model):
    """The score of one statement in a self-assessment (1 — no difficulty, 5 — a serious one)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(DifficultyItem, on_delete=models.PROTECT, related_name="answers")
    score = models.PositiveSmallIntegerField(
        "оценка", validators=[MinValueValidator(LOWEST), MaxValueValidator(HIGHEST)]
    )

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "ответ самооценки"
        verbose_name_plural = "ответы самооценки"
        constraints = [models.UniqueConstraint(fields=["assessment", "item"], name="self_assessment_item_once")]

    def __str__(self):
        return f"{self.item}: {self.score}"
