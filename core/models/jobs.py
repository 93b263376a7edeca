"""Long work (imports, exports, rendered documents, reports): one row per job, bound to its tenant (a school
or a municipality) and to the user who asked."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_scopes import ScopedManager

from .tenants import TenantOwned, tenant_folder


def job_file_path(job, filename):
    """Under the owner's folder (``tenant``, not the key field: the file may be saved before the row)."""
    return f"jobs/{tenant_folder(job.tenant)}/{job.kind}/{filename}"


class Job(TenantOwned):
    """A piece of long work run by a Celery task, on one lifecycle: pending → running → ready / failed.

    A kind of one phase (a file rendered, a list exported) is ready when its file is; a kind of two phases
    (an import: check → preview → write) is ready after each phase, and ``params["phase"]`` says which.
    ``attempt`` counts the runs: a message of an earlier attempt, delivered late, is ignored. Its input and
    output files belong to the tenant and the requesting user; nobody else downloads them, whatever id they
    guess. The lifecycle itself is ``core.jobs.lifecycle``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "в очереди"
        RUNNING = "running", "выполняется"
        READY = "ready", "готово"
        FAILED = "failed", "ошибка"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("вид", max_length=50)
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.PENDING)
    attempt = models.PositiveIntegerField("попытка", default=0)
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

    class Meta(TenantOwned.Meta):
        db_table = "mentoring_job"  # the table it had before the platform layer moved to core
        verbose_name = "задание"
        verbose_name_plural = "задания"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    def get_absolute_url(self):
        if self.municipality_id:
            return reverse("m_file_job", kwargs={"muni": self.municipality.slug, "pk": self.pk})
        from core.jobs.registry import kind_of

        return reverse(kind_of(self.kind).page_url_name, kwargs={"org": self.organization.slug, "pk": self.pk})

    @property
    def phase(self) -> str:
        return self.params.get("phase", "")

    @property
    def percent(self):
        return min(100, round(100 * self.progress / self.total)) if self.total else 0

    @property
    def finished(self):
        return self.status in (self.Status.READY, self.Status.FAILED)
