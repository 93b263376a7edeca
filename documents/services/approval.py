"""What an approval freezes and which number it gives, as Russian record-keeping has it.

The register numbers orders (and letters). A regulation or a roadmap is approved *by an order*: its stamp
«УТВЕРЖДЕНО приказом … от … № …» cites that order, and it carries the order's date and number. Approving an
order that has them as appendices (the implementation order: the regulation and the roadmap; the municipal
order: the municipal roadmap) approves their current drafts with it. Approving one of them on its own (its
first version outside that order, or any later version) issues an order on its approval, numbered from the
register, with the document as its appendix.

Callers hold the document's row lock and check capability and state (documents/services/workflow.py).
"""

import hashlib
from datetime import date

from django.core.files.base import ContentFile
from django.utils import timezone

from core.models import Municipality, Organization
from core.models.tenants import tenant_key
from core.rendering import renderer_for

from ..kinds import content_of, kind_of
from ..models import Document, DocumentVersion, RegisterCounter
from ..renderers import file_name

APPROVAL_ORDER = {"school": "approval_order", "municipality": "municipal_approval_order"}


def approve_document(document: Document, *, actor) -> list[Document]:
    """Approve ``document`` today. Returns every document this approval froze: the document itself, the
    appendices its order approves, or the order issued to approve it (the first one is always ``document``)."""
    kind = kind_of(document.kind)
    today = timezone.localdate()
    if kind.approved_by_order:
        order = _issue_approval_order(document, actor=actor, today=today)
        freeze(document, actor=actor, order=order)
        freeze(order, actor=actor)
        return [document, order]
    document.dated = today
    document.number = next_number(document.tenant, today) if kind.numbered else ""
    approved = [document]
    for code in kind.approves:
        appendix = approvable_appendix(document, code, actor=actor)
        if appendix is not None:
            freeze(appendix, actor=actor, order=document)
            approved.append(appendix)
    freeze(document, actor=actor)
    return approved


def freeze(document: Document, *, actor, order: Document | None = None) -> DocumentVersion:
    """Store the document's content and PDF as its current version; a document approved by ``order`` takes the
    order's date and number (its stamp cites them)."""
    if order is not None:
        document.dated, document.number = order.dated, order.number
    content = content_of(document)
    pdf = render_pdf(document, content)
    version = DocumentVersion(
        document=document,
        number=document.version,
        content=content,
        approved_by=actor,
        approved_at=timezone.now(),
        approving_order=order,
        sha256=hashlib.sha256(pdf).hexdigest(),
    )
    version.pdf.save(f"{file_name(document)}.pdf", ContentFile(pdf), save=False)
    version.save()
    document.status = Document.Status.APPROVED
    document.save()
    return version


def approvable_appendix(order: Document, code: str, *, actor) -> Document | None:
    """The document of kind ``code`` that ``order`` approves as its appendix, locked: its current draft (written
    now from the data if the tenant has none yet); None when it stands approved by an earlier order."""
    from .drafting import create

    manager = Document.objects if order.organization_id else Document.owned
    found = (
        manager.select_for_update(of=("self",))
        .filter(tenant_key=order.tenant_key, kind=code, programme=order.programme)
        .order_by("pk")
        .first()
    )
    if found is None:
        found = create(tenant=order.tenant, kind_code=code, actor=actor, programme=order.programme)
    elif found.is_frozen:
        return None
    return found


def _issue_approval_order(document: Document, *, actor, today: date) -> Document:
    """An order on the approval of ``document`` (its new version, when an earlier one was approved), numbered
    from the register; frozen by the caller after the document it approves."""
    level = "school" if document.organization_id else "municipality"
    order = Document(
        kind=APPROVAL_ORDER[level],
        programme=document.programme,
        subject_id=document.pk,
        created_by=actor,
        dated=today,
        number=next_number(document.tenant, today),
    )
    order.tenant = document.tenant
    order.title = kind_of(order.kind).title(order)[:500]
    order.save()
    return order


def next_number(tenant: Organization | Municipality, today: date) -> str:
    """The next number of the tenant's register for the year (the row is locked until commit)."""
    counter, _ = RegisterCounter.objects.select_for_update().get_or_create(
        tenant_key=tenant_key(tenant), year=today.year
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return str(counter.last_number)


def render_pdf(document: Document, content: dict) -> bytes:
    """The frozen PDF, made by the document's renderer from the same source as a download of it."""
    return renderer_for(document.kind).render({"content": content, "name": file_name(document)}, "pdf").content
