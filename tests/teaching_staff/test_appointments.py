"""Appointing a teacher as mentor under art. 351.8 of the Labour Code: written consent first, the addendum signed
before the order names the mentor, an early ending only on three working days' notice — each refusal says why in
Russian and changes nothing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from documents.content import plain_text
from documents.kinds import MissingData, content_of
from documents.services import drafting
from mentoring.models import Mentor, Pair
from teaching_staff.models import Appointment, PayRule
from teaching_staff.services import appointments
from teaching_staff.services.working_days import earliest_end, working_days_after

pytestmark = pytest.mark.usefixtures("in_school")


def new_teacher_pair(teachers, **mentor_fields):
    mentor = Mentor.objects.create(
        organization=teachers.pair.organization, last_name="Орехова", first_name="Нина", patronymic="Петровна",
        category=mentor_fields.pop("category", Mentor.Category.TEACHER), position="учитель химии", **mentor_fields,
    )  # fmt: skip
    return Pair.objects.create(
        organization=mentor.organization, programme=teachers.pair.programme, mentor=mentor, form=teachers.pair.form,
        starts_on=date(2026, 10, 1), planned_end_on=date(2027, 5, 31),
    )  # fmt: skip


def test_a_mentor_without_written_consent_is_not_appointed(teachers, school, curator):
    pair = new_teacher_pair(teachers)
    with pytest.raises(ValidationError) as refused:
        appointments.record_appointment(pair, actor=curator, tenant=school)
    assert "Нет письменного согласия Ореховой Нины Петровны" in str(refused.value)
    assert "статья 351.8" in str(refused.value)
    assert not Appointment.objects.filter(pair=pair).exists()


def test_with_consent_the_terms_take_the_schools_pay(teachers, school, curator):
    pair = new_teacher_pair(teachers, consent_number="30", consent_date=date(2026, 9, 30))
    PayRule.objects.filter(organization=school).update(monthly_amount=4500, basis="Коллективным договором")
    appointment = appointments.record_appointment(pair, actor=curator, tenant=school)
    assert (appointment.monthly_amount, appointment.pay_basis) == (4500, "Коллективным договором")
    assert appointment.ends_on == date(2027, 5, 31) and not appointment.addendum_signed


def test_only_the_schools_teacher_signs_an_addendum(teachers, school, curator):
    pair = new_teacher_pair(teachers, category=Mentor.Category.PARENT, consent_number="1", consent_date=date.today())
    with pytest.raises(ValidationError) as refused:
        appointments.record_appointment(pair, actor=curator, tenant=school)
    assert "с наставником — педагогическим работником школы" in str(refused.value)


def test_without_the_schools_pay_rule_nothing_is_recorded(teachers, school, curator):
    PayRule.objects.filter(organization=school).delete()
    pair = new_teacher_pair(teachers, consent_number="30", consent_date=date(2026, 9, 30))
    with pytest.raises(ValidationError) as refused:
        appointments.record_appointment(pair, actor=curator, tenant=school)
    assert "Укажите размер доплаты за наставничество" in str(refused.value)


def test_the_order_is_not_drawn_before_the_addendum_is_signed(teachers, school, programme, curator):
    Appointment.objects.filter(pk=teachers.appointment.pk).update(addendum_number="", addendum_signed_on=None)
    with pytest.raises(MissingData) as refused:
        drafting.create(tenant=school, kind_code="teacher_appointment_order", actor=curator, programme=programme)
    assert "Дополнительное соглашение к трудовому договору с Сидоровой Марией Павловной" in str(refused.value)
    appointments.sign_addendum(
        Appointment.objects.get(pk=teachers.appointment.pk), number="9", signed_on=date(2026, 9, 29), actor=curator,
        tenant=school,
    )  # fmt: skip
    order = drafting.create(tenant=school, kind_code="teacher_appointment_order", actor=curator, programme=programme)
    text = " ".join(plain_text(content_of(order)).split())
    assert "Назначить Сидорову Марию Павловну, учителя математики, наставником наставляемого Ковалёва Артёма" in text
    assert "на основании письменного согласия от 20.09.2026 № 15 и дополнительного соглашения к трудовому " in text
    assert "от 29.09.2026 № 9" in text
    assert "в размере 3 000,00 руб. в месяц в соответствии с Положением об оплате труда работников школы" in text


def test_a_signed_addendum_is_not_signed_again(teachers, school, curator):
    with pytest.raises(ValidationError) as refused:
        appointments.sign_addendum(teachers.appointment, number="10", signed_on=date.today(), actor=curator,
                                   tenant=school)  # fmt: skip
    assert "уже подписано" in str(refused.value)


def test_an_early_ending_needs_three_working_days_notice(teachers, school, curator):
    friday = date(2026, 12, 4)
    with pytest.raises(ValidationError) as refused:
        appointments.end_early(
            teachers.appointment, ended_by="mentor", notice_on=friday, ended_on=date(2026, 12, 8), reason="переезд",
            actor=curator, tenant=school,
        )  # fmt: skip
    assert "не позднее чем за три рабочих дня" in str(refused.value)
    assert "не ранее 09.12.2026" in str(refused.value)
    assert Pair.objects.get(pk=teachers.pair.pk).status == Pair.Status.ACTIVE
    ended = appointments.end_early(
        teachers.appointment, ended_by="mentor", notice_on=friday, ended_on=date(2026, 12, 9), reason="переезд",
        actor=curator, tenant=school,
    )  # fmt: skip
    pair = Pair.objects.get(pk=teachers.pair.pk)
    assert (pair.status, pair.outcome) == (Pair.Status.CLOSED, Pair.Outcome.STOPPED)
    assert (ended.ended_by, ended.notice_on, ended.end_reason) == ("mentor", friday, "переезд")


def test_an_early_ending_says_who_and_why(teachers, school, curator):
    with pytest.raises(ValidationError) as refused:
        appointments.end_early(
            teachers.appointment, ended_by="", notice_on=date(2026, 12, 1), ended_on=date(2026, 12, 10), reason=" ",
            actor=curator, tenant=school,
        )  # fmt: skip
    assert "кто прекращает наставничество" in str(refused.value)
    assert "причину досрочного прекращения" in str(refused.value)


def test_the_new_year_holidays_are_not_working_days():
    assert working_days_after(date(2026, 12, 30), date(2027, 1, 11)) == 2  # 31 December and 11 January
    assert earliest_end(date(2026, 12, 30)) == date(2027, 1, 12)


def test_the_end_order_cites_the_notice_and_the_reason(teachers, school, programme, curator):
    order = drafting.create(
        tenant=school, kind_code="mentoring_end_order", actor=curator, programme=programme,
        subject_id=teachers.ended.pair_id,
    )  # fmt: skip
    text = " ".join(plain_text(content_of(order)).split())
    assert "на основании письменного предупреждения наставника от 01.12.2026" in text
    assert "Прекратить досрочно с 04.12.2026 выполнение Лебедевым Олегом Николаевичем, учителем истории," in text
    assert "Причина: переход на работу в другую школу." in text


def test_the_addendum_states_content_term_and_pay(teachers, school, programme, curator):
    addendum = drafting.create(
        tenant=school, kind_code="mentoring_addendum", actor=curator, programme=programme,
        subject_id=teachers.pair.pk,
    )  # fmt: skip
    text = " ".join(plain_text(content_of(addendum)).split())
    assert "№ 7 (трудовой договор от 25.08.2015 № 41)" in text
    assert "Сидорова Мария Павловна, учитель математики, именуемая в дальнейшем «Работник»" in text
    assert "Срок наставничества: с 01.10.2026 по 31.05.2027." in text
    assert "доплата в размере 3 000,00 руб. в месяц" in text
    assert "не позднее чем за три рабочих дня" in text
