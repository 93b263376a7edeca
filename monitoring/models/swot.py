from django.conf import settings
from django.db import models
from django_scopes import ScopedManager

from core.models import Organization
from mentoring.models import Programme


class Swot(models.Model):
    """The curator's SWOT analysis of a programme (stage 1 of the monitoring): four lists of short items."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, related_name="+")
    strengths = models.JSONField("сильные стороны", default=list, blank=True)
    weaknesses = models.JSONField("слабые стороны", default=list, blank=True)
    opportunities = models.JSONField("возможности", default=list, blank=True)
    threats = models.JSONField("угрозы", default=list, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organization="organization")

    QUADRANTS = (
        ("strengths", "Сильные стороны"),
        ("weaknesses", "Слабые стороны"),
        ("opportunities", "Возможности"),
        ("threats", "Угрозы"),
    )

    class Meta:
        verbose_name = "SWOT-анализ"
        verbose_name_plural = "SWOT-анализы"

    def __str__(self):
        return f"SWOT: {self.programme}"

    def quadrants(self):
        return [(label, getattr(self, field)) for field, label in self.QUADRANTS]
