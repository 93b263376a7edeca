"""The school's orders (curator, pairs, «Школа наставников», rewards) and the personal documents (agreement,
personal-data consent, mentor's consent, thank-you letter): created through the page as the curator, rendered
to DOCX (and PDF where the layout matters) and parsed back; missing data is named before a document exists."""

import io
from datetime import date

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled
from pypdf import PdfReader

from core.rendering import renderer_for
from documents.content import plain_text
from documents.kinds import all_kinds, content_of, kind_of
from documents.models import Document
from mentoring.models import Mentee, Mentor, Pair, PairMember, RewardNomination, TrainingSession
from mentoring.services.programmes import create_programme

SCHOOL_KINDS = (
    "curator_order",
    "pairs_order",
    "mentor_school_order",
    "reward_order",
    "agreement",
    "pd_consent",
    "mentor_consent",
    "thank_you_letter",
)
MENTOR = "Сидорова Мария Павловна"
MENTEE = "Петров Илья Сергеевич"
REPRESENTATIVE = "Петрова Анна Ивановна"
DIRECTOR = "О.И. Петрова"
FULL_NAME = "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа №40»"

# The shared world is built once, committed, before any test's transaction (``world`` alone asks for it from
# inside the first test's transaction, which rolls it back, so that every test would build it again).
pytestmark = pytest.mark.usefixtures("_committed_world")


def create(client, school, kind, programme, subject=None):
    data = {"kind": kind, "programme": programme.pk}
    if subject is not None:
        data["subject"] = subject
    return client.post(reverse("document_create", kwargs={"org": school.slug}), data)


def documents_of(kind):
    with scopes_disabled():
        return list(Document.objects.filter(kind=kind).order_by("pk"))


def render(document, fmt):
    return renderer_for(document.kind).render({"content": content_of(document), "name": "x"}, fmt)


def docx_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def as_curator(world, curator):
    return world.client_for(curator)


@pytest.fixture
def people(world, school):
    return world.people[school.pk]


@pytest.fixture
def made(as_curator, school, programme, in_school):
    """Create a document through the page; return it with its DOCX text (and PDF text when asked)."""

    def made(kind, subject=None, pdf=False):
        response = create(as_curator, school, kind, programme, subject)
        assert response.status_code == 302, response.content.decode()[-2000:]
        document = documents_of(kind)[-1]
        assert response["Location"] == document.get_absolute_url()
        word = docx_text(render(document, "docx").content)
        return document, word, (pdf_text(render(document, "pdf").content) if pdf else None)

    return made


@pytest.fixture
def named(school, curator, people):
    """The school under its full legal name, the curator Орлова Марина Сергеевна, deputy director, and the mentor
    a mathematics teacher: the names documents decline."""
    school.name = FULL_NAME
    school.save()
    curator.last_name, curator.first_name, curator.patronymic = "Орлова", "Марина", "Сергеевна"
    curator.position = "Заместитель директора по УВР"
    curator.save()
    Mentor.objects.filter(pk=people["mentor"].pk).update(position="Учитель математики")
    return school


def preview(document) -> str:
    """The document's words as the preview shows them, on one line."""
    with scopes_disabled():
        fresh = Document.objects.select_related("programme").get(pk=document.pk)
    return " ".join(plain_text(content_of(fresh)).split())


def refused(client, school, programme, kind, subject=None) -> str:
    """The creation page's answer when data is missing: shown on the page, and no document is created."""
    before = len(documents_of(kind))
    response = create(client, school, kind, programme, subject)
    assert response.status_code == 200
    assert len(documents_of(kind)) == before
    return " ".join(response.content.decode().split())


def test_every_school_kind_is_registered_with_a_renderer():
    registered = {k.code for k in all_kinds("school")}
    assert set(SCHOOL_KINDS) <= registered
    for code in SCHOOL_KINDS:
        assert renderer_for(code).formats == ("pdf", "docx")
    assert all(kind_of(code).is_order for code in SCHOOL_KINDS[:4])
    assert {kind_of(code).subject for code in SCHOOL_KINDS[4:]} == {"pair", "mentee", "mentor", "nomination"}


# --- Orders -------------------------------------------------------------------------------------------------


def test_curator_order_appoints_the_programme_curator_with_duties(made, school, curator):
    document, word, _ = made("curator_order")
    assert document.title == "О назначении куратора внедрения целевой модели наставничества"
    for part in (
        school.name,
        "ПРИКАЗ",
        "О назначении куратора внедрения целевой модели наставничества",
        "ПРИКАЗЫВАЮ:",
        "01.09.2026 – 31.05.2027",
        "Возложить на куратора обязанности согласно приложению 1",
        "Контроль за исполнением настоящего приказа оставляю за собой.",
        DIRECTOR,
        "Приложение 1",
        "к приказу от",
        "организация обучения наставников",
        "С обязанностями ознакомлен: ____________ К.П. Куратор",  # a man, by his patronymic
        "пгт Большая Мурта",
    ):
        assert part in word, part


def test_curator_order_declines_the_curator_the_position_and_the_school(made, named):
    document, _, _ = made("curator_order")
    text = preview(document)
    assert (
        "Назначить Орлову Марину Сергеевну, заместителя директора по УВР, куратором внедрения целевой модели "
        "наставничества в Муниципальном бюджетном общеобразовательном учреждении «Средняя школа №40» на период"
    ) in text
    assert "С обязанностями ознакомлена: ____________ М.С. Орлова" in text
    assert FULL_NAME in text  # the issuer in the requisites stays in the nominative


def test_pairs_order_has_the_pairs_table_as_an_appendix(made, school, people):
    _, word, pdf = made("pairs_order", pdf=True)
    for text in (word, pdf):
        for part in (
            school.name,
            "ПРИКАЗЫВАЮ:",
            "Закрепить наставнические пары и группы программы наставничества",
            "Приложение 1",
            "к приказу от",
            "Состав наставнических пар и групп",
            MENTOR,
            f"{MENTEE}, 8А",
            f"«{people['form'].name}»",
            "15.10.2026 – 15.05.2027",
            "законных представителей",
            DIRECTOR,
        ):
            assert part in text, part
    table = [
        [cell.text for cell in row.cells]
        for row in docx.Document(io.BytesIO(render(documents_of("pairs_order")[-1], "docx").content)).tables[-1].rows
    ]
    assert table[0] == ["№", "Наставник", "Наставляемый(е)", "Форма наставничества", "Срок работы"]
    assert table[1][0] == "1" and table[1][1].startswith(MENTOR) and table[1][2] == f"{MENTEE}, 8А"


def test_pairs_order_queries_do_not_grow_with_pairs(made, school, people, programme):
    document, _, _ = made("pairs_order")

    def queries():
        with scopes_disabled():
            fresh = Document.objects.select_related("programme").get(pk=document.pk)
        with CaptureQueriesContext(connection) as captured:
            content_of(fresh)
        return len(captured)

    one = queries()
    for n in range(3):
        mentor = Mentor.objects.create(
            organization=school, last_name=f"Наставник{n}", first_name="Анна", consent_number=f"{n}",
            consent_date=date(2025, 9, 1),
        )  # fmt: skip
        pair = Pair.objects.create(
            organization=school, programme=programme, mentor=mentor, form=people["form"], starts_on=date(2026, 10, 1),
            planned_end_on=date(2027, 5, 1),
        )  # fmt: skip
        for m in range(2):  # a group of two
            mentee = Mentee.objects.create(organization=school, last_name=f"Ученик{n}{m}", first_name="Олег")
            PairMember.objects.create(organization=school, pair=pair, mentee=mentee, form=people["form"])
    assert queries() == one
    with scopes_disabled():
        fresh = Document.objects.get(pk=document.pk)
    text = docx_text(render(fresh, "docx").content)
    assert "Ученик01 Олег" in text and "(группа)" in text and "(1 пара и 3 группы)" in text


def test_pairs_order_names_what_to_fill_first(world, as_curator, school, people, curator, in_school):
    empty = create_programme(
        tenant=school, actor=curator, forms=[people["form"]], title="Пустая программа", starts_on=date(2027, 9, 1),
        ends_on=date(2028, 5, 31), curator=curator,
    )  # fmt: skip
    assert "нет действующих наставнических пар или групп" in refused(as_curator, school, empty, "pairs_order")

    mentor, mentee = people["mentor"], people["mentee"]
    Mentor.objects.filter(pk=mentor.pk).update(consent_number="", consent_date=None)
    Mentee.objects.filter(pk=mentee.pk).update(representative_name="")
    page = refused(as_curator, school, people["programme"], "pairs_order")
    assert "У наставника Сидоровой Марии Павловны не указаны номер и дата письменного согласия" in page
    assert "наставляемого Петрова Ильи Сергеевича не указан законный представитель" in page


def test_pairs_order_counts_and_addresses_the_curator_grammatically(made, named):
    document, _, _ = made("pairs_order")
    text = preview(document)
    assert "программы наставничества" in text and "(1 пара) на сроки работы" in text
    assert (
        "Куратору программы Орловой Марине Сергеевне, заместителю директора по УВР, осуществлять контроль работы"
    ) in text


def test_mentor_school_order_has_the_schedule_and_the_selected_mentors(made, school):
    _, word, _ = made("mentor_school_order")
    for part in (
        school.name,
        "Об организации «Школы наставников»",
        "ПРИКАЗЫВАЮ:",
        "График занятий «Школы наставников»",
        "05.10.2026",
        "Роль наставника",
        "Орлова М.С.",
        "Список наставников, направленных на обучение",
        MENTOR,
        "Приложение 1",
        "Приложение 2",
        DIRECTOR,
    ):
        assert part in word, part


def test_mentor_school_order_names_the_responsible_curator_in_the_accusative(made, named):
    document, _, _ = made("mentor_school_order")
    text = preview(document)
    assert "отобранных наставников (1 человек) согласно списку" in text
    assert (
        "Назначить куратора программы Орлову Марину Сергеевну, заместителя директора по УВР, ответственной за "
        "организацию обучения наставников."
    ) in text


def test_mentor_school_order_without_sessions_or_mentors_is_refused(as_curator, school, people, curator, in_school):
    empty = create_programme(
        tenant=school, actor=curator, forms=[people["form"]], title="Пустая программа", starts_on=date(2027, 9, 1),
        ends_on=date(2028, 5, 31), curator=curator,
    )  # fmt: skip
    page = refused(as_curator, school, empty, "mentor_school_order")
    assert "Внесите занятия «Школы наставников»" in page and "Отберите наставников в программу" in page
    TrainingSession.objects.create(organization=school, programme=empty, held_on=date(2027, 10, 1), topic="Вводное")
    assert "Внесите занятия" not in refused(as_curator, school, empty, "mentor_school_order")


def test_reward_order_lists_the_nominated_mentors(made, school):
    _, word, _ = made("reward_order")
    for part in (
        school.name,
        "О поощрении наставников",
        "ПРИКАЗЫВАЮ:",
        "Поощрить наставников программы наставничества",
        MENTOR,
        "Лучший наставник года",
        "Форма поощрения",
        "благодарственные письма",
        "Приложение 1",
        DIRECTOR,
    ):
        assert part in word, part


def test_reward_order_without_nominations_is_refused(as_curator, school, people, in_school):
    RewardNomination.objects.filter(programme=people["programme"]).delete()
    assert "нет представлений к поощрению" in refused(as_curator, school, people["programme"], "reward_order")


# --- Personal documents -------------------------------------------------------------------------------------


def test_agreement_for_a_minor_is_signed_by_the_legal_representative(made, as_curator, school, people):
    page = as_curator.get(
        reverse("document_create", kwargs={"org": school.slug}),
        {"kind": "agreement", "programme": people["programme"].pk},
    ).content.decode()
    assert "Пара или группа" in page and MENTOR in page

    document, word, pdf = made("agreement", subject=people["pair"].pk, pdf=True)
    assert document.subject_id == people["pair"].pk
    assert document.title == "Соглашение о сотрудничестве наставника и наставляемого: М.П. Сидорова — И.С. Петров"
    for text in (word, pdf):
        for part in (
            "СОГЛАШЕНИЕ",
            "о сотрудничестве наставника и наставляемого",
            school.name,
            "Петрова Ольга Ивановна на основании Устава",
            MENTOR,
            MENTEE,
            f"законный представитель {REPRESENTATIVE} (мать)",
            "Права и обязанности Законного представителя",
            "15.10.2026 – 15.05.2027",
            "Подписи сторон",
            "Законный представитель наставляемого",
            f"{REPRESENTATIVE} (мать)",
            f"Директор {DIRECTOR}",
        ):
            assert part in text, part


def test_agreement_for_an_adult_has_no_representative(made, school, people):
    Mentee.objects.filter(pk=people["mentee"].pk).update(birth_date=date(2000, 1, 1), representative_name="")
    _, word, _ = made("agreement", subject=people["pair"].pk)
    assert MENTEE in word and "Законный представитель" not in word and "законный представитель" not in word


def test_agreement_without_the_minors_representative_is_refused(as_curator, school, people, in_school):
    Mentee.objects.filter(pk=people["mentee"].pk).update(representative_name="")
    page = refused(as_curator, school, people["programme"], "agreement", people["pair"].pk)
    assert f"Наставляемый {MENTEE} несовершеннолетний: укажите его законного представителя" in page


def test_a_subject_of_another_school_is_refused(world, as_curator, school, people):
    other_pair = world.people[world.other_school.pk]["pair"]
    refused(as_curator, school, people["programme"], "agreement", other_pair.pk)
    other_mentee = world.people[world.other_school.pk]["mentee"]
    refused(as_curator, school, people["programme"], "pd_consent", other_mentee.pk)


def test_pd_consent_of_a_minor_is_given_by_the_representative(made, school, people):
    document, word, pdf = made("pd_consent", subject=people["mentee"].pk, pdf=True)
    assert document.title == "Согласие на обработку персональных данных: И.С. Петров"
    for text in (word, pdf):
        for part in (
            "СОГЛАСИЕ",
            "на обработку персональных данных несовершеннолетнего",
            f"Я, {REPRESENTATIVE}",
            "являясь законным представителем (мать) несовершеннолетнего",
            "несовершеннолетнего наставляемого Петрова Ильи Сергеевича, 8А, дата рождения",
            f"оператору — {school.name} (адрес: {school.address})",
            "Цель обработки",
            "Перечень персональных данных",
            "Срок действия согласия",
            "Отзыв согласия",
            "30 дней",
            "оформлено отдельно от иных документов",
            "Дата и время",
        ):
            assert part in text, part


def test_pd_consent_of_an_adult_is_given_by_the_mentee(made, school, in_school):
    adult = Mentee.objects.create(
        organization=school, last_name="Орлова", first_name="Елена", patronymic="Игоревна",
        category=Mentee.Category.YOUNG_SPECIALIST, group="учитель истории", birth_date=date(1999, 3, 4),
    )  # fmt: skip
    _, word, _ = made("pd_consent", subject=adult.pk)
    assert "Я, Орлова Елена Игоревна, дата рождения 04.03.1999" in word
    assert "в своём интересе" in word and "Субъект персональных данных" in word
    assert "законн" not in word.lower().replace("законом", "")


def test_pd_consent_names_the_operator_in_the_dative(made, named, people):
    document, _, _ = made("pd_consent", subject=people["mentee"].pk)
    text = preview(document)
    assert (
        "даю согласие оператору — Муниципальному бюджетному общеобразовательному учреждению «Средняя школа №40» (адрес:"
    ) in text
    assert "в Муниципальном бюджетном общеобразовательном учреждении «Средняя школа №40»: формирование" in text


def test_pd_consent_names_what_to_fill_first(as_curator, school, people, programme, in_school):
    Mentee.objects.filter(pk=people["mentee"].pk).update(representative_name="")
    page = refused(as_curator, school, programme, "pd_consent", people["mentee"].pk)
    assert f"Наставляемый {MENTEE} несовершеннолетний: укажите его законного представителя" in page
    pupil = Mentee.objects.create(organization=school, last_name="Безданных", first_name="Пётр")
    assert "Укажите дату рождения наставляемого Безданных Петра" in refused(
        as_curator, school, programme, "pd_consent", pupil.pk
    )


def test_mentor_consent_follows_labour_code(made, people):
    document, word, _ = made("mentor_consent", subject=people["mentor"].pk)
    assert document.title == "Согласие на осуществление наставничества: М.П. Сидорова"
    for part in (
        "СОГЛАСИЕ",
        "на осуществление наставничества",
        f"Я, {MENTOR}",
        "статьёй 351.8 Трудового кодекса Российской Федерации",
        f"{MENTEE}, 8А",
        "Содержание наставничества",
        "15.10.2026 – 15.05.2027",
        "трудовым договором или дополнительным соглашением",
        "за три рабочих дня",
        "Зарегистрировано: № 12 от 01.09.2025",
        f"Директор {DIRECTOR}",
    ):
        assert part in word, part


def test_mentor_consent_gives_the_position_and_the_school_in_the_genitive(made, named, people):
    document, _, _ = made("mentor_consent", subject=people["mentor"].pk)
    assert (
        "Я, Сидорова Мария Павловна, учитель математики Муниципального бюджетного общеобразовательного учреждения "
        "«Средняя школа №40», в соответствии со статьёй 351.8"
    ) in preview(document)


def test_thank_you_letter_is_addressed_to_the_nominated_mentor(made, school, people):
    document, word, pdf = made("thank_you_letter", subject=people["nomination"].pk, pdf=True)
    assert document.title == "Благодарственное письмо: М.П. Сидорова"
    for text in (word, pdf):
        for part in (
            school.name,
            "БЛАГОДАРСТВЕННОЕ ПИСЬМО",
            "Сидоровой Марии Павловне",
            "«Лучший наставник года»",
            "Уважаемая Мария Павловна!",
            "искреннюю благодарность",
            DIRECTOR,
        ):
            assert part in text, part


def test_thank_you_letter_agrees_with_the_mentors_stored_gender(made, named, people):
    Mentor.objects.filter(pk=people["mentor"].pk).update(last_name="Ким", first_name="Женя", patronymic="", gender="m")
    document, _, _ = made("thank_you_letter", subject=people["nomination"].pk)
    text = preview(document)
    assert "БЛАГОДАРСТВЕННОЕ ПИСЬМО Киму Жене учителю математики" in text
    assert "Уважаемый Женя!" in text


def test_typed_markup_in_a_personal_document_stays_text(made, as_curator, school, people):
    document, _, _ = made("thank_you_letter", subject=people["nomination"].pk)
    as_curator.post(
        reverse("document_edit", kwargs={"org": school.slug, "pk": document.pk}),
        {"place": "с. Лесное", "text": "<b>Спасибо</b> & <script>alert(1)</script>"},
    )
    page = as_curator.get(document.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Спасибо&lt;/b&gt;" in page and "<script>alert(1)" not in page
    with scopes_disabled():
        document.refresh_from_db()
    assert "<b>Спасибо</b> & <script>alert(1)</script>" in docx_text(render(document, "docx").content)
