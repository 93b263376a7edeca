"""Approval numbers agree with each other: the register numbers orders; a regulation or a roadmap is approved by
an order, and its stamp «УТВЕРЖДЕНО приказом … от … № …» cites that order's date and number."""

import pytest
from django_scopes import scopes_disabled

from core.models.tenants import tenant_key
from core.roles import Role
from core.tenancy import tenant_scope
from documents.content import plain_text
from documents.models import Document, RegisterCounter
from documents.services import drafting, workflow

DIRECTOR = frozenset({Role.DIRECTOR})
COORDINATOR = frozenset({Role.MUNICIPAL_COORDINATOR})


@pytest.fixture
def approve(curator, director, in_school):
    def approve(document):
        workflow.send_for_approval(document, actor=curator)
        return workflow.approve(document, actor=director, roles=DIRECTOR)

    return approve


def last_number(tenant) -> int:
    with scopes_disabled():
        counter = RegisterCounter.objects.filter(tenant_key=tenant_key(tenant)).order_by("-year").first()
    return counter.last_number if counter else 0


def frozen_text(document) -> str:
    return plain_text(document.frozen_versions().get(number=document.version).final_content)


def test_the_implementation_order_approves_its_appendices_and_they_cite_it(
    school, programme, curator, approve, in_school
):
    regulation = drafting.create(tenant=school, kind_code="regulation", actor=curator, programme=programme)
    before = last_number(school)
    order = approve(
        drafting.create(tenant=school, kind_code="implementation_order", actor=curator, programme=programme)
    )
    assert order.number == str(before + 1) and last_number(school) == before + 1  # the only number given
    regulation.refresh_from_db()
    roadmap = Document.objects.get(kind="roadmap", programme=programme)  # written by the approval from the data
    for appended in (regulation, roadmap):
        assert appended.is_frozen
        assert (appended.number, appended.dated) == (order.number, order.dated)
        version = appended.frozen_versions().get()
        assert version.approving_order_id == order.pk
    stamp = f"приказом Школы А\nот {order.dated:%d.%m.%Y} № {order.number}"  # the short name, declined
    assert f"УТВЕРЖДЕНО\n{stamp}" in frozen_text(regulation)
    assert f"УТВЕРЖДЕНА\n{stamp}" in frozen_text(roadmap)
    text = frozen_text(order)
    assert "6. Утвердить положение о программе наставничества (приложение 1)." in text
    assert "7. Утвердить дорожную карту внедрения целевой модели наставничества" in text
    assert text.rstrip().endswith("") and "9. Контроль за исполнением настоящего приказа оставляю за собой." in text
    assert roadmap.status == Document.Status.SUBMITTED  # on to the municipality for agreement


def test_a_new_version_is_approved_by_an_order_of_its_own_and_the_old_one_loses_force(
    school, programme, curator, approve, in_school
):
    order = approve(
        drafting.create(tenant=school, kind_code="implementation_order", actor=curator, programme=programme)
    )
    regulation = Document.objects.get(kind="regulation", programme=programme)
    regulation = drafting.update_texts(regulation, {"rewards": "Грамота и публикация на сайте."}, actor=curator)
    assert (regulation.version, regulation.number) == (2, "")
    regulation = approve(regulation)
    amending = Document.objects.get(kind="approval_order")
    assert amending.number == regulation.number == str(int(order.number) + 1)
    assert amending.title == "Об утверждении положения о программе наставничества в новой редакции"
    text = frozen_text(amending)
    assert "1. Утвердить положение о программе наставничества в новой редакции (приложение)." in text
    assert (
        "2. Признать утратившей силу редакцию положения о программе наставничества, утверждённую приказом от "
        f"{order.dated:%d.%m.%Y} № {order.number}." in text
    )
    assert "Грамота и публикация на сайте." in text  # the appendix is the new version
    assert f"приказом Школы А\nот {amending.dated:%d.%m.%Y} № {amending.number}" in frozen_text(regulation)
    assert amending.frozen_versions().get().sha256


def test_a_consent_takes_no_number_from_the_register_of_orders(world, school, programme, curator, approve):
    mentee = world.people[school.pk]["mentee"]
    before = last_number(school)
    consent = drafting.create(
        tenant=school, kind_code="pd_consent", actor=curator, programme=programme, subject_id=mentee.pk
    )
    consent = approve(consent)
    assert consent.number == "" and consent.dated is not None
    order = approve(drafting.create(tenant=school, kind_code="curator_order", actor=curator, programme=programme))
    assert order.number == str(before + 1)


def test_the_municipal_roadmap_cites_the_order_that_approved_it(world):
    municipality = world.municipality
    municipality.head_name = "Максименко Светлана Геннадьевна"
    municipality.save()
    specialist, coordinator = world.users[Role.MUNICIPAL_SPECIALIST], world.users[Role.MUNICIPAL_COORDINATOR]
    with tenant_scope(municipality):
        Document.owned.all().delete()  # the world's department approved its order already
        order = drafting.create(tenant=municipality, kind_code="municipal_order", actor=specialist)
        workflow.send_for_approval(order, actor=specialist)
        order = workflow.approve(order, actor=coordinator, roles=COORDINATOR)
        roadmap = Document.owned.get(kind="municipal_roadmap")
        assert (roadmap.number, roadmap.dated) == (order.number, order.dated)
        text = frozen_text(roadmap)
    assert (
        "УТВЕРЖДЁН\nприказом Управления образования Муртинского района\n"
        f"от {order.dated:%d.%m.%Y} № {order.number}" in text
    )


def test_a_school_order_cites_the_departments_approved_order(world, school, programme, curator, in_school):
    municipality = world.municipality
    with scopes_disabled():
        municipality.region.acts = "приказ министерства образования Красноярского края от 30.11.2020 № 590-11-05"
        municipality.region.save()
    order = drafting.create(tenant=school, kind_code="implementation_order", actor=curator, programme=programme)
    text = plain_text(drafting.preview(order))
    assert "распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145" in text
    assert "приказом министерства образования Красноярского края от 30.11.2020 № 590-11-05" in text
    municipality.head_name = "Максименко Светлана Геннадьевна"
    municipality.acts = "приказ управления образования от 01.02.2021 № 12"
    municipality.save()
    with tenant_scope(municipality):
        Document.owned.all().delete()  # the world's department approved its order already
    assert "приказом управления образования от 01.02.2021 № 12" in plain_text(
        drafting.preview(Document.objects.get(pk=order.pk))
    )
    specialist, coordinator = world.users[Role.MUNICIPAL_SPECIALIST], world.users[Role.MUNICIPAL_COORDINATOR]
    with tenant_scope(municipality):
        department = drafting.create(tenant=municipality, kind_code="municipal_order", actor=specialist)
        workflow.send_for_approval(department, actor=specialist)
        department = workflow.approve(department, actor=coordinator, roles=COORDINATOR)
    text = plain_text(drafting.preview(Document.objects.get(pk=order.pk)))
    assert (
        f"приказом Управления образования Муртинского района от {department.dated:%d.%m.%Y} № {department.number} "
        "«Об утверждении плана мероприятий (дорожной карты)" in text
    )
    assert "от 01.02.2021 № 12" not in text  # the approved order replaces what was typed
