"""The individual educational route (индивидуальный образовательный маршрут, seed 001 §1.3.8): an optional
long-term (4–5 years) plan of a teacher's professional self-improvement within further professional education."""

from django.db import models
from django_scopes import ScopedManager

from core.models import Organization
from mentoring.models import Mentee


class EducationalRoute(models.Model):
    """A teacher-mentee's individual educational route (at most one)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    mentee = models.OneToOneField(Mentee, on_delete=models.CASCADE, related_name="educational_route")
    starts_on = models.DateField("начало")
    ends_on = models.DateField("окончание")
    aim = models.TextField("желаемый образ себя в профессии, цель маршрута")
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "индивидуальный образовательный маршрут"
        verbose_name_plural = "индивидуальные образовательные маршруты"

    def __str__(self):
        return f"ИОМ: {self.mentee}"


class RouteStep(models.Model):
    """A step of the route: a course, an internship, a competition, an attestation, in a given year."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    route = models.ForeignKey(EducationalRoute, on_delete=models.CASCADE, related_name="steps")
    year = models.PositiveSmallIntegerField("год")
    title = models.CharField("образовательная альтернатива (курсы, стажировка, конкурс…)", max_length=300)
    expected_result = models.CharField("ожидаемый результат", max_length=300, blank=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "шаг маршрута"
        verbose_name_plural = "шаги маршрута"
        ordering = ["year", "pk"]

    def __str__(self):
        return f"{self.year}: {self.title}"
