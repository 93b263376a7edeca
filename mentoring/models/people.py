"""The bases of mentees and mentors (stages 2 and 3 of every programme), with their reference lists."""

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django_scopes import ScopedManager

from core.collation import russian
from core.models import Organization

ADULT_AGE = 18


def age_on(birth_date: date | None, day: date) -> int | None:
    if birth_date is None:
        return None
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class Tag(models.Model):
    """A request or difficulty (запрос, дефицит) of mentees, which is also a competence of mentors.

    One editable list per school, so that matching can compare a mentee's requests with a mentor's strengths.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    name = models.CharField("название", max_length=100)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "запрос / компетенция"
        verbose_name_plural = "запросы и компетенции"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="tag_unique_in_organization")]

    def __str__(self):
        return self.name


class PartnerOrganization(models.Model):
    """An employer, college or university that provides mentors (employer and student forms)."""

    class Kind(models.TextChoices):
        EMPLOYER = "employer", "предприятие / работодатель"
        COLLEGE = "college", "колледж / техникум"
        UNIVERSITY = "university", "вуз"
        NONPROFIT = "nonprofit", "некоммерческая организация"
        OTHER = "other", "другое"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    name = models.CharField("наименование", max_length=300)
    kind = models.CharField("тип", max_length=20, choices=Kind.choices, default=Kind.EMPLOYER)
    contact_name = models.CharField("контактное лицо", max_length=200, blank=True)
    contact_phone = models.CharField("телефон", max_length=50, blank=True)
    contact_email = models.EmailField("электронная почта", blank=True)
    agreement_number = models.CharField("номер соглашения", max_length=50, blank=True)
    agreement_date = models.DateField("дата соглашения", null=True, blank=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "организация-партнёр"
        verbose_name_plural = "организации-партнёры"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Gender(models.TextChoices):
    """Grammatical gender of a person's name in documents and on pages; empty means guessed from the name."""

    MALE = "m", "мужской"
    FEMALE = "f", "женский"


NAME_FORMS_HELP = "ФИО в падежах, если портал склоняет их неверно; пустое поле — форма, которую предлагает портал."


class Person(models.Model):
    """What mentees and mentors share: a name, a birth date, a school, and anonymisation."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    last_name = models.CharField("фамилия", max_length=100)
    first_name = models.CharField("имя", max_length=100)
    patronymic = models.CharField("отчество", max_length=100, blank=True)
    gender = models.CharField(
        "пол", max_length=1, choices=Gender.choices, blank=True, help_text="Пусто — определяется по имени и отчеству."
    )
    name_forms = models.JSONField("ФИО в падежах", default=dict, blank=True, help_text=NAME_FORMS_HELP)
    birth_date = models.DateField("дата рождения", null=True, blank=True)
    phone = models.CharField("телефон", max_length=50, blank=True)
    email = models.EmailField("электронная почта", blank=True)
    notes = models.TextField("примечания", blank=True)
    anonymized_at = models.DateTimeField("персональные данные удалены", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("внесён в базу", auto_now_add=True)
    updated_at = models.DateTimeField("изменён", auto_now=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        abstract = True
        ordering = [russian("last_name"), russian("first_name"), russian("patronymic")]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return " ".join(part for part in (self.last_name, self.first_name, self.patronymic) if part)

    @property
    def age(self):
        return age_on(self.birth_date, date.today())

    @property
    def is_minor(self):
        age = self.age
        return age is not None and age < ADULT_AGE


class SupportCategory(models.TextChoices):
    """Categories that need support; sensitive: only the curator, the director and the methodist see them."""

    DISABILITY = "ovz", "ОВЗ"
    GIFTED = "gifted", "одарённый"
    HARD_SITUATION = "hard_situation", "трудная жизненная ситуация"
    LOW_ACHIEVEMENT = "low_achievement", "низкая учебная мотивация"


class Mentee(Person):
    """A mentee (наставляемый): a pupil, a student, a young specialist or a teacher new to the school."""

    class Category(models.TextChoices):
        PUPIL = "pupil", "обучающийся"
        STUDENT = "student", "студент"
        YOUNG_SPECIALIST = "young_specialist", "молодой специалист"
        NEW_TEACHER = "new_teacher", "педагог, новый в школе"
        TEACHER = "teacher", "педагог"
        # The teachers' system (seed 001 §1.3.5, §1.4): who else needs a mentor among teachers.
        RETURNING_TEACHER = "returning", "педагог после перерыва в работе"
        NEW_POSITION = "new_position", "переход на новый предмет или должность"
        ATTESTATION_DIFFICULTIES = "attestation", "трудности по итогам аттестации"

    class Status(models.TextChoices):
        IN_BASE = "in_base", "в базе"
        IN_PAIR = "in_pair", "в паре / группе"
        COMPLETED = "completed", "завершил программу"
        LEFT = "left", "выбыл"

    class Source(models.TextChoices):
        APPLICATION = "application", "заявление"
        CLASS_TEACHER = "class_teacher", "классный руководитель"
        PSYCHOLOGIST = "psychologist", "педагог-психолог"
        QUESTIONNAIRE = "questionnaire", "анкетирование"

    category = models.CharField("категория", max_length=20, choices=Category.choices, default=Category.PUPIL)
    group = models.CharField("класс / группа / должность", max_length=100, blank=True)
    teaching_experience = models.PositiveSmallIntegerField(
        "педагогический стаж, лет", null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    hired_on = models.DateField(
        "принят на работу в школу", null=True, blank=True, help_text="Для педагогов: закрепление в профессии."
    )
    left_school_on = models.DateField("уволился из школы", null=True, blank=True)
    requests = models.ManyToManyField(Tag, blank=True, related_name="mentees", verbose_name="запросы и дефициты")
    requests_text = models.TextField("запрос своими словами", blank=True)
    support_categories = models.JSONField("категории поддержки", default=list, blank=True)
    status = models.CharField("статус", max_length=20, choices=Status.choices, default=Status.IN_BASE)
    source = models.CharField("источник", max_length=20, choices=Source.choices, default=Source.APPLICATION)
    representative_name = models.CharField("законный представитель: ФИО", max_length=300, blank=True)
    representative_relation = models.CharField("кем приходится", max_length=50, blank=True)
    representative_phone = models.CharField("телефон представителя", max_length=50, blank=True)
    representative_email = models.EmailField("почта представителя", blank=True)
    awaiting_mentor = models.BooleanField(
        "без пары: поддержка, поиск наставника продолжается",
        default=False,
        help_text="Отметка куратора для наставляемого, которому пока не нашлось пары (этап 5).",
    )

    class Meta(Person.Meta):
        verbose_name = "наставляемый"
        verbose_name_plural = "наставляемые"
        indexes = [
            models.Index(fields=["organization", "last_name", "first_name"]),
            models.Index(fields=["organization", "status"]),
        ]

    def get_absolute_url(self):
        return reverse("mentee_detail", kwargs={"org": self.organization.slug, "pk": self.pk})

    @property
    def is_teacher(self):
        return self.category in TEACHER_MENTEE_CATEGORIES

    def audit_support_categories(self):
        return self.support_category_labels()

    def support_category_labels(self):
        return [SupportCategory(code).label for code in self.support_categories if code in SupportCategory.values]


# Mentees who are teachers: they have teaching experience, a hire date, and take part in the teachers' system.
TEACHER_MENTEE_CATEGORIES = (
    Mentee.Category.YOUNG_SPECIALIST,
    Mentee.Category.NEW_TEACHER,
    Mentee.Category.TEACHER,
    Mentee.Category.RETURNING_TEACHER,
    Mentee.Category.NEW_POSITION,
    Mentee.Category.ATTESTATION_DIFFICULTIES,
)


class Mentor(Person):
    """A mentor (наставник) in the school's base: a teacher, a pupil, a student, a graduate, a parent…"""

    class Category(models.TextChoices):
        TEACHER = "teacher", "педагог"
        PUPIL = "pupil", "обучающийся"
        STUDENT = "student", "студент"
        GRADUATE = "graduate", "выпускник"
        PARENT = "parent", "родитель"
        EMPLOYEE = "employee", "сотрудник организации-партнёра"
        OTHER = "other", "другое"

    class Training(models.TextChoices):
        NOT_TRAINED = "not_trained", "не обучен"
        IN_TRAINING = "in_training", "обучается"
        TRAINED = "trained", "обучен"

    class Status(models.TextChoices):
        ACTIVE = "active", "в базе"
        LEFT = "left", "выбыл"

    category = models.CharField("категория", max_length=20, choices=Category.choices, default=Category.TEACHER)
    position = models.CharField("должность / класс / место учёбы", max_length=200, blank=True)
    partner = models.ForeignKey(
        PartnerOrganization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mentors",
        verbose_name="организация-партнёр",
    )
    competencies = models.ManyToManyField(Tag, blank=True, related_name="mentors", verbose_name="компетенции")
    strengths = models.TextField("сильные стороны, опыт", blank=True)
    experience_years = models.PositiveSmallIntegerField(
        "стаж, лет", null=True, blank=True, validators=[MaxValueValidator(70)]
    )
    capacity = models.PositiveSmallIntegerField(
        "наибольшее число наставляемых", default=1, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    consent_number = models.CharField("согласие быть наставником: номер", max_length=50, blank=True)
    consent_date = models.DateField("согласие быть наставником: дата", null=True, blank=True)
    training = models.CharField("обучение", max_length=20, choices=Training.choices, default=Training.NOT_TRAINED)
    status = models.CharField("статус", max_length=20, choices=Status.choices, default=Status.ACTIVE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentor_records",
        verbose_name="учётная запись",
    )
    children = models.ManyToManyField(
        Mentee, blank=True, related_name="parent_mentors", verbose_name="свои дети в этой школе"
    )

    class Meta(Person.Meta):
        verbose_name = "наставник"
        verbose_name_plural = "наставники"
        indexes = [models.Index(fields=["organization", "last_name", "first_name"])]

    def get_absolute_url(self):
        return reverse("mentor_detail", kwargs={"org": self.organization.slug, "pk": self.pk})

    @property
    def needs_written_consent(self):
        """Employees (Labour Code art. 351.8) and every adult mentor sign a written consent to mentor."""
        return self.category in (self.Category.TEACHER, self.Category.EMPLOYEE) or not self.is_minor

    @property
    def has_written_consent(self):
        return bool(self.consent_number and self.consent_date)
