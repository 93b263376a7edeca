"""Long work (imports, rendered documents, reports): one row per job, bound to its tenant (a school or a
municipality) and to the user who asked."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_scopes import ScopedManager

from .tenants import Municipality, Organization


def job_file_path(job, filename):
    return f"jobs/{job.tenant_key.replace(':', '-')}/{job.kind}/{filename}"


def tenant_key(tenant: Organization | Municipality) -> str:
    """The value of the ``tenant`` scope dimension: one key for a school or a municipality."""
    return f"o:{tenant.pk}" if isinstance(tenant, Organization) else f"m:{tenant.pk}"


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

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    tenant_key = models.CharField(max_length=20, editable=False, db_index=True, default="")
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

    # A job belongs to exactly one tenant; the scope's ``tenant`` key names it (see tenancy.tenant_scope).
    objects = ScopedManager(tenant="tenant_key")

    class Meta:
        verbose_name = "задание"
        verbose_name_plural = "задания"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organization__isnull=False, municipality__isnull=True)
                | models.Q(organization__isnull=True, municipality__isnull=False),
                name="job_has_one_tenant",
            )
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        self.tenant_key = tenant_key(self.tenant)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.municipality_id:
            return reverse("m_file_job", kwargs={"muni": self.municipality.slug, "pk": self.pk})
        if self.kind.startswith("import_"):
            return reverse("job_detail", kwargs={"org": self.organization.slug, "pk": self.pk})
        return reverse("file_job", kwargs={"org": self.organization.slug, "pk": self.pk})

    @property
    def tenant(self) -> Organization | Municipality:
        return self.organization or self.municipality

    @property
    def percent(self):
        return min(100, round(100 * self.progress / self.total)) if self.total else 0

    @property
    def finished(self):
        return self.status in (self.Status.READY, self.Status.FAILED, self.Status.DONE)
