"""The 152-ФЗ access log: every page and file that shows a minor's personal data records who read whose data
and when (one entry per minor, on the minor's record); the school's «Журнал действий» filters by person."""

from datetime import date

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from core.models import AuditEntry
from core.roles import Role
from core.tenancy import tenant_scope
from documents.services import drafting, workflow
from mentoring.models import Mentee


def url(world, name, **kwargs):
    return reverse(name, kwargs={"org": world.school.slug, **kwargs})


@pytest.fixture
def people(world):
    return world.people[world.school.pk]


@pytest.fixture
def minor(people):
    return people["mentee"]


def readings(minor, action):
    """(reader, address) of each entry of ``action`` on the minor's record."""
    with scopes_disabled():
        entries = AuditEntry.objects.filter(action=action, object_type="mentoring.mentee", object_id=str(minor.pk))
        return [(entry.actor, entry.organization_id, entry.ip_address) for entry in entries]


def reader(world, role):
    return world.client_for(world.users[role]), (world.users[role], world.school.pk, "127.0.0.1")


@pytest.mark.parametrize(
    ("page", "action"),
    [
        ("mentee_detail", "person.card_opened"),
        ("mentee_edit", "person.form_opened"),
        ("mentee_history", "person.history_opened"),
    ],
)
def test_the_card_its_form_and_its_history_are_recorded(world, minor, page, action):
    client, who = reader(world, Role.CURATOR)
    assert client.get(url(world, page, pk=minor.pk)).status_code == 200
    assert readings(minor, action) == [who]


def test_an_adults_card_is_not_in_the_access_log(world, people):
    with tenant_scope(world.school):
        adult = Mentee.objects.create(organization=world.school, last_name="Взрослый", birth_date=date(2000, 1, 1))
    client, _ = reader(world, Role.CURATOR)
    client.get(url(world, "mentee_detail", pk=adult.pk))
    client.get(url(world, "mentee_edit", pk=adult.pk))
    with scopes_disabled():
        assert not AuditEntry.objects.filter(object_type="mentoring.mentee", object_id=str(adult.pk)).exists()


def test_a_pair_page_and_its_journal_are_recorded_on_the_minor(world, people, minor):
    client, who = reader(world, Role.METHODIST)
    assert client.get(url(world, "pair_detail", pk=people["pair"].pk)).status_code == 200
    assert readings(minor, "person.pair_opened") == [who]
    assert client.get(url(world, "pair_journal", pk=people["pair"].pk)).status_code == 200
    assert readings(minor, "person.journal_opened") == [who]


def test_the_mentor_reading_their_own_pairs_journal_and_plan_is_recorded(world, people, minor):
    client, who = reader(world, Role.MENTOR)
    assert client.get(url(world, "pair_journal", pk=people["pair"].pk)).status_code == 200
    assert readings(minor, "person.journal_opened") == [who]
    assert client.get(url(world, "own_pair_plan", pk=people["pair"].pk)).status_code == 200
    assert readings(minor, "person.pair_opened") == [who]


def test_a_personal_document_its_file_and_its_frozen_pdf_are_recorded(
    world, people, minor, django_capture_on_commit_callbacks
):
    curator, director = world.users[Role.CURATOR], world.users[Role.DIRECTOR]
    world.school.address = "663060, Красноярский край, пгт Большая Мурта, ул. Советская, 1"
    world.school.save(update_fields=["address"])
    with tenant_scope(world.school):
        consent = drafting.create(
            tenant=world.school, kind_code="pd_consent", actor=curator, programme=people["programme"],
            subject_id=minor.pk,
        )  # fmt: skip
        workflow.send_for_approval(consent, actor=curator)
        workflow.approve(consent, actor=director, roles=frozenset({Role.DIRECTOR}))
    client, who = reader(world, Role.METHODIST)
    assert client.get(url(world, "document_detail", pk=consent.pk)).status_code == 200
    assert readings(minor, "person.document_opened") == [who]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url(world, "document_render", pk=consent.pk, fmt="docx")).status_code == 302
    assert readings(minor, "person.document_downloaded") == [who]
    response = client.get(url(world, "document_version_pdf", pk=consent.pk, number=1))
    assert response.status_code == 200
    assert readings(minor, "person.document_downloaded") == [who, who]


def test_a_document_about_the_school_is_not_a_reading_of_personal_data(world, people, minor):
    client, _ = reader(world, Role.DIRECTOR)
    assert client.get(url(world, "document_detail", pk=people["document"].pk)).status_code == 200  # the roadmap
    with scopes_disabled():
        assert not AuditEntry.objects.filter(action__startswith="person.document").exists()


def test_the_printable_sheet_of_questionnaire_links_is_recorded(world, people, minor):
    client, who = reader(world, Role.CURATOR)
    response = client.get(url(world, "wave_sheet", pk=people["wave"].pk))
    assert response.status_code == 200
    assert minor.last_name in response.content.decode()
    assert readings(minor, "person.links_sheet_opened") == [who]


def test_an_export_records_each_minor_in_the_file(world, minor, django_capture_on_commit_callbacks):
    client, who = reader(world, Role.DIRECTOR)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url(world, "mentee_export_csv"), {}).status_code == 302
    assert readings(minor, "person.exported") == [who]


def test_the_schools_log_filters_by_person(world, people, minor):
    curator, _ = reader(world, Role.CURATOR)
    curator.get(url(world, "mentee_detail", pk=minor.pk))
    curator.get(url(world, "mentor_detail", pk=people["mentor"].pk))  # an adult: not a reading of a minor
    director, _ = reader(world, Role.DIRECTOR)
    page = director.get(url(world, "school_audit"), {"person": f"mentee-{minor.pk}"})
    entries = list(page.context["entries"])
    assert entries and {(entry.object_type, entry.object_id) for entry in entries} == {
        ("mentoring.mentee", str(minor.pk))
    }
    assert "Открыта карточка несовершеннолетнего" in page.content.decode()
    assert f'value="mentee-{minor.pk}" selected' in page.content.decode()
    only_reads = director.get(
        url(world, "school_audit"), {"person": f"mentee-{minor.pk}", "action": "person.card_opened"}
    )
    assert [entry.actor for entry in only_reads.context["entries"]] == [world.users[Role.CURATOR]]
