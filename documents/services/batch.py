"""Every document a tenant can draw from its data, rendered to files (``manage.py render_documents``).

For each document kind of the tenant's level (a school's kinds, or a municipality's), one document is drawn:

- the approved version where there is one: its frozen content (as agreed, for an agreed roadmap) — the text in
  force, even while a next version is being edited;
- else the current draft, rendered from the live data;
- else a new draft of the kind built from the live data, which is not saved.

A school's documents are those of its current programme (the one that starts last). A kind about one subject (a
pair, a mentee, a mentor, a nomination: ``Kind.subject``) is drawn once, like any other kind: its latest document,
or a new draft about the first subject the kind offers whose data is there. One file per kind and format keeps the
kit readable; the documents about every person are drawn from their own pages.

The orders the portal issues itself when it approves a document on its own (``Kind.drafted`` is false) are drawn
when there is one. A kind that cannot be drawn is refused with what to fill first (``MissingData.problems``).
Runs inside the tenant's scope (``core.tenancy.tenant_scope``), which the caller enters.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.models import Organization
from core.rendering import renderer_for
from mentoring.models import Programme

from ..kinds import Kind, MissingData, all_kinds, content_of
from ..models import Document

FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class Drawn:
    """A kind drawn: what was drawn (in Russian) and the files written."""

    kind: Kind
    state: str
    files: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Refused:
    """A kind that cannot be drawn yet, with what to fill first (Russian sentences)."""

    kind: Kind
    problems: list[str]


def render_kit(tenant, out_dir: Path, formats=FORMATS) -> Iterator[Drawn | Refused]:
    """Draw every kind of ``tenant``'s level into ``out_dir`` as ``<kind code>.<format>``, one outcome per kind
    as it is done. Call inside ``tenant_scope(tenant)``."""
    school = isinstance(tenant, Organization)
    programme = Programme.objects.order_by("-starts_on", "-pk").first() if school else None
    for kind in all_kinds("school" if school else "municipality"):
        if school and programme is None:
            yield Refused(kind, ["Создайте программу наставничества (раздел «Программы»)."])
            continue
        if not kind.drafted and not Document.owned.filter(kind=kind.code).exists():
            continue  # an order the portal issues on approval: drawn once there is one
        try:
            content, state = _content(kind, tenant, programme)
        except MissingData as missing:
            yield Refused(kind, missing.problems)
            continue
        files = []
        for fmt in formats:
            rendered = renderer_for(kind.code).render({"content": content, "name": kind.code}, fmt)
            path = out_dir / rendered.filename
            path.write_bytes(rendered.content)
            files.append(path)
        yield Drawn(kind, state, files)


def _content(kind: Kind, tenant, programme) -> tuple[dict, str]:
    """The content tree to draw for ``kind`` and what it is; raises ``MissingData``."""
    documents = Document.owned.filter(kind=kind.code)
    if programme is not None:
        documents = documents.filter(programme=programme)
    documents = documents.select_related("programme").order_by("-updated_at", "-pk")
    approved = documents.filter(versions__isnull=False).distinct().first()
    if approved is not None:
        version = approved.frozen_versions().first()
        agreed = " (согласована)" if version.agreed_content else ""
        return version.final_content, f"утверждённая версия {version.number}{agreed}"
    draft = documents.first()
    if draft is not None:
        return content_of(draft), f"черновик, версия {draft.version}"
    return content_of(_new_draft(kind, tenant, programme)), "новый черновик из данных портала (не сохранён)"


def _new_draft(kind: Kind, tenant, programme) -> Document:
    """An unsaved document of ``kind``; about one subject, the first subject the kind offers whose data is there (a
    pair with meetings for a journal), else the first one, whose ``missing`` then says what to fill."""
    document = Document(kind=kind.code, programme=programme)
    document.tenant = tenant
    if kind.subject:
        subjects = kind.subjects(programme)
        if not subjects:
            raise MissingData([f"В программе пока нет подходящих записей: {kind.subject_label.lower()}."])
        for subject_id, _ in subjects:
            document.subject_id = subject_id
            if not kind.missing(document):
                return document
        document.subject_id = subjects[0][0]
    return document
