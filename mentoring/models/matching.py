"""The stored result of a matching run (a job of ``mentoring.services.matching``): one row per proposal, and
one per mentee it could not place, with why. The curator's page reads them 50 at a time."""

from django.db import models
from django_scopes import ScopedManager

from core.models import Job, Organization

from .people import Mentee, Mentor
from .programmes import MentoringForm, Programme


class MatchSuggestion(models.Model):
    """A proposal of ``mentor`` for ``mentee`` in ``form`` (its score and why), or, without a mentor, why the
    run could not place the mentee. ``rank`` keeps the run's order: the best proposals first."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="+")
    mentor = models.ForeignKey(Mentor, null=True, on_delete=models.CASCADE, related_name="+")
    form = models.ForeignKey(MentoringForm, null=True, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(null=True)
    reasons = models.JSONField(default=list)
    rank = models.PositiveIntegerField()

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "предложение подбора"
        verbose_name_plural = "предложения подбора"
        ordering = ["rank"]
        indexes = [models.Index(fields=["job", "rank"]), models.Index(fields=["job", "form", "rank"])]

    def __str__(self):
        return f"{self.mentee_id} → {self.mentor_id or '—'}"

    @property
    def percent(self) -> int:
        return round(100 * (self.score or 0))
