"""Rendered files as jobs: every renderer of ``core.rendering`` (documents, reports, exports) is a job kind
of one phase. The view calls ``start`` and redirects to the job's page, which shows the progress, the
download, or why it failed with «Запустить ещё раз». A job only its owner sees, in its own tenant.
"""

from ..models import Job
from ..rendering import RenderRefused, UnknownKind, renderer_for
from . import lifecycle
from .registry import JobKind, JobRefused, kinds_with_own_page


class RenderFile(JobKind):
    """Rebuild the renderer's source from the job's params inside the tenant's scope, render the file."""

    code = "render_file"

    def queue_for(self, job) -> str:
        return renderer_for(job.kind).queue

    def run(self, job, phase, progress):
        renderer = renderer_for(job.kind)
        try:
            source = renderer.load(job.params, tenant=job.tenant, user=job.user, progress=progress)
        except RenderRefused as refusal:
            raise JobRefused(str(refusal)) from None
        return {}, renderer.render(source, job.params["fmt"])


RENDER_FILE = RenderFile()


def start(*, tenant, user, kind: str, fmt: str, params: dict | None = None) -> Job:
    """Queue the rendering of ``kind`` as ``fmt``; the task is sent after the transaction commits."""
    renderer = renderer_for(kind)
    if fmt not in renderer.formats:
        raise ValueError(f"{kind} has no format {fmt}")
    return lifecycle.create(tenant=tenant, user=user, kind=kind, params={**(params or {}), "fmt": fmt})


def file_jobs_of(user):
    """The file jobs a user may see: their own, in the current tenant (the scope)."""
    return Job.objects.filter(user=user).exclude(kind__in=kinds_with_own_page())


def title_of(job: Job) -> str:
    try:
        return renderer_for(job.kind).title or job.kind
    except UnknownKind:  # a file made by a renderer that no longer exists still downloads
        return "Файл"
