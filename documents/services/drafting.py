"""Creating documents and editing the tenant's own words in them."""

from django.db import transaction

from core.audit import log_action
from core.concurrency import check_version
from core.models import Organization
from core.models.tenants import tenant_key

from ..kinds import MissingData, content_of, kind_of
from ..models import Document


class DocumentRefused(Exception):
    """A request the rules do not allow; the message (Russian) says why. Nothing was changed."""


class DocumentExists(DocumentRefused):
    """The programme already has this document: it is edited (a new version), not written twice."""

    def __init__(self, document):
        self.document = document
        super().__init__("Такой документ уже есть: откройте его и при необходимости измените (будет новая версия).")


def create(*, tenant, kind_code: str, actor, programme=None, subject_id=None, request=None) -> Document:
    """A new draft of ``kind_code`` for ``programme``; refused with what to fill first when data is missing."""
    kind = kind_of(kind_code)
    level = "school" if isinstance(tenant, Organization) else "municipality"
    if kind.level != level:
        raise DocumentRefused("Такой документ здесь не составляется.")
    if not kind.drafted:
        raise DocumentRefused(
            "Этот приказ формируется сам, когда руководитель утверждает документ, который он утверждает."
        )
    document = Document(kind=kind_code, programme=programme, subject_id=subject_id, created_by=actor)
    document.tenant = tenant
    if kind.unique:
        existing = Document.owned.filter(tenant_key=tenant_key(tenant), kind=kind_code, programme=programme).first()
        if existing is not None:
            raise DocumentExists(existing)
    if kind.subject:
        choices = {pk for pk, _ in kind.subjects(programme)} if programme else set()
        if not choices:
            raise DocumentRefused(f"В программе пока нет подходящих записей: {kind.subject_label.lower()}.")
        if subject_id not in choices:
            raise DocumentRefused(f"Выберите, о ком документ: {kind.subject_label.lower()}.")
    problems = kind.missing(document)
    if problems:
        raise MissingData(problems)
    document.title = kind.title(document)[:500]
    with transaction.atomic():
        document.save()
        log_action("document.created", actor=actor, tenant=tenant, obj=document, request=request)
    return document


def update_texts(document: Document, texts: dict[str, str], *, actor, request=None, version=None) -> Document:
    """Save the tenant's own words. A frozen document starts its next version (a draft again, unnumbered).
    The state is checked on the locked row: a document sent meanwhile by someone else is not pulled back, and
    words saved by someone else after ``version`` (the edit form's) are not overwritten (``EditConflict``)."""
    kind = kind_of(document.kind)
    allowed = {block.key: block for block in kind.blocks}
    cleaned = {}
    for key, value in texts.items():
        if key not in allowed:
            continue
        value = (value or "").replace("\r\n", "\n").strip()
        if len(value) > allowed[key].max_length:
            raise DocumentRefused(
                f"Текст «{allowed[key].label}» длиннее {allowed[key].max_length} знаков — сократите его."
            )
        cleaned[key] = value
    with transaction.atomic():
        manager = Document.objects if document.organization_id else Document.owned
        document = manager.select_for_update(of=("self",)).get(pk=document.pk)
        check_version(document, version)
        if document.status in (Document.Status.SENT, Document.Status.SUBMITTED):
            raise DocumentRefused(
                "Документ сейчас на утверждении или согласовании: изменить его можно после решения или возврата."
            )
        changes = {
            key: [(document.blocks or {}).get(key, ""), value]
            for key, value in cleaned.items()
            if (document.blocks or {}).get(key) != value
        }
        if not changes:
            return document
        if document.is_frozen:
            document.version += 1
            document.number = ""
            document.dated = None
            changes["version"] = [document.version - 1, document.version]
        document.status = Document.Status.DRAFT
        document.blocks = {**(document.blocks or {}), **cleaned}
        document.title = kind.title(document)[:500]
        document.save()
        log_action(
            "document.edited", actor=actor, tenant=document.tenant, obj=document, changes=changes, request=request
        )
    return document


def preview(document: Document) -> dict:
    """The live content of a draft, or the frozen content of the current version once approved."""
    if document.is_frozen:
        version = document.frozen_versions().filter(number=document.version).first()
        if version is not None:
            return version.final_content
    return content_of(document)
