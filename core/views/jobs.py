"""The pages of a file job (a rendered document, report or export): progress, download, run again.

Only the user who asked sees the job, and only inside its own school, municipality or region (the scope); anybody
else gets a 404 whatever id they try. The same views serve every tenant level: each role holds the home
capability of its own level only.
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from ..jobs import files, lifecycle
from ..models import Organization, Region
from ..roles import Capability

TENANT_HOME = (Capability.VIEW_SCHOOL_HOME, Capability.VIEW_MUNICIPAL_HOME, Capability.VIEW_REGIONAL_HOME)


def job_urls(tenant, job) -> dict:
    """The URLs of a file job's page, in its tenant's tree."""
    if isinstance(tenant, Region):
        prefix, kwarg, key = "r_", "region", tenant.pk
    else:
        prefix, kwarg = ("", "org") if isinstance(tenant, Organization) else ("m_", "muni")
        key = tenant.slug

    def url(name):
        return reverse(f"{prefix}{name}", kwargs={kwarg: key, "pk": job.pk})

    return {
        "progress_url": url("file_job_progress"),
        "download_url": url("file_job_download"),
        "retry_url": url("file_job_retry"),
    }


class FileJobMixin:
    required_capability = TENANT_HOME

    def get_job(self):
        return get_object_or_404(files.file_jobs_of(self.request.user), pk=self.kwargs["pk"])


class FileJobView(FileJobMixin, TemplateView):
    """The job's page: a progress bar while it runs (htmx polls the fragment), then the download."""

    template_name = "core/job.html"

    def get_context_data(self, **kwargs):
        job = self.get_job()
        return super().get_context_data(
            job=job, job_title=files.title_of(job), **job_urls(self.request.tenant, job), **kwargs
        )


class FileJobProgressView(FileJobView):
    template_name = "core/_file_job_status.html"


class FileJobDownloadView(FileJobMixin, View):
    def get(self, request, *args, **kwargs):
        job = self.get_job()
        if job.status != job.Status.READY or not job.output_file:
            raise Http404("Файл ещё не готов.")
        return FileResponse(
            job.output_file.open("rb"),
            as_attachment=True,
            filename=job.result.get("filename") or job.output_file.name.rsplit("/", 1)[-1],
            content_type=job.result.get("mimetype"),
        )


class FileJobRetryView(FileJobMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        job = self.get_job()
        if not lifecycle.retry(job):
            messages.error(request, "Запустить снова можно только задание, завершившееся ошибкой.")
        return redirect(job.get_absolute_url())
