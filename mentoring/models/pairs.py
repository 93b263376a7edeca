"""Pairs and groups (stage 5), their plans and the mentor's journal (stage 6), completion (stage 7)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django_scopes import ScopedManager

from core.models import Organization

from .kinds import MentoringKind
from .people import Mentee, Mentor
from .programmes import MentoringForm, Programme


class Pair(models.Model):
    """A mentoring pair (one mentee) or group (two or more mentees) with one mentor, in one form."""

    class Status(models.TextChoices):
        ACTIVE = "active", "работает"
        CLOSED = "closed", "завершена"

    class Outcome(models.TextChoices):
        COMPLETED = "completed", "цели достигнуты"
        PARTIAL = "partial", "цели достигнуты частично"
        STOPPED = "stopped", "прекращена досрочно"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pairs")
    mentor = models.ForeignKey(Mentor, on_delete=models.PROTECT, related_name="pairs", verbose_name="наставник")
    form = models.ForeignKey(MentoringForm, on_delete=models.PROTECT, related_name="pairs", verbose_name="форма")
    role_model = models.CharField("ролевая модель", max_length=200, blank=True)
    kinds = models.ManyToManyField(MentoringKind, blank=True, related_name="pairs", verbose_name="виды наставничества")
    reverse_area = models.CharField(
        "реверсивное: в чём младший наставляет старшего",
        max_length=300,
        blank=True,
        help_text="Только для реверсивного наставничества: новые технологии, тенденции, в которых младший "
        "по возрасту педагог — наставник опытного.",
    )
    goals = models.TextField("цели", blank=True)
    starts_on = models.DateField("начало")
    planned_end_on = models.DateField("плановое окончание")
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.ACTIVE)
    outcome = models.CharField("итог", max_length=12, choices=Outcome.choices, blank=True)
    final_notes = models.TextField("итоговые заметки", blank=True)
    closed_on = models.DateField("завершена", null=True, blank=True)
    match_score = models.FloatField("оценка подбора", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "наставническая пара / группа"
        verbose_name_plural = "наставнические пары и группы"
        ordering = ["-starts_on", "pk"]

    def __str__(self):
        names = ", ".join(member.mentee.full_name for member in self.members.all())
        return f"{self.mentor.full_name} — {names}"

    def get_absolute_url(self):
        return reverse("pair_detail", kwargs={"org": self.organization.slug, "pk": self.pk})

    @property
    def is_group(self):
        return self.members.count() > 1


class PairMember(models.Model):
    """A mentee in a pair or group. ``form`` and ``active`` repeat the pair's, so that the database itself
    refuses a mentee in two active pairs of the same form (two curators accepting at once keep one)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="members")
    mentee = models.ForeignKey(Mentee, on_delete=models.PROTECT, related_name="pair_memberships")
    form = models.ForeignKey(MentoringForm, on_delete=models.PROTECT, related_name="+")
    active = models.BooleanField(default=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "участник пары / группы"
        verbose_name_plural = "участники пар и групп"
        constraints = [
            models.UniqueConstraint(
                fields=["mentee", "form"],
                condition=Q(active=True),
                name="mentee_one_active_pair_per_form",
                violation_error_message="Наставляемый уже в действующей паре этой формы.",
            ),
            models.UniqueConstraint(fields=["pair", "mentee"], name="mentee_once_in_pair"),
        ]

    def __str__(self):
        return str(self.mentee)


class PlanItem(models.Model):
    """An activity of the pair's personalised plan (3 months to 1 year)."""

    class Status(models.TextChoices):
        PLANNED = "planned", "запланировано"
        DONE = "done", "выполнено"
        CANCELLED = "cancelled", "отменено"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="plan_items")
    title = models.CharField("мероприятие", max_length=300)
    goal = models.CharField("цель", max_length=300, blank=True)
    due_on = models.DateField("срок")
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.PLANNED)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "пункт плана"
        verbose_name_plural = "план работы пары"
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title


class Meeting(models.Model):
    """A meeting in the mentor's journal."""

    class Kind(models.TextChoices):
        ACQUAINTANCE = "acquaintance", "знакомство"
        TRIAL = "trial", "пробная встреча"
        PLANNING = "planning", "встреча-планирование"
        WORK = "work", "рабочая встреча"
        FINAL = "final", "итоговая встреча"

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "очно"
        REMOTE = "remote", "дистанционно"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField("дата")
    kind = models.CharField("вид встречи", max_length=15, choices=Kind.choices, default=Kind.WORK)
    format = models.CharField("формат", max_length=10, choices=Format.choices, default=Format.IN_PERSON)
    topic = models.CharField("тема", max_length=300)
    duration_minutes = models.PositiveSmallIntegerField(
        "длительность, мин", validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    present = models.ManyToManyField(Mentee, blank=True, related_name="meetings", verbose_name="присутствовали")
    what_was_done = models.TextField("что сделано", blank=True)
    next_steps = models.TextField("договорённости", blank=True)
    mentee_rating = models.PositiveSmallIntegerField(
        "оценка наставляемого (1–10)", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    mentee_comment = models.TextField("комментарий наставляемого", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "встреча"
        verbose_name_plural = "журнал встреч"
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["pair", "-held_on"])]

    def __str__(self):
        return f"{self.held_on:%d.%m.%Y} {self.topic}"


class RewardNomination(models.Model):
    """A mentor nominated for a reward at completion (order on rewards, thank-you letter)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="nominations")
    mentor = models.ForeignKey(Mentor, on_delete=models.CASCADE, related_name="nominations")
    reason = models.CharField("за что", max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "представление к поощрению"
        verbose_name_plural = "представления к поощрению"
        constraints = [models.UniqueConstraint(fields=["programme", "mentor"], name="mentor_nominated_once")]

    def __str__(self):
        return f"{self.mentor}: {self.reason}"


class BestPractice(models.Model):
    """A case for the school's base of best practices."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="best_practices")
    pair = models.ForeignKey(Pair, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField("название", max_length=300)
    form = models.ForeignKey(MentoringForm, on_delete=models.PROTECT, related_name="+", verbose_name="форма")
    story = models.TextField("история")
    results = models.TextField("результаты")
    publishable = models.BooleanField("можно публиковать на сайте", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "лучшая практика"
        verbose_name_plural = "база лучших практик"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title
