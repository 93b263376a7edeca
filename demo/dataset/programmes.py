"""Programmes in progress for the generated schools (generate_dataset): forms, seven stages, selected
mentors, pairs, plans and journals — written with bulk inserts, a school at a time, for benchmarks of the
curator's home page and the journal pages."""

import random
from datetime import date, timedelta

from django.db import reset_queries

from core.models import Membership
from core.roles import Role
from mentoring import reference
from mentoring.models import (
    Meeting,
    Mentee,
    Mentor,
    MentoringForm,
    Pair,
    PairMember,
    PlanItem,
    Programme,
    ProgrammeMentor,
    Stage,
    StageActivity,
)
from mentoring.models.people import TEACHER_MENTEE_CATEGORIES
from mentoring.services.programmes import STAGE_SHARES, ensure_kinds

BATCH = 2000
STAGE_STATUS = dict.fromkeys((1, 2, 3, 4), Stage.Status.DONE) | {
    5: Stage.Status.IN_PROGRESS,
    6: Stage.Status.IN_PROGRESS,
}
MEETINGS = [Meeting.Kind.ACQUAINTANCE, Meeting.Kind.TRIAL, Meeting.Kind.PLANNING, Meeting.Kind.WORK, Meeting.Kind.WORK]
PUPIL_FORM = {Mentor.Category.TEACHER: "teacher-pupil", Mentor.Category.PUPIL: "pupil-pupil"}
TEACHER_MENTEES = TEACHER_MENTEE_CATEGORIES


def generate_programmes(organizations, *, seed: int, today: date, year_start: date) -> None:
    for organization in organizations:
        SchoolProgramme(organization, random.Random(f"{seed}:{organization.slug}"), today, year_start).build()
        reset_queries()


class SchoolProgramme:
    def __init__(self, organization, rng, today, year_start):
        self.organization, self.rng, self.today, self.year_start = organization, rng, today, year_start
        self.ends_on = date(year_start.year + 1, 5, 31)

    def build(self):
        org = self.organization
        forms = MentoringForm.objects.bulk_create(MentoringForm(organization=org, **form) for form in reference.FORMS)
        self.forms = {form.code: form for form in forms}
        curator = Membership.objects.filter(organization=org, role=Role.CURATOR).select_related("user").first()
        title = f"Программа наставничества на {self.year_start.year}/{self.ends_on.year} учебный год"
        programme = Programme.objects.create(
            organization=org, title=title,
            starts_on=self.year_start, ends_on=self.ends_on, goals="Раскрытие потенциала наставляемых",
            curator=curator.user if curator else None,
        )  # fmt: skip
        programme.forms.set(forms)
        self.add_stages(programme)
        mentors = list(
            Mentor.objects.filter(organization=org, training=Mentor.Training.TRAINED, status=Mentor.Status.ACTIVE)
            .exclude(consent_number="")
            .only("pk", "category", "capacity")
        )
        ProgrammeMentor.objects.bulk_create(
            ProgrammeMentor(organization=org, programme=programme, mentor=mentor) for mentor in mentors
        )
        self.add_pairs(programme, mentors)

    def add_stages(self, programme):
        length = (programme.ends_on - programme.starts_on).days
        stages = Stage.objects.bulk_create(
            Stage(
                organization=self.organization,
                programme=programme,
                number=number,
                starts_on=programme.starts_on + timedelta(days=round(length * STAGE_SHARES[number][0])),
                ends_on=programme.starts_on + timedelta(days=round(length * STAGE_SHARES[number][1])),
                status=Stage.Status.DONE
                if number <= 4
                else Stage.Status.IN_PROGRESS
                if number <= 6
                else Stage.Status.PLANNED,
                local_acts=reference.STAGES[number]["local_acts"],
            )
            for number in reference.STAGES
        )
        StageActivity.objects.bulk_create(
            StageActivity(
                organization=self.organization,
                stage=stage,
                title=title,
                due_on=stage.ends_on,
                position=position,
                done_on=stage.ends_on if stage.number <= 4 and stage.ends_on < self.today else None,
            )
            for stage in stages
            for position, title in enumerate(reference.STAGES[stage.number]["activities"])
        )

    def add_pairs(self, programme, mentors):
        """Each mentor takes mentees that fit their form up to their capacity; about a tenth of the mentees stay
        unpaired and some pairs have no meeting for over a month."""
        org, rng = self.organization, self.rng
        mentees = list(
            Mentee.objects.filter(organization=org, status=Mentee.Status.IN_BASE).only("pk", "category").order_by("pk")
        )
        rng.shuffle(mentees)
        pupils = [m for m in mentees if m.category == Mentee.Category.PUPIL]
        teachers = [m for m in mentees if m.category in TEACHER_MENTEES]
        pairs, members = [], []
        starts_on = self.year_start + timedelta(days=50)
        for mentor in mentors:
            if mentor.category == Mentor.Category.TEACHER and teachers and rng.random() < 0.2:
                queue, form = teachers, self.forms["teacher-teacher"]
            elif mentor.category in PUPIL_FORM:
                queue, form = pupils, self.forms[PUPIL_FORM[mentor.category]]
            else:
                continue
            taken = [queue.pop() for _ in range(min(mentor.capacity, len(queue)))]
            if not taken:
                continue
            pair = Pair(
                organization=org, programme=programme, mentor=mentor, form=form, starts_on=starts_on,
                planned_end_on=self.ends_on, match_score=round(rng.uniform(0.4, 1), 3),
            )  # fmt: skip
            pairs.append(pair)
            members.append((pair, taken, form))
        Pair.objects.bulk_create(pairs, batch_size=BATCH)
        # The teachers' pairs get their kind: «традиционное» one to one, «в группе» for several.
        kinds = ensure_kinds()
        Pair.kinds.through.objects.bulk_create(
            (
                Pair.kinds.through(
                    pair_id=pair.pk, mentoringkind_id=kinds["traditional" if len(taken) == 1 else "group"]
                )
                for pair, taken, form in members
                if form.audience == MentoringForm.Audience.TEACHERS
            ),
            batch_size=BATCH,
        )
        PairMember.objects.bulk_create(
            (
                PairMember(organization=org, pair=pair, mentee=mentee, form=form)
                for pair, taken, form in members
                for mentee in taken
            ),
            batch_size=BATCH,
        )
        Mentee.objects.filter(pk__in=[m.pk for _, taken, _ in members for m in taken]).update(
            status=Mentee.Status.IN_PAIR
        )
        self.add_journals(members, starts_on)

    def add_journals(self, members, starts_on):
        org, rng = self.organization, self.rng
        plan, meetings, present = [], [], []
        for pair, taken, _ in members:
            for n, title in enumerate(("Постановка целей", "Индивидуальный план", "Промежуточная рефлексия")):
                due = starts_on + timedelta(days=25 * (n + 1))
                status = PlanItem.Status.DONE if due < self.today else PlanItem.Status.PLANNED
                plan.append(PlanItem(organization=org, pair=pair, title=title, due_on=due, status=status))
            last_day = self.today - timedelta(days=40 if rng.random() < 0.1 else 2)
            day = starts_on + timedelta(days=3)
            for kind in MEETINGS[: rng.randint(2, len(MEETINGS))]:
                if day > last_day:
                    break
                meeting = Meeting(
                    organization=org, pair=pair, held_on=day, kind=kind, topic="Встреча наставника и наставляемого",
                    duration_minutes=rng.choice((30, 45, 60)), mentee_rating=rng.randint(6, 10),
                )  # fmt: skip
                meetings.append(meeting)
                present.extend((meeting, mentee) for mentee in taken)
                day += timedelta(days=rng.randint(7, 16))
        PlanItem.objects.bulk_create(plan, batch_size=BATCH)
        Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        through = Meeting.present.through
        through.objects.bulk_create(
            (through(meeting_id=meeting.pk, mentee_id=mentee.pk) for meeting, mentee in present), batch_size=BATCH
        )
