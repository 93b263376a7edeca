"""The municipal documents (seed 004): the department's order approving the roadmap and the roadmap itself, created
through the pages, rendered to PDF and DOCX through the renderer interface, and read back as a user would."""

import io
import re
from datetime import date

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled
from docx import Document as WordDocument
from pypdf import PdfReader

from core.inflection import name_of
from core.models import Municipality, Region
from core.rendering import registered_kinds, renderer_for
from core.roles import Role
from core.tenancy import tenant_scope
from documents.content import BLANK_DATE
from documents.kinds import MissingData, all_kinds, content_of
from documents.kinds.municipal import parse_item, parse_items, plan_year
from documents.models import Document
from documents.services import drafting

# The shared world is built once and committed before any test's transaction (``world`` alone would ask for it from
# inside the first test's transaction, which rolls it back, so that every test would build it again).
pytestmark = pytest.mark.usefixtures("_committed_world")

SECTIONS = {
    "1": "Нормативное правовое регулирование",
    "2": "Организационная, методическая",
    "3": "Внедрение ЦМН в образовательных организациях",
    "4": "Содействие распространению и внедрению лучших наставнических практик",
    "5": "Мониторинг и оценка результатов внедрения ЦМН",
    "6": "Мониторинг процесса реализации программ наставничества",
    "7": "Координация и управление реализацией внедрения ЦМН",
}


def words(text: str) -> str:
    """Text with every run of whitespace as one space (justified PDF lines, wrapped table cells)."""
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    return words("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def docx_text(data: bytes) -> str:
    word = WordDocument(io.BytesIO(data))
    parts = [paragraph.text for paragraph in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            seen = []
            for cell in row.cells:
                if cell._tc not in seen:  # merged cells repeat
                    seen.append(cell._tc)
                    parts.append(cell.text)
    return words("\n".join(parts))


def docx_rows(data: bytes) -> list[list[str]]:
    word = WordDocument(io.BytesIO(data))
    return [[words(cell.text) for cell in row.cells] for table in word.tables for row in table.rows]


@pytest.fixture
def municipality(world):
    municipality = world.municipality
    municipality.name = "Управление образования администрации Большемуртинского района"
    municipality.short_name = "УО Большая Мурта"
    municipality.head_position = "Руководитель"
    municipality.head_name = "Максименко Светлана Геннадьевна"
    municipality.address = "663060, Красноярский край, пгт Большая Мурта, ул. Кирова, 6"
    municipality.region.acts = (
        "приказ министерства образования Красноярского края от 30.11.2020 № 590-11-05 «О внедрении Региональной "
        "целевой модели наставничества обучающихся»"
    )
    with scopes_disabled():
        municipality.region.save()
        municipality.save()
    return municipality


@pytest.fixture
def without_documents(municipality):
    """The department with none of its own documents yet (the world's approved order removed)."""
    with scopes_disabled():
        Document.objects.filter(municipality=municipality).delete()
    return municipality


@pytest.fixture
def specialist(world):
    return world.client_for(world.users[Role.MUNICIPAL_SPECIALIST])


def create(client, municipality, code) -> Document:
    response = client.post(reverse("m_document_create", kwargs={"muni": municipality.slug}), {"kind": code})
    with scopes_disabled():
        document = Document.objects.filter(kind=code, municipality=municipality).order_by("-pk").first()
    assert document is not None, response.content.decode()[:2000]
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    return document


def render(document, fmt: str) -> bytes:
    with tenant_scope(document.tenant):
        content = content_of(document)
        return renderer_for(document.kind).render({"content": content, "name": "x"}, fmt).content


def both(document) -> dict[str, str]:
    return {"pdf": pdf_text(render(document, "pdf")), "docx": docx_text(render(document, "docx"))}


def test_municipal_kinds_are_registered_with_renderers():
    codes = {kind.code for kind in all_kinds("municipality")}
    assert {"municipal_order", "municipal_roadmap"} <= codes
    assert {"municipal_order", "municipal_roadmap"} <= set(registered_kinds())
    assert renderer_for("municipal_order").formats == ("pdf", "docx")


def test_order_names_the_department_its_schools_the_coordinator_and_carries_the_roadmap(
    world, without_documents, specialist
):
    municipality = without_documents
    order = create(specialist, municipality, "municipal_order")
    order.number, order.dated = "38", date(2026, 2, 24)  # as the register numbers it on approval
    order.save()
    coordinator = world.users[Role.MUNICIPAL_COORDINATOR]
    for fmt, text in both(order).items():
        # Requisites: the department as issuer, the kind, date, number, place; the title.
        assert "Управление образования администрации Большемуртинского района" in text, fmt
        assert "ПРИКАЗ" in text and "24.02.2026" in text and "№ 38" in text and "пгт Большая Мурта" in text, fmt
        assert "Об утверждении плана мероприятий (дорожной карты) по внедрению целевой модели наставничества" in text
        # The basis, ПРИКАЗЫВАЮ and its points.
        assert "распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145" in text, fmt
        assert "приказом министерства образования Красноярского края от 30.11.2020 № 590-11-05" in text, fmt
        assert re.search(r"П\s?Р\s?И\s?К\s?А\s?З\s?Ы\s?В\s?А\s?Ю:", text), fmt
        assert "1. Утвердить план мероприятий (дорожную карту)" in text, fmt
        assert "2. Утвердить перечень образовательных организаций, внедряющих целевую модель наставничества" in text
        assert "(2 организации)" in text, fmt
        assert world.school.name in text and world.sibling.name in text, fmt
        assert world.other_school.name not in text, fmt  # another municipality's school
        appointed = f"3. Назначить {name_of(coordinator, 'accs')}"
        assert appointed in text and "муниципальным координатором внедрения" in text, fmt
        assert "5. Контроль за исполнением настоящего приказа оставляю за собой." in text, fmt
        # The head's signature, the appendix mark and the roadmap as the appendix.
        assert "Руководитель" in text and "С.Г. Максименко" in text, fmt
        assert "Приложение к приказу от 24.02.2026 № 38" in text, fmt
        assert "ПЛАН МЕРОПРИЯТИЙ (ДОРОЖНАЯ КАРТА)" in text, fmt
        for number, title in SECTIONS.items():
            assert title in text, (fmt, number)
        assert "Согласование дорожных карт внедрения ЦМН" in text, fmt


def test_unnumbered_order_leaves_blanks_to_fill_by_hand(without_documents, specialist):
    order = create(specialist, without_documents, "municipal_order")
    text = both(order)["docx"]
    assert f"{BLANK_DATE}" in text and "№ ______" in text
    assert f"Приложение к приказу от {BLANK_DATE} № ______" in text


def test_roadmap_has_seven_sections_items_deadlines_and_executors(world, without_documents, specialist):
    municipality = without_documents
    roadmap = create(specialist, municipality, "municipal_roadmap")
    year = plan_year(roadmap)
    docx = render(roadmap, "docx")
    rows = {row[0]: row for row in docx_rows(docx) if len(row) == 5}
    assert rows["№ п/п"][1:] == ["Наименование мероприятия", "Сроки", "Ответственный исполнитель",
                                 "Результат. Вид документа"]  # fmt: skip
    for number, title in SECTIONS.items():
        assert rows[number][1].startswith(title), number
        assert rows[number][2:] == ["", "", ""], number  # a section row
    expected_items = ["1.1", "1.4", "1.8", "1.9", "1.12", "2.1", "2.8", "3.1", "3.7", "4.3", "5.4", "6.2", "7.1.1",
                      "7.2.2"]  # fmt: skip
    for number in expected_items:
        assert number in rows, number
    assert rows["1.1"][2:] == [f"до 15.09.{year}", "Руководитель УО", "Приказ УО"]
    assert rows["1.8"][3] == "Муниципальный координатор"
    assert rows["6.1"][2] == f"июнь {year + 1}"
    # Live data: the number and the names of the municipality's schools (1.4), the roadmaps to agree (1.8).
    assert "(2 организации: Школа А; Школа Б)" in rows["1.4"][1]
    assert "(2 организации)" in rows["1.8"][1]
    # Sub-points continue their item: 1.9 lists what the schools' orders include.
    assert "– сроки внедрения ЦМН в образовательной организации;" in rows["1.9"][1]
    for fmt, text in both(roadmap).items():
        assert "УТВЕРЖДЁН приказом Управления образования администрации Большемуртинского района" in text, fmt
        assert "ПЛАН МЕРОПРИЯТИЙ (ДОРОЖНАЯ КАРТА)" in text, fmt
        assert "УО — Управление образования администрации Большемуртинского района" in text, fmt
        for title in SECTIONS.values():
            assert title in text, fmt
        for needle in (f"до 15.09.{year}", "Руководители ОО", "Кураторы внедрения ЦМН в ОО", "Приказы ОО",
                       "Утверждение состава муниципальной рабочей группы", "Школа А; Школа Б"):  # fmt: skip
            assert needle in text, (fmt, needle)


def test_department_words_and_a_malformed_line_still_render(world, without_documents, specialist):
    municipality = without_documents
    roadmap = create(specialist, municipality, "municipal_roadmap")
    items = "\n".join(
        [
            "1 | Нормативное правовое регулирование",
            "1.1 | Утверждение состава рабочей группы | до 15.03 | Руководитель УО | Приказ УО",
            "эта строка без разделителей и без номера",
            "1.2 Назначение кураторов | до 20.03 | Руководители ОО | Приказы ОО",
            "1.3 | Лишние | поля | в | строке | тут | ещё",
            "| на уровне муниципалитета | декабрь | УО |",
            "- продолжение пункта",
            "2. Раздел без разделителей",
            "| | |",
        ]
    )
    with tenant_scope(municipality):
        drafting.update_texts(roadmap, {"items": items}, actor=world.users[Role.MUNICIPAL_SPECIALIST])
    roadmap.refresh_from_db()
    rows = {row[1]: row for row in docx_rows(render(roadmap, "docx")) if len(row) == 5}
    assert rows["эта строка без разделителей и без номера"] == ["", "эта строка без разделителей и без номера", "",
                                                                "", ""]  # fmt: skip
    assert rows["Назначение кураторов"] == ["1.2", "Назначение кураторов", "до 20.03", "Руководители ОО", "Приказы ОО"]
    assert rows["Лишние"] == ["1.3", "Лишние", "поля", "в", "строке | тут | ещё"]
    assert rows["на уровне муниципалитета – продолжение пункта"][2:] == ["декабрь", "УО", ""]
    assert rows["Раздел без разделителей"][0] == "2"
    assert "| | |" in rows
    text = pdf_text(render(roadmap, "pdf"))
    assert "эта строка без разделителей и без номера" in text and "Утверждение состава рабочей группы" in text

    # The order's appendix is the department's roadmap in its own words.
    order = create(specialist, municipality, "municipal_order")
    text = docx_text(render(order, "docx"))
    assert "эта строка без разделителей и без номера" in text
    assert "Утверждение состава муниципальной рабочей группы" not in text


@pytest.mark.parametrize(
    ("line", "row", "section"),
    [
        ("1 | Раздел", ["1", "Раздел", "", "", ""], True),
        ("1. | Раздел", ["1", "Раздел", "", "", ""], True),
        ("1.1. | Пункт | до 01.10 | УО | Приказ", ["1.1", "Пункт", "до 01.10", "УО", "Приказ"], False),
        ("1.1\tПункт\tсентябрь\tОО\t", ["1.1", "Пункт", "сентябрь", "ОО", ""], False),  # pasted from Word
        ("Пункт | сроки", ["", "Пункт", "сроки", "", ""], False),
        ("15 марта совещание", ["", "15 марта совещание", "", "", ""], False),
        ("", ["", "", "", "", ""], False),
        ("|", ["", "|", "", "", ""], False),
    ],
)
def test_parse_item_never_fails(line, row, section):
    item = parse_item(line)
    assert item.row() == row and item.section is section


def test_parse_items_continuation_without_an_item_is_kept():
    assert [item.row() for item in parse_items("- сам по себе\n\n1 | Раздел\n- к разделу")] == [
        ["", "- сам по себе", "", "", ""],
        ["1", "Раздел\n– к разделу", "", "", ""],
    ]


def test_missing_head_name_refuses_with_what_to_do(world, without_documents, specialist):
    municipality = without_documents
    municipality.head_name = ""
    with scopes_disabled():
        municipality.save()
    for code in ("municipal_order", "municipal_roadmap"):
        response = specialist.post(reverse("m_document_create", kwargs={"muni": municipality.slug}), {"kind": code})
        page = response.content.decode()
        assert response.status_code == 200
        assert "ФИО руководителя" in page and "обратитесь к администратору портала" in page
        with tenant_scope(municipality), pytest.raises(MissingData) as refused:
            drafting.create(tenant=municipality, kind_code=code, actor=world.users[Role.MUNICIPAL_SPECIALIST])
        assert "обратитесь к администратору портала" in str(refused.value)
    with scopes_disabled():
        assert not Document.objects.filter(municipality=municipality).exists()


def test_a_draft_made_before_the_head_name_was_cleared_is_refused_on_render(world, without_documents, specialist):
    municipality = without_documents
    order = create(specialist, municipality, "municipal_order")
    municipality.head_name = ""
    with scopes_disabled():
        municipality.save()
        order = Document.objects.get(pk=order.pk)
    with pytest.raises(MissingData) as refused:
        render(order, "pdf")
    assert "ФИО руководителя" in refused.value.problems[0]


def test_municipality_without_schools_is_told_so(world):
    with scopes_disabled():
        empty = Municipality.objects.create(
            slug="empty", name="Отдел образования Пустого района", short_name="ОО Пустой",
            region=Region.objects.get_or_create(name="—")[0],
            head_position="Начальник", head_name="Пустов П.П.",
        )  # fmt: skip
    with tenant_scope(empty), pytest.raises(MissingData) as refused:
        drafting.create(tenant=empty, kind_code="municipal_order", actor=world.users[Role.MUNICIPAL_COORDINATOR])
    assert len(refused.value.problems) == 1
    assert "нет ни одной образовательной организации" in refused.value.problems[0]


def test_approved_order_is_frozen_with_its_register_number_in_the_appendix_mark(world):
    order = world.municipal[world.municipality.pk]["document"]
    assert order.kind == "municipal_order" and order.number and order.dated
    with scopes_disabled():
        version = order.versions.get(number=order.version)
        stored = version.pdf.read()
    mark = f"к приказу от {order.dated:%d.%m.%Y} № {order.number}"
    assert version.content["appendices"][0]["mark"] == ["Приложение", mark]
    text = pdf_text(stored)
    assert f"Приложение {mark}" in text and "ПЛАН МЕРОПРИЯТИЙ (ДОРОЖНАЯ КАРТА)" in text
