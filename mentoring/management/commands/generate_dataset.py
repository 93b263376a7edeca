"""``manage.py generate_dataset``: a large, realistic, deterministic data set for benchmarks (meant for PostgreSQL).

Creates municipalities (slug prefix ``gen-m-``), schools (``gen-o-``) spread over them, and people with roles:
per school a director, a curator, a methodist, an observer and K mentors; per municipality a coordinator and two
specialists. All generated users have e-mails ``…@gen.example`` and share one password.

Each school also gets the bases of stages 2 and 3: its list of requests / competencies (tags), 1–2 partner
organisations, thousands of mentees (pupils 10–17 in classes that fit their age, a few students, young specialists
and teachers new to the school) with their requests, support categories and legal representatives, the mentors'
base (teachers — the first ones are the mentor accounts —, senior pupils, students, partners' employees, parents
of the school's pupils, graduates) with their competencies, and the personal-data consents (a minor's given by the
legal representative; about one minor in ten has none yet).

Rows are built in memory a chunk of schools at a time (about 10 000 people) and written with ``bulk_create``
inside one transaction, so memory stays flat whatever the size. ``DatasetGenerator`` has one method per kind of
row (``add_municipality``, ``add_school``, ``build_organization``, ``add_member``), all driven by one
``random.Random(seed)``; ``SchoolBases`` builds one school's tags, partners, mentees, mentors and consents from a
``random.Random`` of the school's own (seeded from the main one). Later kinds (programmes, pairs…) are added the
same way, called from ``add_school``, with their rows queued as pending and written in ``flush``. ``--replace``
deletes the big tables with one ``DELETE`` per table (``fast_delete``) instead of loading the rows.

With the defaults, 100 schools give 200 000 mentees, 13 300 mentors and about 195 000 consents.
"""

import itertools
import math
import random
import time
from datetime import date, datetime, timedelta
from datetime import time as day_time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import models, reset_queries, transaction
from django.db.models import Q
from django.utils import timezone
from django_scopes import scopes_disabled

from core.models import Membership, Municipality, Organization
from core.roles import Role
from mentoring import synthetic
from mentoring.forms import CURRENT_CONSENT_VERSION
from mentoring.management.dataset_programmes import generate_programmes
from mentoring.models import (
    Consent,
    Meeting,
    Mentee,
    Mentor,
    MentoringForm,
    Pair,
    PartnerOrganization,
    Programme,
    SupportCategory,
    Tag,
    User,
)
from mentoring.models.consents import ERASURE_DAYS
from mentoring.models.people import age_on
from monitoring.management.demo import generate_monitoring
from monitoring.models import Questionnaire

DATASET_PASSWORD = "dataset-password-2026"  # noqa: S105 - a published password for synthetic benchmark accounts
EMAIL_DOMAIN = "gen.example"
MUNICIPALITY_PREFIX = "gen-m-"
ORGANIZATION_PREFIX = "gen-o-"
BATCH_SIZE = 2000
# Pending rows are written once this many users, or this many mentees and mentors, have been built: memory stays
# flat for any size (a chunk is a few schools).
FLUSH_USERS = 5000
FLUSH_PEOPLE = 10000
# Two-column link rows go in bigger batches.
LINK_BATCH_SIZE = 10000
MENTEES_PER_SCHOOL = 2000
MENTEES_PER_MENTOR = 15  # the default size of the mentors' base: one mentor record per this many mentees

# (category, weight): mostly pupils; the teacher–teacher form brings young specialists and teachers new to the school.
MENTEE_CATEGORIES = (
    (Mentee.Category.PUPIL, 90),
    (Mentee.Category.STUDENT, 2),
    (Mentee.Category.YOUNG_SPECIALIST, 5),
    (Mentee.Category.NEW_TEACHER, 3),
)
MENTEE_STATUSES = ((Mentee.Status.IN_BASE, 85), (Mentee.Status.COMPLETED, 10), (Mentee.Status.LEFT, 5))
PUPIL_SOURCES = (
    (Mentee.Source.CLASS_TEACHER, 40),
    (Mentee.Source.QUESTIONNAIRE, 25),
    (Mentee.Source.APPLICATION, 25),
    (Mentee.Source.PSYCHOLOGIST, 10),
)
SUPPORT_CATEGORIES = (
    (SupportCategory.DISABILITY, 35),
    (SupportCategory.GIFTED, 30),
    (SupportCategory.HARD_SITUATION, 20),
    (SupportCategory.LOW_ACHIEVEMENT, 15),
)
# Mentor records beyond the mentor accounts (which are teachers).
MENTOR_CATEGORIES = (
    (Mentor.Category.TEACHER, 55),
    (Mentor.Category.PUPIL, 15),
    (Mentor.Category.STUDENT, 8),
    (Mentor.Category.EMPLOYEE, 10),
    (Mentor.Category.PARENT, 7),
    (Mentor.Category.GRADUATE, 5),
)
TRAINING = ((Mentor.Training.TRAINED, 50), (Mentor.Training.IN_TRAINING, 25), (Mentor.Training.NOT_TRAINED, 25))
SUPPORT_SHARE = 0.05  # pupils in a support category
MINOR_CONSENT_SHARE = 0.9  # minors whose representative has signed the personal-data consent
WITHDRAWN_SHARE = 0.005  # consents withdrawn lately (erasure still ahead)
EMPLOYEE_TAGS = ("Профориентация", "Проектная деятельность", "Цифровая грамотность")

# Share of women per role (Russian school staff are mostly women).
FEMALE_SHARE = {
    Role.DIRECTOR: 0.7,
    Role.CURATOR: 0.85,
    Role.METHODIST: 0.9,
    Role.MENTOR: 0.8,
    Role.OBSERVER: 0.6,
    Role.MUNICIPAL_COORDINATOR: 0.7,
    Role.MUNICIPAL_SPECIALIST: 0.8,
}
POSITIONS = {
    Role.DIRECTOR: ("Директор",),
    Role.CURATOR: (
        "Заместитель директора по учебно-воспитательной работе",
        "Заместитель директора по воспитательной работе",
        "Заместитель директора по научно-методической работе",
    ),
    Role.METHODIST: ("Методист", "Педагог-психолог", "Социальный педагог"),
    Role.OBSERVER: (
        "Председатель управляющего совета",
        "Член управляющего совета",
        "Председатель родительского комитета",
    ),
    Role.MUNICIPAL_SPECIALIST: (
        "Ведущий специалист",
        "Главный специалист",
        "Методист информационно-методического центра",
    ),
}
SCHOOL_STAFF_ROLES = (Role.CURATOR, Role.METHODIST, Role.OBSERVER)


def generated_rows():
    """Querysets of every generated row, in the order they can be deleted."""
    in_generated = {"organization__slug__startswith": ORGANIZATION_PREFIX}
    return {
        "programmes": Programme.objects.filter(**in_generated),
        "questionnaires": Questionnaire.objects.filter(**in_generated),
        "forms": MentoringForm.objects.filter(**in_generated),
        "consents": Consent.objects.filter(**in_generated),
        "mentors": Mentor.objects.filter(**in_generated),
        "mentees": Mentee.objects.filter(**in_generated),
        "tags": Tag.objects.filter(**in_generated),
        "partners": PartnerOrganization.objects.filter(**in_generated),
        "memberships": Membership.objects.filter(
            Q(user__email__endswith=f"@{EMAIL_DOMAIN}")
            | Q(organization__slug__startswith=ORGANIZATION_PREFIX)
            | Q(municipality__slug__startswith=MUNICIPALITY_PREFIX)
        ),
        "users": User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}"),
        "organizations": Organization.objects.filter(slug__startswith=ORGANIZATION_PREFIX),
        "municipalities": Municipality.objects.filter(slug__startswith=MUNICIPALITY_PREFIX),
    }


# The big tables of a school's bases: deleted with one DELETE per table instead of Django's collector, which would
# load every row (hundreds of thousands) into memory first.
FAST_DELETED = ("programmes", "questionnaires", "forms", "consents", "mentors", "mentees", "tags", "partners")


def link_rows():
    """Querysets of the generated many-to-many rows (deleted with their people)."""
    return {
        "requests": Mentee.requests.through.objects.filter(mentee__organization__slug__startswith=ORGANIZATION_PREFIX),
        "competencies": Mentor.competencies.through.objects.filter(
            mentor__organization__slug__startswith=ORGANIZATION_PREFIX
        ),
        "children": Mentor.children.through.objects.filter(mentor__organization__slug__startswith=ORGANIZATION_PREFIX),
    }


def programme_rows():
    """Querysets of the generated pairs and meetings (deleted with their programmes), for the counts."""
    in_generated = {"organization__slug__startswith": ORGANIZATION_PREFIX}
    return {"pairs": Pair.objects.filter(**in_generated), "meetings": Meeting.objects.filter(**in_generated)}


def count_generated() -> dict[str, int]:
    """How many generated rows of each kind the database holds."""
    rows = {**generated_rows(), **link_rows(), **programme_rows()}
    return {kind: queryset.count() for kind, queryset in rows.items()}


def fast_delete(queryset) -> None:
    """Delete the rows of ``queryset`` without loading them: first, recursively, the rows that refer to them
    (one ``DELETE … WHERE … IN (subquery)`` per table), then the rows themselves.

    Follows ``on_delete`` of every relation to the model (CASCADE deletes, SET_NULL updates, DO_NOTHING skips);
    a PROTECT or RESTRICT relation that still has rows stops the deletion. Signals are not sent, which is fine
    for generated rows.
    """
    model = queryset.model
    keys = queryset.values("pk")
    for relation in model._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete and (relation.one_to_many or relation.one_to_one)):
            continue
        related = relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": keys})
        if relation.on_delete is models.CASCADE:
            fast_delete(related)
        elif relation.on_delete is models.SET_NULL:
            related.update(**{relation.field.name: None})
        elif relation.on_delete is not models.DO_NOTHING and related.exists():
            raise CommandError(
                f"Нельзя удалить сгенерированные записи «{model._meta.verbose_name_plural}»: на них ссылаются "
                f"«{relation.related_model._meta.verbose_name_plural}»."
            )
    queryset._raw_delete(queryset.db)  # what QuerySet.delete() does for a table nothing refers to


def delete_generated() -> None:
    """Delete every generated row (cascading to whatever hangs off the generated schools and users)."""
    for kind, queryset in generated_rows().items():
        if kind in FAST_DELETED:
            fast_delete(queryset)
        else:
            queryset.delete()


def spread(rng: random.Random, total: int, buckets: int) -> list[int]:
    """Split ``total`` items over ``buckets`` unevenly, at least one each while items last."""
    counts = [1 if i < total else 0 for i in range(buckets)]
    weights = [rng.uniform(0.3, 2.0) for _ in range(buckets)]
    for index in rng.choices(range(buckets), weights=weights, k=max(0, total - buckets)):
        counts[index] += 1
    return counts


class DatasetGenerator:
    """Builds and writes the generated rows; one ``random.Random`` makes the output depend on the seed only.

    Each school's people come from a ``random.Random`` of their own, seeded from the main one, so the schools and
    their staff do not change when only the numbers of mentees or mentors do.
    """

    def __init__(
        self,
        rng: random.Random,
        password_hash: str,
        batch_size: int = BATCH_SIZE,
        today: date | None = None,
    ):
        self.rng = rng
        self.password_hash = password_hash
        self.batch_size = batch_size
        self.today = today or timezone.localdate()
        self.tz = timezone.get_current_timezone()
        self.year_start = synthetic.school_year_start(self.today)
        self.user_number = 0
        self.organization_number = 0
        self.mentees_per_school = 0
        self.mentor_records_per_school = 0
        self.districts: dict[str, synthetic.District] = {}  # by municipality slug
        self.inns: set[str] = set()
        self.ogrns: set[str] = set()
        self.pending_organizations: list[Organization] = []
        self.pending_users: list[User] = []
        self.pending_memberships: list[Membership] = []
        self.pending_tags: list[Tag] = []
        self.pending_partners: list[PartnerOrganization] = []
        self.pending_mentees: list[Mentee] = []
        self.pending_mentors: list[Mentor] = []
        self.pending_consents: list[Consent] = []
        # Many-to-many rows wait for the keys of both ends: (mentee, tags), (mentor, tags), (mentor, mentee).
        self.pending_requests: list[tuple[Mentee, list[Tag]]] = []
        self.pending_competencies: list[tuple[Mentor, list[Tag]]] = []
        self.pending_children: list[tuple[Mentor, Mentee]] = []

    def run(
        self,
        schools: int,
        municipalities: int,
        mentors_per_school: int,
        mentees_per_school: int = 0,
        mentor_records_per_school: int = 0,
    ) -> None:
        """Generate everything: municipalities with their staff, then the schools with theirs and their bases."""
        self.mentees_per_school = mentees_per_school
        self.mentor_records_per_school = mentor_records_per_school
        adjectives = synthetic.district_adjectives(self.rng, municipalities)
        created = [self.add_municipality(index, adjective) for index, adjective in enumerate(adjectives, start=1)]
        Municipality.objects.bulk_create(created, batch_size=self.batch_size)
        for municipality, count in zip(created, spread(self.rng, schools, municipalities), strict=True):
            number = 0
            for _ in range(count):
                number += self.rng.randint(1, 3)  # school numbers in a district have gaps
                self.add_school(municipality, number, mentors_per_school)
                pending_people = len(self.pending_mentees) + len(self.pending_mentors)
                if len(self.pending_users) >= FLUSH_USERS or pending_people >= FLUSH_PEOPLE:
                    self.flush()
        self.flush()

    def flush(self) -> None:
        """Write the pending rows, each table after the tables it refers to.

        On PostgreSQL (and SQLite) ``bulk_create`` sets the primary keys of the created objects, which the rows
        written after them use.
        """
        for model, rows in (
            (Organization, self.pending_organizations),
            (User, self.pending_users),
            (Membership, self.pending_memberships),
            (Tag, self.pending_tags),
            (PartnerOrganization, self.pending_partners),
            (Mentee, self.pending_mentees),
            (Mentor, self.pending_mentors),
            (Consent, self.pending_consents),
        ):
            model.objects.bulk_create(rows, batch_size=self.batch_size)
        links = (
            (Mentee.requests.through, "mentee_id", "tag_id", self.pending_requests),
            (Mentor.competencies.through, "mentor_id", "tag_id", self.pending_competencies),
        )
        for through, owner, tag, pending in links:
            rows = [through(**{owner: person.pk, tag: item.pk}) for person, tags in pending for item in tags]
            through.objects.bulk_create(rows, batch_size=LINK_BATCH_SIZE)
        Mentor.children.through.objects.bulk_create(
            [
                Mentor.children.through(mentor_id=mentor.pk, mentee_id=child.pk)
                for mentor, child in self.pending_children
            ],
            batch_size=LINK_BATCH_SIZE,
        )
        self.pending_organizations, self.pending_users, self.pending_memberships = [], [], []
        self.pending_tags, self.pending_partners, self.pending_consents = [], [], []
        self.pending_mentees, self.pending_mentors = [], []
        self.pending_requests, self.pending_competencies, self.pending_children = [], [], []
        reset_queries()  # with DEBUG on, Django would keep every (huge) INSERT in memory

    # --- Municipalities -----------------------------------------------------------------------------------------

    def add_municipality(self, index: int, adjective: str) -> Municipality:
        """An unsaved municipality with its head as coordinator and two specialists."""
        place = synthetic.district(self.rng, adjective)
        body = synthetic.education_body(self.rng, place)
        head = self.person(Role.MUNICIPAL_COORDINATOR)
        municipality = Municipality(
            slug=f"{MUNICIPALITY_PREFIX}{index:04d}",
            name=body.name,
            short_name=body.short_name,
            region=place.region.name,
            head_position=body.head_position,
            head_name=head.initials_name,
            address=synthetic.address(self.rng, place),
        )
        self.districts[municipality.slug] = place
        self.add_member(head, body.head_position, Role.MUNICIPAL_COORDINATOR, municipality=municipality)
        for _ in range(2):
            specialist = self.person(Role.MUNICIPAL_SPECIALIST)
            position = self.position(Role.MUNICIPAL_SPECIALIST)
            self.add_member(specialist, position, Role.MUNICIPAL_SPECIALIST, municipality=municipality)
        return municipality

    # --- Schools ------------------------------------------------------------------------------------------------

    def add_school(self, municipality: Municipality, number: int, mentors: int) -> Organization:
        """One school with its director, curator, methodist, observer and ``mentors`` mentor accounts, and its bases
        of mentees and mentors."""
        director = self.person(Role.DIRECTOR)
        organization = self.build_organization(municipality, number, director)
        self.pending_organizations.append(organization)
        self.add_member(director, "Директор", Role.DIRECTOR, organization=organization)
        staff = {
            role: self.add_member(self.person(role), self.position(role), role, organization=organization)
            for role in SCHOOL_STAFF_ROLES
        }
        accounts = [
            self.add_member(
                self.person(Role.MENTOR), synthetic.teacher_position(self.rng), Role.MENTOR, organization=organization
            )
            for _ in range(mentors)
        ]
        people_rng = random.Random(self.rng.getrandbits(64))
        SchoolBases(self, people_rng, organization, self.districts[municipality.slug]).build(
            registrar=staff[Role.CURATOR], accounts=accounts
        )
        return organization

    def build_organization(self, municipality: Municipality, number: int, director: synthetic.Person) -> Organization:
        """An unsaved school numbered ``number`` in ``municipality``, headed by ``director``."""
        rng, place = self.rng, self.districts[municipality.slug]
        self.organization_number += 1
        slug = f"{ORGANIZATION_PREFIX}{self.organization_number:05d}"
        names = synthetic.school_name(rng, number, place.feminine)
        settlement = place.centre if rng.random() < 0.4 else synthetic.village(rng)
        return Organization(
            slug=slug,
            kind=Organization.Kind.SCHOOL,
            name=names.name,
            short_name=names.short_name,
            municipality=municipality,
            address=synthetic.address(rng, place, settlement),
            director_name=director.initials_name,
            director_position="Директор",
            inn=synthetic.draw_unique(lambda: synthetic.inn(rng, place.region), self.inns),
            ogrn=synthetic.draw_unique(lambda: synthetic.ogrn(rng, place.region), self.ogrns),
            phone=synthetic.phone(rng, place),
            email=f"{slug}@{EMAIL_DOMAIN}",
            website=f"https://{slug}.{EMAIL_DOMAIN}/",
        )

    # --- People -------------------------------------------------------------------------------------------------

    def person(self, role: Role) -> synthetic.Person:
        return synthetic.person(self.rng, FEMALE_SHARE[role])

    def position(self, role: Role) -> str:
        return self.rng.choice(POSITIONS[role])

    def add_member(self, person: synthetic.Person, position: str, role: Role, **tenant) -> User:
        """An unsaved user for ``person`` and their membership in ``tenant`` (organization= or municipality=)."""
        self.user_number += 1
        user = User(
            email=f"{synthetic.transliterate(person.last_name)}.{self.user_number}@{EMAIL_DOMAIN}",
            password=self.password_hash,
            last_name=person.last_name,
            first_name=person.first_name,
            patronymic=person.patronymic,
            position=position,
        )
        self.pending_users.append(user)
        self.pending_memberships.append(Membership(user=user, role=role, **tenant))
        return user


def weighted(rng: random.Random, rows):
    """Pick the first item of one of the ``(item, weight)`` rows, by weight."""
    if rows not in _CUMULATIVE:
        _CUMULATIVE[rows] = list(itertools.accumulate(weight for _, weight in rows))
    return rng.choices(rows, cum_weights=_CUMULATIVE[rows])[0][0]


_CUMULATIVE: dict[tuple, list[int]] = {}


class SchoolBases:
    """One school's list of requests, partners, mentees, mentors and consents, queued in the generator."""

    def __init__(self, generator: DatasetGenerator, rng: random.Random, organization: Organization, place):
        self.generator = generator
        self.rng = rng
        self.organization = organization
        self.place: synthetic.District = place
        self.today = generator.today
        self.year_start = generator.year_start
        self.tags: dict[str, Tag] = {}
        self.employer: PartnerOrganization | None = None
        self.college: PartnerOrganization | None = None
        self.families: list[tuple[Mentee, synthetic.Family]] = []  # minors whose parent signs for them
        self.registrar: User | None = None
        self.document_number = 0

    def build(self, *, registrar: User, accounts: list[User]) -> None:
        generator = self.generator
        self.registrar = registrar
        for tag in synthetic.REQUEST_TAGS:
            self.tags[tag.name] = Tag(organization=self.organization, name=tag.name)
        generator.pending_tags.extend(self.tags.values())
        self.add_partners()
        for _ in range(generator.mentees_per_school):
            self.add_mentee()
        for index in range(generator.mentor_records_per_school):
            if index < len(accounts):
                self.add_teacher(account=accounts[index])
            else:
                self.add_mentor(weighted(self.rng, MENTOR_CATEGORIES))

    # --- Helpers ------------------------------------------------------------------------------------------------

    def pick_tags(self, names) -> list[Tag]:
        return [self.tags[name] for name in self.rng.sample(names, self.rng.choice((1, 1, 2, 2, 3)))]

    def moment(self, day: date) -> datetime:
        """An aware moment of ``day`` in working hours (in the portal's time zone)."""
        at = day_time(self.rng.randint(8, 17), self.rng.choice((0, 10, 15, 20, 30, 40, 45, 50)))
        return datetime.combine(day, at, tzinfo=self.generator.tz)

    def add_consent(self, subject, given_by: synthetic.Person, relation: str = "") -> Consent:
        """A personal-data consent on paper, registered by the curator; a few are withdrawn lately."""
        rng, generator = self.rng, self.generator
        self.document_number += 1
        yesterday = self.today - timedelta(days=1)  # given_at is never in the future, whatever the hour now
        day = synthetic.day_between(rng, min(self.year_start, yesterday), yesterday)
        consent = Consent(
            organization=self.organization,
            purpose=Consent.Purpose.PERSONAL_DATA,
            text_version=CURRENT_CONSENT_VERSION,
            given_by_name=given_by.full_name,
            given_by_relation=relation,
            given_at=self.moment(day),
            method=Consent.Method.PAPER,
            document_number=f"ПДн-{self.document_number}",
            registered_by=self.registrar,
            **{"mentee" if isinstance(subject, Mentee) else "mentor": subject},
        )
        if rng.random() < WITHDRAWN_SHARE:
            withdrawn = synthetic.day_between(rng, max(day, self.today - timedelta(days=ERASURE_DAYS - 1)), yesterday)
            consent.withdrawn_at = self.moment(withdrawn)
            consent.withdrawal_note = (
                "Заявление законного представителя об отзыве" if relation else "Заявление об отзыве"
            )
            consent.erasure_due = withdrawn + timedelta(days=ERASURE_DAYS)
        generator.pending_consents.append(consent)
        return consent

    # --- Partners -----------------------------------------------------------------------------------------------

    def add_partners(self) -> None:
        """An employer of the district, and in about half the schools a college too."""
        rng = self.rng
        kinds = ["employer", "college"] if rng.random() < 0.5 else [rng.choice(("employer", "college"))]
        for kind in kinds:
            name = synthetic.partner(rng, self.place.adjective, kind)
            contact = synthetic.person(rng, 0.6)
            day = synthetic.day_between(rng, self.year_start - timedelta(days=730), self.today)
            partner = PartnerOrganization(
                organization=self.organization,
                name=name.name,
                kind=kind,
                contact_name=contact.full_name,
                contact_phone=synthetic.mobile_phone(rng),
                agreement_number=synthetic.agreement_number(rng, day),
                agreement_date=day,
            )
            self.generator.pending_partners.append(partner)
            if kind == "employer":
                self.employer = partner
            else:
                self.college = partner

    # --- Mentees ------------------------------------------------------------------------------------------------

    def add_mentee(self) -> Mentee:
        rng = self.rng
        category = weighted(rng, MENTEE_CATEGORIES)
        fields = {"category": category, "status": weighted(rng, MENTEE_STATUSES)}
        family = None
        if category == Mentee.Category.PUPIL:
            family = synthetic.family(rng)
            person, age = family.child, rng.randint(10, 17)
            tags = self.pick_tags(synthetic.PUPIL_TAGS)
            fields.update(
                group=synthetic.school_class(rng, age),
                source=weighted(rng, PUPIL_SOURCES),
                representative_name=family.representative.full_name,
                representative_relation=family.relation,
                representative_phone=synthetic.mobile_phone(rng),
                phone=synthetic.mobile_phone(rng) if age >= 14 and rng.random() < 0.5 else "",
            )
            if rng.random() < SUPPORT_SHARE:
                fields["support_categories"] = [weighted(rng, SUPPORT_CATEGORIES).value]
        else:
            person = synthetic.person(rng, 0.6 if category == Mentee.Category.STUDENT else 0.8)
            if category == Mentee.Category.STUDENT:
                age = rng.randint(18, 21)
                place = self.college.name if self.college else "педагогический колледж"
                group = f"{synthetic.course_of_study(age)} курс, {place}"
                tags = self.pick_tags(synthetic.PUPIL_TAGS)
            else:
                if category == Mentee.Category.YOUNG_SPECIALIST:
                    age = rng.randint(22, 30)
                    experience = rng.randint(0, min(3, age - 22))
                else:
                    age = rng.randint(24, 55)
                    experience = rng.randint(1, min(30, age - 22))
                group = synthetic.teacher_position(rng)
                fields["teaching_experience"] = experience
                tags = self.pick_tags(synthetic.TEACHER_TAGS)
            fields.update(group=group, source=Mentee.Source.APPLICATION, phone=synthetic.mobile_phone(rng))
        if rng.random() < 0.3:
            fields["requests_text"] = rng.choice(synthetic.REQUEST_TEXTS[tags[0].name])
        mentee = Mentee(
            organization=self.organization,
            last_name=person.last_name,
            first_name=person.first_name,
            patronymic=person.patronymic,
            birth_date=synthetic.birth_date(rng, age, self.today),
            **fields,
        )
        self.generator.pending_mentees.append(mentee)
        self.generator.pending_requests.append((mentee, tags))
        if family is None:
            self.add_consent(mentee, person)
        else:
            if rng.random() < MINOR_CONSENT_SHARE:
                self.add_consent(mentee, family.representative, family.relation)
            if family.relation in ("мать", "отец"):
                self.families.append((mentee, family))
        return mentee

    # --- Mentors ------------------------------------------------------------------------------------------------

    def queue_mentor(self, person: synthetic.Person, age: int, tags: list[Tag], **fields) -> Mentor:
        rng = self.rng
        mentor = Mentor(
            organization=self.organization,
            last_name=person.last_name,
            first_name=person.first_name,
            patronymic=person.patronymic,
            birth_date=synthetic.birth_date(rng, age, self.today),
            phone=synthetic.mobile_phone(rng),
            training=weighted(rng, TRAINING),
            status=Mentor.Status.LEFT if rng.random() < 0.05 else Mentor.Status.ACTIVE,
            **fields,
        )
        if age >= 18 and rng.random() < 0.95:
            self.document_number += 1
            mentor.consent_number = f"{self.document_number}-н"
            mentor.consent_date = synthetic.day_between(rng, self.year_start - timedelta(days=365), self.today)
        if rng.random() < 0.4:
            key = "teacher" if mentor.category == Mentor.Category.TEACHER else mentor.category
            mentor.strengths = rng.choice(synthetic.MENTOR_STRENGTHS.get(key, synthetic.MENTOR_STRENGTHS["teacher"]))
        self.generator.pending_mentors.append(mentor)
        self.generator.pending_competencies.append((mentor, tags))
        return mentor

    def add_teacher(self, account: User | None = None) -> Mentor:
        """A teacher; a mentor account's teacher has the account's name and position and is linked to it."""
        rng = self.rng
        if account is None:
            person, position = synthetic.person(rng, 0.8), synthetic.teacher_position(rng)
        else:
            person = synthetic.Person(
                synthetic.Gender.FEMALE
                if account.first_name in synthetic.FEMALE_FIRST_NAMES
                else synthetic.Gender.MALE,
                account.last_name,
                account.first_name,
                account.patronymic,
            )
            position = account.position
        age = rng.randint(24, 63)
        mentor = self.queue_mentor(
            person,
            age,
            self.pick_tags([tag.name for tag in synthetic.REQUEST_TAGS]),
            category=Mentor.Category.TEACHER,
            position=position,
            experience_years=rng.randint(1, min(40, age - 22)),
            capacity=rng.randint(1, 3),
            user=account,
        )
        self.add_consent(mentor, person)
        return mentor

    def add_mentor(self, category: str) -> Mentor:
        """A mentor of ``category`` other than a mentor account; falls back to a teacher when the school has
        nobody to draw from (no partner, no parent among the representatives)."""
        rng = self.rng
        if category == Mentor.Category.PUPIL:
            family = synthetic.family(rng)
            age = rng.randint(15, 17)
            mentor = self.queue_mentor(
                family.child,
                age,
                self.pick_tags(synthetic.PUPIL_TAGS),
                category=category,
                position=f"{synthetic.school_class(rng, age)} класс",
                capacity=rng.randint(1, 2),
            )
            self.add_consent(mentor, family.representative, family.relation)
            return mentor
        if category == Mentor.Category.PARENT and self.families:
            child, family = self.families.pop(rng.randrange(len(self.families)))
            parent = family.representative
            child_age = age_on(child.birth_date, self.today)
            mentor = self.queue_mentor(
                parent,
                rng.randint(child_age + 20, child_age + 35),
                self.pick_tags(synthetic.PUPIL_TAGS),
                category=category,
                position=rng.choice(synthetic.PARENT_JOBS),
                capacity=1,
            )
            self.generator.pending_children.append((mentor, child))
            self.add_consent(mentor, parent)
            return mentor
        partner = self.employer or self.college
        if category == Mentor.Category.EMPLOYEE and partner:
            person, age = synthetic.person(rng, 0.5), rng.randint(25, 58)
            mentor = self.queue_mentor(
                person,
                age,
                self.pick_tags(EMPLOYEE_TAGS),
                category=category,
                partner=partner,
                position=rng.choice(synthetic.PARTNER_POSITIONS[partner.kind]),
                experience_years=rng.randint(1, age - 20),
                capacity=rng.randint(1, 3),
            )
            self.add_consent(mentor, person)
            return mentor
        if category in (Mentor.Category.STUDENT, Mentor.Category.GRADUATE):
            person = synthetic.person(rng, 0.6)
            if category == Mentor.Category.STUDENT:
                age = rng.randint(18, 22)
                place = self.college.name if self.college else "педагогический колледж"
                fields = {
                    "position": f"Студент {synthetic.course_of_study(age)} курса, {place}",
                    "partner": self.college,
                }
            else:
                age = rng.randint(18, 25)
                fields = {"position": f"Выпускник {self.today.year - (age - 17)} года"}
            mentor = self.queue_mentor(
                person,
                age,
                self.pick_tags(synthetic.PUPIL_TAGS),
                category=category,
                capacity=rng.randint(1, 2),
                **fields,
            )
            self.add_consent(mentor, person)
            return mentor
        return self.add_teacher()


class Command(BaseCommand):
    help = (
        "Создаёт большой синтетический набор данных для нагрузочных замеров (муниципалитеты, школы, пользователи, "
        "базы наставляемых и наставников, согласия)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, required=True, help="число школ")
        parser.add_argument(
            "--municipalities", type=int, default=None, help="число муниципалитетов (по умолчанию ⌈школ / 25⌉)"
        )
        parser.add_argument(
            "--mentors-per-school", type=int, default=15, help="учётных записей наставников в каждой школе (15)"
        )
        parser.add_argument(
            "--mentees-per-school",
            type=int,
            default=MENTEES_PER_SCHOOL,
            help=f"наставляемых в базе каждой школы ({MENTEES_PER_SCHOOL})",
        )
        parser.add_argument(
            "--mentor-records-per-school",
            type=int,
            default=None,
            help=f"наставников в базе каждой школы (по умолчанию наставляемых / {MENTEES_PER_MENTOR}); "
            "первые из них — учителя с учётными записями наставников",
        )
        parser.add_argument(
            "--no-programmes", action="store_true", help="не создавать программы, пары и журналы (только базы)"
        )
        parser.add_argument("--seed", type=int, default=1, help="зерно генератора: одно зерно — одни данные (1)")
        parser.add_argument(
            "--replace", action="store_true", help="удалить ранее сгенерированные данные и создать их заново"
        )

    def handle(self, *args, **options):
        schools = options["schools"]
        municipalities = options["municipalities"]
        if municipalities is None:
            municipalities = max(1, math.ceil(schools / 25))
        mentors = options["mentors_per_school"]
        mentees = options["mentees_per_school"]
        mentor_records = options["mentor_records_per_school"]
        if mentor_records is None:
            mentor_records = round(mentees / MENTEES_PER_MENTOR)
        if schools < 1 or municipalities < 1 or min(mentors, mentees, mentor_records) < 0:
            raise CommandError(
                "Число школ и муниципалитетов должно быть не меньше 1, число наставников и наставляемых — не меньше 0."
            )

        # Generated rows span every tenant: one of the reviewed places where scopes are disabled.
        with scopes_disabled(), transaction.atomic():
            existing = count_generated()
            if any(existing.values()):
                if not options["replace"]:
                    raise CommandError(
                        f"В базе уже есть сгенерированные данные ({self.describe(existing)}). "
                        "Чтобы заменить их, запустите команду с --replace."
                    )
                started = time.perf_counter()
                delete_generated()
                self.stdout.write(
                    f"Удалены прежние сгенерированные данные ({self.describe(existing)}) "
                    f"за {time.perf_counter() - started:.1f} с."
                )
            started = time.perf_counter()
            generator = DatasetGenerator(random.Random(options["seed"]), make_password(DATASET_PASSWORD))
            generator.run(schools, municipalities, mentors, mentees, mentor_records)
            if mentees and not options["no_programmes"]:
                generate_programmes(
                    Organization.objects.filter(slug__startswith=ORGANIZATION_PREFIX).order_by("pk"),
                    seed=options["seed"], today=generator.today, year_start=generator.year_start,
                )  # fmt: skip
                generate_monitoring(
                    Organization.objects.filter(slug__startswith=ORGANIZATION_PREFIX).order_by("pk"),
                    seed=options["seed"], today=generator.today,
                )  # fmt: skip
            elapsed = time.perf_counter() - started
            counts = count_generated()

        self.stdout.write(self.style.SUCCESS(f"Сгенерировано за {elapsed:.1f} с: {self.describe(counts)}"))
        for kind, label in COUNT_LABELS.items():
            self.stdout.write(f"  {label:<45} {counts[kind]:>9}")
        self.stdout.write(
            f"Пароль у всех сгенерированных пользователей (вход по e-mail …@{EMAIL_DOMAIN}): {DATASET_PASSWORD}"
        )

    @staticmethod
    def describe(counts: dict[str, int]) -> str:
        """«муниципалитетов 4, организаций 100, пользователей 1912, ролей 1912, наставляемых 200000, …»."""
        return (
            f"муниципалитетов {counts['municipalities']}, организаций {counts['organizations']}, "
            f"пользователей {counts['users']}, ролей {counts['memberships']}, "
            f"наставляемых {counts['mentees']}, наставников {counts['mentors']}, согласий {counts['consents']}"
        )


# Rows per model, as printed at the end.
COUNT_LABELS = {
    "municipalities": "Муниципальные органы управления образованием",
    "organizations": "Образовательные организации",
    "users": "Пользователи",
    "memberships": "Роли",
    "tags": "Запросы и компетенции (списки школ)",
    "partners": "Организации-партнёры",
    "mentees": "Наставляемые",
    "mentors": "Наставники",
    "consents": "Согласия на обработку персональных данных",
    "requests": "Запросы наставляемых (связи)",
    "competencies": "Компетенции наставников (связи)",
    "children": "Дети наставников-родителей (связи)",
    "programmes": "Программы наставничества",
    "pairs": "Наставнические пары и группы",
    "meetings": "Встречи в журналах наставников",
    "questionnaires": "Анкеты мониторинга",
}
