"""What an order that approves documents as its appendices says about each of them: the version it approved
(once signed), the earlier order that approved it (then the order cites that one and appends nothing), or the
current draft's own words (before signing). Two queries for all of them."""

from dataclasses import dataclass, field
from datetime import date

from ..content import appendix, heading
from . import kind_of


@dataclass
class Appended:
    code: str
    approved_here: dict | None = None  # the frozen content this order approved
    approved_before: tuple[date, str] | None = None  # the date and number of the earlier order that approved it
    own: dict = field(default_factory=dict)  # the tenant's own words in the draft

    @property
    def appended(self) -> bool:
        return self.approved_before is None


def appended_documents(order, codes) -> dict[str, Appended]:
    from documents.models import Document, DocumentVersion

    result = {code: Appended(code) for code in codes}
    documents = Document.objects if order.organization_id else Document.owned
    versions = DocumentVersion.objects if order.organization_id else DocumentVersion.owned
    if order.pk:
        for code, content in versions.filter(approving_order=order).values_list("document__kind", "content"):
            result[code].approved_here = content
    rows = documents.filter(tenant_key=order.tenant_key, kind__in=codes, programme=order.programme).order_by("pk")
    frozen = {Document.Status.APPROVED, Document.Status.SUBMITTED, Document.Status.REMARKS, Document.Status.AGREED}
    for code, status, dated, number, blocks in rows.values_list("kind", "status", "dated", "number", "blocks"):
        item = result[code]
        if item.approved_here is None and status in frozen and number:
            item.approved_before = (dated, number)
        item.own = blocks or {}
    return result


def appendix_content(content: dict) -> dict:
    """A document as an appendix: its kind, title, text and orientation, without its own stamps; its own
    appendices (the regulation's forms) follow its text under their marks."""
    appended = {key: content[key] for key in ("kind_title", "title", "blocks", "landscape") if key in content}
    for item in content.get("appendices", []):
        inner = item["content"]
        appended["blocks"] = [
            *appended.get("blocks", []),
            heading(" ".join(item["mark"])),
            *([heading(inner["title"])] if inner.get("title") else []),
            *inner.get("blocks", []),
        ]
    return appended


def appendix_of(order, item: Appended) -> dict:
    """``item`` as ``order`` appends it (``appendix_content``): the version the order approved, else the draft's own
    words (those of its kind's blocks) over the kind's defaults."""
    kind_ = kind_of(item.code)
    own = {key: value for key, value in item.own.items() if any(block.key == key for block in kind_.blocks)}
    return appendix_content(item.approved_here or kind_.content(order, {**kind_.defaults(order), **own}))


def appendix_marks(order, contents) -> list[dict]:
    """The order's appendices under their marks, numbered; the only one is not numbered (ГОСТ Р 7.0.97-2016,
    5.24)."""
    marks = [appendix(n, order.dated, order.number, content) for n, content in enumerate(contents, start=1)]
    if len(marks) == 1:
        marks[0]["mark"][0] = "Приложение"
    return marks
