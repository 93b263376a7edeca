"""The requesting school asks: its curator writes the school's own request to a listed mentor of another school."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.audit import log_action
from core.inflection import name_of
from core.models import Organization
from core.notifications import notify
from mentoring.models import BankEntry, BankRequest, Mentee
from mentoring.services.bank_crossing.listings import entry_refusals
from mentoring.services.bank_crossing.reach import (
    BANK_FORM_CODE,
    TEACHER_MENTEES,
    peer_scope,
    school_directors,
    school_url,
)
from mentoring.services.pairs import plan_period_errors


@transaction.atomic
def send_request(
    school: Organization, *, entry_id: int, mentee: Mentee, need: str, planned_end_on: date, programme, actor,
    request=None,
) -> BankRequest:  # fmt: skip
    """The requesting school's curator asks a listed mentor of another school of the municipality to mentor one of
    the school's teachers (``mentee``, of the school's scope). Raise ValidationError with the reasons otherwise."""
    with peer_scope(school):
        entries = BankEntry.objects.select_for_update(of=("self",)).select_related("mentor", "organization")
        entry = entries.filter(pk=entry_id).first()
        if entry is None or entry.organization_id == school.pk:
            raise ValidationError("Нет такого наставника в банке муниципалитета.")
        reasons = entry_refusals(entry, school)
    if mentee.organization_id != school.pk:
        raise ValidationError("Наставляемый не из этой школы.")
    if mentee.category not in TEACHER_MENTEES:
        reasons.append(f"Из банка наставников подбирают наставника педагогу, а {mentee.full_name} — не педагог.")
    if programme is None:
        reasons.append("В школе нет программы наставничества: создайте её, чтобы сформировать пару.")
    elif not programme.forms.filter(code=BANK_FORM_CODE).exists():
        reasons.append("В программе школы нет формы «педагог – педагог».")
    if not need.strip():
        reasons.append("Опишите запрос наставляемого: с чем нужна помощь.")
    reasons += plan_period_errors(timezone.localdate(), planned_end_on)
    if reasons:
        raise ValidationError(reasons)
    try:
        with transaction.atomic():
            bank_request = BankRequest.objects.create(
                organization=school, entry=entry, mentee=mentee, programme=programme, need=need.strip(),
                planned_end_on=planned_end_on, created_by=actor,
            )  # fmt: skip
    except IntegrityError:
        raise ValidationError("Запрос этому наставнику для этого наставляемого уже отправлен.") from None
    log_action(
        "bank.requested",
        actor=actor,
        tenant=school,
        obj=bank_request,
        changes={"наставник": [None, f"{entry.mentor.full_name}, {entry.organization.short_name}"]},
        request=request,
    )
    text = f"{school.short_name} просит вас стать наставником педагога: {need.strip()[:200]}"
    notify([entry.mentor.user], text, school_url("bank_incoming", entry.organization), tenant=entry.organization)
    notify(
        school_directors(entry.organization),
        f"Запрос {school.short_name} к наставнику {name_of(entry.mentor, 'datv')} из банка наставников.",
        school_url("bank_incoming", entry.organization),
        tenant=entry.organization,
    )
    return bank_request
