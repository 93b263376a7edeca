"""Demo documents (``seed_demo``): the department's order approving its roadmap (cited by the schools' orders); every
school's regulation, roadmap and implementation order, composed by the programme's curator (the director in the
small schools, which have no curator account) and taken as far as the school's story goes (``STORIES``):

- School №40 (``agreed``): the implementation order approved, and with it its appendices, the regulation and the
  roadmap (their stamps cite it); the roadmap returned by the department with a remark, answered and agreed; the
  order appointing the curator waiting in the director's inbox; its «Наставничество» section on the site
  switched on, with the curator's contact;
- Bolshaya Murta school №1 (``submitted``): the implementation order approved with its appendices, the roadmap
  waiting for the department's agreement;
- Talazhanka (``sent``), a small village school behind the others: the three documents drafted, the
  implementation order and the roadmap sent to the director.

Only the workflow's public functions are called (``drafting.create``, ``workflow.send_for_approval``,
``workflow.approve``, ``workflow.agree`` …), never a status written by hand. A second run finds the programme's
documents and changes nothing.
"""

from core.models import Membership, Municipality, Organization
from core.models.tenants import tenant_filter
from core.roles import Role
from core.tenancy import tenant_scope
from documents.models import Document
from documents.services import drafting, publication, workflow
from mentoring.models import Programme

KIT = ("regulation", "roadmap", "implementation_order")
STORIES = {"sh40": "agreed", "bm-sosh1": "submitted", "talazhanka": "sent"}
DIRECTORS = frozenset({Role.DIRECTOR})
REMARK = "Укажите в этапе 4 ответственных за обучение наставников и график «Школы наставников»."
ANSWER = "Ответственные указаны, график утверждён отдельным приказом."
# Who answers for the material support in each school (no portal account: the school types the name into the order).
MATERIAL = {
    "sh40": "Кузнецову Ольгу Петровну, заместителя директора по административно-хозяйственной работе",
    "bm-sosh1": "Белову Надежду Ивановну, заведующую хозяйством",
    "talazhanka": "Зуеву Анну Сергеевну, заведующую хозяйством",
}


def _member(tenant, role):
    membership = Membership.objects.filter(role=role, **tenant_filter(tenant)).select_related("user").first()
    return membership.user if membership else None


def seed_documents(organization: Organization, programme: Programme) -> None:
    """Compose the school's kit for ``programme``, take it as far as the school's story goes, and switch School
    №40's section on the site on."""
    story = STORIES.get(organization.slug, "sent")
    with tenant_scope(organization):
        author, director = programme.curator, _member(organization, Role.DIRECTOR)
        if author is None or director is None:
            return
        if not Document.objects.filter(programme=programme).exists():
            _compose(organization, programme, story, author, director)
        if story == "agreed":
            _publish(organization, director)


def seed_municipal_documents(municipality: Municipality) -> None:
    """The department's order approving its roadmap, drafted by the specialist and approved by the coordinator
    (the roadmap is approved with it, as its appendix): the schools' orders cite it. Once."""
    with tenant_scope(municipality):
        specialist = _member(municipality, Role.MUNICIPAL_SPECIALIST)
        coordinator = _member(municipality, Role.MUNICIPAL_COORDINATOR)
        if specialist is None or coordinator is None or Document.owned.filter(kind="municipal_order").exists():
            return
        order = drafting.create(tenant=municipality, kind_code="municipal_order", actor=specialist)
        workflow.send_for_approval(order, actor=specialist)
        workflow.approve(order, actor=coordinator, roles=frozenset({Role.MUNICIPAL_COORDINATOR}))


def _compose(organization: Organization, programme: Programme, story: str, author, director) -> None:
    kit = {
        kind: drafting.create(tenant=organization, kind_code=kind, actor=author, programme=programme) for kind in KIT
    }
    if organization.slug in MATERIAL:
        kit["implementation_order"] = drafting.update_texts(
            kit["implementation_order"], {"material": MATERIAL[organization.slug]}, actor=author
        )
    workflow.send_for_approval(kit["implementation_order"], actor=author)
    if story == "sent":
        workflow.send_for_approval(kit["roadmap"], actor=author)
        return
    # The director signs the order; the regulation and the roadmap are approved by it, and the roadmap goes on
    # to the department.
    workflow.approve(kit["implementation_order"], actor=director, roles=DIRECTORS)
    if story == "submitted":
        return
    kit["roadmap"].refresh_from_db()
    _agree_after_a_remark(kit["roadmap"], organization.municipality, author)
    curator_order = drafting.create(tenant=organization, kind_code="curator_order", actor=author, programme=programme)
    workflow.send_for_approval(curator_order, actor=author)  # waiting in the director's inbox


def _agree_after_a_remark(roadmap: Document, municipality: Municipality, author) -> None:
    specialist = _member(municipality, Role.MUNICIPAL_SPECIALIST)
    if specialist is None:
        return
    workflow.return_with_remarks(roadmap, REMARK, tenant=municipality, actor=specialist)
    workflow.resubmit(roadmap, ANSWER, actor=author)
    workflow.agree(roadmap, tenant=municipality, actor=specialist)


def _publish(organization: Organization, director) -> None:
    """Switch the school's «Наставничество» section on, with the default intro and the curator's contact; a page
    the school has set up already (perhaps switched off) is left as it is."""
    page = publication.settings_of(organization)
    if page.pk is None:
        page.enabled = True
        publication.save_settings(page, actor=director)
