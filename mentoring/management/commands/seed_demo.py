"""Demo data: the Bolshaya Murta education department (seed 004) with three schools, one of them School №40
(seed 003), and a demo account for every role. Running it again updates the same rows.

Every school also gets its bases (stages 2 and 3): a list of requests / competencies, two partner organisations,
about forty mentees (mostly pupils with their legal representatives; most minors have the representative's
personal-data consent, a few have none and one has withdrawn it) and about twelve mentors (teachers — the demo
mentor accounts among them —, senior pupils, a student, a partner's employee and a parent of a pupil of the
school). People come from ``random.Random`` with a fixed seed per school and are found again by name
(organisation, surname, name, patronymic), so a second run updates them instead of adding new ones. Birth dates
are counted back from today, so that ages and classes stay right whenever the demo is loaded.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from core.models import Membership, Municipality, Organization
from core.roles import Role
from documents.demo import seed_documents
from mentoring import synthetic
from mentoring.forms import CURRENT_CONSENT_VERSION
from mentoring.management.demo_programme import seed_programme
from mentoring.models import Consent, Mentee, Mentor, PartnerOrganization, Tag, User
from mentoring.models.consents import ERASURE_DAYS
from mentoring.models.people import age_on
from mentoring.services.people import with_consent_flags
from monitoring.management.demo import seed_monitoring

DEMO_PASSWORD = "demo-nastavnik-2026"

MUNICIPALITY = {
    "slug": "bolshaya-murta",
    "name": "Управление образования администрации Большемуртинского района",
    "short_name": "УО Большемуртинского района",
    "region": "Красноярский край",
    "head_position": "Руководитель управления образования",
    "head_name": "С.Г. Максименко",
    "address": "663060, Красноярский край, пгт. Большая Мурта, ул. Кирова, 8",
}

SCHOOLS = [
    {
        "slug": "sh40",
        "name": "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа №40»",
        "short_name": "МБОУ «СШ №40»",
        "address": "663060, Красноярский край, пгт. Большая Мурта, ул. Советская, 40",
        "director_name": "Е.В. Смирнова",
        "inn": "2408001234",
        "ogrn": "1022400012345",
        "phone": "+7 (39198) 3-10-40",
        "email": "sh40@bmurta.example",
    },
    {
        "slug": "bm-sosh1",
        "name": "Муниципальное бюджетное общеобразовательное учреждение «Большемуртинская средняя общеобразовательная школа №1»",
        "short_name": "МБОУ «Большемуртинская СОШ №1»",
        "address": "663060, Красноярский край, пгт. Большая Мурта, ул. Ленина, 21",
        "director_name": "А.Н. Кузнецов",
        "inn": "2408002345",
        "ogrn": "1022400023456",
        "phone": "+7 (39198) 3-12-01",
        "email": "sosh1@bmurta.example",
    },
    {
        "slug": "talazhanka",
        "name": "Муниципальное бюджетное общеобразовательное учреждение «Талажанская средняя общеобразовательная школа»",
        "short_name": "МБОУ «Талажанская СОШ»",
        "address": "663071, Красноярский край, Большемуртинский район, с. Талажанка, ул. Школьная, 1",
        "director_name": "О.И. Павлова",
        "inn": "2408003456",
        "ogrn": "1022400034567",
        "phone": "+7 (39198) 2-41-15",
        "email": "talazhanka@bmurta.example",
    },
]

# (e-mail, surname, name, patronymic, position, [(tenant slug, role)])
PEOPLE = [
    ("director@sh40.demo", "Смирнова", "Елена", "Викторовна", "Директор", [("sh40", Role.DIRECTOR)]),
    ("curator@sh40.demo", "Орлова", "Марина", "Сергеевна", "Заместитель директора по УВР", [("sh40", Role.CURATOR)]),
    ("methodist@sh40.demo", "Белова", "Ирина", "Петровна", "Педагог-психолог", [("sh40", Role.METHODIST)]),
    (
        "observer@sh40.demo",
        "Громов",
        "Павел",
        "Андреевич",
        "Председатель управляющего совета",
        [("sh40", Role.OBSERVER)],
    ),
    ("mentor1@sh40.demo", "Васильева", "Ольга", "Николаевна", "Учитель математики", [("sh40", Role.MENTOR)]),
    (
        "mentor2@sh40.demo",
        "Соколов",
        "Дмитрий",
        "Игоревич",
        "Учитель физики",
        [("sh40", Role.MENTOR), ("bm-sosh1", Role.MENTOR)],
    ),
    ("director@sosh1.demo", "Кузнецов", "Андрей", "Николаевич", "Директор", [("bm-sosh1", Role.DIRECTOR)]),
    ("director@talazhanka.demo", "Павлова", "Ольга", "Ивановна", "Директор", [("talazhanka", Role.DIRECTOR)]),
    (
        "coordinator@uo.demo",
        "Максименко",
        "Светлана",
        "Геннадьевна",
        "Руководитель управления образования",
        [("m:bolshaya-murta", Role.MUNICIPAL_COORDINATOR)],
    ),
    (
        "specialist@uo.demo",
        "Ефимова",
        "Наталья",
        "Александровна",
        "Ведущий специалист",
        [("m:bolshaya-murta", Role.MUNICIPAL_SPECIALIST)],
    ),
]

ADMIN = ("admin@portal.demo", "Администратор", "Платформы", "", "Сотрудник платформы")


@dataclass(frozen=True)
class Partner:
    name: str
    kind: str
    contact_name: str
    contact_phone: str
    agreement_number: str
    agreement_date: date
    positions: tuple[str, ...]  # of its employees who mentor


@dataclass(frozen=True)
class AccountMentor:
    """A demo mentor account's record in the school's base of mentors."""

    email: str
    age: int
    experience_years: int
    capacity: int
    competencies: tuple[str, ...]
    strengths: str


@dataclass(frozen=True)
class SchoolBase:
    """What goes into one school's bases of mentees and mentors."""

    mentees: int
    mentors: int
    letters: str  # class letters the school has
    registrar: str  # e-mail of the user who registers consents
    partners: tuple[Partner, Partner]  # an enterprise, then a college
    accounts: tuple[AccountMentor, ...] = field(default=())


MENTOR1 = AccountMentor(
    "mentor1@sh40.demo",
    age=44,
    experience_years=21,
    capacity=3,
    competencies=("Подготовка к ОГЭ по математике", "Олимпиадная подготовка", "Методика преподавания"),
    strengths="Эксперт ОГЭ по математике, руководитель школьного методического объединения",
)
MENTOR2 = AccountMentor(
    "mentor2@sh40.demo",
    age=35,
    experience_years=11,
    capacity=2,
    competencies=("Проектная деятельность", "Цифровая грамотность", "Профориентация"),
    strengths="Руководитель кружка робототехники, готовит команды к региональным соревнованиям",
)

SCHOOL_BASES = {
    "sh40": SchoolBase(
        mentees=42,
        mentors=12,
        letters="АБВ",
        registrar="curator@sh40.demo",
        partners=(
            Partner(
                "АО «Большемуртинский леспромхоз»",
                PartnerOrganization.Kind.EMPLOYER,
                "Гаврилов Сергей Петрович",
                "+7 913 531-22-40",
                "7-С/2025",
                date(2025, 9, 10),
                ("Мастер участка", "Инженер-технолог"),
            ),
            Partner(
                "КГБПОУ «Муртинский педагогический колледж»",
                PartnerOrganization.Kind.COLLEGE,
                "Лазарева Ирина Викторовна",
                "+7 923 304-18-77",
                "12-С/2025",
                date(2025, 10, 1),
                ("Преподаватель",),
            ),
        ),
        accounts=(MENTOR1, MENTOR2),
    ),
    "bm-sosh1": SchoolBase(
        mentees=40,
        mentors=12,
        letters="АБВГ",
        registrar="director@sosh1.demo",
        partners=(
            Partner(
                "ООО «Агрофирма «Таёжная»",
                PartnerOrganization.Kind.EMPLOYER,
                "Никифоров Алексей Иванович",
                "+7 902 940-11-35",
                "3-С/2024",
                date(2024, 11, 14),
                ("Главный агроном", "Механик"),
            ),
            Partner(
                "КГБПОУ «Муртинский многопрофильный техникум»",
                PartnerOrganization.Kind.COLLEGE,
                "Филатова Наталья Олеговна",
                "+7 950 412-63-08",
                "21-С/2025",
                date(2025, 9, 22),
                ("Мастер производственного обучения",),
            ),
        ),
        accounts=(MENTOR2,),
    ),
    "talazhanka": SchoolBase(
        mentees=36,
        mentors=10,
        letters="А",
        registrar="director@talazhanka.demo",
        partners=(
            Partner(
                "СПК «Талажанский»",
                PartnerOrganization.Kind.EMPLOYER,
                "Савельев Виктор Андреевич",
                "+7 983 207-55-91",
                "2-С/2025",
                date(2025, 2, 3),
                ("Зоотехник", "Механизатор"),
            ),
            Partner(
                "КГБПОУ «Красноярский аграрный техникум»",
                PartnerOrganization.Kind.COLLEGE,
                "Маслова Елена Юрьевна",
                "+7 908 116-40-22",
                "15-С/2025",
                date(2025, 9, 15),
                ("Преподаватель",),
            ),
        ),
    ),
}

# Pupils (by their index in the school's list) with support categories, and what happens to some of them.
SUPPORT = {
    3: ["ovz"],
    9: ["gifted"],
    16: ["hard_situation"],
    22: ["ovz"],
    27: ["gifted"],
    33: ["hard_situation", "low_achievement"],
}
WITHDRAWN_PUPIL = 2  # the representative withdrew the consent a few days ago; erasure is still ahead
NO_CONSENT_EVERY = 8  # every eighth pupil (5th, 13th, …) has no consent of the representative yet
NO_CONSENT_AT = 5
PUPIL_STATUSES = {30: Mentee.Status.COMPLETED, 35: Mentee.Status.LEFT}
SOURCES = (
    Mentee.Source.CLASS_TEACHER,
    Mentee.Source.QUESTIONNAIRE,
    Mentee.Source.APPLICATION,
    Mentee.Source.CLASS_TEACHER,
    Mentee.Source.PSYCHOLOGIST,
)
# Adults among the mentees: (category, age, teaching experience, position).
ADULT_MENTEES = (
    (Mentee.Category.YOUNG_SPECIALIST, 23, 0, "Учитель английского языка"),
    (Mentee.Category.YOUNG_SPECIALIST, 26, 2, "Учитель начальных классов"),
    (Mentee.Category.NEW_TEACHER, 27, 3, "Учитель химии"),
    (Mentee.Category.STUDENT, 20, None, None),  # a student of the partner college on practice
)
TRAINING_CYCLE = (
    Mentor.Training.TRAINED,
    Mentor.Training.TRAINED,
    Mentor.Training.IN_TRAINING,
    Mentor.Training.NOT_TRAINED,
)


class SchoolSeeder:
    """Creates or updates one school's tags, partners, mentees, mentors and consents."""

    def __init__(self, organization: Organization, base: SchoolBase, users: dict[str, User], today: date):
        self.organization = organization
        self.base = base
        self.users = users
        self.registrar = users[base.registrar]
        self.today = today
        self.year_start = synthetic.school_year_start(today)
        self.rng = random.Random(f"seed-demo:{organization.slug}")  # noqa: S311 - demo data, not secrets
        self.names: set[tuple[str, str, str]] = {
            (user.last_name, user.first_name, user.patronymic) for user in users.values()
        }
        self.tags: dict[str, Tag] = {}
        self.partners: list[PartnerOrganization] = []
        self.document_number = 0

    def run(self) -> None:
        for tag in synthetic.REQUEST_TAGS:
            self.tags[tag.name], _ = Tag.objects.get_or_create(organization=self.organization, name=tag.name)
        for partner in self.base.partners:
            row, _ = PartnerOrganization.objects.update_or_create(
                organization=self.organization,
                name=partner.name,
                defaults={
                    "kind": partner.kind,
                    "contact_name": partner.contact_name,
                    "contact_phone": partner.contact_phone,
                    "agreement_number": partner.agreement_number,
                    "agreement_date": partner.agreement_date,
                },
            )
            self.partners.append(row)
        parent_family = self.seed_mentees()
        self.seed_mentors(parent_family)

    # --- Helpers ------------------------------------------------------------------------------------------------

    def unique(self, draw):
        """A person from ``draw`` whose full name nobody else in the school has."""
        while True:
            value = draw()
            person = value.child if isinstance(value, synthetic.Family) else value
            key = (person.last_name, person.first_name, person.patronymic)
            if key not in self.names:
                self.names.add(key)
                return value

    def pick(self, names) -> list[Tag]:
        return [self.tags[name] for name in self.rng.sample(names, self.rng.choice((1, 2, 2, 3)))]

    def day_in_school_year(self, first: int, last: int) -> date:
        """A day ``first``–``last`` days after 1 September, not later than yesterday (so never in the future)."""
        return min(self.today - timedelta(days=1), self.year_start + timedelta(days=self.rng.randint(first, last)))

    def moment(self, day: date, hour: int | None = None) -> datetime:
        at = time(hour if hour is not None else self.rng.randint(9, 16), self.rng.choice((0, 15, 30, 45)))
        return timezone.make_aware(datetime.combine(day, at))

    def person_row(self, model, person: synthetic.Person, age: int, **defaults):
        defaults.setdefault("birth_date", synthetic.birth_date(self.rng, age, self.today))
        row, _ = model.objects.update_or_create(
            organization=self.organization,
            last_name=person.last_name,
            first_name=person.first_name,
            patronymic=person.patronymic,
            defaults=defaults,
        )
        return row

    def consent(self, subject, given_by: synthetic.Person | None, relation: str = "", withdrawn: bool = False):
        """The subject's personal-data consent (given by ``given_by``), or none when ``given_by`` is None."""
        subject_field = "mentee" if isinstance(subject, Mentee) else "mentor"
        existing = Consent.objects.filter(
            organization=self.organization, purpose=Consent.Purpose.PERSONAL_DATA, **{subject_field: subject}
        )
        if given_by is None:
            existing.delete()
            return None
        self.document_number += 1
        given = self.day_in_school_year(2, 30)
        defaults = {
            "text_version": CURRENT_CONSENT_VERSION,
            "given_by_name": given_by.full_name,
            "given_by_relation": relation,
            "given_at": self.moment(given),
            "method": Consent.Method.PAPER,
            "document_number": f"ПДн-{self.document_number}",
            "registered_by": self.registrar,
            "withdrawn_at": None,
            "withdrawal_note": "",
            "erasure_due": None,
        }
        if withdrawn:
            day = max(given, self.today - timedelta(days=5))
            defaults.update(
                withdrawn_at=self.moment(day, hour=10),
                withdrawal_note="Заявление законного представителя об отзыве согласия",
                erasure_due=day + timedelta(days=ERASURE_DAYS),
            )
        # One personal-data consent per demo person: others (registered while trying the demo) go.
        row = existing.order_by("pk").first()
        if row is None:
            return Consent.objects.create(
                organization=self.organization,
                purpose=Consent.Purpose.PERSONAL_DATA,
                **{subject_field: subject},
                **defaults,
            )
        existing.exclude(pk=row.pk).delete()
        for name, value in defaults.items():
            setattr(row, name, value)
        row.save()
        return row

    # --- Mentees ------------------------------------------------------------------------------------------------

    def seed_mentees(self) -> tuple[Mentee, synthetic.Family]:
        """The school's mentees; returns a pupil whose mother or father will be a mentor, with the family."""
        rng, parent_family = self.rng, None
        for index in range(self.base.mentees - len(ADULT_MENTEES)):
            family = self.unique(lambda: synthetic.family(rng))
            age = 10 + index % 8
            tags = self.pick(synthetic.PUPIL_TAGS)
            mentee = self.person_row(
                Mentee,
                family.child,
                age,
                category=Mentee.Category.PUPIL,
                group=synthetic.school_class(rng, age, self.base.letters),
                requests_text=rng.choice(synthetic.REQUEST_TEXTS[tags[0].name]) if index % 3 == 0 else "",
                support_categories=SUPPORT.get(index, []),
                status=PUPIL_STATUSES.get(index, Mentee.Status.IN_BASE),
                source=SOURCES[index % len(SOURCES)],
                phone=synthetic.mobile_phone(rng) if age >= 14 else "",
                representative_name=family.representative.full_name,
                representative_relation=family.relation,
                representative_phone=synthetic.mobile_phone(rng),
            )
            mentee.requests.set(tags)
            has_consent = index % NO_CONSENT_EVERY != NO_CONSENT_AT
            withdrawn = index == WITHDRAWN_PUPIL
            self.consent(mentee, family.representative if has_consent else None, family.relation, withdrawn=withdrawn)
            if parent_family is None and has_consent and not withdrawn and family.relation in ("мать", "отец"):
                parent_family = (mentee, family)
        college = self.partners[1]
        for category, age, experience, position in ADULT_MENTEES:
            person = self.unique(lambda: synthetic.person(rng, 0.8))
            if category == Mentee.Category.STUDENT:
                group, tags = f"{synthetic.course_of_study(age)} курс, {college.name}", self.pick(synthetic.PUPIL_TAGS)
            else:
                group, tags = position, self.pick(synthetic.TEACHER_TAGS)
            mentee = self.person_row(
                Mentee,
                person,
                age,
                category=category,
                group=group,
                teaching_experience=experience,
                source=Mentee.Source.APPLICATION,
                phone=synthetic.mobile_phone(rng),
                requests_text=rng.choice(synthetic.REQUEST_TEXTS[tags[0].name]),
            )
            mentee.requests.set(tags)
            self.consent(mentee, person)
        return parent_family

    # --- Mentors ------------------------------------------------------------------------------------------------

    def mentor_row(self, person, age, number: int, competencies: list[Tag], written_consent=True, **defaults):
        """A mentor; adults sign the written consent to mentor («{n}-н» of the first weeks of the school year)."""
        defaults.setdefault("training", TRAINING_CYCLE[number % len(TRAINING_CYCLE)])
        if written_consent:
            defaults.update(consent_number=f"{number + 1}-н", consent_date=self.day_in_school_year(0, 20))
        else:
            defaults.update(consent_number="", consent_date=None)
        mentor = self.person_row(Mentor, person, age, phone=synthetic.mobile_phone(self.rng), **defaults)
        mentor.competencies.set(competencies)
        return mentor

    def seed_mentors(self, parent_family: tuple[Mentee, synthetic.Family]) -> None:
        rng, base = self.rng, self.base
        enterprise, college = self.partners
        number = 0
        for account in base.accounts:
            user = self.users[account.email]
            female = user.first_name in synthetic.FEMALE_FIRST_NAMES
            gender = synthetic.Gender.FEMALE if female else synthetic.Gender.MALE
            person = synthetic.Person(gender, user.last_name, user.first_name, user.patronymic)
            mentor = self.mentor_row(
                person,
                account.age,
                number,
                [self.tags[name] for name in account.competencies],
                category=Mentor.Category.TEACHER,
                position=user.position,
                experience_years=account.experience_years,
                capacity=account.capacity,
                strengths=account.strengths,
                training=Mentor.Training.TRAINED,
                user=user,
                # The same person in every school where they mentor: the birth date depends on the account only.
                birth_date=synthetic.birth_date(random.Random(account.email), account.age, self.today),  # noqa: S311
            )
            self.consent(mentor, person)
            number += 1
        others = 5  # two senior pupils, a student, an employee of the enterprise, a parent
        teachers = base.mentors - others - len(base.accounts)
        for index in range(teachers):
            person = self.unique(lambda: synthetic.person(rng, 0.8))
            age = rng.randint(27, 60)
            last = index == teachers - 1  # has just agreed and not signed yet
            mentor = self.mentor_row(
                person,
                age,
                number,
                self.pick([tag.name for tag in synthetic.REQUEST_TAGS]),
                written_consent=not last,
                category=Mentor.Category.TEACHER,
                position=synthetic.teacher_position(rng),
                experience_years=rng.randint(3, age - 23),
                capacity=rng.randint(2, 3),
                strengths=rng.choice(synthetic.MENTOR_STRENGTHS["teacher"]),
                **({"training": Mentor.Training.NOT_TRAINED} if last else {}),
            )
            self.consent(mentor, person)
            number += 1
        for age in (16, 17):
            family = self.unique(lambda: synthetic.family(rng))
            mentor = self.mentor_row(
                family.child,
                age,
                number,
                self.pick(synthetic.PUPIL_TAGS),
                written_consent=False,
                category=Mentor.Category.PUPIL,
                position=f"{age - 6}{rng.choice(base.letters)} класс",
                capacity=1,
                strengths=rng.choice(synthetic.MENTOR_STRENGTHS["pupil"]),
            )
            self.consent(mentor, family.representative, family.relation)
            number += 1
        student = self.unique(lambda: synthetic.person(rng, 0.6))
        mentor = self.mentor_row(
            student,
            19,
            number,
            self.pick(synthetic.PUPIL_TAGS),
            category=Mentor.Category.STUDENT,
            partner=college,
            position=f"Студент 2 курса, {college.name}",
            capacity=2,
        )
        self.consent(mentor, student)
        number += 1
        employee = self.unique(lambda: synthetic.person(rng, 0.4))
        partner = base.partners[0]
        mentor = self.mentor_row(
            employee,
            41,
            number,
            [self.tags["Профориентация"], self.tags["Проектная деятельность"]],
            category=Mentor.Category.EMPLOYEE,
            partner=enterprise,
            position=rng.choice(partner.positions),
            experience_years=15,
            capacity=3,
            strengths=rng.choice(synthetic.MENTOR_STRENGTHS["employee"]),
        )
        self.consent(mentor, employee)
        number += 1
        # A parent mentors other children, never their own: the child is recorded so that pairing can refuse it.
        child, family = parent_family
        parent = family.representative
        self.names.add((parent.last_name, parent.first_name, parent.patronymic))
        mentor = self.mentor_row(
            parent,
            age_on(child.birth_date, self.today) + 27,
            number,
            [self.tags["Волонтёрство"], self.tags["Профориентация"]],
            category=Mentor.Category.PARENT,
            position=rng.choice(synthetic.PARENT_JOBS),
            capacity=1,
            strengths=rng.choice(synthetic.MENTOR_STRENGTHS["parent"]),
        )
        mentor.children.set([child])
        self.consent(mentor, parent)

    def summary(self) -> str:
        mentees = Mentee.objects.filter(organization=self.organization)
        flagged = with_consent_flags(mentees).filter(needs_consent=True).count()
        minors = mentees.filter(birth_date__gt=synthetic.years_before(self.today, 18)).count()
        return (
            f"  {self.organization.short_name}: наставляемых {mentees.count()} (несовершеннолетних {minors}, "
            f"без действующего согласия представителя {flagged}), "
            f"наставников {Mentor.objects.filter(organization=self.organization).count()}, "
            f"запросов и компетенций {len(self.tags)}, организаций-партнёров {len(self.partners)}"
        )


class Command(BaseCommand):
    help = "Создаёт или обновляет демонстрационные данные и печатает логины."

    def handle(self, *args, **options):
        # Demo people span three schools: a management command is one of the places where scopes are disabled.
        with scopes_disabled():
            with transaction.atomic():
                report = self.seed()
            # Printed after the commit, below what the tasks sent after it (the demo's notification e-mails) print.
            report()

    def seed(self):
        municipality, _ = Municipality.objects.update_or_create(slug=MUNICIPALITY["slug"], defaults=MUNICIPALITY)
        tenants = {f"m:{municipality.slug}": municipality}
        for school in SCHOOLS:
            organization, _ = Organization.objects.update_or_create(
                slug=school["slug"], defaults={**school, "municipality": municipality}
            )
            tenants[organization.slug] = organization

        rows, users = [], {}
        for email, last_name, first_name, patronymic, position, roles in PEOPLE:
            user = self.demo_user(email, last_name, first_name, patronymic, position)
            users[email] = user
            for tenant_key, role in roles:
                tenant = tenants[tenant_key]
                field = "municipality" if tenant_key.startswith("m:") else "organization"
                Membership.objects.get_or_create(user=user, role=role, **{field: tenant})
                rows.append((role.label, tenant.short_name, email))
        admin = self.demo_user(*ADMIN, is_staff=True, is_superuser=True)
        rows.append(("Сотрудник платформы", "Администрирование", admin.email))

        today = timezone.localdate()
        seeders = [SchoolSeeder(tenants[slug], base, users, today) for slug, base in SCHOOL_BASES.items()]
        for seeder in seeders:
            seeder.run()
            curator = seeder.registrar
            programme = seed_programme(seeder.organization, curator, today, seeder.year_start)
            seed_documents(seeder.organization, programme, full=seeder.organization.slug == "sh40")
            seed_monitoring(seeder.organization, curator, today)

        def report():
            self.stdout.write(self.style.SUCCESS("Демонстрационные данные готовы. Вход: http://127.0.0.1:8000/"))
            self.stdout.write(f"Пароль у всех демо-пользователей: {DEMO_PASSWORD}")
            for role, tenant, email in rows:
                self.stdout.write(f"  {email:<28} {role:<45} {tenant}")
            self.stdout.write("Базы наставляемых и наставников:")
            for seeder in seeders:
                self.stdout.write(seeder.summary())

        return report

    def demo_user(self, email, last_name, first_name, patronymic, position, **flags):
        user, _ = User.objects.update_or_create(
            email=email,
            defaults={
                "last_name": last_name,
                "first_name": first_name,
                "patronymic": patronymic,
                "position": position,
                "is_active": True,
                **flags,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        return user
