"""The pages of a file job (a rendered document or report): progress, download, run again.

Only the user who asked sees the job, and only inside its own school or municipality (the scope); anybody
else gets a 404 whatever id they try.
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from mentoring.roles import Capability
from mentoring.services import files


class FileJobMixin:
    required_capability = Capability.VIEW_SCHOOL_HOME
    url_prefix = ""  # "m_" for the municipal copies of these views

    def get_job(self):
        return get_object_or_404(files.file_jobs_of(self.request.user), pk=self.kwargs["pk"])


class FileJobView(FileJobMixin, TemplateView):
    """The job's page: a progress bar while it runs (htmx polls the fragment), then the download."""

    template_name = "mentoring/files/job.html"

    def get_context_data(self, **kwargs):
        job = self.get_job()
        return super().get_context_data(job=job, job_title=files.title_of(job), url_prefix=self.url_prefix, **kwargs)


class FileJobProgressView(FileJobView):
    template_name = "mentoring/files/_job_status.html"


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
        if not files.retry(job):
            messages.error(request, "Запустить снова можно только задание, завершившееся ошибкой.")
        return redirect(job.get_absolute_url())


def file_job_patterns(prefix: str, capability: Capability):
    """The four URLs of file jobs, for schools (``prefix=""``) or municipalities (``prefix="m_"``)."""
    from django.urls import path

    def view(cls):
        return type(cls.__name__, (cls,), {"required_capability": capability, "url_prefix": prefix}).as_view()

    return [
        path("files/<int:pk>/", view(FileJobView), name=f"{prefix}file_job"),
        path("files/<int:pk>/progress/", view(FileJobProgressView), name=f"{prefix}file_job_progress"),
        path("files/<int:pk>/download/", view(FileJobDownloadView), name=f"{prefix}file_job_download"),
        path("files/<int:pk>/retry/", view(FileJobRetryView), name=f"{prefix}file_job_retry"),
    ]
