"""The order on the approval of a regulation or a roadmap, issued by the portal when the director approves one
on its own (outside the order that has it as an appendix): its first version, or a new one («в новой редакции»,
the earlier version losing force). Numbered from the register; the document it approves is its appendix and
its stamp cites this order's date and number (documents/services/approval.py)."""

from core.inflection import phrase

from ..content import command, short_date
from . import Kind, MissingData, kind, kind_of
from .appendices import appendix_content
from .common import CONTROL, clauses, default_place, director_signature, lower_first, requisites
from .municipal import head_signature, municipal_place, municipal_requisites


def approved_version(order):
    """The version ``order`` approved (one query), or None before it approved one."""
    from documents.models import DocumentVersion

    if order.pk is None:
        return None
    manager = DocumentVersion.objects if order.organization_id else DocumentVersion.owned
    return manager.filter(approving_order=order).select_related("document").first()


def approved_document(order):
    """The document ``order`` is about (``subject_id``): found through the version it approved, or by id."""
    from documents.models import Document

    version = approved_version(order)
    if version is not None:
        return version.document, version
    manager = Document.objects if order.organization_id else Document.owned
    return manager.filter(pk=order.subject_id).first(), None


def previous_approval(document):
    """The order that approved the version before the current one of ``document``: (date, number) or None."""
    from documents.models import DocumentVersion

    manager = DocumentVersion.objects if document.organization_id else DocumentVersion.owned
    earlier = (
        manager.filter(document=document, number__lt=document.version, approving_order__isnull=False)
        .order_by("-number")
        .values_list("approving_order__dated", "approving_order__number")
        .first()
    )
    return earlier


def kind_name(code: str, case: str) -> str:
    """A kind's name in ``case`` inside a sentence, its parenthesised synonym declined too: «плана мероприятий
    (дорожной карты) по внедрению…»."""
    name = kind_of(code).name
    if "(" in name and ")" in name:
        head, rest = name.split("(", 1)
        inner, tail = rest.split(")", 1)
        name = f"{phrase(head.strip(), case)} ({phrase(inner.strip(), case)}){tail}"
    else:
        name = phrase(name, case)
    return lower_first(name)


class ApprovalOrderBase(Kind):
    is_order = True
    drafted = False
    public = True  # it approves a regulation or a roadmap, which name no one
    name = "Приказ об утверждении документа программы наставничества"

    def title(self, document):
        approved, _ = approved_document(document)
        if approved is None:
            return self.name
        name = kind_name(approved.kind, "gent")
        return f"Об утверждении {name}" + (" в новой редакции" if approved.version > 1 else "")

    def points(self, document, approved) -> list[str]:
        noun = kind_name(approved.kind, "accs")
        points = [f"Утвердить {noun}" + (" в новой редакции" if approved.version > 1 else "") + " (приложение)."]
        earlier = previous_approval(approved)
        if earlier:
            gent = kind_name(approved.kind, "gent")
            points.append(
                f"Признать утратившей силу редакцию {gent}, утверждённую приказом от {short_date(earlier[0])} "
                f"№ {earlier[1]}."
            )
        points.append(CONTROL)
        return points

    def build(self, document, texts):
        approved, version = approved_document(document)
        if version is None:
            raise MissingData(["Приказ формируется при утверждении документа, который он утверждает."])
        appendix = {
            "mark": ["Приложение", f"к приказу от {short_date(document.dated)} № {document.number}"],
            "content": appendix_content(version.content),
        }
        return {
            "requisites": self.requisites(document),
            "title": self.title(document),
            "blocks": [command(), *clauses([(point, []) for point in self.points(document, approved)])],
            "signature": self.signature(document),
            "appendices": [appendix],
        }


@kind
class ApprovalOrder(ApprovalOrderBase):
    code = "approval_order"

    def requisites(self, document):
        return requisites(document, {"place": default_place(document.tenant)})

    def signature(self, document):
        return director_signature(document.tenant)


@kind
class MunicipalApprovalOrder(ApprovalOrderBase):
    code = "municipal_approval_order"
    level = "municipality"

    def requisites(self, document):
        return municipal_requisites(document, {"place": municipal_place(document.tenant)})

    def signature(self, document):
        return head_signature(document.tenant)
