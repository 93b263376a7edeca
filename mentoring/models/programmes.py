"""A school's mentoring programme: its forms, sub-programmes, seven stages with checklists, and mentor training."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_scopes import ScopedManager

from core.models import Organization

from .people import Mentor


class MentoringForm(models.Model):
    """A form of mentoring («ученик – ученик», «педагог – педагог»…) with its typical role models.

    Reference data of each school, seeded with the forms of the target model and editable. The categories
    say who may be the mentor and the mentee in this form (the codes of Mentor.Category / Mentee.Category).
    """

    class Audience(models.TextChoices):
        PUPILS = "pupils", "для обучающихся (Р-145)"
        TEACHERS = "teachers", "для педагогов"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    code = models.SlugField("код", max_length=40)
    name = models.CharField("название", max_length=100)
    audience = models.CharField("для кого", max_length=10, choices=Audience.choices)
    mentor_categories = models.JSONField("категории наставников", default=list)
    mentee_categories = models.JSONField("категории наставляемых", default=list)
    mentor_must_be_older = models.BooleanField("наставник старше наставляемого", default=False)
    role_models = models.JSONField("ролевые модели", default=list, blank=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "форма наставничества"
        verbose_name_plural = "формы наставничества"
        ordering = ["audience", "name"]
        constraints = [models.UniqueConstraint(fields=["organization", "code"], name="form_code_unique_in_school")]

    def __str__(self):
        return self.name


class Programme(models.Model):
    """The school's programme of mentoring for a period (usually a school year)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    title = models.CharField("название", max_length=300)
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")
    forms = models.ManyToManyField(MentoringForm, related_name="programmes", verbose_name="формы наставничества")
    goals = models.TextField("цели", blank=True)
    tasks = models.TextField("задачи", blank=True)
    expected_results = models.TextField("ожидаемые результаты", blank=True)
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="куратор",
    )  # fmt: skip
    responsible = models.TextField("ответственные лица", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "программа наставничества"
        verbose_name_plural = "программы наставничества"
        ordering = ["-starts_on"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme_detail", kwargs={"org": self.organization.slug, "pk": self.pk})


class SubProgramme(models.Model):
    """A named programme inside the model, as in a school's table of forms (seed 003)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="subprogrammes")
    name = models.CharField("наименование", max_length=300)
    operator = models.CharField("проект / программа (оператор)", max_length=300, blank=True)
    who_mentors = models.CharField("кто является наставниками", max_length=300, blank=True)
    mentor_role = models.CharField("роль наставника", max_length=500, blank=True)
    mentees = models.CharField("наставляемые", max_length=300, blank=True)
    period = models.CharField("период осуществления", max_length=100, blank=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "подпрограмма"
        verbose_name_plural = "подпрограммы"
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Stage(models.Model):
    """One of the seven stages of a programme, with dates, the responsible persons and the local acts."""

    class Number(models.IntegerChoices):
        CONDITIONS = 1, "Подготовка условий для запуска программы наставничества"
        MENTEES = 2, "Формирование базы наставляемых"
        MENTORS = 3, "Формирование базы наставников"
        TRAINING = 4, "Отбор и обучение наставников"
        PAIRS = 5, "Формирование наставнических пар или групп"
        WORK = 6, "Организация работы наставнических пар или групп"
        COMPLETION = 7, "Завершение наставничества"

    class Status(models.TextChoices):
        PLANNED = "planned", "запланирован"
        IN_PROGRESS = "in_progress", "идёт"
        DONE = "done", "завершён"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField("этап", choices=Number.choices)
    starts_on = models.DateField("начало", null=True, blank=True)
    ends_on = models.DateField("окончание", null=True, blank=True)
    responsible = models.CharField("ответственные", max_length=300, blank=True)
    status = models.CharField("состояние", max_length=12, choices=Status.choices, default=Status.PLANNED)
    local_acts = models.TextField("локальные акты", blank=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "этап программы"
        verbose_name_plural = "этапы программы"
        ordering = ["programme", "number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="stage_number_unique")]

    def __str__(self):
        return f"{self.number}. {self.get_number_display()}"


class StageActivity(models.Model):
    """An activity of a stage's checklist, ticked by the curator with a date and optional evidence."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField("мероприятие", max_length=500)
    due_on = models.DateField("срок", null=True, blank=True)
    done_on = models.DateField("выполнено", null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="кто отметил",
    )  # fmt: skip
    attachment = models.FileField("файл", upload_to="stages/%Y/", blank=True)
    document_link = models.URLField("ссылка на документ", blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "мероприятие этапа"
        verbose_name_plural = "мероприятия этапа"
        ordering = ["stage", "position", "pk"]

    def __str__(self):
        return self.title


class ProgrammeMentor(models.Model):
    """A mentor selected for a programme (stage 4)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="selected_mentors")
    mentor = models.ForeignKey(Mentor, on_delete=models.CASCADE, related_name="programmes")
    selected_on = models.DateField("отобран", auto_now_add=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "отобранный наставник"
        verbose_name_plural = "отобранные наставники"
        constraints = [models.UniqueConstraint(fields=["programme", "mentor"], name="mentor_selected_once")]

    def __str__(self):
        return str(self.mentor)


class TrainingSession(models.Model):
    """A session of the «Школа наставников» and who attended it."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="training_sessions")
    held_on = models.DateField("дата")
    topic = models.CharField("тема", max_length=300)
    trainer = models.CharField("ведущий", max_length=200, blank=True)
    attendees = models.ManyToManyField(
        Mentor, blank=True, related_name="training_sessions", verbose_name="присутствовали"
    )

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "занятие школы наставников"
        verbose_name_plural = "занятия школы наставников"
        ordering = ["held_on", "pk"]

    def __str__(self):
        return f"{self.held_on:%d.%m.%Y} {self.topic}"
