"""``manage.py seed_demo``: the demo schools, their users and their bases of mentees and mentors."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from core.models import Membership, Municipality, Organization
from core.roles import Role
from core.tenancy import tenant_scope
from demo import vocabulary
from demo.school_bases import SCHOOL_BASES
from demo.world import DEMO_PASSWORD
from documents.models import Document, PublicPage
from documents.services.status import roadmap_statuses
from mentoring.models import (
    BankEntry,
    BankRequest,
    Consent,
    Meeting,
    Mentee,
    Mentor,
    Pair,
    PairMember,
    PartnerOrganization,
    PlanItem,
    Programme,
    ProgrammeMentor,
    Stage,
    StageActivity,
    Tag,
    TrainingSession,
    User,
)
from mentoring.models.people import age_on
from mentoring.services.people import with_consent_flags
from mentoring.services.programme_reading import inactive_pairs, stage_readiness

MODELS = (
    Municipality, Organization, User, Membership, Tag, PartnerOrganization, Mentee, Mentor, Consent,
    Programme, Stage, StageActivity, ProgrammeMentor, TrainingSession, Pair, PairMember, PlanItem, Meeting,
)  # fmt: skip
LINKS = (Mentee.requests.through, Mentor.competencies.through, Mentor.children.through)


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS + LINKS}


def rows():
    """The demo people and consents as a user sees them."""
    return {
        "mentees": sorted(
            Mentee.objects.values_list(
                "organization__slug", "last_name", "first_name", "patronymic", "birth_date", "group", "category"
            )
        ),
        "mentors": sorted(
            Mentor.objects.values_list("organization__slug", "last_name", "first_name", "category", "consent_number")
        ),
        "consents": sorted(
            Consent.objects.values_list("organization__slug", "given_by_name", "given_at", "withdrawn_at"), key=str
        ),
        "requests": sorted(Mentee.requests.through.objects.values_list("mentee__last_name", "tag__name")),
    }


@pytest.fixture
def seeded(empty_db):
    with scopes_disabled():
        output = seed()
        yield output


def test_second_run_adds_nothing_and_changes_nothing(seeded):
    first_counts, first_rows = counts(), rows()
    output = seed()
    assert counts() == first_counts
    assert rows() == first_rows
    # The teachers' system adds young teachers: School №40's council pair and ended pair, and the bank's pair in
    # Talazhanka; the bank's mentor joins Talazhanka's base of mentors.
    assert first_counts["Mentee"] == sum(base.mentees for base in SCHOOL_BASES.values()) + 3
    assert first_counts["Mentor"] == sum(base.mentors for base in SCHOOL_BASES.values()) + 1
    assert first_counts["Tag"] == 3 * len(vocabulary.REQUEST_TAGS)
    assert first_counts["PartnerOrganization"] == 6
    assert first_counts["Mentor_children"] == 3
    # The logins and the summary per school are printed every time.
    assert f"Пароль у всех демо-пользователей: {DEMO_PASSWORD}" in output
    assert "mentor1@sh40.demo" in output
    assert re.search(r"МБОУ «СШ №40»: наставляемых 44 \(несовершеннолетних \d+, без действующего согласия", output)
    assert len(re.findall(r"наставников \d+, запросов и компетенций 12, организаций-партнёров 2", output)) == 3


def test_school_40_has_minors_with_and_without_the_representatives_consent(seeded):
    today = timezone.localdate()
    sh40 = Organization.objects.get(slug="sh40")
    minors = [m for m in with_consent_flags(Mentee.objects.filter(organization=sh40)) if m.is_minor]
    flagged = [m for m in minors if m.needs_consent]
    assert len(minors) >= 30
    assert 3 <= len(flagged) <= len(minors) // 4
    for mentee in minors:
        assert mentee.representative_name and mentee.representative_relation and mentee.representative_phone
        assert re.fullmatch(r"\d{1,2}[АБВ]", mentee.group)
        assert age_on(mentee.birth_date, today) - int(mentee.group[:-1]) in (6, 7)
        for consent in mentee.consents.all():
            assert consent.given_by_name == mentee.representative_name
            assert consent.given_by_relation == mentee.representative_relation
            assert consent.registered_by.email == "curator@sh40.demo"
    # One representative has withdrawn the consent; the data is to be erased in the future.
    withdrawn = Consent.objects.get(organization=sh40, withdrawn_at__isnull=False)
    assert withdrawn.mentee in flagged
    assert withdrawn.erasure_due > today
    # Support categories, young specialists and a new teacher are there too.
    assert Mentee.objects.filter(organization=sh40, support_categories__contains=["ovz"]).exists()
    assert Mentee.objects.filter(organization=sh40, support_categories__contains=["gifted"]).exists()
    assert Mentee.objects.filter(organization=sh40, support_categories__contains=["hard_situation"]).exists()
    for mentee in Mentee.objects.filter(organization=sh40, category=Mentee.Category.YOUNG_SPECIALIST):
        assert 0 <= mentee.teaching_experience <= 3
        assert all(consent.given_by_relation == "" for consent in mentee.consents.all())
    assert Mentee.objects.filter(organization=sh40, category=Mentee.Category.NEW_TEACHER).exists()


def test_parent_mentors_child_is_in_the_same_school(seeded):
    for organization in Organization.objects.all():
        parent = Mentor.objects.get(organization=organization, category=Mentor.Category.PARENT)
        child = parent.children.get()
        assert child.organization == organization
        assert child.representative_name == parent.full_name
        assert child.representative_relation in ("мать", "отец")
        assert age_on(parent.birth_date, timezone.localdate()) > age_on(child.birth_date, timezone.localdate()) + 20


def test_demo_mentor_accounts_are_linked_to_mentor_records(seeded):
    sh40 = Organization.objects.get(slug="sh40")
    mentor1 = Mentor.objects.get(user__email="mentor1@sh40.demo")
    assert mentor1.organization == sh40
    assert mentor1.full_name == "Васильева Ольга Николаевна"
    assert mentor1.has_written_consent and mentor1.training == Mentor.Training.TRAINED
    assert mentor1.competencies.filter(name="Подготовка к ОГЭ по математике").exists()
    # mentor2 mentors in two schools: the same person (and birth date) in both bases.
    mentor2 = Mentor.objects.filter(user__email="mentor2@sh40.demo")
    assert {m.organization.slug for m in mentor2} == {"sh40", "bm-sosh1"}
    assert len({m.birth_date for m in mentor2}) == 1
    for mentor in Mentor.objects.filter(user__isnull=False):
        assert Membership.objects.filter(user=mentor.user, organization=mentor.organization, role=Role.MENTOR).exists()


def test_mentors_base_is_mixed(seeded):
    today = timezone.localdate()
    for organization in Organization.objects.all():
        mentors = Mentor.objects.filter(organization=organization)
        categories = set(mentors.values_list("category", flat=True))
        assert categories == {
            Mentor.Category.TEACHER,
            Mentor.Category.PUPIL,
            Mentor.Category.STUDENT,
            Mentor.Category.EMPLOYEE,
            Mentor.Category.PARENT,
        }
        assert len(set(mentors.values_list("training", flat=True))) == 3
        assert set(mentors.values_list("capacity", flat=True)) <= {1, 2, 3}
        teachers = mentors.filter(category=Mentor.Category.TEACHER)
        assert teachers.exclude(consent_number="").count() == teachers.count() - 1  # one has not signed yet
        for mentor in mentors.filter(category=Mentor.Category.PUPIL):
            assert 16 <= age_on(mentor.birth_date, today) <= 17
            assert mentor.consents.get().given_by_relation
        assert mentors.get(category=Mentor.Category.EMPLOYEE).partner.kind == PartnerOrganization.Kind.EMPLOYER
        assert mentors.get(category=Mentor.Category.STUDENT).partner.kind == PartnerOrganization.Kind.COLLEGE


def test_everything_is_inside_its_school(seeded):
    for mentee in Mentee.objects.prefetch_related("requests", "consents"):
        assert {tag.organization_id for tag in mentee.requests.all()} <= {mentee.organization_id}
        assert all(consent.organization_id == mentee.organization_id for consent in mentee.consents.all())
    for mentor in Mentor.objects.prefetch_related("competencies", "consents", "children"):
        assert {tag.organization_id for tag in mentor.competencies.all()} <= {mentor.organization_id}
        assert all(consent.organization_id == mentor.organization_id for consent in mentor.consents.all())
        assert all(child.organization_id == mentor.organization_id for child in mentor.children.all())
        if mentor.partner_id:
            assert mentor.partner.organization_id == mentor.organization_id
    for consent in Consent.objects.all():
        assert consent.registered_by.memberships.filter(organization=consent.organization).exists()
    # Within a school nobody appears twice.
    for model in (Mentee, Mentor):
        keys = list(model.objects.values_list("organization", "last_name", "first_name", "patronymic"))
        assert len(keys) == len(set(keys))


def test_second_run_keeps_one_consent_per_person(seeded):
    """A consent registered while trying the demo does not make the next run fail or add rows."""
    mentee = Mentee.objects.filter(organization__slug="sh40", consents__isnull=False).first()
    consent = mentee.consents.get()
    consent.pk = None
    consent.save()
    seed()
    assert mentee.consents.count() == 1


def test_each_school_runs_a_programme_in_progress(seeded):
    for school in Organization.objects.all():
        with tenant_scope(school):
            programme = Programme.objects.get()
            assert programme.stages.count() == 7
            pairs = Pair.objects.filter(programme=programme)
            assert pairs.count() >= 5
            assert Meeting.objects.filter(pair__programme=programme).count() >= pairs.count()
            assert all(readiness.ready for number, readiness in stage_readiness(programme).items() if number == 1)
            assert inactive_pairs(programme).exists(), "the curator's page should have quiet pairs to flag"
    mentor_pairs = Pair.objects.filter(mentor__user__email="mentor1@sh40.demo", organization__slug="sh40")
    assert mentor_pairs.exists()


def test_every_school_has_its_documents_and_school_40_publishes_them(seeded):
    """The municipal summary never shows a school's stages next to «Дорожная карта: не создана»."""
    municipality = Municipality.objects.get(slug="bolshaya-murta")
    schools = list(Organization.objects.filter(municipality=municipality))
    with tenant_scope(municipality):
        statuses = roadmap_statuses([school.pk for school in schools])
    assert "не создана" not in statuses.values()
    by_slug = {school.slug: statuses[school.pk] for school in schools}
    assert by_slug == {
        "sh40": "согласована",
        "bm-sosh1": "на согласовании",
        "talazhanka": "на утверждении у руководителя",
    }
    for school in schools:
        with tenant_scope(school):
            kinds = set(Document.objects.values_list("kind", flat=True))
            assert {"regulation", "roadmap", "implementation_order"} <= kinds
    with tenant_scope(Organization.objects.get(slug="sh40")):
        states = dict(Document.objects.values_list("kind", "status"))
        assert states["regulation"] == states["implementation_order"] == Document.Status.APPROVED
        assert states["curator_order"] == Document.Status.SENT  # waiting in the director's inbox
        page = PublicPage.objects.get()
        assert page.enabled and "Орлова Марина Сергеевна" in page.contact and "3-10-40" in page.contact
    response = Client().get(reverse("public_school_page", kwargs={"slug": "sh40"}))
    assert response.status_code == 200
    assert "Дорожная карта внедрения целевой модели наставничества" in response.content.decode()
    # A second run changes none of it.
    seed()
    with tenant_scope(municipality):
        assert roadmap_statuses([school.pk for school in schools]) == statuses


def test_the_rural_school_has_a_pair_with_a_mentor_from_the_municipal_bank(seeded):
    talazhanka, sosh1 = Organization.objects.get(slug="talazhanka"), Organization.objects.get(slug="bm-sosh1")
    entry = BankEntry.objects.get(mentor__user__email="mentor2@sh40.demo")
    assert (entry.organization, entry.subject, entry.status) == (sosh1, "Физика", BankEntry.Status.LISTED)
    request = BankRequest.objects.get(organization=talazhanka)
    assert request.entry == entry and request.status == BankRequest.Status.ACCEPTED
    pair = request.pair
    assert pair.organization == talazhanka and pair.mentor.full_name == "Соколов Дмитрий Игоревич"
    assert pair.mentor.phone == "" and pair.mentor.user is None
    assert pair.meetings.count() == 1
    # The mentor sees the pair and its meeting from School №1's login; Talazhanka's director reads its journal.
    mentor = Client()
    mentor.force_login(User.objects.get(email="mentor2@sh40.demo"))
    journal = mentor.get(reverse("bank_pair_journal", kwargs={"org": "bm-sosh1", "pk": pair.pk})).content.decode()
    assert "Кириллова Анастасия Олеговна" in journal and "лабораторные работы 8 класса" in journal
    director = Client()
    director.force_login(User.objects.get(email="director@talazhanka.demo"))
    response = director.get(reverse("pair_journal", kwargs={"org": "talazhanka", "pk": pair.pk}))
    assert "лабораторные работы 8 класса" in response.content.decode()


def test_the_regional_coordinator_reads_the_demo_region(seeded, client):
    coordinator = User.objects.get(email="coordinator@region.demo")
    assert "coordinator@region.demo" in seeded
    client.force_login(coordinator)
    home = client.get("/")
    assert home.status_code == 302  # one tenant: straight to the region's dashboard
    response = client.get(home["Location"])
    assert response.status_code == 200
    rows = response.context["municipalities"]
    assert [row.municipality.short_name for row in rows] == ["УО Большемуртинского района"]
    assert rows[0].schools == 3 and rows[0].with_programme == 3
