"""Appointing a teacher as mentor under art. 351.8 of the Labour Code (since 2025-03-01): only with the mentor's
written consent; the content, term and pay of mentoring go into an addendum to the labour contract, which both
sides sign; either side may end mentoring early, warning the other in writing at least three working days
before. Every refusal is a ``ValidationError`` in Russian and changes nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.audit import log_action
from core.inflection import name_of
from mentoring.models import Mentor, Pair
from mentoring.services.pairs import close_pair

from ..models import Appointment, PayRule
from .working_days import NOTICE_WORKING_DAYS, earliest_end, working_days_after

CONSENT_KIND = "mentor_consent"
DEFAULT_CONTENT = (
    "оказание наставляемому педагогическому работнику помощи в профессиональном становлении, развитии и адаптации "
    "к исполнению должностных обязанностей: разработка совместно с наставляемым персонализированной программы "
    "наставничества и её выполнение, проведение встреч и консультаций, посещение уроков наставляемого и "
    "открытых уроков наставника, ведение журнала наставника, отчёт куратору о результатах работы"
)


def has_signed_consent(mentor: Mentor) -> bool:
    """The mentor's written consent: registered on the card (its number and date) or approved as a document."""
    from documents.models import Document

    if mentor.has_written_consent:
        return True
    return Document.objects.filter(kind=CONSENT_KIND, subject_id=mentor.pk, status=Document.Status.APPROVED).exists()


def no_consent_message(mentor: Mentor) -> str:
    return (
        f"Нет письменного согласия {name_of(mentor, 'gent')} на осуществление наставничества: без него "
        "педагогический работник наставником не назначается (статья 351.8 Трудового кодекса Российской "
        "Федерации). Укажите номер и дату подписанного согласия в карточке наставника или утвердите документ "
        "«Согласие на осуществление наставничества»."
    )


def pay_rule_of(tenant) -> PayRule | None:
    return PayRule.objects.filter(organization=tenant).first()


def set_pay_rule(*, tenant, monthly_amount, basis: str, actor, request=None) -> PayRule:
    """The school's pay for mentoring and the local act that sets it (the next appointments take them)."""
    basis = (basis or "").strip()
    if monthly_amount is None or monthly_amount <= 0:
        raise ValidationError("Укажите размер доплаты за наставничество — больше нуля рублей в месяц.")
    if not basis:
        raise ValidationError("Укажите локальный акт школы, которым установлена доплата за наставничество.")
    rule, _ = PayRule.objects.update_or_create(
        organization=tenant, defaults={"monthly_amount": monthly_amount, "basis": basis}
    )
    return rule


@transaction.atomic
def record_appointment(
    pair: Pair, *, actor, tenant, content="", starts_on=None, ends_on=None, contract_number="", contract_date=None,
    request=None,
) -> Appointment:  # fmt: skip
    """The terms of a teacher's mentoring of ``pair`` for the addendum to the labour contract; refused without the
    mentor's written consent, for a mentor who is not the school's employee, a closed pair or without the
    school's pay rule."""
    mentor = pair.mentor
    reasons = []
    if mentor.category != Mentor.Category.TEACHER:
        reasons.append(
            "Дополнительное соглашение к трудовому договору заключается с наставником — педагогическим "
            f"работником школы; {name_of(mentor, 'nomn')} в базе указан(а) как «{mentor.get_category_display()}»."
        )
    elif not has_signed_consent(mentor):
        reasons.append(no_consent_message(mentor))
    if pair.status != Pair.Status.ACTIVE:
        reasons.append("Пара или группа уже завершена: наставника к ней не назначают.")
    if Appointment.objects.filter(pair=pair).exists():
        reasons.append("Условия наставничества этой пары уже внесены.")
    rule = pay_rule_of(tenant)
    if rule is None:
        reasons.append(
            "Укажите размер доплаты за наставничество и локальный акт, которым она установлена (раздел «Совет "
            "наставников» → «Доплата за наставничество»)."
        )
    starts_on, ends_on = starts_on or pair.starts_on, ends_on or pair.planned_end_on
    if ends_on < starts_on:
        reasons.append("Срок наставничества заканчивается раньше, чем начинается.")
    if reasons:
        raise ValidationError(reasons)
    appointment = Appointment.objects.create(
        organization=tenant, pair=pair, content=(content or DEFAULT_CONTENT).strip(), starts_on=starts_on,
        ends_on=ends_on, monthly_amount=rule.monthly_amount, pay_basis=rule.basis,
        contract_number=contract_number, contract_date=contract_date, created_by=actor,
    )  # fmt: skip
    log_action("appointment.recorded", actor=actor, tenant=tenant, obj=appointment, request=request)
    return appointment


@transaction.atomic
def sign_addendum(appointment: Appointment, *, number: str, signed_on, actor, tenant, request=None) -> Appointment:
    """Record that the mentor and the director signed the addendum (its number and date)."""
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    number = (number or "").strip()
    reasons = []
    if appointment.ended_early:
        reasons.append("Наставничество уже прекращено: дополнительное соглашение не подписывается.")
    if appointment.addendum_signed:
        reasons.append("Дополнительное соглашение уже подписано.")
    if not number:
        reasons.append("Укажите номер дополнительного соглашения.")
    if signed_on is None:
        reasons.append("Укажите дату подписания дополнительного соглашения.")
    if reasons:
        raise ValidationError(reasons)
    appointment.addendum_number, appointment.addendum_signed_on = number, signed_on
    appointment.save(update_fields=["addendum_number", "addendum_signed_on"])
    log_action("appointment.addendum_signed", actor=actor, tenant=tenant, obj=appointment, request=request)
    return appointment


def appointment_problems(appointment: Appointment) -> list[str]:
    """Why the mentor of ``appointment`` cannot be named in the appointment order yet (Russian sentences)."""
    mentor = appointment.pair.mentor
    problems = []
    if not has_signed_consent(mentor):
        problems.append(no_consent_message(mentor))
    if not appointment.addendum_signed:
        problems.append(
            f"Дополнительное соглашение к трудовому договору с {name_of(mentor, 'ablt')} о наставничестве не "
            "подписано: внесите его номер и дату подписания (содержание, срок и оплата наставничества "
            "устанавливаются в трудовом договоре или дополнительном соглашении к нему)."
        )
    return problems


@transaction.atomic
def end_early(
    appointment: Appointment, *, ended_by: str, notice_on, ended_on, reason: str, actor, tenant, request=None
) -> Appointment:
    """End mentoring before its term on the notice of either side; the pair is closed as stopped early."""
    appointment = Appointment.objects.select_for_update().select_related("pair").get(pk=appointment.pk)
    reason = (reason or "").strip()
    reasons = []
    if appointment.ended_early:
        reasons.append("Наставничество уже прекращено.")
    if not appointment.addendum_signed:
        reasons.append(
            "Дополнительное соглашение о наставничестве ещё не подписано: прекращать нечего — измените или "
            "удалите условия наставничества."
        )
    if ended_by not in Appointment.EndedBy.values:
        reasons.append("Укажите, кто прекращает наставничество: работодатель или наставник.")
    if not reason:
        reasons.append("Укажите причину досрочного прекращения наставничества.")
    if notice_on is None or ended_on is None:
        reasons.append("Укажите дату письменного предупреждения и дату прекращения наставничества.")
    elif working_days_after(notice_on, ended_on) < NOTICE_WORKING_DAYS:
        reasons.append(
            "Другую сторону предупреждают в письменной форме не позднее чем за три рабочих дня (статья 351.8 "
            f"Трудового кодекса Российской Федерации): при предупреждении {notice_on:%d.%m.%Y} наставничество "
            f"можно прекратить не ранее {earliest_end(notice_on):%d.%m.%Y}."
        )
    elif ended_on > appointment.ends_on:
        reasons.append(
            f"Срок наставничества и так заканчивается {appointment.ends_on:%d.%m.%Y}: это не досрочное прекращение."
        )
    if reasons:
        raise ValidationError(reasons)
    appointment.ended_by, appointment.notice_on = ended_by, notice_on
    appointment.ended_on, appointment.end_reason = ended_on, reason
    appointment.save(update_fields=["ended_by", "notice_on", "ended_on", "end_reason"])
    if appointment.pair.status == Pair.Status.ACTIVE:
        close_pair(
            appointment.pair, outcome=Pair.Outcome.STOPPED, final_notes=reason, actor=actor, tenant=tenant,
            request=request,
        )  # fmt: skip
    log_action("appointment.ended_early", actor=actor, tenant=tenant, obj=appointment, request=request)
    return appointment
