"""Imports and exports of the bases: the upload form, the template, the exports, and the import job's pages.

The views parse the request and call ``mentoring.services.imports`` / ``exports``. A job is shown only to
the user who started it, in its school: anyone else gets 404, whatever id they try.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views import View
from django.views.generic import TemplateView

from core.jobs import files, lifecycle
from core.network import client_ip
from core.roles import Capability, has_capability
from mentoring.services import exports, imports
from mentoring.services.search import MENTEE_FILTERS, MENTOR_FILTERS
from mentoring.services.uploads import UploadError, check_upload, too_large

TITLES = {"mentees": "наставляемых", "mentors": "наставников"}
EXPORT_FILTERS = {"mentees": MENTEE_FILTERS, "mentors": MENTOR_FILTERS}
RECENT_JOBS = 5


class UploadForm(forms.Form):
    """One spreadsheet; its size and type (by content) are checked here, before any job or stored file."""

    file = forms.FileField(label="Файл .xlsx или .csv")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:  # refused before it is read into memory
            raise forms.ValidationError(too_large())
        data = upload.read()
        try:
            self.fmt = check_upload(upload.name, data)
        except UploadError as error:
            raise forms.ValidationError(error.message) from None
        self.data_bytes = data
        return upload


def file_response(filename: str, mimetype: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type=mimetype)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "no-store"  # personal data: not kept in caches
    return response


class ImportView(TemplateView):
    """The upload form of a base's import, with the template link and the user's recent imports."""

    required_capability = Capability.EDIT_BASES
    template_name = "mentoring/imports/import.html"
    base = None

    def get_context_data(self, **kwargs):
        recent = imports.import_jobs_of(self.request.user).filter(kind=imports.JOB_KINDS[self.base])
        return super().get_context_data(
            base=self.base,
            title=TITLES[self.base],
            recent_jobs=recent[:RECENT_JOBS],
            max_megabytes=settings.IMPORT_MAX_BYTES // 2**20,
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=UploadForm()))

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        job = imports.start_import(
            base=self.base,
            upload_name=form.cleaned_data["file"].name,
            data=form.data_bytes,
            fmt=form.fmt,
            user=request.user,
            tenant=request.tenant,
        )
        return redirect(job.get_absolute_url())


class TemplateDownloadView(View):
    required_capability = Capability.EDIT_BASES
    base = None

    def get(self, request, *args, **kwargs):
        return file_response(*exports.render_template(self.base, request.tenant))


class ExportView(View):
    """The list of a base, filtered as on its page (the filters posted from it), as .xlsx or .csv: a file job
    whose page offers the download when it is ready."""

    required_capability = Capability.EDIT_BASES
    http_method_names = ["post"]
    base = None

    def post(self, request, *args, fmt, **kwargs):
        filters = {key: value for key, value in request.POST.items() if value and key in EXPORT_FILTERS[self.base]}
        job = files.start(
            tenant=request.tenant,
            user=request.user,
            kind=exports.export_kind(self.base),
            fmt=fmt,
            params={
                "filters": filters,
                "support_visible": has_capability(request.roles, Capability.READ_SUPPORT_CATEGORIES),
                "ip": client_ip(request),
            },
        )
        return redirect(job.get_absolute_url())


class JobMixin:
    required_capability = Capability.EDIT_BASES

    def get_job(self):
        return get_object_or_404(imports.import_jobs_of(self.request.user), pk=self.kwargs["pk"])


class JobView(JobMixin, TemplateView):
    """An import job: its progress while it runs (polled by htmx), then the preview or the result."""

    template_name = "mentoring/imports/job.html"

    def get_context_data(self, **kwargs):
        job = self.get_job()
        base = imports.base_of(job)
        result = job.result or {}
        errors = result.get("errors", [])
        return super().get_context_data(
            job=job,
            base=base,
            title=TITLES[base],
            phase=job.phase,
            imported=job.status == job.Status.READY and job.phase == imports.IMPORT,
            result=result,
            errors=errors[: imports.PREVIEW_ROWS * 5],
            errors_hidden=max(0, len(errors) - imports.PREVIEW_ROWS * 5),
            can_import=imports.can_confirm(job),
            can_recheck=job.status in (job.Status.READY, job.Status.FAILED) and bool(job.input_file),
            progress_url=reverse("import_job_progress", kwargs={"org": self.request.tenant.slug, "pk": job.pk}),
            retry_url=reverse("import_job_retry", kwargs={"org": self.request.tenant.slug, "pk": job.pk}),
            **kwargs,
        )


class JobProgressView(JobView):
    template_name = "mentoring/imports/_job_status.html"


class JobConfirmView(JobMixin, View):
    """Confirm a preview without errors: the import runs as a job; a second click does nothing."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        job = self.get_job()
        if not imports.confirm(job):
            messages.error(request, "Этот файл нельзя импортировать: в нём есть ошибки или импорт уже запущен.")
        return redirect(job.get_absolute_url())


class JobRecheckView(JobMixin, View):
    """Check the stored file again, e.g. after the missing tags were added to the school's list."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        job = self.get_job()
        if not imports.recheck(job):
            messages.error(request, "Проверить снова нельзя: файл уже удалён или проверка идёт сейчас.")
        return redirect(job.get_absolute_url())


class JobRetryView(JobMixin, View):
    """«Запустить ещё раз»: a failed check or write runs again (its worker died, or the queue was down)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        job = self.get_job()
        if not job.input_file or not lifecycle.retry(job):
            messages.error(request, "Запустить снова нельзя: файл уже удалён или задание не завершилось ошибкой.")
        return redirect(job.get_absolute_url())
