"""What an order that approves documents as its appendices says about each of them: the version it approved
(once signed), the earlier order that approved it (then the order cites that one and appends nothing), or the
current draft's own words (before signing). Two queries for all of them."""

from dataclasses import dataclass, field
from datetime import date

from ..content import heading


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
