"""Demo documents (``seed_demo``): each school's roadmap approved and sent to the department; in School №40
the regulation approved, the roadmap returned with a remark, answered and agreed, and the implementation order
waiting in the director's inbox. A second run finds them and changes nothing."""

from core.models import Membership, Municipality, Organization
from core.models.tenants import tenant_filter
from core.roles import Role
from documents.models import Document
from documents.services import drafting, workflow
from mentoring.models import Programme


def _member(tenant, role):
    membership = Membership.objects.filter(role=role, **tenant_filter(tenant)).select_related("user").first()
    return membership.user if membership else None


def seed_documents(organization: Organization, programme: Programme, *, full: bool) -> None:
    if Document.objects.filter(organization=organization, programme=programme).exists():
        return
    curator, director = _member(organization, Role.CURATOR), _member(organization, Role.DIRECTOR)
    municipality: Municipality = organization.municipality
    specialist = _member(municipality, Role.MUNICIPAL_SPECIALIST)
    if not (curator and director):
        return
    directors = frozenset({Role.DIRECTOR})

    def approved(kind):
        document = drafting.create(tenant=organization, kind_code=kind, actor=curator, programme=programme)
        workflow.send_for_approval(document, actor=curator)
        return workflow.approve(document, actor=director, roles=directors)

    roadmap = approved("roadmap")
    if not full or specialist is None:
        return
    approved("regulation")
    workflow.return_with_remarks(
        roadmap,
        "Укажите в этапе 4 ответственных за обучение наставников и график «Школы наставников».",
        tenant=municipality,
        actor=specialist,
    )
    workflow.resubmit(roadmap, "Ответственные указаны, график утверждён отдельным приказом.", actor=curator)
    workflow.agree(roadmap, tenant=municipality, actor=specialist)
    order = drafting.create(tenant=organization, kind_code="implementation_order", actor=curator, programme=programme)
    workflow.send_for_approval(order, actor=curator)
