"""The approval workflow through the pages: draft → sent → approved (number, date, frozen PDF with its hash) or
returned; the roadmap on to the municipality: returned with remarks, answered, resubmitted, agreed; an edit
after that makes version 2. Refusals change nothing."""

import hashlib
import io

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled
from pypdf import PdfReader

from core.models import AuditEntry, Notification
from core.roles import Role
from core.tenancy import user_scope
from documents.content import plain_text
from documents.kinds import content_of
from documents.models import Document, DocumentVersion
from documents.services import drafting, workflow


def url(name, school, **kwargs):
    return reverse(name, kwargs={"org": school.slug, **kwargs})


def murl(name, world, **kwargs):
    return reverse(name, kwargs={"muni": world.municipality.slug, **kwargs})


def create(client, school, kind, programme, **extra):
    return client.post(url("document_create", school), {"kind": kind, "programme": programme.pk, **extra})


def latest(kind):
    with scopes_disabled():
        return Document.objects.filter(kind=kind).order_by("-pk").first()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def clients(world):
    return {role: world.client_for(world.users[role]) for role in Role}


def test_roadmap_from_draft_to_agreement_and_version_two(
    world, school, programme, clients, django_capture_on_commit_callbacks
):
    curator, director = clients[Role.CURATOR], clients[Role.DIRECTOR]
    specialist = clients[Role.MUNICIPAL_SPECIALIST]

    response = create(curator, school, "roadmap", programme)
    roadmap = latest("roadmap")
    assert response.status_code == 302 and response["Location"] == roadmap.get_absolute_url()
    page = curator.get(roadmap.get_absolute_url()).content.decode()
    assert "ДОРОЖНАЯ КАРТА" in page and "Формирование базы наставляемых" in page

    with django_capture_on_commit_callbacks(execute=True):
        curator.post(url("document_send", school, pk=roadmap.pk))
    roadmap.refresh_from_db()
    assert roadmap.status == Document.Status.SENT
    inbox = director.get(url("document_inbox", school)).content.decode()
    assert roadmap.get_absolute_url() in inbox
    assert any("На утверждение" in message.subject for message in mail.outbox)
    with user_scope(world.users[Role.DIRECTOR]):
        assert Notification.objects.filter(user=world.users[Role.DIRECTOR], url=roadmap.get_absolute_url()).exists()

    with django_capture_on_commit_callbacks(execute=True):
        director.post(url("document_approve", school, pk=roadmap.pk))
    roadmap.refresh_from_db()
    assert roadmap.status == Document.Status.SUBMITTED  # a roadmap goes on to the municipality
    assert roadmap.number and roadmap.dated
    with scopes_disabled():
        version = DocumentVersion.objects.get(document=roadmap, number=1)
    stored = version.pdf.read()
    assert hashlib.sha256(stored).hexdigest() == version.sha256
    assert f"№ {roadmap.number}" in pdf_text(stored) or roadmap.number in pdf_text(stored)
    assert version.sha256 in curator.get(roadmap.get_absolute_url()).content.decode()

    # Approving twice is refused and changes nothing.
    director.post(url("document_approve", school, pk=roadmap.pk))
    with scopes_disabled():
        assert DocumentVersion.objects.filter(document=roadmap).count() == 1
    roadmap.refresh_from_db()
    assert roadmap.status == Document.Status.SUBMITTED

    inbox = specialist.get(murl("m_roadmap_inbox", world)).content.decode()
    assert murl("m_school_document", world, pk=roadmap.pk) in inbox
    specialist.post(murl("m_roadmap_remarks", world, pk=roadmap.pk), {"text": "Уточните сроки этапа 4."})
    roadmap.refresh_from_db()
    assert roadmap.status == Document.Status.REMARKS
    assert "Уточните сроки этапа 4." in curator.get(roadmap.get_absolute_url()).content.decode()

    curator.post(url("document_resubmit", school, pk=roadmap.pk), {"text": "Сроки уточнены в приказе."})
    roadmap.refresh_from_db()
    assert roadmap.status == Document.Status.SUBMITTED
    specialist.post(murl("m_roadmap_agree", world, pk=roadmap.pk))
    roadmap.refresh_from_db()
    assert roadmap.status == Document.Status.AGREED
    version.refresh_from_db()
    agreed = version.agreed_pdf.read()
    assert hashlib.sha256(agreed).hexdigest() == version.agreed_sha256 != version.sha256
    assert "СОГЛАСОВАНО" in pdf_text(agreed)
    with scopes_disabled():
        actions = set(AuditEntry.objects.filter(object_id=str(roadmap.pk)).values_list("action", flat=True))
    assert {"document.created", "document.sent", "document.approved", "document.submitted", "document.remarks",
            "document.agreed"} <= actions  # fmt: skip

    # A later edit makes version 2, a draft without number, while version 1 stays as it was.
    curator.post(url("document_edit", school, pk=roadmap.pk), {"informing": "- Родительское собрание 1 сентября"})
    roadmap.refresh_from_db()
    assert (roadmap.version, roadmap.status, roadmap.number) == (2, Document.Status.DRAFT, "")
    version.refresh_from_db()
    assert version.pdf.read() == stored


def test_curator_cannot_approve_and_nothing_changes(world, school, programme, clients):
    curator = clients[Role.CURATOR]
    create(curator, school, "regulation", programme)
    regulation = latest("regulation")
    curator.post(url("document_send", school, pk=regulation.pk))
    response = curator.post(url("document_approve", school, pk=regulation.pk))
    assert response.status_code == 403
    regulation.refresh_from_db()
    assert regulation.status == Document.Status.SENT and not regulation.number


def test_director_returns_with_a_remark(world, school, programme, clients):
    curator, director = clients[Role.CURATOR], clients[Role.DIRECTOR]
    create(curator, school, "regulation", programme)
    regulation = latest("regulation")
    curator.post(url("document_send", school, pk=regulation.pk))
    director.post(url("document_return", school, pk=regulation.pk), {"text": "Дополните права наставляемых."})
    regulation.refresh_from_db()
    assert regulation.status == Document.Status.RETURNED
    assert "Дополните права наставляемых." in curator.get(regulation.get_absolute_url()).content.decode()
    with user_scope(world.users[Role.CURATOR]):
        assert Notification.objects.filter(user=world.users[Role.CURATOR], text__startswith="Возвращён").exists()


def test_missing_data_is_named_before_a_document_exists(world, school, programme, clients):
    school.director_name = ""
    school.save()
    response = create(clients[Role.CURATOR], school, "roadmap", programme)
    assert response.status_code == 200
    assert "Укажите ФИО руководителя" in response.content.decode()
    with scopes_disabled():
        assert not Document.objects.filter(organization=school).exists()


def test_undated_stages_are_named(world, school, programme, clients, in_school):
    programme.stages.filter(number__in=[4, 5]).update(starts_on=None)
    response = create(clients[Role.CURATOR], school, "roadmap", programme)
    assert "Укажите сроки этапов программы: 4, 5." in response.content.decode()


def test_municipality_of_another_region_cannot_see_or_agree(world, school, programme, clients):
    curator, director = clients[Role.CURATOR], clients[Role.DIRECTOR]
    create(curator, school, "roadmap", programme)
    roadmap = latest("roadmap")
    curator.post(url("document_send", school, pk=roadmap.pk))
    director.post(url("document_approve", school, pk=roadmap.pk))
    outsider = world.client_for(world.other_users[Role.MUNICIPAL_COORDINATOR])
    other = {"muni": world.other_municipality.slug, "pk": roadmap.pk}
    assert outsider.get(reverse("m_school_document", kwargs=other)).status_code == 404
    assert outsider.post(reverse("m_roadmap_agree", kwargs=other)).status_code == 404
    roadmap.refresh_from_db()
    assert roadmap.status == Document.Status.SUBMITTED


def test_a_draft_is_not_shown_to_the_municipality(world, school, programme, clients):
    create(clients[Role.CURATOR], school, "roadmap", programme)
    roadmap = latest("roadmap")
    specialist = clients[Role.MUNICIPAL_SPECIALIST]
    assert specialist.get(murl("m_school_document", world, pk=roadmap.pk)).status_code == 404
    assert "черновик" in specialist.get(murl("m_roadmap_inbox", world)).content.decode()


def test_the_department_reads_the_schools_approved_documents_only(world, school, programme, clients):
    curator, director = clients[Role.CURATOR], clients[Role.DIRECTOR]
    create(curator, school, "regulation", programme)
    regulation = latest("regulation")
    specialist = clients[Role.MUNICIPAL_SPECIALIST]
    listing = murl("m_school_documents", world, pk=school.pk)
    assert murl("m_school_document", world, pk=regulation.pk) not in specialist.get(listing).content.decode()
    assert specialist.get(murl("m_school_document", world, pk=regulation.pk)).status_code == 404  # a draft

    curator.post(url("document_send", school, pk=regulation.pk))
    director.post(url("document_approve", school, pk=regulation.pk))
    assert murl("m_school_document", world, pk=regulation.pk) in specialist.get(listing).content.decode()
    page = specialist.get(murl("m_school_document", world, pk=regulation.pk)).content.decode()
    assert "4. Перечень документов" in page and 'data-testid="roadmap-agree"' not in page
    pdf = specialist.get(murl("m_school_version_pdf", world, pk=regulation.pk, number=1))
    assert "ПОЛОЖЕНИЕ" in pdf_text(b"".join(pdf.streaming_content))
    # Only a roadmap is agreed: the department cannot "agree" a regulation.
    assert specialist.post(murl("m_roadmap_agree", world, pk=regulation.pk)).status_code == 404


def test_a_frozen_document_downloads_as_approved_not_as_the_data_is_now(
    world, school, programme, clients, django_capture_on_commit_callbacks
):
    curator, director = clients[Role.CURATOR], clients[Role.DIRECTOR]
    create(curator, school, "regulation", programme)
    regulation = latest("regulation")
    curator.post(url("document_send", school, pk=regulation.pk))
    director.post(url("document_approve", school, pk=regulation.pk))
    programme.goals = "Цель, записанная после утверждения"
    programme.save()
    with scopes_disabled():
        assert "цель, записанная после утверждения" in plain_text(content_of(regulation))  # the live data
    with django_capture_on_commit_callbacks(execute=True):
        job_url = curator.post(url("document_render", school, pk=regulation.pk, fmt="pdf"))["Location"]
    text = pdf_text(b"".join(curator.get(job_url + "download/").streaming_content))
    assert "ПОЛОЖЕНИЕ" in text and "записанная после утверждения" not in text
    assert curator.post(url("document_render", school, pk=regulation.pk, fmt="exe")).status_code == 404


def test_the_department_never_reads_documents_about_one_person(world, school, programme, clients):
    curator, director = clients[Role.CURATOR], clients[Role.DIRECTOR]
    mentee = world.people[school.pk]["mentee"]
    create(curator, school, "pd_consent", programme, subject=mentee.pk)
    consent = latest("pd_consent")
    curator.post(url("document_send", school, pk=consent.pk))
    director.post(url("document_approve", school, pk=consent.pk))
    consent.refresh_from_db()
    assert consent.status == Document.Status.APPROVED
    specialist = clients[Role.MUNICIPAL_SPECIALIST]
    listing = specialist.get(murl("m_school_documents", world, pk=school.pk)).content.decode()
    assert mentee.last_name not in listing
    assert specialist.get(murl("m_school_document", world, pk=consent.pk)).status_code == 404
    assert specialist.get(murl("m_school_version_pdf", world, pk=consent.pk, number=1)).status_code == 404


def test_an_edit_on_a_stale_page_does_not_pull_a_sent_document_back(world, school, programme, curator, in_school):
    document = drafting.create(tenant=school, kind_code="roadmap", actor=curator, programme=programme)
    stale = Document.objects.get(pk=document.pk)  # the page was opened while it was a draft
    workflow.send_for_approval(document, actor=curator)
    with pytest.raises(drafting.DocumentRefused):
        drafting.update_texts(stale, {"informing": "- Другое"}, actor=curator)
    document.refresh_from_db()
    assert document.status == Document.Status.SENT and document.blocks == {}
