"""One demo school's bases: its tags, partners, mentees, mentors and personal-data consents, created or updated.

People come from ``random.Random`` with a fixed seed per school and are found again by name (organisation,
surname, name, patronymic), so a second run updates them instead of adding new ones. Birth dates are counted back
from today, so that ages and classes stay right whenever the demo is loaded.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from core.models import Organization
from demo import people, vocabulary
from demo.school_bases import (
    ADULT_MENTEES,
    NO_CONSENT_AT,
    NO_CONSENT_EVERY,
    PUPIL_STATUSES,
    SOURCES,
    SUPPORT,
    TRAINING_CYCLE,
    WITHDRAWN_PUPIL,
    SchoolBase,
)
from mentoring.forms.base import CURRENT_CONSENT_VERSION
from mentoring.models import Consent, Mentee, Mentor, PartnerOrganization, Tag, User
from mentoring.models.consents import ERASURE_DAYS
from mentoring.models.people import age_on
from mentoring.services.people import with_consent_flags


class SchoolSeeder:
    """Creates or updates one school's tags, partners, mentees, mentors and consents."""

    def __init__(self, organization: Organization, base: SchoolBase, users: dict[str, User], today: date):
        self.organization = organization
        self.base = base
        self.users = users
        self.registrar = users[base.registrar]
        self.today = today
        self.year_start = people.school_year_start(today)
        self.rng = random.Random(f"seed-demo:{organization.slug}")
        self.names: set[tuple[str, str, str]] = {
            (user.last_name, user.first_name, user.patronymic) for user in users.values()
        }
        self.tags: dict[str, Tag] = {}
        self.partners: list[PartnerOrganization] = []
        self.document_number = 0

    def run(self) -> None:
        for tag in vocabulary.REQUEST_TAGS:
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
            person = value.child if isinstance(value, people.Family) else value
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

    def person_row(self, model, person: people.Person, age: int, **defaults):
        defaults.setdefault("birth_date", people.birth_date(self.rng, age, self.today))
        row, _ = model.objects.update_or_create(
            organization=self.organization,
            last_name=person.last_name,
            first_name=person.first_name,
            patronymic=person.patronymic,
            defaults=defaults,
        )
        return row

    def consent(self, subject, given_by: people.Person | None, relation: str = "", withdrawn: bool = False):
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

    def seed_mentees(self) -> tuple[Mentee, people.Family]:
        """The school's mentees; returns a pupil whose mother or father will be a mentor, with the family."""
        rng, parent_family = self.rng, None
        for index in range(self.base.mentees - len(ADULT_MENTEES)):
            family = self.unique(lambda: people.family(rng))
            age = 10 + index % 8
            tags = self.pick(vocabulary.PUPIL_TAGS)
            mentee = self.person_row(
                Mentee,
                family.child,
                age,
                category=Mentee.Category.PUPIL,
                group=people.school_class(rng, age, self.base.letters),
                requests_text=rng.choice(vocabulary.REQUEST_TEXTS[tags[0].name]) if index % 3 == 0 else "",
                support_categories=SUPPORT.get(index, []),
                status=PUPIL_STATUSES.get(index, Mentee.Status.IN_BASE),
                source=SOURCES[index % len(SOURCES)],
                phone=people.mobile_phone(rng) if age >= 14 else "",
                representative_name=family.representative.full_name,
                representative_relation=family.relation,
                representative_phone=people.mobile_phone(rng),
            )
            mentee.requests.set(tags)
            has_consent = index % NO_CONSENT_EVERY != NO_CONSENT_AT
            withdrawn = index == WITHDRAWN_PUPIL
            self.consent(mentee, family.representative if has_consent else None, family.relation, withdrawn=withdrawn)
            if parent_family is None and has_consent and not withdrawn and family.relation in ("мать", "отец"):
                parent_family = (mentee, family)
        college = self.partners[1]
        for category, age, experience, position in ADULT_MENTEES:
            person = self.unique(lambda: people.person(rng, 0.8))
            if category == Mentee.Category.STUDENT:
                group, tags = f"{people.course_of_study(age)} курс, {college.name}", self.pick(vocabulary.PUPIL_TAGS)
            else:
                group, tags = position, self.pick(vocabulary.TEACHER_TAGS)
            mentee = self.person_row(
                Mentee,
                person,
                age,
                category=category,
                group=group,
                teaching_experience=experience,
                source=Mentee.Source.APPLICATION,
                phone=people.mobile_phone(rng),
                requests_text=rng.choice(vocabulary.REQUEST_TEXTS[tags[0].name]),
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
        mentor = self.person_row(Mentor, person, age, phone=people.mobile_phone(self.rng), **defaults)
        mentor.competencies.set(competencies)
        return mentor

    def seed_mentors(self, parent_family: tuple[Mentee, people.Family]) -> None:
        rng, base = self.rng, self.base
        enterprise, college = self.partners
        number = 0
        for account in base.accounts:
            user = self.users[account.email]
            female = user.first_name in people.FEMALE_FIRST_NAMES
            gender = people.Gender.FEMALE if female else people.Gender.MALE
            person = people.Person(gender, user.last_name, user.first_name, user.patronymic)
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
                birth_date=people.birth_date(random.Random(account.email), account.age, self.today),
            )
            self.consent(mentor, person)
            number += 1
        others = 5  # two senior pupils, a student, an employee of the enterprise, a parent
        teachers = base.mentors - others - len(base.accounts)
        for index in range(teachers):
            person = self.unique(lambda: people.person(rng, 0.8))
            age = rng.randint(27, 60)
            last = index == teachers - 1  # has just agreed and not signed yet
            mentor = self.mentor_row(
                person,
                age,
                number,
                self.pick([tag.name for tag in vocabulary.REQUEST_TAGS]),
                written_consent=not last,
                category=Mentor.Category.TEACHER,
                position=people.teacher_position(rng),
                experience_years=rng.randint(3, age - 23),
                capacity=rng.randint(2, 3),
                strengths=rng.choice(vocabulary.MENTOR_STRENGTHS["teacher"]),
                **({"training": Mentor.Training.NOT_TRAINED} if last else {}),
            )
            self.consent(mentor, person)
            number += 1
        for age in (16, 17):
            family = self.unique(lambda: people.family(rng))
            mentor = self.mentor_row(
                family.child,
                age,
                number,
                self.pick(vocabulary.PUPIL_TAGS),
                written_consent=False,
                category=Mentor.Category.PUPIL,
                position=f"{age - 6}{rng.choice(base.letters)} класс",
                capacity=1,
                strengths=rng.choice(vocabulary.MENTOR_STRENGTHS["pupil"]),
            )
            self.consent(mentor, family.representative, family.relation)
            number += 1
        student = self.unique(lambda: people.person(rng, 0.6))
        mentor = self.mentor_row(
            student,
            19,
            number,
            self.pick(vocabulary.PUPIL_TAGS),
            category=Mentor.Category.STUDENT,
            partner=college,
            position=f"Студент 2 курса, {college.name}",
            capacity=2,
        )
        self.consent(mentor, student)
        number += 1
        employee = self.unique(lambda: people.person(rng, 0.4))
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
            strengths=rng.choice(vocabulary.MENTOR_STRENGTHS["employee"]),
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
            position=rng.choice(vocabulary.PARENT_JOBS),
            capacity=1,
            strengths=rng.choice(vocabulary.MENTOR_STRENGTHS["parent"]),
        )
        mentor.children.set([child])
        self.consent(mentor, parent)

    def summary(self) -> str:
        mentees = Mentee.objects.filter(organization=self.organization)
        flagged = with_consent_flags(mentees).filter(needs_consent=True).count()
        minors = mentees.filter(birth_date__gt=people.years_before(self.today, 18)).count()
        return (
            f"  {self.organization.short_name}: наставляемых {mentees.count()} (несовершеннолетних {minors}, "
            f"без действующего согласия представителя {flagged}), "
            f"наставников {Mentor.objects.filter(organization=self.organization).count()}, "
            f"запросов и компетенций {len(self.tags)}, организаций-партнёров {len(self.partners)}"
        )
