"""The teachers' system of mentoring in a test school: two «педагог – педагог» pairs whose mentors gave their
written consent — one appointed (addendum signed), one ended early on the mentor's notice — the school's pay for
mentoring, and a council of mentors with one meeting (a pair proposed, a programme reviewed, a reward)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django_scopes import scopes_disabled

from mentoring.models import Mentee, Mentor, MentoringForm, Pair, PairMember
from teaching_staff.models import AgendaItem, Appointment, Council, CouncilMeeting, CouncilMember, PayRule


@dataclass
class TeachersWorld:
    mentor: Mentor
    mentee: Mentee
    pair: Pair
    appointment: Appointment
    ended: Appointment
    council: Council
    meeting: CouncilMeeting


def teacher_pair(school, programme, mentor, mentee, form) -> Pair:
    pair = Pair.objects.create(
        organization=school, programme=programme, mentor=mentor, form=form, starts_on=date(2026, 10, 1),
        planned_end_on=date(2027, 5, 31),
    )  # fmt: skip
    PairMember.objects.create(organization=school, pair=pair, mentee=mentee, form=form)
    return pair


def add_teachers_system(school, programme, *, signed=True) -> TeachersWorld:
    with scopes_disabled():
        form = MentoringForm.objects.get(organization=school, code="teacher-teacher")
        mentor = Mentor.objects.create(
            organization=school, last_name="Сидорова", first_name="Мария", patronymic="Павловна", gender="f",
            category=Mentor.Category.TEACHER, position="учитель математики", consent_number="15",
            consent_date=date(2026, 9, 20), experience_years=22,
        )  # fmt: skip
        other = Mentor.objects.create(
            organization=school, last_name="Лебедев", first_name="Олег", patronymic="Николаевич", gender="m",
            category=Mentor.Category.TEACHER, position="учитель истории", consent_number="16",
            consent_date=date(2026, 9, 21),
        )  # fmt: skip
        mentee = Mentee.objects.create(
            organization=school, last_name="Ковалёв", first_name="Артём", patronymic="Игоревич", gender="m",
            category=Mentee.Category.YOUNG_SPECIALIST, group="учитель физики", teaching_experience=1,
            status=Mentee.Status.IN_PAIR,
        )  # fmt: skip
        second = Mentee.objects.create(
            organization=school, last_name="Белова", first_name="Анна", patronymic="Сергеевна", gender="f",
            category=Mentee.Category.NEW_TEACHER, group="учитель биологии", teaching_experience=4,
        )  # fmt: skip
        PayRule.objects.create(
            organization=school, monthly_amount=Decimal("3000"), basis="Положением об оплате труда работников школы"
        )
        pair = teacher_pair(school, programme, mentor, mentee, form)
        terms = {
            "organization": school, "content": "помощь молодому учителю физики в освоении методики преподавания",
            "monthly_amount": Decimal("3000"), "pay_basis": "Положением об оплате труда работников школы",
            "starts_on": date(2026, 10, 1), "ends_on": date(2027, 5, 31), "contract_number": "41",
            "contract_date": date(2015, 8, 25),
        }  # fmt: skip
        appointment = Appointment.objects.create(
            pair=pair, **terms, **({"addendum_number": "7", "addendum_signed_on": date(2026, 9, 28)} if signed else {})
        )
        stopped = teacher_pair(school, programme, other, second, form)
        stopped.status, stopped.outcome, stopped.closed_on = Pair.Status.CLOSED, Pair.Outcome.STOPPED, date(2026, 12, 4)
        stopped.save()
        stopped.members.update(active=False)
        ended = Appointment.objects.create(
            pair=stopped, **terms, addendum_number="8", addendum_signed_on=date(2026, 9, 28),
            ended_by=Appointment.EndedBy.MENTOR, notice_on=date(2026, 12, 1), ended_on=date(2026, 12, 4),
            end_reason="переход на работу в другую школу",
        )  # fmt: skip
        council = Council.objects.create(organization=school, chair=mentor, secretary=other)
        for member in (mentor, other):
            CouncilMember.objects.create(organization=school, council=council, mentor=member)
        meeting = CouncilMeeting.objects.create(
            organization=school, council=council, number=1, held_on=date(2026, 9, 25)
        )
        meeting.present.set([mentor, other])
        AgendaItem.objects.create(
            organization=school, meeting=meeting, position=1, kind=AgendaItem.Kind.PAIR_PROPOSAL,
            question="О закреплении наставника за молодым специалистом",
            heard="Сидорову М.П. о профессиональных затруднениях Ковалёва А.И.",
            decision="Предложить куратору пару «Сидорова М.П. — Ковалёв А.И.»", mentor=mentor, mentee=mentee,
            form=form, proposal=AgendaItem.Proposal.ACCEPTED, created_pair=pair,
        )  # fmt: skip
        AgendaItem.objects.create(
            organization=school, meeting=meeting, position=2, kind=AgendaItem.Kind.PROGRAMME_REVIEW,
            question="О персонализированной программе наставничества Ковалёва А.И.",
            decision="Одобрить программу, добавить посещение уроков наставника", pair=pair,
        )  # fmt: skip
    return TeachersWorld(mentor, mentee, pair, appointment, ended, council, meeting)
