"""Questionnaires of the school's monitoring, the waves a curator launches, invitations and answers.

A questionnaire belongs to a school: the portal ships default ones as data (``monitoring.catalogue``) that a
school installs and may then copy and edit. A wave asks the participants of a programme; each respondent gets
one invitation per questionnaire — mentors and the curator answer in the portal, mentees and their parents
through a personal link (see ``services.links``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_scopes import ScopedManager

from core.models import Organization
from mentoring.models import Mentee, Mentor, MentoringForm, Programme


class Respondent(models.TextChoices):
    MENTOR = "mentor", "наставник"
    MENTEE = "mentee", "наставляемый"
    CURATOR = "curator", "куратор"


class WaveKind(models.TextChoices):
    ENTRY = "entry", "входное"
    INTERIM = "interim", "промежуточное"
    FINAL = "final", "итоговое"


class Questionnaire(models.Model):
    """A questionnaire for one respondent role, optionally for one form, taken in some kinds of wave."""

    class Purpose(models.TextChoices):
        SATISFACTION = "satisfaction", "удовлетворённость участников (этап 1)"
        CONDITIONS = "conditions", "условия реализации программы (этап 1, куратор)"
        GROWTH = "growth", "личностный и профессиональный рост (этап 2)"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    code = models.SlugField(
        "код", max_length=60, blank=True, help_text="Код стандартной анкеты, с которой снята копия."
    )
    title = models.CharField("название", max_length=300)
    purpose = models.CharField("назначение", max_length=20, choices=Purpose.choices)
    respondent = models.CharField("кто отвечает", max_length=10, choices=Respondent.choices)
    form = models.ForeignKey(
        MentoringForm, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="форма наставничества", help_text="Пусто — анкета для всех форм.",
    )  # fmt: skip
    waves = models.JSONField("в каких анкетированиях", default=list)
    intro = models.TextField("обращение к участнику", blank=True)
    active = models.BooleanField("используется", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "анкета"
        verbose_name_plural = "анкеты"
        ordering = ["purpose", "respondent", "title", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("questionnaire_edit", kwargs={"org": self.organization.slug, "pk": self.pk})

    def wave_labels(self):
        return ", ".join(WaveKind(code).label for code in self.waves if code in WaveKind.values)


class Question(models.Model):
    """A question: a 1–10 scale, yes / no, one or several choices, or free text.

    ``code`` pairs the same question at entry and at exit, so that growth is the difference of the two means.
    """

    class Kind(models.TextChoices):
        SCALE = "scale", "шкала 1–10"
        YES_NO = "yes_no", "да / нет"
        SINGLE = "single", "один вариант"
        MULTIPLE = "multiple", "несколько вариантов"
        TEXT = "text", "свободный ответ"

    SCALE_MIN, SCALE_MAX = 1, 10

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField("№", default=0)
    code = models.SlugField("код", max_length=60, blank=True)
    text = models.CharField("вопрос", max_length=500)
    kind = models.CharField("тип", max_length=10, choices=Kind.choices, default=Kind.SCALE)
    choices = models.JSONField("варианты", default=list, blank=True)
    required = models.BooleanField("обязательный", default=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "вопрос"
        verbose_name_plural = "вопросы"
        ordering = ["questionnaire", "position", "pk"]

    def __str__(self):
        return self.text


class Wave(models.Model):
    """An anketing of a programme's participants (entry, interim or final), launched by the curator."""

    class Status(models.TextChoices):
        OPEN = "open", "идёт"
        CLOSED = "closed", "завершено"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+", verbose_name="программа")
    kind = models.CharField("анкетирование", max_length=10, choices=WaveKind.choices)
    title = models.CharField("название", max_length=300)
    opens_on = models.DateField("начало")
    closes_on = models.DateField("окончание", help_text="После этой даты ссылки для ответа перестают работать.")
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.OPEN)
    launched_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    launched_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "анкетирование"
        verbose_name_plural = "анкетирования"
        ordering = ["-opens_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("wave_detail", kwargs={"org": self.organization.slug, "pk": self.pk})


class Invitation(models.Model):
    """One respondent asked to fill one questionnaire in one wave.

    A mentor or the curator with an account answers in the portal (``user``); a mentee (or the parent for a
    young pupil) answers through a personal link. The link's token is never stored: only ``token_digest``
    (to find the invitation) and ``nonce`` (to print the link again, see ``services.links``).
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="invitations")
    respondent = models.CharField("кто отвечает", max_length=10, choices=Respondent.choices)
    form = models.ForeignKey(MentoringForm, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    mentor = models.ForeignKey(Mentor, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    mentee = models.ForeignKey(Mentee, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    nonce = models.CharField(max_length=40, blank=True)
    token_digest = models.CharField(max_length=64, blank=True, db_index=True)
    expires_at = models.DateTimeField("ссылка действует до")
    answered_at = models.DateTimeField("ответ получен", null=True, blank=True)
    reminded_at = models.DateTimeField("напоминание", null=True, blank=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "приглашение к анкете"
        verbose_name_plural = "приглашения к анкетам"
        ordering = ["wave", "respondent", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["wave", "questionnaire", "mentor"], name="invitation_once_per_mentor"),
            models.UniqueConstraint(fields=["wave", "questionnaire", "mentee"], name="invitation_once_per_mentee"),
        ]

    def __str__(self):
        return f"{self.respondent_name} — {self.questionnaire}"

    @property
    def respondent_name(self):
        if self.mentor_id:
            return self.mentor.full_name
        if self.mentee_id:
            return self.mentee.full_name
        return self.user.full_name if self.user_id else "—"

    @property
    def answered(self):
        return self.answered_at is not None


class Response(models.Model):
    """A submitted questionnaire. It keeps the form and role of the invitation, so reports group by them."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="response")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="responses")
    respondent = models.CharField(max_length=10, choices=Respondent.choices)
    form = models.ForeignKey(MentoringForm, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "ответ на анкету"
        verbose_name_plural = "ответы на анкеты"

    def __str__(self):
        return f"{self.questionnaire}: {self.submitted_at:%d.%m.%Y}"


class Answer(models.Model):
    """An answer to one question: ``number`` for a scale (1–10) and yes / no (1 / 0), ``options`` for choices."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    number = models.SmallIntegerField(null=True, blank=True)
    options = models.JSONField(default=list, blank=True)
    text = models.TextField(blank=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "ответ на вопрос"
        verbose_name_plural = "ответы на вопросы"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__isnull=True) | models.Q(number__gte=0, number__lte=10),
                name="answer_number_in_range",
            )
        ]

    def __str__(self):
        return f"{self.question}: {self.number if self.number is not None else self.options or self.text}"
