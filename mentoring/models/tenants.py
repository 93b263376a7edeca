from django.db import models
from django.urls import reverse


class Municipality(models.Model):
    """A municipal education department (управление / отдел / департамент образования).

    It is the tenant of the municipal pages: its staff see the schools that belong to it.
    """

    slug = models.SlugField("адрес в портале", unique=True, help_text="Часть адреса страницы: /m/<адрес>/")
    name = models.CharField("полное наименование", max_length=500)
    short_name = models.CharField("краткое наименование", max_length=200)
    region = models.CharField("субъект Российской Федерации", max_length=200)
    head_position = models.CharField("должность руководителя", max_length=200, blank=True)
    head_name = models.CharField("ФИО руководителя", max_length=200, blank=True)
    address = models.CharField("адрес", max_length=500, blank=True)

    class Meta:
        verbose_name = "муниципальный орган управления образованием"
        verbose_name_plural = "муниципальные органы управления образованием"
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("municipality_home", kwargs={"muni": self.slug})


class Organization(models.Model):
    """An educational organisation (school, kindergarten, college…): the tenant that owns school data."""

    class Kind(models.TextChoices):
        SCHOOL = "school", "общеобразовательная организация"
        KINDERGARTEN = "kindergarten", "дошкольная образовательная организация"
        COLLEGE = "college", "профессиональная образовательная организация"
        ADDITIONAL = "additional", "организация дополнительного образования"

    slug = models.SlugField("адрес в портале", unique=True, help_text="Часть адреса страницы: /o/<адрес>/")
    kind = models.CharField("тип", max_length=20, choices=Kind.choices, default=Kind.SCHOOL)
    name = models.CharField("полное наименование", max_length=500)
    short_name = models.CharField("краткое наименование", max_length=200)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="organizations", verbose_name="муниципалитет"
    )
    address = models.CharField("адрес", max_length=500, blank=True)
    director_name = models.CharField("ФИО руководителя", max_length=200, blank=True)
    director_position = models.CharField("должность руководителя", max_length=200, default="Директор")
    inn = models.CharField("ИНН", max_length=12, blank=True)
    ogrn = models.CharField("ОГРН", max_length=15, blank=True)
    phone = models.CharField("телефон", max_length=50, blank=True)
    email = models.EmailField("электронная почта", blank=True)
    website = models.URLField("сайт", blank=True)

    class Meta:
        verbose_name = "образовательная организация"
        verbose_name_plural = "образовательные организации"
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("school_home", kwargs={"org": self.slug})
