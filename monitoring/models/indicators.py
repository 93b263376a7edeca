"""Indicators are data: what is counted (numerator and denominator, named measures of ``MEASURES``, computed
by ``services.indicators``), at which level, with a plan by year.
The school's contingent gives the denominators; monthly snapshots keep the values so that dashboards show trends."""

from django.core.exceptions import ValidationError
from django.db import models
from django_scopes import ScopedManager

from core.models import Organization

SATISFIED_FROM = 7  # a respondent whose mean score on the 1–10 items is at least this is "satisfied"

MEASURES = {
    "contingent_pupils": "обучающихся всего (контингент)",
    "contingent_10_19": "обучающихся 10–19 лет (контингент)",
    "contingent_15_19": "обучающихся 15–19 лет (контингент)",
    "contingent_young_specialists": "молодых специалистов (контингент)",
    "pupils_in_pairs": "обучающихся-наставляемых в работающих парах и группах",
    "mentees_10_19": "наставляемых 10–19 лет в работающих парах и группах",
    "mentors_15_19": "наставников-обучающихся 15–19 лет в работающих парах и группах",
    "young_specialists_in_pairs": "молодых специалистов-наставляемых в работающих парах",
    "partners": "организаций-партнёров",
    "partners_with_mentors": "организаций-партнёров, чьи сотрудники — наставники в работающих парах",
    "satisfaction_respondents": "ответивших на анкеты удовлетворённости за 12 месяцев",
    "satisfied_respondents": f"из них со средней оценкой {SATISFIED_FROM} и выше",
    # The teachers' system (seed 001): who mentors teachers, and whether young teachers stay in the school.
    "contingent_teachers": "педагогов (контингент)",
    "teacher_mentors": "педагогов — наставников педагогов в работающих парах и группах",
    "young_teachers_hired_1y": "молодых специалистов-наставляемых, принятых в школу год назад и раньше",
    "young_teachers_retained_1y": "из них проработавших в школе не меньше года",
    "young_teachers_hired_3y": "молодых специалистов-наставляемых, принятых в школу три года назад и раньше",
    "young_teachers_retained_3y": "из них проработавших в школе не меньше трёх лет",
    "schools": "образовательных организаций",
    "schools_with_programme": "организаций с программой наставничества",
}


class Indicator(models.Model):
    """A target indicator (national, regional or municipal). Reference data shared by every tenant."""

    class Level(models.TextChoices):
        SCHOOL = "school", "образовательная организация"
        MUNICIPALITY = "municipality", "муниципалитет"

    class Unit(models.TextChoices):
        PERCENT = "percent", "%"
        SCORE = "score", "балл"

    code = models.SlugField("код", max_length=40, unique=True)
    name = models.CharField("наименование", max_length=500)
    short_name = models.CharField("краткое наименование", max_length=100)
    unit = models.CharField("единица", max_length=10, choices=Unit.choices, default=Unit.PERCENT)
    numerator = models.CharField("числитель (показатель)", max_length=60)
    denominator = models.CharField("знаменатель (показатель)", max_length=60)
    level = models.CharField("уровень", max_length=15, choices=Level.choices, default=Level.SCHOOL)
    source = models.CharField("источник", max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "целевой показатель"
        verbose_name_plural = "целевые показатели"
        ordering = ["position", "code"]

    def __str__(self):
        return self.name

    def clean(self):
        for field in ("numerator", "denominator"):
            if getattr(self, field) not in MEASURES:
                raise ValidationError({field: "Нет такого показателя для расчёта."})


class IndicatorPlan(models.Model):
    """The planned value of an indicator for a calendar year."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="plans")
    year = models.PositiveSmallIntegerField("год")
    value = models.DecimalField("план", max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = "план показателя"
        verbose_name_plural = "планы показателей"
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="indicator_plan_once_a_year")]

    def __str__(self):
        return f"{self.indicator.short_name}: {self.year} — {self.value}"


class Contingent(models.Model):
    """The school's numbers for a school year (starting in ``year``), the denominators of the shares."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("учебный год (год начала)")
    pupils_total = models.PositiveIntegerField("обучающихся всего")
    pupils_10_14 = models.PositiveIntegerField("обучающихся 10–14 лет")
    pupils_15_19 = models.PositiveIntegerField("обучающихся 15–19 лет")
    teachers = models.PositiveIntegerField("педагогов")
    young_specialists = models.PositiveIntegerField("молодых специалистов (стаж 0–3 года)")
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "контингент"
        verbose_name_plural = "контингент"
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["organization", "year"], name="contingent_once_a_year")]

    def __str__(self):
        return f"{self.year}/{self.year + 1}"

    def clean(self):
        errors = {}
        if self.pupils_total is not None and (self.pupils_10_14 or 0) + (self.pupils_15_19 or 0) > self.pupils_total:
            errors["pupils_15_19"] = "Обучающихся 10–19 лет не может быть больше, чем обучающихся всего."
        if self.teachers is not None and (self.young_specialists or 0) > self.teachers:
            errors["young_specialists"] = "Молодых специалистов не может быть больше, чем педагогов."
        if errors:
            raise ValidationError(errors)


class IndicatorSnapshot(models.Model):
    """A school's value of an indicator at the start of a month (taken by the monthly beat task)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    month = models.DateField("месяц")
    numerator = models.DecimalField(max_digits=12, decimal_places=2)
    denominator = models.DecimalField(max_digits=12, decimal_places=2)
    taken_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "значение показателя за месяц"
        verbose_name_plural = "значения показателей по месяцам"
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "indicator", "month"], name="snapshot_once_a_month")
        ]

    def __str__(self):
        return f"{self.indicator.short_name}: {self.month:%m.%Y}"
