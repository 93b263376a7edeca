"""School №40's teacher-mentors in the demo: a young teacher of physics with a mentor appointed under art. 351.8
of the Labour Code (written consent, the addendum signed, the school's pay for mentoring), the council of mentors
with its chair and one meeting, and the drafts of the appointment order, the addendum and the council's protocol.
A second run finds every row again by its natural key and changes nothing."""

from datetime import timedelta
from decimal import Decimal

from core.tenancy import tenant_scope
from documents.content import initials_surname
from documents.kinds import MissingData
from documents.models import Document
from documents.services import drafting
from mentoring.models import Mentee, Mentor, MentoringForm, Pair, PairMember
from teaching_staff.models import AgendaItem, Appointment, Council, CouncilMeeting, CouncilMember, PayRule

SCHOOL = "sh40"
PAY_BASIS = "Положением об оплате труда работников МБОУ «СШ №40» (раздел 5 «Выплаты компенсационного характера»)"
MENTEE = {"last_name": "Ковалёв", "first_name": "Артём", "patronymic": "Игоревич", "gender": "m"}
LEFT = {"last_name": "Белова", "first_name": "Анна", "patronymic": "Сергеевна", "gender": "f"}


def seed_teachers_council(organization, programme, today) -> None:
    if organization.slug != SCHOOL or programme is None:
        return
    with tenant_scope(organization):
        form = MentoringForm.objects.filter(code="teacher-teacher").first()
        # Teachers who have signed their consent to mentor (the school's unsigned one stays unsigned).
        teachers = list(
            Mentor.objects.filter(category=Mentor.Category.TEACHER, status=Mentor.Status.ACTIVE).exclude(
                consent_number=""
            )[:3]
        )
        if form is None or len(teachers) < 2 or programme.curator is None:
            return
        programme.forms.add(form)
        mentor, secretary = teachers[0], teachers[1]
        mentee, _ = Mentee.objects.get_or_create(
            organization=organization, **MENTEE,
            defaults={"category": Mentee.Category.YOUNG_SPECIALIST, "group": "учитель физики",
                      "teaching_experience": 1, "status": Mentee.Status.IN_PAIR},
        )  # fmt: skip
        pair = Pair.objects.filter(programme=programme, form=form, members__mentee=mentee).first()
        if pair is None:
            pair = Pair.objects.create(
                organization=organization, programme=programme, mentor=mentor, form=form,
                starts_on=programme.starts_on + timedelta(days=30), planned_end_on=programme.ends_on,
                goals="Освоение методики преподавания физики и работы с классом",
            )  # fmt: skip
            PairMember.objects.create(organization=organization, pair=pair, mentee=mentee, form=form)
        PayRule.objects.get_or_create(
            organization=organization, defaults={"monthly_amount": Decimal("3000"), "basis": PAY_BASIS}
        )
        Appointment.objects.get_or_create(
            pair=pair,
            defaults={
                "organization": organization, "starts_on": pair.starts_on, "ends_on": pair.planned_end_on,
                "content": "помощь молодому учителю физики в освоении методики преподавания, посещение и анализ "
                "уроков, разработка персонализированной программы наставничества и контроль её выполнения",
                "monthly_amount": Decimal("3000"), "pay_basis": PAY_BASIS, "contract_number": "41",
                "contract_date": programme.starts_on.replace(year=programme.starts_on.year - 9),
                "addendum_number": "7", "addendum_signed_on": pair.starts_on - timedelta(days=2),
            },
        )  # fmt: skip
        ended = seed_ended_early(organization, programme, form, secretary)
        council, _ = Council.objects.get_or_create(organization=organization)
        for teacher in teachers:
            CouncilMember.objects.get_or_create(organization=organization, council=council, mentor=teacher)
        council.chair, council.secretary = mentor, secretary
        council.save(update_fields=["chair", "secretary"])
        meeting, created = CouncilMeeting.objects.get_or_create(
            organization=organization, council=council, number=1,
            defaults={"held_on": pair.starts_on - timedelta(days=5), "recorded_by": programme.curator},
        )  # fmt: skip
        if created:
            meeting.present.set(teachers)
            AgendaItem.objects.create(
                organization=organization, meeting=meeting, position=1, kind=AgendaItem.Kind.PAIR_PROPOSAL,
                question="О закреплении наставника за молодым специалистом Ковалёвым А.И.",
                heard="Куратора о результатах диагностики профессиональных затруднений молодого специалиста.",
                decision=f"Предложить куратору пару «{initials_surname(mentor.full_name)} — Ковалёв А.И.», форма "
                "«педагог – педагог»",
                mentor=mentor, mentee=mentee, form=form, proposal=AgendaItem.Proposal.ACCEPTED, created_pair=pair,
            )  # fmt: skip
            AgendaItem.objects.create(
                organization=organization, meeting=meeting, position=2, kind=AgendaItem.Kind.PROGRAMME_REVIEW,
                question="О персонализированной программе наставничества Ковалёва А.И.",
                decision="Одобрить программу; включить взаимное посещение уроков не реже двух раз в месяц",
                pair=pair,
            )  # fmt: skip
        for kind_code, subject in (
            ("council_protocol", meeting.pk),
            ("mentoring_addendum", pair.pk),
            ("teacher_appointment_order", None),
            ("mentoring_end_order", ended.pair_id),
        ):
            if Document.objects.filter(kind=kind_code, programme=programme, subject_id=subject).exists():
                continue  # drafted by an earlier run
            try:
                drafting.create(
                    tenant=organization, kind_code=kind_code, actor=programme.curator, programme=programme,
                    subject_id=subject,
                )  # fmt: skip
            except (drafting.DocumentRefused, MissingData):
                continue  # the school's data does not allow it yet: the documents page says what to fill


def seed_ended_early(organization, programme, form, mentor) -> Appointment:
    """A new teacher's pair that ended early on the mentor's written notice (art. 351.8: three working days)."""
    mentee, _ = Mentee.objects.get_or_create(
        organization=organization, **LEFT,
        defaults={"category": Mentee.Category.NEW_TEACHER, "group": "учитель биологии", "teaching_experience": 4},
    )  # fmt: skip
    pair = Pair.objects.filter(programme=programme, form=form, members__mentee=mentee).first()
    starts_on = programme.starts_on + timedelta(days=30)
    if pair is None:
        pair = Pair.objects.create(
            organization=organization, programme=programme, mentor=mentor, form=form, starts_on=starts_on,
            planned_end_on=programme.ends_on, status=Pair.Status.CLOSED, outcome=Pair.Outcome.STOPPED,
            closed_on=starts_on + timedelta(days=63), final_notes="Наставник переведён в другую школу",
        )  # fmt: skip
        PairMember.objects.create(organization=organization, pair=pair, mentee=mentee, form=form, active=False)
    appointment, _ = Appointment.objects.get_or_create(
        pair=pair,
        defaults={
            "organization": organization, "starts_on": starts_on, "ends_on": programme.ends_on,
            "content": "помощь учителю биологии, впервые принятому в школу, в адаптации и освоении рабочих программ",
            "monthly_amount": Decimal("3000"), "pay_basis": PAY_BASIS, "addendum_number": "8",
            "addendum_signed_on": starts_on - timedelta(days=2), "ended_by": Appointment.EndedBy.MENTOR,
            "notice_on": starts_on + timedelta(days=56), "ended_on": starts_on + timedelta(days=63),
            "end_reason": "перевод наставника в другую образовательную организацию",
        },
    )  # fmt: skip
    return appointment
