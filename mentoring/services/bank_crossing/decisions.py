"""The mentor's school answers: the mentor, then their director, accept or decline a request (the director's
acceptance forms the pair in the mentee's school); a mentor who leaves the bank declines the open ones."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from core.audit import log_action
from core.inflection import agree, gender_of, name_of
from core.models import Organization
from core.notifications import notify
from core.tenancy import tenant_scope
from mentoring.models import BankEntry, BankRequest
from mentoring.services.bank_crossing.listings import entry_refusals
from mentoring.services.bank_crossing.pair_forming import form_bank_pair
from mentoring.services.bank_crossing.reach import peer_scope, school_directors, school_url
from mentoring.services.bank_crossing.request_lists import REQUEST_RELATED


def _incoming_request(school: Organization, request_id: int, *, mentor_user=None) -> BankRequest:
    """A request to a listing of ``school`` (of ``mentor_user``'s own listing), locked; 404 otherwise."""
    rows = BankRequest.objects.select_for_update(of=("self",)).filter(entry__organization=school, pk=request_id)
    if mentor_user is not None:
        rows = rows.filter(entry__mentor__user=mentor_user)
    found = rows.select_related(*REQUEST_RELATED).first()
    if found is None:
        raise Http404("Нет такого запроса.")
    return found


def _decline(bank_request: BankRequest, decider: str, reason: str) -> None:
    if not reason.strip():
        raise ValidationError("Укажите причину отказа: её увидит куратор школы, отправившей запрос.")
    bank_request.status = BankRequest.Status.DECLINED
    bank_request.declined_by = decider
    bank_request.decline_reason = reason.strip()[:500]


@transaction.atomic
def decide_as_mentor(school: Organization, *, request_id: int, user, accept: bool, reason: str = "", request=None):
    """The listed mentor, from their own school, accepts or declines (with a reason) a request to them."""
    with peer_scope(school):
        bank_request = _incoming_request(school, request_id, mentor_user=user)
        if bank_request.status != BankRequest.Status.SENT:
            raise ValidationError(f"Запрос уже рассмотрен: {bank_request.get_status_display()}.")
        if accept:
            reasons = entry_refusals(bank_request.entry, bank_request.organization)
            if reasons:
                raise ValidationError(reasons)
            bank_request.status = BankRequest.Status.MENTOR_ACCEPTED
        else:
            _decline(bank_request, BankRequest.Decider.MENTOR, reason)
        bank_request.mentor_decided_at = timezone.now()
        bank_request.save(update_fields=["status", "declined_by", "decline_reason", "mentor_decided_at"])
        _audit_decision("bank.mentor_decided", bank_request, user, school, request)
        requester = bank_request.created_by
        mentor_name = bank_request.entry.mentor.full_name
        gender = gender_of(bank_request.entry.mentor)
        if accept:
            notify(
                school_directors(school),
                f"{mentor_name} {agree('согласен', gender)} стать наставником педагога "
                f"{bank_request.organization.short_name}: нужно ваше решение.",
                school_url("bank_incoming", school),
                tenant=school,
                except_user=user,
            )
            text = f"{mentor_name} {agree('согласен', gender)} стать наставником; ждём решения руководителя школы."
        else:
            text = f"{mentor_name} {agree('отклонил', gender)} запрос: {bank_request.decline_reason}"
        notify([requester], text, school_url("bank_sent", bank_request.organization), tenant=bank_request.organization)
    return bank_request


@transaction.atomic
def decide_as_director(school: Organization, *, request_id: int, user, accept: bool, reason: str = "", request=None):
    """The director of the mentor's school accepts (after the mentor) or declines a request; the acceptance forms
    the pair in the mentee's school."""
    with peer_scope(school):
        bank_request = _incoming_request(school, request_id)
        if bank_request.status == BankRequest.Status.SENT and accept:
            raise ValidationError("Наставник ещё не ответил на запрос: пара формируется после его согласия.")
        if bank_request.status not in BankRequest.OPEN:
            raise ValidationError(f"Запрос уже рассмотрен: {bank_request.get_status_display()}.")
        mentee_school = bank_request.organization
        if accept:
            entries = BankEntry.objects.select_for_update(of=("self",)).select_related("mentor", "organization")
            bank_request.entry = entries.get(pk=bank_request.entry_id)  # two directors at once: one takes the place
            reasons = entry_refusals(bank_request.entry, mentee_school)
            if reasons:
                raise ValidationError(reasons)
        else:
            _decline(bank_request, BankRequest.Decider.DIRECTOR, reason)
        bank_request.director_decided_at = timezone.now()
    if accept:
        with tenant_scope(mentee_school):
            bank_request.pair = form_bank_pair(bank_request, actor=user)
            bank_request.status = BankRequest.Status.ACCEPTED
    with peer_scope(school):
        bank_request.save(update_fields=["status", "declined_by", "decline_reason", "director_decided_at", "pair"])
        _audit_decision("bank.director_decided", bank_request, user, school, request)
        mentor_name = bank_request.entry.mentor.full_name
        if accept:
            notify(
                [bank_request.created_by],
                f"Сформирована пара: {mentor_name} ({school.short_name}) — наставник педагога "
                f"{name_of(bank_request.mentee, 'gent')}.",
                school_url("pair_detail", mentee_school, pk=bank_request.pair_id),
                tenant=mentee_school,
            )
            notify(
                [bank_request.entry.mentor.user],
                f"Руководитель согласовал: вы наставник педагога {mentee_school.short_name}. "
                "Пара — в разделе «Пары из банка».",
                school_url("bank_pairs", school),
                tenant=school,
            )
        else:
            to_mentor = name_of(bank_request.entry.mentor, "datv")
            reason = bank_request.decline_reason
            text = f"Руководитель {school.short_name} отклонил запрос к наставнику {to_mentor}: {reason}"
            notify([bank_request.created_by], text, school_url("bank_sent", mentee_school), tenant=mentee_school)
            notify([bank_request.entry.mentor.user], text, school_url("bank_incoming", school), tenant=school)
    return bank_request


def _audit_decision(action, bank_request, user, school, request):
    changes = {"решение": [None, bank_request.get_status_display()]}
    if bank_request.decline_reason:
        changes["причина"] = [None, bank_request.decline_reason]
    for tenant in (school, bank_request.organization):  # both schools keep the decision in their history
        log_action(action, actor=user, tenant=tenant, obj=bank_request, changes=changes, request=request)


def decline_open_requests(entry: BankEntry, *, actor) -> int:
    """When a mentor leaves the bank, the open requests to them are declined, with that reason, in the requesting
    schools (which are told)."""
    school = entry.organization
    left = agree("вышел", gender_of(entry.mentor))
    with peer_scope(school):
        rows = list(BankRequest.objects.filter(entry=entry, status__in=BankRequest.OPEN).select_related("organization"))
        for row in rows:
            _decline(row, BankRequest.Decider.DIRECTOR, "Наставник вышел из банка наставников.")
            row.save(update_fields=["status", "declined_by", "decline_reason"])
            notify(
                [row.created_by],
                f"{entry.mentor.full_name} {left} из банка наставников: запрос отклонён.",
                school_url("bank_sent", row.organization),
                tenant=row.organization,
                except_user=actor,
            )
    return len(rows)
