"""``manage.py generate_dataset``: a large, realistic, deterministic data set for benchmarks (meant for PostgreSQL).

Creates municipalities (slug prefix ``gen-m-``), schools (``gen-o-``) spread over them, and people with roles:
per school a director, a curator, a methodist, an observer and K mentors; per municipality a coordinator and two
specialists. All generated users have e-mails ``…@gen.example`` and share one password.

Rows are built in memory a chunk of schools at a time and written with ``bulk_create`` inside one transaction.
``DatasetGenerator`` has one method per kind of row (``add_municipality``, ``add_school``, ``build_organization``,
``add_member``), all driven by one ``random.Random(seed)``; later kinds (mentees, programmes, pairs…) are added as
further methods called from ``add_school``, with their rows queued as pending and written in ``flush``.
"""

import math
import random
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django_scopes import scopes_disabled

from mentoring import synthetic
from mentoring.models import Membership, Municipality, Organization, User
from mentoring.roles import Role

DATASET_PASSWORD = "dataset-password-2026"  # noqa: S105 - a published password for synthetic benchmark accounts
EMAIL_DOMAIN = "gen.example"
MUNICIPALITY_PREFIX = "gen-m-"
ORGANIZATION_PREFIX = "gen-o-"
BATCH_SIZE = 2000
# Pending rows are written once this many users have been built, which keeps memory flat for any size.
FLUSH_USERS = 5000

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
    return {
        "memberships": Membership.objects.filter(
            Q(user__email__endswith=f"@{EMAIL_DOMAIN}")
            | Q(organization__slug__startswith=ORGANIZATION_PREFIX)
            | Q(municipality__slug__startswith=MUNICIPALITY_PREFIX)
        ),
        "users": User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}"),
        "organizations": Organization.objects.filter(slug__startswith=ORGANIZATION_PREFIX),
        "municipalities": Municipality.objects.filter(slug__startswith=MUNICIPALITY_PREFIX),
    }


def count_generated() -> dict[str, int]:
    """How many generated rows of each kind the database holds."""
    return {kind: queryset.count() for kind, queryset in generated_rows().items()}


def delete_generated() -> None:
    """Delete every generated row (cascading to whatever hangs off the generated schools and users)."""
    for queryset in generated_rows().values():
        queryset.delete()


def spread(rng: random.Random, total: int, buckets: int) -> list[int]:
    """Split ``total`` items over ``buckets`` unevenly, at least one each while items last."""
    counts = [1 if i < total else 0 for i in range(buckets)]
    weights = [rng.uniform(0.3, 2.0) for _ in range(buckets)]
    for index in rng.choices(range(buckets), weights=weights, k=max(0, total - buckets)):
        counts[index] += 1
    return counts


class DatasetGenerator:
    """Builds and writes the generated rows; one ``random.Random`` makes the output depend on the seed only."""

    def __init__(self, rng: random.Random, password_hash: str, batch_size: int = BATCH_SIZE):
        self.rng = rng
        self.password_hash = password_hash
        self.batch_size = batch_size
        self.user_number = 0
        self.organization_number = 0
        self.districts: dict[str, synthetic.District] = {}  # by municipality slug
        self.inns: set[str] = set()
        self.ogrns: set[str] = set()
        self.pending_organizations: list[Organization] = []
        self.pending_users: list[User] = []
        self.pending_memberships: list[Membership] = []

    def run(self, schools: int, municipalities: int, mentors_per_school: int) -> None:
        """Generate everything: municipalities with their staff, then the schools with theirs."""
        adjectives = synthetic.district_adjectives(self.rng, municipalities)
        created = [self.add_municipality(index, adjective) for index, adjective in enumerate(adjectives, start=1)]
        Municipality.objects.bulk_create(created, batch_size=self.batch_size)
        for municipality, count in zip(created, spread(self.rng, schools, municipalities), strict=True):
            number = 0
            for _ in range(count):
                number += self.rng.randint(1, 3)  # school numbers in a district have gaps
                self.add_school(municipality, number, mentors_per_school)
                if len(self.pending_users) >= FLUSH_USERS:
                    self.flush()
        self.flush()

    def flush(self) -> None:
        """Write the pending rows; organisations and users first, so memberships get their keys.

        On PostgreSQL ``bulk_create`` sets the primary keys of the created objects, which the memberships use.
        """
        Organization.objects.bulk_create(self.pending_organizations, batch_size=self.batch_size)
        User.objects.bulk_create(self.pending_users, batch_size=self.batch_size)
        Membership.objects.bulk_create(self.pending_memberships, batch_size=self.batch_size)
        self.pending_organizations, self.pending_users, self.pending_memberships = [], [], []

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
        """One school with its director, curator, methodist, observer and ``mentors`` mentors."""
        director = self.person(Role.DIRECTOR)
        organization = self.build_organization(municipality, number, director)
        self.pending_organizations.append(organization)
        self.add_member(director, "Директор", Role.DIRECTOR, organization=organization)
        for role in SCHOOL_STAFF_ROLES:
            self.add_member(self.person(role), self.position(role), role, organization=organization)
        for _ in range(mentors):
            self.add_member(
                self.person(Role.MENTOR), synthetic.teacher_position(self.rng), Role.MENTOR, organization=organization
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


class Command(BaseCommand):
    help = "Создаёт большой синтетический набор данных для нагрузочных замеров (муниципалитеты, школы, пользователи)."

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, required=True, help="число школ")
        parser.add_argument(
            "--municipalities", type=int, default=None, help="число муниципалитетов (по умолчанию ⌈школ / 25⌉)"
        )
        parser.add_argument("--mentors-per-school", type=int, default=15, help="наставников в каждой школе (15)")
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
        if schools < 1 or municipalities < 1 or mentors < 0:
            raise CommandError("Число школ и муниципалитетов должно быть не меньше 1, число наставников — не меньше 0.")

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
            generator.run(schools, municipalities, mentors)
            counts = count_generated()

        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Сгенерировано за {elapsed:.1f} с: {self.describe(counts)}"))
        self.stdout.write(
            f"Пароль у всех сгенерированных пользователей (вход по e-mail …@{EMAIL_DOMAIN}): {DATASET_PASSWORD}"
        )

    @staticmethod
    def describe(counts: dict[str, int]) -> str:
        """«муниципалитетов 4, организаций 100, пользователей 1912, ролей 1912»."""
        return (
            f"муниципалитетов {counts['municipalities']}, организаций {counts['organizations']}, "
            f"пользователей {counts['users']}, ролей {counts['memberships']}"
        )
