"""The order appointing mentors (with each mentor's written consent as its basis), the mentor's plan and the
mentor's journal of a pair: created through the page as the curator, read back from the preview, the PDF and the DOCX;
what is missing is named before a document exists; the plan and the journal, like every document about one
person, are kept from the observer and the department."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.rendering import renderer_for
from core.roles import Role
from documents.content import plain_text
from documents.kinds import all_kinds, content_of, kind_of
from documents.kinds.common import CONTROL
from documents.services import drafting, workflow
from mentoring.models import Meeting, Mentee, Mentor, Pair, PairMember, PlanItem
from tests.documents.test_school_kinds import create, documents_of, docx_text, pdf_text, refused

NEW_KINDS = ("mentor_appointment_order", "mentor_plan", "mentor_journal")
PERSONAL_KINDS = tuple(kind.code for kind in all_kinds("school") if kind.subject)
APPOINTED = (
    "Назначить Сидорову Марию Павловну, учителя математики, наставником наставляемого Петрова Ильи Сергеевича (8А) "
    "в форме «учитель – ученик» на период с 15.10.2026 по 15.05.2027 на основании письменного согласия"
)

pytestmark = pytest.mark.usefixtures("_committed_world")


@pytest.fixture
def people(world, school, in_school):
    """The world's school with a named curator and a mentor with her position."""
    people = world.people[school.pk]
    curator = people["programme"].curator
    curator.last_name, curator.first_name, curator.patronymic = "Орлова", "Марина", "Сергеевна"
    curator.position = "Заместитель директора по УВР"
    curator.save()
    Mentor.objects.filter(pk=people["mentor"].pk).update(position="Учитель математики")
    return people


@pytest.fixture
def as_curator(world, curator):
    return world.client_for(curator)


@pytest.fixture
def drawn(as_curator, school, programme, people):
    """Create a document through the page; return it, its content and its texts: preview, PDF, DOCX."""

    def drawn(kind, subject=None):
        response = create(as_curator, school, kind, programme, subject)
        assert response.status_code == 302, response.content.decode()[-3000:]
        document = documents_of(kind)[-1]
        content = content_of(document)
        pdf = renderer_for(kind).render({"content": content, "name": "x"}, "pdf").content
        word = renderer_for(kind).render({"content": content, "name": "x"}, "docx").content
        return document, content, (" ".join(plain_text(content).split()), pdf_text(pdf), docx_text(word))

    return drawn


def approved(document, curator, director):
    workflow.send_for_approval(document, actor=curator)
    return workflow.approve(document, actor=director, roles=frozenset({Role.DIRECTOR}))


def without_yo(text: str) -> str:
    return text.replace("ё", "е")


def numbered_points(content) -> list[str]:
    """The points of an order: a numbered list, or paragraphs numbered «1. …» (as the implementation order's)."""
    for block in content["blocks"]:
        if block["t"] == "list" and block["style"] == "num":
            return block["items"]
    numbered = [re.match(r"(\d+)\. (.*)", block.get("text", "")) for block in content["blocks"]]
    return [found.group(2) for found in numbered if found]


def sub_points(content, number: int) -> list[str]:
    """The sub-points «1.1. …;» of an order's point ``number``."""
    found = [re.match(rf"{number}\.\d+\. (.*)", block.get("text", "")) for block in content["blocks"]]
    return [match.group(1) for match in found if match]


def first_table_rows(content) -> list[list[str]]:
    return next(block for block in content["blocks"] if block["t"] == "table")["rows"]


def test_the_new_kinds_are_registered_with_their_renderers():
    for code in NEW_KINDS:
        assert renderer_for(code).formats == ("pdf", "docx")
    order, plan, journal = (kind_of(code) for code in NEW_KINDS)
    assert order.is_order and not order.subject and order.name == "Приказ о назначении наставников"
    assert (plan.subject, journal.subject) == ("pair", "pair")
    assert not plan.is_order and not journal.is_order
    assert {"mentor_plan", "mentor_journal"} <= set(PERSONAL_KINDS)
    assert not any(kind_of(code).public for code in NEW_KINDS)  # each names a minor: never on the school's site


# --- The order appointing mentors ----------------------------------------------------------------------------


def test_the_order_appoints_the_mentor_on_her_written_consent(drawn, school):
    document, content, texts = drawn("mentor_appointment_order")
    assert document.title == "О назначении наставников"
    for text in texts:
        for part in (
            school.name,
            "ПРИКАЗ",
            "О назначении наставников",
            "распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145",
            "статьёй 351.8 Трудового кодекса Российской Федерации «Наставничество», Положением о программе",
            "ПРИКАЗЫВАЮ:",
            APPOINTED + " от 01.09.2025 № 12.",  # the consent registered on her card
            "дополнительные соглашения к трудовым договорам",
            "Куратору программы Орловой Марине Сергеевне, заместителю директора по УВР, ознакомить наставников",
            CONTROL,
            "О.И. Петрова",
            "Приложение 1",
            "Лист ознакомления наставников с приказом",
            "Сидорова Мария Павловна",
        ):
            assert without_yo(part) in without_yo(text), part  # «статьёй» or «статьей»
    points = numbered_points(content)
    assert points[0].startswith("Назначить Сидорову") and points[-1] == CONTROL


def test_the_order_cites_the_approved_consent_document(drawn, school, programme, people, curator, director):
    consent = drafting.create(
        tenant=school, kind_code="mentor_consent", actor=curator, programme=programme, subject_id=people["mentor"].pk
    )
    consent = approved(consent, curator, director)
    assert consent.dated == timezone.localdate()
    _, _, (preview, pdf, word) = drawn("mentor_appointment_order")
    cited = f"{APPOINTED} от {consent.dated:%d.%m.%Y}" + (f" № {consent.number}." if consent.number else ".")
    assert cited in preview and cited in pdf and cited in word
    assert "№ 12" not in preview


def test_a_mentor_without_a_written_consent_is_not_appointed(as_curator, school, programme, people):
    """A second mentor, of a group, has no consent: the order is refused and names him, not the mentor who has
    one; once his consent is on his card, both are appointed, each on their own consent, by name."""
    mentor = Mentor.objects.create(
        organization=school, last_name="Алиев", first_name="Руслан", patronymic="Магомедович",
        position="Учитель физики", category=Mentor.Category.TEACHER,
    )  # fmt: skip
    group = Pair.objects.create(
        organization=school, programme=programme, mentor=mentor, form=people["form"],
        starts_on=date(2026, 11, 1), planned_end_on=date(2027, 4, 30),
    )  # fmt: skip
    for last, first, patronymic, form_group in (("Гарипова", "Алсу", "Ильдаровна", "9Б"), ("Ким", "Виктор", "", "9Б")):
        mentee = Mentee.objects.create(
            organization=school, last_name=last, first_name=first, patronymic=patronymic, group=form_group
        )
        PairMember.objects.create(organization=school, pair=group, mentee=mentee, form=people["form"])

    page = refused(as_curator, school, programme, "mentor_appointment_order")
    assert "Нет письменного согласия наставника Алиева Руслана Магомедовича" in page
    assert "«Согласие на осуществление наставничества»" in page and "карточке наставника" in page
    assert "Сидоровой" not in page

    Mentor.objects.filter(pk=mentor.pk).update(consent_number="7-н", consent_date=date(2026, 10, 1))
    response = create(as_curator, school, "mentor_appointment_order", programme)
    assert response.status_code == 302
    content = content_of(documents_of("mentor_appointment_order")[-1])
    points = numbered_points(content)
    assert points[0] == "Назначить наставниками программы наставничества «Программа наставничества 2026/2027»:"
    assert points[-1] == CONTROL
    assert sub_points(content, 1) == [
        "Алиева Руслана Магомедовича, учителя физики, — наставником группы наставляемых в составе: Гариповой Алсу "
        "Ильдаровны (9Б), Кима Виктора (9Б) в форме «учитель – ученик» на период с 01.11.2026 по 30.04.2027 на "
        "основании письменного согласия от 01.10.2026 № 7-н;",
        "Сидорову Марию Павловну, учителя математики, — наставником наставляемого Петрова Ильи Сергеевича (8А) в "
        "форме «учитель – ученик» на период с 15.10.2026 по 15.05.2027 на основании письменного согласия от "
        "01.09.2025 № 12.",
    ]


def test_without_working_pairs_there_is_nobody_to_appoint(as_curator, school, programme, people):
    Pair.objects.filter(programme=programme).update(status=Pair.Status.CLOSED)
    page = refused(as_curator, school, programme, "mentor_appointment_order")
    assert "нет действующих наставнических пар или групп" in page


# --- The mentor's plan ---------------------------------------------------------------------------------------


def test_the_plan_lists_the_pair_items_with_dates_goals_and_marks(drawn, people):
    pair = people["pair"]
    today = timezone.localdate()
    PlanItem.objects.filter(pair=pair).update(due_on=today - timedelta(days=40), status=PlanItem.Status.DONE)
    PlanItem.objects.create(
        organization=pair.organization, pair=pair, title="Подготовка к олимпиаде", goal="Участие в муниципальном этапе",
        due_on=today + timedelta(days=30),
    )  # fmt: skip
    PlanItem.objects.create(
        organization=pair.organization, pair=pair, title="Консультация по проекту", due_on=today - timedelta(days=5)
    )
    document, content, texts = drawn("mentor_plan", subject=pair.pk)
    assert document.title == "План работы наставника: М.П. Сидорова — И.С. Петров"
    for text in texts:
        for part in (
            "ПЛАН",
            "работы наставника Сидоровой Марии Павловны с наставляемым Петровым Ильёй Сергеевичем",
            "Форма наставничества: «учитель – ученик»",
            "Наставник: Сидорова Мария Павловна, учитель математики",
            "Наставляемый: Петров Илья Сергеевич, 8А",
            "Срок работы: 15.10.2026 – 15.05.2027",
            "Выбор темы проекта",
            "Участие в муниципальном этапе",
            "В плане 3 мероприятия, из них выполнено — 1.",
            "Законный представитель наставляемого",
            "Петрова Анна Ивановна (мать)",
            "Согласовано: куратор программы",
        ):
            assert without_yo(part) in without_yo(text), part  # «Ильёй» or «Ильей»: both are right
    rows = first_table_rows(content)
    assert [row[2] for row in rows] == ["Выбор темы проекта", "Консультация по проекту", "Подготовка к олимпиаде"]
    assert [row[1] for row in rows] == [f"{d:%d.%m.%Y}" for d in sorted(i.due_on for i in PlanItem.objects.all())]
    assert [row[4] for row in rows] == ["выполнено", "не выполнено, срок прошёл", "запланировано"]


def test_the_plan_names_what_to_fill_first(as_curator, school, programme, people):
    PlanItem.objects.filter(pair=people["pair"]).delete()
    Mentee.objects.filter(pk=people["mentee"].pk).update(representative_name="")
    page = refused(as_curator, school, programme, "mentor_plan", people["pair"].pk)
    assert "В плане пары нет мероприятий" in page
    assert "Наставляемый Петров Илья Сергеевич несовершеннолетний: укажите его законного представителя" in page


# --- The mentor's journal ------------------------------------------------------------------------------------


def test_the_journal_lists_the_meetings_in_date_order(drawn, people):
    pair = people["pair"]
    later = Meeting.objects.create(
        organization=pair.organization, pair=pair, held_on=date(2026, 11, 10), kind=Meeting.Kind.WORK,
        topic="Разбор черновика проекта", duration_minutes=60, what_was_done="Прочитали черновик, нашли ошибки",
        next_steps="Переписать введение к 17.11", mentee_rating=9, mentee_comment="Было полезно",
    )  # fmt: skip
    Meeting.objects.create(
        organization=pair.organization, pair=pair, held_on=date(2026, 10, 27), kind=Meeting.Kind.PLANNING,
        format=Meeting.Format.REMOTE, topic="План на четверть", duration_minutes=30,
    )  # fmt: skip
    document, content, texts = drawn("mentor_journal", subject=pair.pk)
    assert document.title == "Журнал наставника: М.П. Сидорова — И.С. Петров"
    for text in texts:
        for part in (
            "ЖУРНАЛ",
            "наставника Сидоровой Марии Павловны",
            "Наставляемый: Петров Илья Сергеевич, 8А",
            "Знакомство",
            "(встреча-планирование, дистанционно, 30 мин)",
            later.what_was_done,
            later.next_steps,
            "Оценка встречи: 9 из 10.",
            "Было полезно",
            "Итого: 3 встречи, общая продолжительность — 135 минут.",
            "Журнал проверен куратором программы М.С. Орловой",
        ):
            assert part in text, part
    rows = first_table_rows(content)
    assert [row[1] for row in rows] == ["20.10.2026", "27.10.2026", "10.11.2026"]
    assert rows[0][2].startswith("Знакомство") and rows[2][2].startswith("Разбор черновика проекта")


def test_the_journal_of_a_pair_without_meetings_is_refused(as_curator, school, programme, people):
    Meeting.objects.filter(pair=people["pair"]).delete()
    page = refused(as_curator, school, programme, "mentor_journal", people["pair"].pk)
    assert "В журнале пары нет встреч" in page


# --- Who reads them ------------------------------------------------------------------------------------------


def murl(name, world, **kwargs):
    return reverse(name, kwargs={"muni": world.municipality.slug, **kwargs})


@pytest.mark.parametrize("code", PERSONAL_KINDS)
def test_the_observer_and_the_department_never_read_a_personal_document(
    code, world, school, programme, people, curator, director, teachers
):
    subject = kind_of(code).subjects(programme)[0][0]
    document = drafting.create(tenant=school, kind_code=code, actor=curator, programme=programme, subject_id=subject)
    document = approved(document, curator, director)
    detail = document.get_absolute_url()
    version_pdf = reverse("document_version_pdf", kwargs={"org": school.slug, "pk": document.pk, "number": 1})
    listing = reverse("document_list", kwargs={"org": school.slug})

    methodist = world.client_for(world.users[Role.METHODIST])  # reads people's cards, and so these documents
    assert methodist.get(detail).status_code == 200
    assert document.title in methodist.get(listing).content.decode()

    observer = world.client_for(world.users[Role.OBSERVER])
    assert observer.get(detail).status_code == 404
    assert observer.get(version_pdf).status_code == 404
    assert document.title not in observer.get(listing).content.decode()

    for role in (Role.MUNICIPAL_SPECIALIST, Role.MUNICIPAL_COORDINATOR):
        client = world.client_for(world.users[role])
        assert client.get(murl("m_school_document", world, pk=document.pk)).status_code == 404
        assert client.get(murl("m_school_version_pdf", world, pk=document.pk, number=1)).status_code == 404
        assert document.title not in client.get(murl("m_school_documents", world, pk=school.pk)).content.decode()


def test_the_appointment_order_is_read_by_the_observer_and_the_department(world, school, programme, people, curator,
                                                                          director):  # fmt: skip
    document = drafting.create(tenant=school, kind_code="mentor_appointment_order", actor=curator, programme=programme)
    document = approved(document, curator, director)
    observer = world.client_for(world.users[Role.OBSERVER])
    assert observer.get(document.get_absolute_url()).status_code == 200
    specialist = world.client_for(world.users[Role.MUNICIPAL_SPECIALIST])
    assert specialist.get(murl("m_school_document", world, pk=document.pk)).status_code == 200
