"""``manage.py generate_dataset`` and the Russian value generators behind it (``demo.people``, ``demo.places``)."""

import random
import re
from collections import Counter
from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import timezone
from django_scopes import scopes_disabled

from core.models import Membership, Municipality, Organization, Region
from core.roles import Role
from core.tenancy import tenant_scope
from demo import people, places, vocabulary
from mentoring.management.commands.generate_dataset import Command as GenerateDataset
from mentoring.models import Consent, Mentee, Mentor, PartnerOrganization, SupportCategory, Tag, User
from mentoring.models.people import age_on
from mentoring.services.people import with_consent_flags
from tests.conftest import fill_school

CYRILLIC_NAME = re.compile(r"^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?$")


def generate(*args):
    out = StringIO()
    call_command("generate_dataset", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _scopes_disabled():
    """The tests look across the generated schools."""
    with scopes_disabled():
        yield


def snapshot():
    """Everything a user of the data set would see, in a stable order."""
    return {
        "mentees": list(
            Mentee.objects.order_by("organization__slug", "pk").values_list(
                "organization__slug",
                "last_name",
                "first_name",
                "patronymic",
                "birth_date",
                "category",
                "group",
                "teaching_experience",
                "support_categories",
                "representative_name",
                "representative_relation",
            )
        ),
        "mentors": list(
            Mentor.objects.order_by("organization__slug", "pk").values_list(
                "organization__slug", "last_name", "first_name", "category", "position", "user__email", "partner__name"
            )
        ),
        "consents": sorted(
            Consent.objects.values_list("mentee__last_name", "mentor__last_name", "given_by_name", "given_at"), key=str
        ),
        "requests": sorted(Mentee.requests.through.objects.values_list("mentee__last_name", "tag__name")),
        "competencies": sorted(Mentor.competencies.through.objects.values_list("mentor__last_name", "tag__name")),
        "municipalities": list(Municipality.objects.order_by("slug").values_list("slug", "name", "head_name")),
        "organizations": list(
            Organization.objects.order_by("slug").values_list("slug", "short_name", "municipality__slug", "inn")
        ),
        "users": list(User.objects.order_by("email").values_list("email", "last_name", "first_name", "patronymic")),
        "memberships": sorted(
            Membership.objects.values_list("user__email", "role", "organization__slug", "municipality__slug")
        ),
    }


SMALL = ("--schools", "3", "--municipalities", "2", "--mentors-per-school", "2", "--mentees-per-school", "30")


@pytest.fixture
def small(empty_db):
    """3 schools with 2 mentor accounts, 30 mentees and 2 mentor records each, in 2 municipalities."""
    return generate(*SMALL)


# 2 schools with 30 mentees and 10 mentors in the base each (the first 2 of them with mentor accounts).
BASES = (
    "--schools",
    "2",
    "--municipalities",
    "1",
    "--mentors-per-school",
    "2",
    "--mentees-per-school",
    "30",
    "--mentor-records-per-school",
    "10",
)


@pytest.fixture
def bases(empty_db):
    return generate(*BASES)


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


def test_default_municipality_count_and_mentors(empty_db):
    output = generate("--schools", "26", "--mentees-per-school", "0")
    assert Municipality.objects.count() == 2  # ceil(26 / 25)
    assert Membership.objects.filter(role=Role.MENTOR).count() == 26 * 15
    assert "муниципалитетов 2, организаций 26, пользователей 500, ролей 500" in output
    assert not Mentee.objects.exists() and not Mentor.objects.exists()
    assert Tag.objects.count() == 26 * len(vocabulary.REQUEST_TAGS)


def test_default_sizes_of_the_bases(empty_db):
    options = GenerateDataset().create_parser("manage.py", "generate_dataset").parse_args(["--schools", "1"])
    assert options.mentees_per_school == 2000  # 100 schools give 200 000 mentees
    assert options.mentor_records_per_school is None  # mentees / 15
    generate("--schools", "1", "--mentees-per-school", "45")
    assert (Mentee.objects.count(), Mentor.objects.count()) == (45, 3)


def test_schools_look_like_russian_schools(small):
    for organization in Organization.objects.all():
        assert re.fullmatch(r"М[БАК]ОУ «.+»", organization.short_name), organization.short_name
        assert organization.name.startswith("Муниципальное ")
        assert re.search(r"№\d+", organization.short_name)
        assert places.is_valid_inn(organization.inn), organization.inn
        assert places.is_valid_ogrn(organization.ogrn), organization.ogrn
        assert organization.municipality.region.name in organization.address
    for municipality in Municipality.objects.all():
        assert re.search(r"(района|муниципального округа)$", municipality.name), municipality.name


def test_names_are_russian_and_agree_with_gender(small):
    for user in User.objects.all():
        for part in (user.last_name, user.first_name, user.patronymic):
            assert CYRILLIC_NAME.match(part), user.full_name
        assert re.fullmatch(r"[a-z]+\.\d+@gen\.example", user.email), user.email
        female = user.first_name in people.FEMALE_FIRST_NAMES
        assert female or user.first_name in people.MALE_FIRST_NAMES
        if female:
            assert user.patronymic.endswith(("вна", "чна")), user.full_name
            assert not user.last_name.endswith(("ов", "ев", "ёв", "ин", "ий", "ый", "ой")), user.full_name
        else:
            assert user.patronymic.endswith("ич"), user.full_name
            assert not user.last_name.endswith(("ова", "ева", "ёва", "ина", "ая")), user.full_name


def test_same_seed_gives_same_data_and_another_seed_does_not(small):
    first = snapshot()
    assert first["mentees"] and first["consents"] and first["requests"]
    generate(*SMALL, "--replace")
    assert snapshot() == first
    generate(*SMALL, "--replace", "--seed", "2")
    second = snapshot()
    assert second["users"] != first["users"]
    assert second["mentees"] != first["mentees"]


def test_schools_and_staff_do_not_depend_on_the_size_of_the_bases(small):
    first = snapshot()
    generate(*SMALL[:-1], "5", "--replace")
    second = snapshot()
    for kind in ("municipalities", "organizations", "users", "memberships"):
        assert second[kind] == first[kind], kind
    assert Mentee.objects.count() == 15


def test_second_run_without_replace_refuses_and_changes_nothing(small):
    before = snapshot()
    with pytest.raises(CommandError, match="--replace"):
        generate("--schools", "5", "--mentors-per-school", "1")
    assert snapshot() == before


def test_replace_regenerates_with_equal_counts(small):
    old_user_ids = set(User.objects.values_list("pk", flat=True))
    old_mentee_ids = set(Mentee.objects.values_list("pk", flat=True))
    old_consents = Consent.objects.count()
    output = generate(*SMALL, "--replace", "--seed", "7")
    assert "Удалены прежние сгенерированные данные (муниципалитетов 2, организаций 3, пользователей 24" in output
    assert f"наставляемых 90, наставников 6, согласий {old_consents})" in output
    assert (Municipality.objects.count(), Organization.objects.count()) == (2, 3)
    assert User.objects.count() == Membership.objects.count() == 24
    assert old_user_ids.isdisjoint(User.objects.values_list("pk", flat=True))
    assert (Mentee.objects.count(), Mentor.objects.count(), Tag.objects.count()) == (90, 6, 36)
    assert old_mentee_ids.isdisjoint(Mentee.objects.values_list("pk", flat=True))


def test_replace_deletes_every_generated_row(bases):
    generate("--schools", "1", "--mentees-per-school", "0", "--mentors-per-school", "0", "--replace")
    assert Organization.objects.count() == 1
    for model in (Mentee, Mentor, Consent, Mentee.requests.through, Mentor.competencies.through):
        assert not model.objects.exclude(**_in_school(model, Organization.objects.get())).exists(), model
    assert not Mentor.children.through.objects.exists()
    assert PartnerOrganization.objects.filter(organization=Organization.objects.get()).count() in (1, 2)
    assert PartnerOrganization.objects.count() in (1, 2)


def _in_school(model, organization):
    if model is Mentee.requests.through:
        return {"mentee__organization": organization}
    if model is Mentor.competencies.through:
        return {"mentor__organization": organization}
    return {"organization": organization}


def test_replace_keeps_rows_that_were_not_generated(small):
    municipality = Municipality.objects.create(
        slug="murta", name="УО", short_name="УО", region=Region.objects.get_or_create(name="Красноярский край")[0]
    )
    school = Organization.objects.create(slug="sh40", name="Школа", short_name="Школа", municipality=municipality)
    person = User.objects.create_user(email="real@school.test", password="x" * 12, last_name="Иванов", first_name="И")
    Membership.objects.create(user=person, organization=school, role=Role.DIRECTOR)
    people = fill_school(school)

    generate(*SMALL, "--replace")

    assert Organization.objects.filter(slug="sh40").exists()
    assert Membership.objects.filter(user=person, organization=school).exists()
    assert Organization.objects.count() == 4
    assert Mentee.objects.get(organization=school) == people["mentee"]
    assert Mentor.objects.get(organization=school).competencies.get() == people["tag"]
    assert Consent.objects.get(organization=school) == people["consent"]
    assert PartnerOrganization.objects.get(organization=school) == people["partner"]
    assert list(people["mentee"].requests.all()) == [people["tag"]]


def test_generated_user_logs_in_with_printed_password(small):
    password = re.search(r"Пароль[^:]*: (\S+)", small).group(1)
    user = Membership.objects.filter(role=Role.MENTOR).first().user
    request = RequestFactory().post("/login/")
    assert authenticate(request, username=user.email, password=password) == user
    assert authenticate(request, username=user.email, password=password + "x") is None


def test_invalid_arguments_are_refused(empty_db):
    for args in (
        ["--schools", "0"],
        ["--schools", "3", "--municipalities", "0"],
        ["--schools", "3", "--mentors-per-school", "-1"],
        ["--schools", "3", "--mentees-per-school", "-1"],
        ["--schools", "3", "--mentor-records-per-school", "-1"],
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
    assert people.patronymic(father, people.Gender.MALE) == male
    assert people.patronymic(father, people.Gender.FEMALE) == female


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
    assert people.surname(male, people.Gender.MALE) == male
    assert people.surname(male, people.Gender.FEMALE) == female


def test_inn_and_ogrn_check_digits():
    # Real, published numbers (Sberbank) pass; changing the last digit fails.
    assert places.is_valid_inn("7707083893")
    assert places.is_valid_ogrn("1027700132195")
    assert not places.is_valid_inn("7707083894")
    assert not places.is_valid_ogrn("1027700132196")
    rng = random.Random(5)
    region = places.REGIONS[0]
    for _ in range(200):
        inn, ogrn = places.inn(rng, region), places.ogrn(rng, region)
        assert places.is_valid_inn(inn) and inn.startswith(region.tax_code)
        assert places.is_valid_ogrn(ogrn) and ogrn[3:5] == region.tax_code


def test_school_names_and_transliteration():
    rng = random.Random(1)
    names = [places.school_name(rng, 12) for _ in range(200)]
    assert any(
        n.name == "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №12»"
        and n.short_name == "МБОУ «СОШ №12»"
        for n in names
    )
    assert all("№12" in n.short_name for n in names)
    assert people.transliterate("Соловьёва") == "soloveva"
    assert people.transliterate("Щербаков") == "shcherbakov"


# --- The bases of mentees and mentors -----------------------------------------------------------------------------

PUPIL_CLASS = re.compile(r"^(\d{1,2})[АБВГ]$")


def test_bases_have_expected_counts_and_links(bases):
    assert "наставляемых 60, наставников 20" in bases
    assert re.search(r"Наставляемые\s+60\n", bases) and re.search(r"Наставники\s+20\n", bases)
    for organization in Organization.objects.all():
        assert Mentee.objects.filter(organization=organization).count() == 30
        assert Mentor.objects.filter(organization=organization).count() == 10
        tags = set(Tag.objects.filter(organization=organization).values_list("name", flat=True))
        assert tags == {tag.name for tag in vocabulary.REQUEST_TAGS}
        partners = PartnerOrganization.objects.filter(organization=organization)
        assert 1 <= partners.count() <= 2
        for partner in partners:
            assert partner.agreement_number and partner.agreement_date <= timezone.localdate()
            assert partner.kind in (PartnerOrganization.Kind.EMPLOYER, PartnerOrganization.Kind.COLLEGE)
    # Every person has 1–3 requests or competencies, all from the list of their own school.
    for mentee in Mentee.objects.prefetch_related("requests"):
        assert 1 <= len(mentee.requests.all()) <= 3
        assert {tag.organization_id for tag in mentee.requests.all()} == {mentee.organization_id}
    for mentor in Mentor.objects.prefetch_related("competencies"):
        assert 1 <= len(mentor.competencies.all()) <= 3
        assert {tag.organization_id for tag in mentor.competencies.all()} == {mentor.organization_id}
        if mentor.partner_id:
            assert mentor.partner.organization_id == mentor.organization_id
    for consent in Consent.objects.select_related("mentee", "mentor"):
        assert consent.subject.organization_id == consent.organization_id
        assert consent.registered_by.memberships.filter(organization=consent.organization, role=Role.CURATOR).exists()


def test_every_minor_consent_is_given_by_the_representative(bases):
    today = timezone.localdate()
    minors = adults = 0
    for mentee in Mentee.objects.prefetch_related("consents"):
        consents = list(mentee.consents.all())
        assert len(consents) <= 1
        if age_on(mentee.birth_date, today) < 18:
            minors += 1
            assert mentee.representative_name and mentee.representative_relation and mentee.representative_phone
            for consent in consents:
                assert consent.given_by_relation == mentee.representative_relation != ""
                assert consent.given_by_name == mentee.representative_name
        else:
            adults += 1
            assert len(consents) == 1, mentee  # adults sign for themselves
            assert consents[0].given_by_relation == "" and consents[0].given_by_name == mentee.full_name
        for consent in consents:
            assert consent.purpose == Consent.Purpose.PERSONAL_DATA
            assert consent.given_at <= timezone.now()
            assert consent.given_at.date() >= people.school_year_start(today) - timedelta(days=1)
            if consent.withdrawn_at:
                assert consent.erasure_due > today
    assert minors > adults > 0
    # Some minors lack the representative's consent (the list flags them), most have it.
    flagged = with_consent_flags(Mentee.objects.all()).filter(needs_consent=True).count()
    assert 0 < flagged < minors / 3


def test_mentors_in_the_base(bases):
    today = timezone.localdate()
    for organization in Organization.objects.all():
        accounts = {
            m.user.pk: m.user
            for m in Membership.objects.filter(organization=organization, role=Role.MENTOR).select_related("user")
        }
        linked = Mentor.objects.filter(organization=organization, user__isnull=False)
        assert {mentor.user_id for mentor in linked} == set(accounts)
        for mentor in linked:
            user = accounts[mentor.user_id]
            assert (mentor.last_name, mentor.first_name, mentor.patronymic) == (
                user.last_name,
                user.first_name,
                user.patronymic,
            )
            assert mentor.category == Mentor.Category.TEACHER and mentor.position == user.position
    for mentor in Mentor.objects.prefetch_related("children", "consents"):
        age = age_on(mentor.birth_date, today)
        assert 1 <= mentor.capacity <= 3
        if mentor.category == Mentor.Category.PUPIL:
            assert 15 <= age <= 17 and re.fullmatch(r"\d{1,2}[АБВГ] класс", mentor.position)
            assert not mentor.consent_number
            assert all(consent.given_by_relation for consent in mentor.consents.all())
        else:
            assert age >= 18
        if mentor.category == Mentor.Category.EMPLOYEE:
            assert mentor.partner is not None
        children = list(mentor.children.all())
        if mentor.category == Mentor.Category.PARENT:
            (child,) = children
            assert child.organization_id == mentor.organization_id
            assert child.representative_name == mentor.full_name
            assert child.representative_relation in ("мать", "отец")
            assert age_on(child.birth_date, today) + 20 <= age
        else:
            assert children == []


def test_ages_and_classes_are_consistent(bases):
    today = timezone.localdate()
    seen = Counter()
    for mentee in Mentee.objects.all():
        age = age_on(mentee.birth_date, today)
        seen[mentee.category] += 1
        if mentee.category == Mentee.Category.PUPIL:
            assert 10 <= age <= 17, mentee
            grade = int(PUPIL_CLASS.fullmatch(mentee.group).group(1))
            assert age - grade in (6, 7), (age, mentee.group)
            assert mentee.teaching_experience is None
        elif mentee.category == Mentee.Category.STUDENT:
            assert 18 <= age <= 21
            assert re.match(r"[1-4] курс, ", mentee.group)
        elif mentee.category == Mentee.Category.YOUNG_SPECIALIST:
            assert 22 <= age <= 30 and 0 <= mentee.teaching_experience <= 3
            assert mentee.group.startswith("Учитель ")
        else:
            assert mentee.category == Mentee.Category.NEW_TEACHER
            assert 0 <= mentee.teaching_experience <= age - 22
        for code in mentee.support_categories:
            assert code in SupportCategory.values
        for part in (mentee.last_name, mentee.first_name, mentee.patronymic):
            assert CYRILLIC_NAME.match(part), mentee.full_name
    assert seen[Mentee.Category.PUPIL] > sum(seen.values()) * 0.7


def test_shares_in_a_big_school(empty_db):
    generate("--schools", "1", "--mentees-per-school", "600", "--mentors-per-school", "3")
    pupils = Mentee.objects.filter(category=Mentee.Category.PUPIL)
    with_consent = pupils.filter(consents__isnull=False).distinct().count()
    assert 0.85 <= with_consent / pupils.count() <= 0.95
    assert 0.8 <= pupils.count() / 600 <= 0.97
    supported = sum(1 for codes in Mentee.objects.values_list("support_categories", flat=True) if codes)
    assert 0.02 <= supported / 600 <= 0.09
    assert Mentor.objects.count() == 40
    assert len(set(Mentor.objects.values_list("category", flat=True))) >= 4
    grades = Counter(int(PUPIL_CLASS.fullmatch(group).group(1)) for group in pupils.values_list("group", flat=True))
    assert set(grades) == set(range(3, 12))


# --- Value generators for people ----------------------------------------------------------------------------------


@pytest.mark.parametrize("today", [date(2026, 11, 22), date(2028, 2, 29), date(2027, 3, 1), date(2026, 12, 31)])
def test_birth_date_gives_exact_age(today):
    rng = random.Random(3)
    for _ in range(500):
        age = rng.randint(0, 70)
        assert age_on(people.birth_date(rng, age, today), today) == age


def test_school_class_fits_age():
    rng = random.Random(4)
    for age in range(10, 18):
        for _ in range(20):
            group = people.school_class(rng, age)
            assert age - int(PUPIL_CLASS.fullmatch(group).group(1)) in (6, 7)
    assert people.school_class(rng, 12, "А").endswith("А")
    assert people.school_year_start(date(2026, 11, 22)) == date(2026, 9, 1)
    assert people.school_year_start(date(2027, 5, 25)) == date(2026, 9, 1)


def test_families_agree():
    rng = random.Random(5)
    relations = Counter()
    for _ in range(400):
        family = people.family(rng)
        child, parent = family.child, family.representative
        relations[family.relation] += 1
        assert child.first_name in people.CHILD_FEMALE_FIRST_NAMES + people.CHILD_MALE_FIRST_NAMES
        if family.relation == "отец":
            assert parent.gender == people.Gender.MALE
            assert people.patronymic(parent.first_name, child.gender) == child.patronymic
            assert people.surname(parent.last_name, child.gender) == child.last_name
        elif family.relation in ("мать", "бабушка"):
            assert parent.gender == people.Gender.FEMALE
            if child.gender == people.Gender.FEMALE:
                assert parent.last_name == child.last_name
            else:
                assert parent.last_name == people.surname(child.last_name, people.Gender.FEMALE)
    assert relations.most_common(1)[0][0] == "мать"
    assert set(relations) == {"мать", "отец", "бабушка", "опекун"}
    assert re.fullmatch(r"\+7 9\d\d \d{3}-\d\d-\d\d", people.mobile_phone(rng))
    partner = places.partner(rng, "Берёзовский", "employer")
    assert "Берёзов" in partner.name and partner.kind == "employer"


def test_each_generated_school_runs_a_programme_with_pairs_and_journals(empty_db):

    from core.models import Organization
    from mentoring.models import Meeting, Pair, PairMember, Programme

    call_command("generate_dataset", schools=2, mentors_per_school=3, mentees_per_school=40, stdout=StringIO())
    with scopes_disabled():
        schools = list(Organization.objects.filter(slug__startswith="gen-o-"))
    for school in schools:
        with tenant_scope(school):
            programme = Programme.objects.get()
            assert programme.stages.count() == 7
            pairs = Pair.objects.all()
            assert pairs.exists()
            for pair in pairs.prefetch_related("members"):
                assert 1 <= pair.members.count() <= pair.mentor.capacity
            assert Meeting.objects.filter(held_on__lte=date.today()).count() == Meeting.objects.count() > 0
            assert not PairMember.objects.exclude(mentee__organization=school).exists()
    call_command(
        "generate_dataset", schools=2, mentors_per_school=3, mentees_per_school=40, replace=True, stdout=StringIO()
    )
    with scopes_disabled():
        assert Programme.objects.count() == 2


def test_the_planner_statistics_describe_the_generated_data(bases):
    """The dataset ends with ``ANALYZE``: PostgreSQL's estimate of the mentee table is its real size, not
    the empty table's (-1 before any analysis), so the first benchmark runs plan as the later ones."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Mentee._meta.db_table])
        (estimate,) = cursor.fetchone()
    assert estimate == Mentee.objects.count() == 60
