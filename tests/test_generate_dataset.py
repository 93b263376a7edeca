"""``manage.py generate_dataset`` and the Russian value generators behind it (``mentoring.synthetic``)."""

import random
import re
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from mentoring import synthetic
from mentoring.models import Membership, Municipality, Organization, User
from mentoring.roles import Role

CYRILLIC_NAME = re.compile(r"^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?$")


def generate(*args):
    out = StringIO()
    call_command("generate_dataset", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Everything a user of the data set would see, in a stable order."""
    return {
        "municipalities": list(Municipality.objects.order_by("slug").values_list("slug", "name", "head_name")),
        "organizations": list(
            Organization.objects.order_by("slug").values_list("slug", "short_name", "municipality__slug", "inn")
        ),
        "users": list(User.objects.order_by("email").values_list("email", "last_name", "first_name", "patronymic")),
        "memberships": sorted(
            Membership.objects.values_list("user__email", "role", "organization__slug", "municipality__slug")
        ),
    }


@pytest.fixture
def small(db):
    """3 schools with 2 mentors each, in 2 municipalities."""
    return generate("--schools", "3", "--municipalities", "2", "--mentors-per-school", "2")


def test_small_dataset_has_expected_counts_and_roles(small):
    assert Municipality.objects.count() == 2
    assert Organization.objects.count() == 3
    # Per school: director, curator, methodist, observer and 2 mentors; per municipality: coordinator, 2 specialists.
    assert User.objects.count() == 3 * 6 + 2 * 3
    assert Membership.objects.count() == User.objects.count()
    assert "муниципалитетов 2, организаций 3, пользователей 24, ролей 24" in small

    for organization in Organization.objects.all():
        assert organization.slug.startswith("gen-o-")
        assert organization.municipality.slug.startswith("gen-m-")
        roles = Counter(organization.memberships.values_list("role", flat=True))
        assert roles == {Role.DIRECTOR: 1, Role.CURATOR: 1, Role.METHODIST: 1, Role.OBSERVER: 1, Role.MENTOR: 2}
        director = organization.memberships.get(role=Role.DIRECTOR).user
        assert organization.director_name == f"{director.first_name[0]}.{director.patronymic[0]}. {director.last_name}"
    for municipality in Municipality.objects.all():
        assert municipality.organizations.exists()  # schools are spread over every municipality
        roles = Counter(municipality.memberships.values_list("role", flat=True))
        assert roles == {Role.MUNICIPAL_COORDINATOR: 1, Role.MUNICIPAL_SPECIALIST: 2}
    # Every user holds exactly one role.
    assert set(Membership.objects.values_list("user", flat=True).distinct()) == set(
        User.objects.values_list("pk", flat=True)
    )


def test_default_municipality_count_and_mentors(db):
    output = generate("--schools", "26")
    assert Municipality.objects.count() == 2  # ceil(26 / 25)
    assert Membership.objects.filter(role=Role.MENTOR).count() == 26 * 15
    assert "муниципалитетов 2, организаций 26, пользователей 500, ролей 500" in output


def test_schools_look_like_russian_schools(small):
    for organization in Organization.objects.all():
        assert re.fullmatch(r"М[БАК]ОУ «.+»", organization.short_name), organization.short_name
        assert organization.name.startswith("Муниципальное ")
        assert re.search(r"№\d+", organization.short_name)
        assert synthetic.is_valid_inn(organization.inn), organization.inn
        assert synthetic.is_valid_ogrn(organization.ogrn), organization.ogrn
        assert organization.municipality.region in organization.address
    for municipality in Municipality.objects.all():
        assert re.search(r"(района|муниципального округа)$", municipality.name), municipality.name


def test_names_are_russian_and_agree_with_gender(small):
    for user in User.objects.all():
        for part in (user.last_name, user.first_name, user.patronymic):
            assert CYRILLIC_NAME.match(part), user.full_name
        assert re.fullmatch(r"[a-z]+\.\d+@gen\.example", user.email), user.email
        female = user.first_name in synthetic.FEMALE_FIRST_NAMES
        assert female or user.first_name in synthetic.MALE_FIRST_NAMES
        if female:
            assert user.patronymic.endswith(("вна", "чна")), user.full_name
            assert not user.last_name.endswith(("ов", "ев", "ёв", "ин", "ий", "ый", "ой")), user.full_name
        else:
            assert user.patronymic.endswith("ич"), user.full_name
            assert not user.last_name.endswith(("ова", "ева", "ёва", "ина", "ая")), user.full_name


def test_same_seed_gives_same_data_and_another_seed_does_not(small):
    first = snapshot()
    generate("--schools", "3", "--municipalities", "2", "--mentors-per-school", "2", "--replace")
    assert snapshot() == first
    generate("--schools", "3", "--municipalities", "2", "--mentors-per-school", "2", "--replace", "--seed", "2")
    assert snapshot()["users"] != first["users"]


def test_second_run_without_replace_refuses_and_changes_nothing(small):
    before = snapshot()
    with pytest.raises(CommandError, match="--replace"):
        generate("--schools", "5", "--mentors-per-school", "1")
    assert snapshot() == before


def test_replace_regenerates_with_equal_counts(small):
    old_user_ids = set(User.objects.values_list("pk", flat=True))
    output = generate(
        "--schools", "3", "--municipalities", "2", "--mentors-per-school", "2", "--replace", "--seed", "7"
    )
    assert "Удалены прежние сгенерированные данные (муниципалитетов 2, организаций 3, пользователей 24" in output
    assert (Municipality.objects.count(), Organization.objects.count()) == (2, 3)
    assert User.objects.count() == Membership.objects.count() == 24
    assert old_user_ids.isdisjoint(User.objects.values_list("pk", flat=True))


def test_replace_keeps_rows_that_were_not_generated(small):
    municipality = Municipality.objects.create(slug="murta", name="УО", short_name="УО", region="Красноярский край")
    school = Organization.objects.create(slug="sh40", name="Школа", short_name="Школа", municipality=municipality)
    person = User.objects.create_user(email="real@school.test", password="x" * 12, last_name="Иванов", first_name="И")
    Membership.objects.create(user=person, organization=school, role=Role.DIRECTOR)

    generate("--schools", "3", "--municipalities", "2", "--mentors-per-school", "2", "--replace")

    assert Organization.objects.filter(slug="sh40").exists()
    assert Membership.objects.filter(user=person, organization=school).exists()
    assert Organization.objects.count() == 4


def test_generated_user_logs_in_with_printed_password(small):
    password = re.search(r"Пароль[^:]*: (\S+)", small).group(1)
    user = Membership.objects.filter(role=Role.MENTOR).first().user
    request = RequestFactory().post("/login/")
    assert authenticate(request, username=user.email, password=password) == user
    assert authenticate(request, username=user.email, password=password + "x") is None


def test_invalid_arguments_are_refused(db):
    for args in (
        ["--schools", "0"],
        ["--schools", "3", "--municipalities", "0"],
        ["--schools", "3", "--mentors-per-school", "-1"],
    ):
        with pytest.raises(CommandError, match="не меньше"):
            generate(*args)
    assert not Organization.objects.exists()


@pytest.mark.parametrize(
    ("father", "male", "female"),
    [
        ("Иван", "Иванович", "Ивановна"),
        ("Сергей", "Сергеевич", "Сергеевна"),
        ("Николай", "Николаевич", "Николаевна"),
        ("Игорь", "Игоревич", "Игоревна"),
        ("Юрий", "Юрьевич", "Юрьевна"),
        ("Василий", "Васильевич", "Васильевна"),
        ("Дмитрий", "Дмитриевич", "Дмитриевна"),
        ("Георгий", "Георгиевич", "Георгиевна"),
        ("Пётр", "Петрович", "Петровна"),
        ("Павел", "Павлович", "Павловна"),
        ("Лев", "Львович", "Львовна"),
        ("Михаил", "Михайлович", "Михайловна"),
        ("Илья", "Ильич", "Ильинична"),
        ("Никита", "Никитич", "Никитична"),
    ],
)
def test_patronymics(father, male, female):
    assert synthetic.patronymic(father, synthetic.Gender.MALE) == male
    assert synthetic.patronymic(father, synthetic.Gender.FEMALE) == female


@pytest.mark.parametrize(
    ("male", "female"),
    [
        ("Иванов", "Иванова"),
        ("Соловьёв", "Соловьёва"),
        ("Ильин", "Ильина"),
        ("Троицкий", "Троицкая"),
        ("Толстой", "Толстая"),
        ("Шевченко", "Шевченко"),
        ("Черных", "Черных"),
    ],
)
def test_surnames(male, female):
    assert synthetic.surname(male, synthetic.Gender.MALE) == male
    assert synthetic.surname(male, synthetic.Gender.FEMALE) == female


def test_inn_and_ogrn_check_digits():
    # Real, published numbers (Sberbank) pass; changing the last digit fails.
    assert synthetic.is_valid_inn("7707083893")
    assert synthetic.is_valid_ogrn("1027700132195")
    assert not synthetic.is_valid_inn("7707083894")
    assert not synthetic.is_valid_ogrn("1027700132196")
    rng = random.Random(5)
    region = synthetic.REGIONS[0]
    for _ in range(200):
        inn, ogrn = synthetic.inn(rng, region), synthetic.ogrn(rng, region)
        assert synthetic.is_valid_inn(inn) and inn.startswith(region.tax_code)
        assert synthetic.is_valid_ogrn(ogrn) and ogrn[3:5] == region.tax_code


def test_school_names_and_transliteration():
    rng = random.Random(1)
    names = [synthetic.school_name(rng, 12) for _ in range(200)]
    assert any(
        n.name == "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №12»"
        and n.short_name == "МБОУ «СОШ №12»"
        for n in names
    )
    assert all("№12" in n.short_name for n in names)
    assert synthetic.transliterate("Соловьёва") == "soloveva"
    assert synthetic.transliterate("Щербаков") == "shcherbakov"
