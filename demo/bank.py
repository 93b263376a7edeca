"""The demo's municipal bank of mentors: the physics teacher of Bolshaya Murta School №1 (the demo account
mentor2@sh40.demo, who also mentors in School №40) is listed in the bank, and the rural Talazhanka school — with
no physics teacher to mentor its young one — found him there: he and his director accepted, and he keeps the
pair's journal from his own school's login.

Everything goes through the bank's services (``mentoring.services.bank`` and ``bank_crossing``), as a user's
clicks would. A second run finds the request and changes nothing.
"""

from datetime import date, timedelta

from django.utils import timezone

from core.models import Membership, Organization
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import BankEntry, BankRequest, Consent, Meeting, Mentee, Mentor, Pair, Tag
from mentoring.services import bank, bank_crossing
from mentoring.services.pairs import add_months
from mentoring.services.programmes import current_programme

MENTOR_EMAIL = "mentor2@sh40.demo"
MENTOR_SCHOOL, MENTEE_SCHOOL = "bm-sosh1", "talazhanka"
LISTING = {"subject": "Физика", "competencies": "лабораторный практикум, подготовка к ОГЭ по физике, робототехника"}
YOUNG_TEACHER = {
    "last_name": "Кириллова", "first_name": "Анастасия", "patronymic": "Олеговна", "gender": "f",
    "category": Mentee.Category.YOUNG_SPECIALIST, "group": "Учитель физики", "teaching_experience": 1,
}  # fmt: skip
NEED = (
    "Молодой учитель физики, первый год в школе, другого учителя физики в школе нет: нужна помощь с лабораторными "
    "работами и подготовкой к ОГЭ."
)
REQUESTS = ("Методика преподавания", "Адаптация в коллективе")  # the school's own list of requests
STARTED_DAYS_AGO = 21


def director(school):
    return Membership.objects.get(organization=school, role=Role.DIRECTOR).user


def seed_bank(today: date) -> None:
    mentor_school = Organization.objects.get(slug=MENTOR_SCHOOL)
    mentee_school = Organization.objects.get(slug=MENTEE_SCHOOL)
    with tenant_scope(mentee_school):
        if BankRequest.objects.exists():
            return
    with tenant_scope(mentor_school):
        mentor = Mentor.objects.get(user__email=MENTOR_EMAIL)
        entry = BankEntry.objects.filter(mentor=mentor).first() or bank.list_mentor(
            mentor=mentor, places=1, actor=director(mentor_school), tenant=mentor_school, **LISTING
        )
    requester = director(mentee_school)
    with tenant_scope(mentee_school):
        teacher = young_teacher(mentee_school, requester, today)
        bank_request = bank_crossing.send_request(
            mentee_school, entry_id=entry.pk, mentee=teacher, need=NEED, planned_end_on=add_months(today, 6),
            programme=current_programme(), actor=requester,
        )  # fmt: skip
    bank_crossing.decide_as_mentor(mentor_school, request_id=bank_request.pk, user=mentor.user, accept=True)
    bank_request = bank_crossing.decide_as_director(
        mentor_school, request_id=bank_request.pk, user=director(mentor_school), accept=True
    )
    with tenant_scope(mentee_school):  # the pair started three weeks ago, as if the demo had been running
        Pair.objects.filter(pk=bank_request.pair_id).update(starts_on=today - timedelta(days=STARTED_DAYS_AGO))
    bank_crossing.record_meeting(
        mentor_school, mentor.user, bank_request.pair_id, present_ids=[teacher.pk],
        held_on=today - timedelta(days=14), kind=Meeting.Kind.ACQUAINTANCE, format=Meeting.Format.REMOTE,
        topic="Знакомство: лабораторные работы 8 класса", duration_minutes=45,
        what_was_done="Разобрали план лабораторных работ на четверть.", next_steps="Провести вместе первую работу.",
    )  # fmt: skip


def young_teacher(school, registrar, today: date) -> Mentee:
    teacher, _ = Mentee.objects.get_or_create(
        organization=school,
        last_name=YOUNG_TEACHER["last_name"],
        first_name=YOUNG_TEACHER["first_name"],
        patronymic=YOUNG_TEACHER["patronymic"],
        defaults={**YOUNG_TEACHER, "birth_date": date(today.year - 23, 3, 14)},
    )
    teacher.requests.set(Tag.objects.filter(name__in=REQUESTS))
    Consent.objects.get_or_create(
        organization=school, mentee=teacher, purpose=Consent.Purpose.PERSONAL_DATA,
        defaults={"text_version": "ПДн-2025-09", "given_by_name": teacher.full_name, "given_at": timezone.now(),
                  "method": Consent.Method.PAPER, "registered_by": registrar},
    )  # fmt: skip
    return teacher
