"""Long work (imports, exports, rendered documents, reports): one row per job, bound to its tenant (a school,
a municipality or a region) and to the user who asked."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_scopes import ScopedManager

from .tenants import Municipality, Organization, Region, TenantOwned, tenant_folder, tenant_key


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
    # A regional report is the one kind of job a region owns (a region owns no other rows).
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # A job belongs to exactly one tenant; the scope's ``tenant`` key names it (see tenancy.tenant_scope).
    objects = ScopedManager(tenant="tenant_key")

    class Meta(TenantOwned.Meta):
        db_table = "mentoring_job"  # the table it had before the platform layer moved to core
        verbose_name = "задание"
        verbose_name_plural = "задания"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organization__isnull=False, municipality__isnull=True, region__isnull=True)
                | models.Q(organization__isnull=True, municipality__isnull=False, region__isnull=True)
                | models.Q(organization__isnull=True, municipality__isnull=True, region__isnull=False),
                name="job_has_one_of_three_tenants",
            )
        ]

    @property
    def tenant(self) -> Organization | Municipality | Region:
        return self.organization or self.municipality or self.region

    @tenant.setter
    def tenant(self, tenant: Organization | Municipality | Region) -> None:
        self.organization = tenant if isinstance(tenant, Organization) else None
        self.municipality = tenant if isinstance(tenant, Municipality) else None
        self.region = tenant if isinstance(tenant, Region) else None
        self.tenant_key = tenant_key(tenant)

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    def get_absolute_url(self):
        if self.region_id:
            return reverse("r_file_job", kwargs={"region": self.region_id, "pk": self.pk})
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
