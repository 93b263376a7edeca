"""The kinds of job: what each phase does and which page shows it.

A domain app registers its kinds with ``register_job_kind`` (an import registers check → write); every
renderer of ``core.rendering`` is a one-phase kind as it is (``core.jobs.files``), so a document or a report
needs no registration here.
"""

from abc import ABC, abstractmethod


class JobRefused(Exception):
    """The job cannot be done as asked; the message (Russian) says why. ``keep_input`` keeps the uploaded
    file for a run after the user has fixed what is wrong; ``result`` is shown with the failure."""

    def __init__(self, message: str, *, keep_input: bool = True, result: dict | None = None):
        super().__init__(message)
        self.message = message
        self.keep_input = keep_input
        self.result = result or {}


class JobKind(ABC):
    """Base class. ``run`` does one phase of a job and returns its result (a dict stored on the job) and,
    for a phase that makes a file, a ``core.rendering.Rendered``; it raises ``JobRefused`` for a failure the
    user can understand. ``progress(done, total)`` is also the job's sign of life."""

    code = ""
    title = ""
    phases: tuple[str, ...] = ("run",)
    page_url_name = "file_job"  # the school page of a job of this kind (municipal jobs: «m_file_job»)
    queue = "documents"  # its worker pool when JOB_QUEUE_PER_KIND is on: one of core.queue.JOB_QUEUES

    def queue_for(self, job) -> str:
        """The queue a job of this kind is sent to."""
        return self.queue

    @abstractmethod
    def run(self, job, phase: str, progress):
        """Do ``phase`` of ``job``; return ``(result, rendered or None)``."""

    def finished(self, job, phase: str) -> None:  # noqa: B027 - an optional hook, empty by default
        """After a phase has succeeded (e.g. the uploaded file deleted once its rows are written)."""


_kinds: dict[str, JobKind] = {}


def register_job_kind(kind_class):
    """Class decorator: register one instance of a job kind under its ``code``."""
    if not kind_class.code or kind_class.code in _kinds:
        raise ValueError(f"Job kind {kind_class.code!r} is empty or registered twice.")
    _kinds[kind_class.code] = kind_class()
    return kind_class


def kind_of(code: str) -> JobKind:
    """The registered kind, or the rendered-file kind for a renderer's kind."""
    if code in _kinds:
        return _kinds[code]
    from .files import RENDER_FILE

    return RENDER_FILE


def kinds_with_own_page() -> list[str]:
    """The kinds shown on a page of their own, not on the page of file jobs (an import's preview)."""
    return sorted(code for code, kind in _kinds.items() if kind.page_url_name != JobKind.page_url_name)
