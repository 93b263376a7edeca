"""``SchoolBases``: one generated school's list of requests, partners, mentees, mentors and consents, queued in
the ``DatasetGenerator``; the weights of the categories, statuses and sources they are drawn with."""

import itertools
import random
from datetime import date, datetime, timedelta
from datetime import time as day_time
from typing import TYPE_CHECKING

from core.models import Organization
from demo import people, places, vocabulary
from mentoring.forms.base import CURRENT_CONSENT_VERSION
from mentoring.models import Consent, Mentee, Mentor, PartnerOrganization, SupportCategory, Tag, User
from mentoring.models.consents import ERASURE_DAYS
from mentoring.models.people import age_on

if TYPE_CHECKING:
    from demo.dataset.generator import DatasetGenerator


def teacher_dates(today: date, experience: int, status: str) -> dict:
    """A teacher-mentee's hire date (the school year their experience began) and, for one who left the base, the
    day they left the school, so that the retention indicators have both kinds of teachers."""
    year_start = people.school_year_start(today)
    hired_on = date(year_start.year - experience, 8, 25)
    dates = {"hired_on": hired_on}
    if status == Mentee.Status.LEFT:
        dates["left_school_on"] = min(today, hired_on + timedelta(days=300))
    return dates


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


def weighted(rng: random.Random, rows):
    """Pick the first item of one of the ``(item, weight)`` rows, by weight."""
    if rows not in _CUMULATIVE:
        _CUMULATIVE[rows] = list(itertools.accumulate(weight for _, weight in rows))
    return rng.choices(rows, cum_weights=_CUMULATIVE[rows])[0][0]


_CUMULATIVE: dict[tuple, list[int]] = {}


class SchoolBases:
    """One school's list of requests, partners, mentees, mentors and consents, queued in the generator."""

    def __init__(self, generator: "DatasetGenerator", rng: random.Random, organization: Organization, place):
        self.generator = generator
        self.rng = rng
        self.organization = organization
        self.place: places.District = place
        self.today = generator.today
        self.year_start = generator.year_start
        self.tags: dict[str, Tag] = {}
        self.employer: PartnerOrganization | None = None
        self.college: PartnerOrganization | None = None
        self.families: list[tuple[Mentee, people.Family]] = []  # minors whose parent signs for them
        self.registrar: User | None = None
        self.document_number = 0

    def build(self, *, registrar: User, accounts: list[User]) -> None:
        generator = self.generator
        self.registrar = registrar
        for tag in vocabulary.REQUEST_TAGS:
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

    def add_consent(self, subject, given_by: people.Person, relation: str = "") -> Consent:
        """A personal-data consent on paper, registered by the curator; a few are withdrawn lately."""
        rng, generator = self.rng, self.generator
        self.document_number += 1
        yesterday = self.today - timedelta(days=1)  # given_at is never in the future, whatever the hour now
        day = people.day_between(rng, min(self.year_start, yesterday), yesterday)
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
            withdrawn = people.day_between(rng, max(day, self.today - timedelta(days=ERASURE_DAYS - 1)), yesterday)
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
            name = places.partner(rng, self.place.adjective, kind)
            contact = people.person(rng, 0.6)
            day = people.day_between(rng, self.year_start - timedelta(days=730), self.today)
            partner = PartnerOrganization(
                organization=self.organization,
                name=name.name,
                kind=kind,
                contact_name=contact.full_name,
                contact_phone=people.mobile_phone(rng),
                agreement_number=places.agreement_number(rng, day),
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
            family = people.family(rng)
            person, age = family.child, rng.randint(10, 17)
            tags = self.pick_tags(vocabulary.PUPIL_TAGS)
            fields.update(
                group=people.school_class(rng, age),
                source=weighted(rng, PUPIL_SOURCES),
                representative_name=family.representative.full_name,
                representative_relation=family.relation,
                representative_phone=people.mobile_phone(rng),
                phone=people.mobile_phone(rng) if age >= 14 and rng.random() < 0.5 else "",
            )
            if rng.random() < SUPPORT_SHARE:
                fields["support_categories"] = [weighted(rng, SUPPORT_CATEGORIES).value]
        else:
            person = people.person(rng, 0.6 if category == Mentee.Category.STUDENT else 0.8)
            if category == Mentee.Category.STUDENT:
                age = rng.randint(18, 21)
                place = self.college.name if self.college else "педагогический колледж"
                group = f"{people.course_of_study(age)} курс, {place}"
                tags = self.pick_tags(vocabulary.PUPIL_TAGS)
            else:
                if category == Mentee.Category.YOUNG_SPECIALIST:
                    age = rng.randint(22, 30)
                    experience = rng.randint(0, min(3, age - 22))
                else:
                    age = rng.randint(24, 55)
                    experience = rng.randint(1, min(30, age - 22))
                group = people.teacher_position(rng)
                fields["teaching_experience"] = experience
                fields.update(teacher_dates(self.today, experience, fields["status"]))
                tags = self.pick_tags(vocabulary.TEACHER_TAGS)
            fields.update(group=group, source=Mentee.Source.APPLICATION, phone=people.mobile_phone(rng))
        if rng.random() < 0.3:
            fields["requests_text"] = rng.choice(vocabulary.REQUEST_TEXTS[tags[0].name])
        mentee = Mentee(
            organization=self.organization,
            last_name=person.last_name,
            first_name=person.first_name,
            patronymic=person.patronymic,
            birth_date=people.birth_date(rng, age, self.today),
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

    def queue_mentor(self, person: people.Person, age: int, tags: list[Tag], **fields) -> Mentor:
        rng = self.rng
        mentor = Mentor(
            organization=self.organization,
            last_name=person.last_name,
            first_name=person.first_name,
            patronymic=person.patronymic,
            birth_date=people.birth_date(rng, age, self.today),
            phone=people.mobile_phone(rng),
            training=weighted(rng, TRAINING),
            status=Mentor.Status.LEFT if rng.random() < 0.05 else Mentor.Status.ACTIVE,
            **fields,
        )
        if age >= 18 and rng.random() < 0.95:
            self.document_number += 1
            mentor.consent_number = f"{self.document_number}-н"
            mentor.consent_date = people.day_between(rng, self.year_start - timedelta(days=365), self.today)
        if rng.random() < 0.4:
            key = "teacher" if mentor.category == Mentor.Category.TEACHER else mentor.category
            mentor.strengths = rng.choice(vocabulary.MENTOR_STRENGTHS.get(key, vocabulary.MENTOR_STRENGTHS["teacher"]))
        self.generator.pending_mentors.append(mentor)
        self.generator.pending_competencies.append((mentor, tags))
        return mentor

    def add_teacher(self, account: User | None = None) -> Mentor:
        """A teacher; a mentor account's teacher has the account's name and position and is linked to it."""
        rng = self.rng
        if account is None:
            person, position = people.person(rng, 0.8), people.teacher_position(rng)
        else:
            person = people.Person(
                people.Gender.FEMALE if account.first_name in people.FEMALE_FIRST_NAMES else people.Gender.MALE,
                account.last_name,
                account.first_name,
                account.patronymic,
            )
            position = account.position
        age = rng.randint(24, 63)
        mentor = self.queue_mentor(
            person,
            age,
            self.pick_tags([tag.name for tag in vocabulary.REQUEST_TAGS]),
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
            family = people.family(rng)
            age = rng.randint(15, 17)
            mentor = self.queue_mentor(
                family.child,
                age,
                self.pick_tags(vocabulary.PUPIL_TAGS),
                category=category,
                position=f"{people.school_class(rng, age)} класс",
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
                self.pick_tags(vocabulary.PUPIL_TAGS),
                category=category,
                position=rng.choice(vocabulary.PARENT_JOBS),
                capacity=1,
            )
            self.generator.pending_children.append((mentor, child))
            self.add_consent(mentor, parent)
            return mentor
        partner = self.employer or self.college
        if category == Mentor.Category.EMPLOYEE and partner:
            person, age = people.person(rng, 0.5), rng.randint(25, 58)
            mentor = self.queue_mentor(
                person,
                age,
                self.pick_tags(EMPLOYEE_TAGS),
                category=category,
                partner=partner,
                position=rng.choice(vocabulary.PARTNER_POSITIONS[partner.kind]),
                experience_years=rng.randint(1, age - 20),
                capacity=rng.randint(1, 3),
            )
            self.add_consent(mentor, person)
            return mentor
        if category in (Mentor.Category.STUDENT, Mentor.Category.GRADUATE):
            person = people.person(rng, 0.6)
            if category == Mentor.Category.STUDENT:
                age = rng.randint(18, 22)
                place = self.college.name if self.college else "педагогический колледж"
                fields = {
                    "position": f"Студент {people.course_of_study(age)} курса, {place}",
                    "partner": self.college,
                }
            else:
                age = rng.randint(18, 25)
                fields = {"position": f"Выпускник {self.today.year - (age - 17)} года"}
            mentor = self.queue_mentor(
                person,
                age,
                self.pick_tags(vocabulary.PUPIL_TAGS),
                category=category,
                capacity=rng.randint(1, 2),
                **fields,
            )
            self.add_consent(mentor, person)
            return mentor
        return self.add_teacher()
