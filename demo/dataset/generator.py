"""``DatasetGenerator``: municipalities with their staff, schools with theirs, and the pending rows of every kind,
written with ``bulk_create`` a chunk of schools at a time."""

import random
from datetime import date

from django.db import reset_queries
from django.utils import timezone

from core.models import Membership, Municipality, Organization, Region
from core.roles import Role
from demo import people, places
from demo.dataset.constants import (
    BATCH_SIZE,
    EMAIL_DOMAIN,
    FLUSH_PEOPLE,
    FLUSH_USERS,
    LINK_BATCH_SIZE,
    MUNICIPALITY_PREFIX,
    ORGANIZATION_PREFIX,
)
from demo.dataset.school_bases import SchoolBases
from mentoring.models import Consent, Mentee, Mentor, PartnerOrganization, Tag, User

# Share of women per role (Russian school staff are mostly women).
FEMALE_SHARE = {
    Role.DIRECTOR: 0.7,
    Role.CURATOR: 0.85,
    Role.METHODIST: 0.9,
    Role.MENTOR: 0.8,
    Role.OBSERVER: 0.6,
    Role.MUNICIPAL_COORDINATOR: 0.7,
    Role.MUNICIPAL_SPECIALIST: 0.8,
    Role.REGIONAL_COORDINATOR: 0.7,
    Role.REGIONAL_SPECIALIST: 0.8,
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
        self.year_start = people.school_year_start(self.today)
        self.user_number = 0
        self.organization_number = 0
        self.mentees_per_school = 0
        self.mentor_records_per_school = 0
        self.districts: dict[str, places.District] = {}  # by municipality slug
        self.regions: dict[str, Region] = {}
        self.one_region: places.Region | None = None  # every municipality in this region (``run(region=…)``)
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
        region: str | None = None,
    ) -> None:
        """Generate everything: municipalities with their staff (all in ``region``, with its coordinator and
        specialist, when one is named), then the schools with theirs and their bases."""
        self.mentees_per_school = mentees_per_school
        self.mentor_records_per_school = mentor_records_per_school
        self.one_region = places.region_named(region) if region else None
        adjectives = places.district_adjectives(self.rng, municipalities)
        created = [self.add_municipality(index, adjective) for index, adjective in enumerate(adjectives, start=1)]
        Municipality.objects.bulk_create(created, batch_size=self.batch_size)
        if self.one_region:
            self.add_regional_staff(self.region(self.one_region.name))
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

    def region(self, name: str) -> Region:
        """The region of that name, created the first time it is needed."""
        if name not in self.regions:
            self.regions[name], _ = Region.objects.get_or_create(name=name)
        return self.regions[name]

    def add_municipality(self, index: int, adjective: str) -> Municipality:
        """An unsaved municipality with its head as coordinator and two specialists."""
        place = places.district(self.rng, adjective, self.one_region)
        body = places.education_body(self.rng, place)
        head = self.person(Role.MUNICIPAL_COORDINATOR)
        municipality = Municipality(
            slug=f"{MUNICIPALITY_PREFIX}{index:04d}",
            name=body.name,
            short_name=body.short_name,
            region=self.region(place.region.name),
            head_position=body.head_position,
            head_name=head.initials_name,
            address=places.address(self.rng, place),
        )
        self.districts[municipality.slug] = place
        self.add_member(head, body.head_position, Role.MUNICIPAL_COORDINATOR, municipality=municipality)
        for _ in range(2):
            specialist = self.person(Role.MUNICIPAL_SPECIALIST)
            position = self.position(Role.MUNICIPAL_SPECIALIST)
            self.add_member(specialist, position, Role.MUNICIPAL_SPECIALIST, municipality=municipality)
        return municipality

    def add_regional_staff(self, region: Region) -> None:
        """The region's coordinator and specialist (unsaved, like every generated user)."""
        for role, position in (
            (Role.REGIONAL_COORDINATOR, "Региональный координатор целевой модели наставничества"),
            (Role.REGIONAL_SPECIALIST, "Главный специалист регионального центра наставничества"),
        ):
            self.add_member(self.person(role), position, role, region=region)

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
                self.person(Role.MENTOR), people.teacher_position(self.rng), Role.MENTOR, organization=organization
            )
            for _ in range(mentors)
        ]
        people_rng = random.Random(self.rng.getrandbits(64))
        SchoolBases(self, people_rng, organization, self.districts[municipality.slug]).build(
            registrar=staff[Role.CURATOR], accounts=accounts
        )
        return organization

    def build_organization(self, municipality: Municipality, number: int, director: people.Person) -> Organization:
        """An unsaved school numbered ``number`` in ``municipality``, headed by ``director``."""
        rng, place = self.rng, self.districts[municipality.slug]
        self.organization_number += 1
        slug = f"{ORGANIZATION_PREFIX}{self.organization_number:05d}"
        names = places.school_name(rng, number, place.feminine)
        settlement = place.centre if rng.random() < 0.4 else places.village(rng)
        return Organization(
            slug=slug,
            kind=Organization.Kind.SCHOOL,
            name=names.name,
            short_name=names.short_name,
            municipality=municipality,
            address=places.address(rng, place, settlement),
            director_name=director.initials_name,
            director_position="Директор",
            inn=places.draw_unique(lambda: places.inn(rng, place.region), self.inns),
            ogrn=places.draw_unique(lambda: places.ogrn(rng, place.region), self.ogrns),
            phone=places.phone(rng, place),
            email=f"{slug}@{EMAIL_DOMAIN}",
            website=f"https://{slug}.{EMAIL_DOMAIN}/",
        )

    # --- People -------------------------------------------------------------------------------------------------

    def person(self, role: Role) -> people.Person:
        return people.person(self.rng, FEMALE_SHARE[role])

    def position(self, role: Role) -> str:
        return self.rng.choice(POSITIONS[role])

    def add_member(self, person: people.Person, position: str, role: Role, **tenant) -> User:
        """An unsaved user for ``person`` and their membership in ``tenant`` (organization=, municipality= or
        region=)."""
        self.user_number += 1
        user = User(
            email=f"{people.transliterate(person.last_name)}.{self.user_number}@{EMAIL_DOMAIN}",
            password=self.password_hash,
            last_name=person.last_name,
            first_name=person.first_name,
            patronymic=person.patronymic,
            position=position,
        )
        self.pending_users.append(user)
        self.pending_memberships.append(Membership(user=user, role=role, **tenant))
        return user
