"""The approval workflow: draft → sent → approved by the director (an order numbered from the register; a
regulation or a roadmap by an order that cites it, documents/services/approval.py) or returned; a school's
roadmap then goes to the municipality: submitted → agreed or returned with remarks, and resubmitted. Approval
and agreement freeze the version: its content and PDF are stored with a SHA-256.

Every step checks the actor's capability and the document's state under a row lock, so a second click, a
missing role or a stale page is refused with a Russian message and changes nothing; every step is audited
and the other side is notified.
"""

import hashlib
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.audit import log_action
from core.members import holders_of
from core.models import Municipality
from core.notifications import notify
from core.roles import Capability, has_capability

from ..kinds import content_of, kind_of
from ..models import Document, Remark
from ..renderers import file_name
from .approval import approve_document, render_pdf
from .drafting import DocumentRefused

S = Document.Status
MAX_REMARK = 5000


def _locked(document: Document) -> Document:
    manager = Document.objects if document.organization_id else Document.owned
    return (
        manager.select_for_update(of=("self",))
        .select_related("organization", "municipality", "programme")
        .get(pk=document.pk)
    )


def _approve_capability(document) -> Capability:
    if document.organization_id:
        return Capability.APPROVE_SCHOOL_DOCUMENTS
    return Capability.APPROVE_MUNICIPAL_DOCUMENTS


def _draft_capability(document) -> Capability:
    if document.organization_id:
        return Capability.DRAFT_SCHOOL_DOCUMENTS
    return Capability.DRAFT_MUNICIPAL_DOCUMENTS


def _authors(document) -> list:
    """Who wrote the document and who may draft it: they hear it came back."""
    return [document.created_by, *holders_of(document.tenant, _draft_capability(document))]


def _approvers(document) -> list:
    return holders_of(document.tenant, _approve_capability(document))


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DocumentRefused("Напишите текст замечания или ответа.")
    if len(text) > MAX_REMARK:
        raise DocumentRefused(f"Текст длиннее {MAX_REMARK} знаков — сократите его.")
    return text


@transaction.atomic
def send_for_approval(document: Document, *, actor, request=None) -> Document:
    document = _locked(document)
    if document.status not in (S.DRAFT, S.RETURNED):
        raise DocumentRefused("Отправить на утверждение можно только черновик или возвращённый документ.")
    content_of(document)  # refuses with what to fill first
    document.status = S.SENT
    document.save(update_fields=["status", "updated_at"])
    log_action("document.sent", actor=actor, tenant=document.tenant, obj=document, request=request)
    notify(
        _approvers(document),
        f"На утверждение: {kind_of(document.kind).name} (версия {document.version})",
        document.get_absolute_url(),
        tenant=document.tenant,
        except_user=actor,
    )
    return document


@transaction.atomic
def approve(document: Document, *, actor, roles, request=None) -> Document:
    """The director approves (a municipal coordinator for a municipal document). An order takes the next number
    of the register and today's date, and approves its appendices with it; a regulation or a roadmap is approved
    by an order issued for it (documents/services/approval.py). Every document approved is frozen; a school's
    roadmap goes on to the municipality."""
    if not has_capability(roles, _approve_capability(document)):
        raise DocumentRefused("Утверждать документы может только руководитель.")
    document = _locked(document)
    if document.status != S.SENT:
        raise DocumentRefused("Этот документ не ждёт утверждения: он уже утверждён или ещё не отправлен.")
    approved = approve_document(document, actor=actor)
    for item in approved:
        _approved(item, actor=actor, request=request)
    return approved[0]


def _approved(document: Document, *, actor, request=None) -> None:
    """Audit and tell the authors of one approved document; a roadmap goes on to the municipality."""
    kind = kind_of(document.kind)
    version = document.frozen_versions().get(number=document.version)
    changes = {"number": ["", document.number], "version": [None, document.version], "sha256": ["", version.sha256]}
    log_action("document.approved", actor=actor, tenant=document.tenant, obj=document, changes=changes, request=request)
    how = f"приказом от {document.dated:%d.%m.%Y} № {document.number}" if kind.approved_by_order else (
        f"№ {document.number} от {document.dated:%d.%m.%Y}" if document.number else f"{document.dated:%d.%m.%Y}"
    )  # fmt: skip
    notify(
        _authors(document),
        f"Документ утверждён: {kind.name} {how}",
        document.get_absolute_url(),
        tenant=document.tenant,
        except_user=actor,
    )
    if kind.needs_agreement:
        _submit(document, actor=actor, request=request)
        document.save(update_fields=["status", "updated_at"])


@transaction.atomic
def return_to_author(document: Document, text: str, *, actor, roles, request=None) -> Document:
    if not has_capability(roles, _approve_capability(document)):
        raise DocumentRefused("Вернуть документ на доработку может только руководитель.")
    text = _text(text)
    document = _locked(document)
    if document.status != S.SENT:
        raise DocumentRefused("Вернуть можно только документ, который ждёт утверждения.")
    document.status = S.RETURNED
    document.save(update_fields=["status", "updated_at"])
    Remark.objects.create(
        document=document, version=document.version, side=Remark.Side.DIRECTOR, author=actor, text=text
    )
    log_action("document.returned", actor=actor, tenant=document.tenant, obj=document, request=request)
    notify(
        _authors(document),
        f"Возвращён на доработку: {kind_of(document.kind).name}",
        document.get_absolute_url(),
        tenant=document.tenant,
        except_user=actor,
    )
    return document


def _submit(document: Document, *, actor, request=None) -> None:
    document.status = S.SUBMITTED
    log_action("document.submitted", actor=actor, tenant=document.tenant, obj=document, request=request)
    notify(
        holders_of(document.organization.municipality, Capability.AGREE_ROADMAPS),
        f"На согласование: дорожная карта {document.organization.short_name} (версия {document.version})",
        reverse("m_school_document", kwargs={"muni": document.organization.municipality.slug, "pk": document.pk}),
        tenant=document.organization.municipality,
        except_user=actor,
    )


@transaction.atomic
def resubmit(document: Document, answer: str, *, actor, request=None) -> Document:
    """The school answers the municipality's remarks and sends the approved version again."""
    document = _locked(document)
    if document.status != S.REMARKS:
        raise DocumentRefused("Повторно отправить можно только дорожную карту, возвращённую с замечаниями.")
    if answer.strip():
        Remark.objects.create(
            document=document, version=document.version, side=Remark.Side.SCHOOL, author=actor, text=_text(answer)
        )
    _submit(document, actor=actor, request=request)
    document.save(update_fields=["status", "updated_at"])
    return document


def _reviewable(document: Document, tenant: Municipality) -> Document:
    document = _locked(document)
    if document.organization is None or document.organization.municipality_id != tenant.pk:
        raise DocumentRefused("Эта школа не относится к вашему муниципалитету.")
    if not kind_of(document.kind).needs_agreement:
        raise DocumentRefused("Этот документ не согласуется в управлении образования.")
    if document.status != S.SUBMITTED:
        raise DocumentRefused("Дорожная карта не ждёт согласования: она уже согласована, возвращена или отозвана.")
    return document


@transaction.atomic
def agree(document: Document, *, tenant: Municipality, actor, request=None) -> Document:
    """The municipality agrees the submitted version: «СОГЛАСОВАНО» is filled in and that PDF frozen too."""
    document = _reviewable(document, tenant)
    version = document.frozen_versions().get(number=document.version)
    today = timezone.localdate()
    agreed = _with_agreement(version.content, actor, tenant, today)
    pdf = render_pdf(document, agreed)
    version.agreed_content = agreed
    version.agreed_by = actor
    version.agreed_at = timezone.now()
    version.agreed_sha256 = hashlib.sha256(pdf).hexdigest()
    version.agreed_pdf.save(f"{file_name(document)} согласовано.pdf", ContentFile(pdf), save=False)
    version.save()
    document.status = S.AGREED
    document.save(update_fields=["status", "updated_at"])
    log_action(
        "document.agreed",
        actor=actor,
        tenant=document.tenant,
        obj=document,
        changes={"sha256": ["", version.agreed_sha256]},
        request=request,
    )
    _tell_school(document, f"Дорожная карта согласована управлением образования (версия {document.version})")
    return document


def _with_agreement(content: dict, actor, municipality: Municipality, today: date) -> dict:
    from ..content import agreement_stamp

    position = actor.position or municipality.head_position or "Специалист управления образования"
    stamp = agreement_stamp(position, municipality.short_name, actor.full_name, today)
    stamps = [stamp if item["label"] == "СОГЛАСОВАНО" else item for item in content.get("stamps", [])]
    return {**content, "stamps": stamps}


@transaction.atomic
def return_with_remarks(document: Document, text: str, *, tenant: Municipality, actor, request=None) -> Document:
    text = _text(text)
    document = _reviewable(document, tenant)
    document.status = S.REMARKS
    document.save(update_fields=["status", "updated_at"])
    Remark.objects.create(
        document=document, version=document.version, side=Remark.Side.MUNICIPALITY, author=actor, text=text
    )
    log_action(
        "document.remarks",
        actor=actor,
        tenant=document.tenant,
        obj=document,
        changes={"remark": ["", text]},
        request=request,
    )
    text = f"Дорожная карта возвращена управлением образования с замечаниями (версия {document.version})"
    _tell_school(document, text)
    return document


def _tell_school(document: Document, text: str) -> None:
    """The school's authors and its director hear what the department decided."""
    notify([*_authors(document), *_approvers(document)], text, document.get_absolute_url(), tenant=document.tenant)
