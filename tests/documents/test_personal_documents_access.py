"""Documents about one person (an agreement, a consent to personal-data processing, the mentor's consent) are read only
by the roles that read people's cards: the observer, who reads the school's other approved documents, gets 404 on
each of them, its versions and its files, and does not see them in the list (152-ФЗ: minimisation)."""

import pytest
from django.urls import reverse

from core.roles import SCHOOL_ROLES, Role
from core.tenancy import tenant_scope
from documents.services import drafting, workflow

PERSONAL_KINDS = ("agreement", "pd_consent", "mentor_consent")
READ_CARDS = frozenset({Role.DIRECTOR, Role.CURATOR, Role.METHODIST})
VIEWS = (
    ("document_detail", "get", {}),
    ("document_version_pdf", "get", {"number": 1}),
    ("document_render", "post", {"fmt": "pdf"}),
    ("document_render", "post", {"fmt": "docx"}),
)


@pytest.fixture
def personal_documents(world):
    """An approved document of each personal kind about the fixture pair, mentee and mentor of school A."""
    school, people = world.school, world.people[world.school.pk]
    school.address = "663060, Красноярский край, пгт Большая Мурта, ул. Школьная, 1"
    school.save(update_fields=["address"])
    subjects = {
        "agreement": people["pair"].pk,
        "pd_consent": people["mentee"].pk,
        "mentor_consent": people["mentor"].pk,
    }
    documents = {}
    with tenant_scope(school):
        for kind, subject in subjects.items():
            document = drafting.create(
                tenant=school, kind_code=kind, actor=world.users[Role.CURATOR], programme=people["programme"],
                subject_id=subject,
            )  # fmt: skip
            workflow.send_for_approval(document, actor=world.users[Role.CURATOR])
            documents[kind] = workflow.approve(
                document, actor=world.users[Role.DIRECTOR], roles=frozenset({Role.DIRECTOR})
            )
    return documents


@pytest.mark.parametrize("role", sorted(SCHOOL_ROLES), ids=lambda role: role.value)
def test_personal_documents_by_role(world, personal_documents, role):
    client = world.client_for(world.users[role])
    for kind, document in personal_documents.items():
        for name, method, extra in VIEWS:
            url = reverse(name, kwargs={"org": world.school.slug, "pk": document.pk, **extra})
            status = getattr(client, method)(url).status_code
            if role in READ_CARDS:
                assert status in (200, 302), (kind, name, extra)
            elif role == Role.OBSERVER:
                assert status == 404, (kind, name, extra)  # as if it did not exist
            else:
                assert status == 403, (kind, name, extra)  # the mentor reads no school documents at all


def test_the_observer_lists_the_schools_documents_without_the_personal_ones(world, personal_documents):
    listed = {}
    for role in (Role.OBSERVER, Role.CURATOR):
        response = world.client_for(world.users[role]).get(reverse("document_list", kwargs={"org": world.school.slug}))
        listed[role] = response.content.decode()
    roadmap = world.people[world.school.pk]["document"]
    for role, content in listed.items():
        assert reverse("document_detail", kwargs={"org": world.school.slug, "pk": roadmap.pk}) in content, role
    for document in personal_documents.values():
        link = reverse("document_detail", kwargs={"org": world.school.slug, "pk": document.pk})
        assert link in listed[Role.CURATOR]
        assert link not in listed[Role.OBSERVER]
        assert document.title not in listed[Role.OBSERVER]
