"""Long work (imports now, reports later): one row per job, bound to its school and the user who asked."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_scopes import ScopedManager

from .tenants import Organization


def job_file_path(job, filename):
    return f"jobs/{job.organization_id}/{job.kind}/{filename}"


class Job(models.Model):
    """A piece of long work run by a Celery task: the view enqueues it and shows its progress page.

    Its input and output files belong to the organisation and the requesting user; nobody else downloads
    them, whatever id they guess.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "в очереди"
        RUNNING = "running", "выполняется"
        READY = "ready", "готово"
        FAILED = "failed", "ошибка"
        DONE = "done", "завершено"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("вид", max_length=50)
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    params = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField("ошибка", blank=True)
    input_file = models.FileField(upload_to=job_file_path, blank=True)
    output_file = models.FileField(upload_to=job_file_path, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "задание"
        verbose_name_plural = "задания"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("job_detail", kwargs={"org": self.organization.slug, "pk": self.pk})

    @property
    def percent(self):
        return min(100, round(100 * self.progress / self.total)) if self.total else 0

    @property
    def finished(self):
        return self.status in (self.Status.READY, self.Status.FAILED, self.Status.DONE)
