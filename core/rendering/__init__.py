"""One renderer interface for every document and report.

A renderer turns a *source* (a document version's content, a report's data) into a file in one of its
formats: ``render(kind, fmt, source) -> Rendered(filename, mimetype, content)``. Renderers are registered by
kind with ``@register``; documents and reports use the same registry, so a download view, a Celery task or a
benchmark renders anything the same way.
"""

from dataclasses import dataclass

MIMETYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "zip": "application/zip",
}


@dataclass(frozen=True)
class Rendered:
    filename: str
    mimetype: str
    content: bytes


class RenderRefused(Exception):
    """The data needed for a file is missing; the message (Russian) tells the user what to fill first."""


class Renderer:
    """Base class: set ``kind`` and ``formats`` and write one ``render_<fmt>(source) -> bytes`` per format,
    plus ``basename(source)`` (the file name without extension, in Russian).

    A renderer run by a job (``core.jobs.files``) also rebuilds its source from the job's JSON
    params with ``load``; the default treats the params themselves as the source.
    """

    kind = ""
    formats: tuple[str, ...] = ()
    title = ""  # what the file is, in Russian, for the job's page
    names_people = True  # its files may name people: an erasure deletes them (False: counts only)
    queue = "documents"  # the worker pool that renders it (core.queue.JOB_QUEUES); reports set "reports"

    def load(self, params: dict, *, tenant, user, progress):
        """Build the source from a job's params inside the tenant's scope. ``progress(done, total)`` reports
        how far the assembly got; raise ``RenderRefused`` when the data is not there yet."""
        return params

    def basename(self, source) -> str:
        return self.kind

    def render(self, source, fmt: str) -> Rendered:
        if fmt not in self.formats:
            raise UnsupportedFormat(self.kind, fmt)
        content = getattr(self, f"render_{fmt}")(source)
        return Rendered(f"{self.basename(source)}.{fmt}", MIMETYPES[fmt], content)


class UnknownKind(LookupError):
    pass


class UnsupportedFormat(LookupError):
    def __init__(self, kind, fmt):
        super().__init__(f"{kind} cannot be rendered as {fmt}")


_registry: dict[str, Renderer] = {}


def register(renderer_class):
    """Class decorator: register one renderer instance under its ``kind``."""
    if not renderer_class.kind or renderer_class.kind in _registry:
        raise ValueError(f"Renderer kind {renderer_class.kind!r} is empty or registered twice.")
    _registry[renderer_class.kind] = renderer_class()
    return renderer_class


def renderer_for(kind: str) -> Renderer:
    try:
        return _registry[kind]
    except KeyError:
        raise UnknownKind(kind) from None


def render(kind: str, fmt: str, source) -> Rendered:
    return renderer_for(kind).render(source, fmt)


def registered_kinds() -> list[str]:
    return sorted(_registry)
