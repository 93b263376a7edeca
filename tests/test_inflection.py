"""Russian grammar of documents: names, titles, positions and numbers as a reader expects them (no database)."""

import pytest

from core.inflection import (
    agree,
    by_gender,
    gender_of,
    guess_gender,
    initials_of,
    municipality_name,
    name_of,
    organization_name,
    person_name,
    phrase,
    position_in,
    with_number,
)
from core.models import Municipality, Organization
from mentoring.models import Mentee, Mentor, User

SCHOOL_40 = "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа №40»"
MURTA_SCHOOL = (
    "Муниципальное казённое общеобразовательное учреждение «Большемуртинская средняя общеобразовательная школа №1»"
)
MURTA_AUTHORITY = "Управление образования администрации Большемуртинского района"


@pytest.mark.parametrize(
    ("name", "gender", "forms"),
    [
        (
            ("Орлова", "Марина", "Сергеевна"),
            "",
            [
                "Орловой Марины Сергеевны",
                "Орловой Марине Сергеевне",
                "Орлову Марину Сергеевну",
                "Орловой Мариной Сергеевной",
            ],
        ),
        (
            ("Орлов", "Сергей", "Петрович"),
            "",
            [
                "Орлова Сергея Петровича",
                "Орлову Сергею Петровичу",
                "Орлова Сергея Петровича",
                "Орловым Сергеем Петровичем",
            ],
        ),
        (
            ("Петрова-Водкина", "Анна", "Ивановна"),
            "",
            [
                "Петровой-Водкиной Анны Ивановны",
                "Петровой-Водкиной Анне Ивановне",
                "Петрову-Водкину Анну Ивановну",
                "Петровой-Водкиной Анной Ивановной",
            ],
        ),
        (
            ("Римский-Корсаков", "Николай", "Андреевич"),
            "",
            [
                "Римского-Корсакова Николая Андреевича",
                "Римскому-Корсакову Николаю Андреевичу",
                "Римского-Корсакова Николая Андреевича",
                "Римским-Корсаковым Николаем Андреевичем",
            ],
        ),
        (
            ("Семёнов", "Пётр", "Фёдорович"),
            "",
            [
                "Семёнова Петра Фёдоровича",
                "Семёнову Петру Фёдоровичу",
                "Семёнова Петра Фёдоровича",
                "Семёновым Петром Фёдоровичем",
            ],
        ),
        (
            ("Фёдорова", "Алёна", ""),
            "",
            ["Фёдоровой Алёны", "Фёдоровой Алёне", "Фёдорову Алёну", "Фёдоровой Алёной"],
        ),
        (("Ким", "Ольга", ""), "", ["Ким Ольги", "Ким Ольге", "Ким Ольгу", "Ким Ольгой"]),
        (("Ким", "Олег", ""), "", ["Кима Олега", "Киму Олегу", "Кима Олега", "Кимом Олегом"]),
        (("Дюма", "Александр", ""), "m", ["Дюма Александра", "Дюма Александру", "Дюма Александра", "Дюма Александром"]),
        (
            ("Шевчук", "Мария", "Петровна"),
            "",
            ["Шевчук Марии Петровны", "Шевчук Марии Петровне", "Шевчук Марию Петровну", "Шевчук Марией Петровной"],
        ),
        (
            ("Шевчук", "Иван", "Петрович"),
            "",
            [
                "Шевчука Ивана Петровича",
                "Шевчуку Ивану Петровичу",
                "Шевчука Ивана Петровича",
                "Шевчуком Иваном Петровичем",
            ],
        ),
        (
            ("Алиев", "Руслан", "Магомедович"),
            "",
            [
                "Алиева Руслана Магомедовича",
                "Алиеву Руслану Магомедовичу",
                "Алиева Руслана Магомедовича",
                "Алиевым Русланом Магомедовичем",
            ],
        ),
        (
            ("Гарипова", "Алсу", "Ильдаровна"),
            "",
            [
                "Гариповой Алсу Ильдаровны",
                "Гариповой Алсу Ильдаровне",
                "Гарипову Алсу Ильдаровну",
                "Гариповой Алсу Ильдаровной",
            ],
        ),
        (
            ("Мамедов", "Эльчин", "Гасан оглы"),
            "",
            [
                "Мамедова Эльчина Гасан оглы",
                "Мамедову Эльчину Гасан оглы",
                "Мамедова Эльчина Гасан оглы",
                "Мамедовым Эльчином Гасан оглы",
            ],
        ),
        (
            ("Мамедова", "Айгюн", "Гасан-кызы"),
            "",
            [
                "Мамедовой Айгюн Гасан-кызы",
                "Мамедовой Айгюн Гасан-кызы",
                "Мамедову Айгюн Гасан-кызы",
                "Мамедовой Айгюн Гасан-кызы",
            ],
        ),
        (
            ("Черных", "Анна", "Олеговна"),
            "",
            ["Черных Анны Олеговны", "Черных Анне Олеговне", "Черных Анну Олеговну", "Черных Анной Олеговной"],
        ),
        (("Лапа", "Никита", ""), "", ["Лапы Никиты", "Лапе Никите", "Лапу Никиту", "Лапой Никитой"]),
    ],
)
def test_person_name_in_every_case_documents_use(name, gender, forms):
    last, first, patronymic = name
    assert [person_name(last, first, patronymic, case, gender) for case in ("gent", "datv", "accs", "ablt")] == forms
    assert person_name(last, first, patronymic, "nomn", gender) == " ".join(part for part in name if part)


@pytest.mark.parametrize(
    ("first", "patronymic", "last", "gender"),
    [
        ("Марина", "Сергеевна", "Орлова", "f"),
        ("Никита", "Олегович", "Лапа", "m"),
        ("Алсу", "Ильдаровна", "Гарипова", "f"),
        ("Алсу", "", "Гарипова", "f"),  # the first name says nothing, the surname does
        ("Айгюн", "Гасан кызы", "Мамедова", "f"),
        ("Эльчин", "Гасан оглы", "Мамедов", "m"),
        ("Саша", "Игоревич", "Ким", "m"),  # the patronymic decides before the first name
        ("Женя", "", "Ким", ""),  # nothing tells
    ],
)
def test_gender_is_guessed_from_patronymic_then_first_name_then_surname(first, patronymic, last, gender):
    assert guess_gender(first, patronymic, last) == gender


def test_an_unguessable_gender_set_on_the_card_declines_the_name():
    assert person_name("Ким", "Женя", "", "datv", "f") == "Ким Жене"
    assert person_name("Ким", "Женя", "", "datv", "m") == "Киму Жене"


def test_name_of_a_mentor_mentee_or_user_uses_stored_gender_and_corrections():
    mentor = Mentor(last_name="Орлова", first_name="Марина", patronymic="Сергеевна")
    assert name_of(mentor, "accs") == "Орлову Марину Сергеевну"
    assert initials_of(mentor, "datv") == "М.С. Орловой"
    assert gender_of(mentor) == "f"

    mentee = Mentee(last_name="Шевчук", first_name="Женя", patronymic="", gender="m")
    assert name_of(mentee, "datv") == "Шевчуку Жене"
    assert gender_of(mentee) == "m"

    user = User(
        last_name="Лев", first_name="Любовь", patronymic="Ильинична", name_forms={"gent": "Лев Любови Ильиничны"}
    )
    assert name_of(user, "gent") == "Лев Любови Ильиничны"
    assert name_of(user, "nomn") == "Лев Любовь Ильинична"
    assert initials_of(user, "gent") == "Л.И. Лев"

    corrected = Mentor(last_name="Бут", first_name="Инна", name_forms={"datv": "Бут Инне", "gent": ""})
    assert name_of(corrected, "datv") == "Бут Инне"
    assert name_of(corrected, "gent") == "Бут Инны"  # a blank correction means the library's form


def test_name_of_a_bare_object_with_the_name_attributes():
    class Signatory:
        last_name, first_name, patronymic = "Гаврилова", "Тамара", "Вячеславовна"

    assert name_of(Signatory(), "ablt") == "Гавриловой Тамарой Вячеславовной"
    assert initials_of(Signatory()) == "Т.В. Гаврилова"


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("nomn", SCHOOL_40),
        ("gent", "Муниципального бюджетного общеобразовательного учреждения «Средняя школа №40»"),
        ("datv", "Муниципальному бюджетному общеобразовательному учреждению «Средняя школа №40»"),
        ("accs", "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа №40»"),
        ("ablt", "Муниципальным бюджетным общеобразовательным учреждением «Средняя школа №40»"),
        ("loct", "Муниципальном бюджетном общеобразовательном учреждении «Средняя школа №40»"),
    ],
)
def test_school_name_declines_its_leading_words_and_keeps_the_name_in_quotes(case, expected):
    assert phrase(SCHOOL_40, case) == expected


def test_other_titles_decline_only_their_head_phrase():
    assert phrase(MURTA_SCHOOL, "gent") == (
        "Муниципального казённого общеобразовательного учреждения «Большемуртинская средняя общеобразовательная "
        "школа №1»"
    )
    assert phrase(MURTA_AUTHORITY, "gent") == "Управления образования администрации Большемуртинского района"
    assert phrase(MURTA_AUTHORITY, "ablt") == "Управлением образования администрации Большемуртинского района"
    assert phrase("Большемуртинская средняя общеобразовательная школа №1", "accs") == (
        "Большемуртинскую среднюю общеобразовательную школу №1"
    )
    assert phrase("Муниципальное казенное учреждение", "gent") == "Муниципального казенного учреждения"
    for case in ("gent", "datv", "accs", "ablt", "loct"):
        assert phrase("МБОУ «СШ №40»", case) == "МБОУ «СШ №40»"


def test_organization_and_municipality_names_with_corrections():
    school = Organization(name=SCHOOL_40, short_name="МБОУ «СШ №40»", name_forms={"short_gent": "МБОУ СШ №40"})
    assert organization_name(school, "datv").startswith("Муниципальному бюджетному")
    assert organization_name(school, "gent", short=True) == "МБОУ СШ №40"
    assert organization_name(school, "datv", short=True) == "МБОУ «СШ №40»"
    school.name_forms = {"gent": "Школы №40"}
    assert organization_name(school, "gent") == "Школы №40"
    assert organization_name(school) == SCHOOL_40

    authority = Municipality(name=MURTA_AUTHORITY, short_name="УО Большемуртинского района", name_forms={})
    assert municipality_name(authority, "gent") == "Управления образования администрации Большемуртинского района"
    assert municipality_name(authority, "gent", short=True) == "УО Большемуртинского района"


@pytest.mark.parametrize(
    ("position", "forms"),
    [
        (
            "Заместитель директора по УВР",
            [
                "заместителя директора по УВР",
                "заместителю директора по УВР",
                "заместителя директора по УВР",
                "заместителем директора по УВР",
            ],
        ),
        (
            "Учитель математики",
            ["учителя математики", "учителю математики", "учителя математики", "учителем математики"],
        ),
        (
            "Педагог-психолог",
            ["педагога-психолога", "педагогу-психологу", "педагога-психолога", "педагогом-психологом"],
        ),
        ("Директор", ["директора", "директору", "директора", "директором"]),
        (
            "Руководитель управления образования",
            [
                "руководителя управления образования",
                "руководителю управления образования",
                "руководителя управления образования",
                "руководителем управления образования",
            ],
        ),
        ("И.о. директора", ["и.о. директора"] * 4),
        (
            "Ведущий специалист",
            ["ведущего специалиста", "ведущему специалисту", "ведущего специалиста", "ведущим специалистом"],
        ),
        (
            "Заведующий кабинетом",
            ["заведующего кабинетом", "заведующему кабинетом", "заведующего кабинетом", "заведующим кабинетом"],
        ),
        (
            "Исполняющий обязанности директора",
            [
                "исполняющего обязанности директора",
                "исполняющему обязанности директора",
                "исполняющего обязанности директора",
                "исполняющим обязанности директора",
            ],
        ),
    ],
)
def test_positions_inside_a_sentence_are_declined_and_lower_case(position, forms):
    assert [position_in(position, case) for case in ("gent", "datv", "accs", "ablt")] == forms
    assert position_in(position) == position[0].lower() + position[1:]


def test_a_position_opening_with_an_abbreviation_keeps_its_capitals():
    assert position_in("МБОУ «СШ №40»", "gent") == "МБОУ «СШ №40»"
    assert position_in("", "gent") == ""


@pytest.mark.parametrize(
    ("noun", "forms"),
    [
        ("пара", ["1 пара", "2 пары", "5 пар", "11 пар", "21 пара", "22 пары", "25 пар"]),
        (
            "организация",
            [
                "1 организация",
                "2 организации",
                "5 организаций",
                "11 организаций",
                "21 организация",
                "22 организации",
                "25 организаций",
            ],
        ),
        (
            "наставник",
            [
                "1 наставник",
                "2 наставника",
                "5 наставников",
                "11 наставников",
                "21 наставник",
                "22 наставника",
                "25 наставников",
            ],
        ),
        ("человек", ["1 человек", "2 человека", "5 человек", "11 человек", "21 человек", "22 человека", "25 человек"]),
        (
            "наставляемый",
            [
                "1 наставляемый",
                "2 наставляемых",
                "5 наставляемых",
                "11 наставляемых",
                "21 наставляемый",
                "22 наставляемых",
                "25 наставляемых",
            ],
        ),
    ],
)
def test_nouns_agree_with_numbers(noun, forms):
    assert [with_number(n, noun) for n in (1, 2, 5, 11, 21, 22, 25)] == forms


def test_words_agree_with_gender():
    assert agree("представлен", "f") == "представлена"
    assert agree("представлен", "m") == "представлен"
    assert agree("назначен", "") == "назначен"
    assert agree("прошёл", "f") == "прошла"
    assert by_gender("f", "Уважаемый", "Уважаемая") == "Уважаемая"
    assert by_gender("", "Уважаемый", "Уважаемая") == "Уважаемый"


def test_an_unknown_case_is_refused():
    with pytest.raises(ValueError, match="Unknown grammatical case"):
        phrase(SCHOOL_40, "genitive")
