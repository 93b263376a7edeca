"""The one place where a school reads or writes another school's rows: the municipal bank of mentors.

Tenancy stays closed everywhere else: a request works in the scope of the school of its URL. The bank needs
exactly these crossings, each entered here with ``core.tenancy.tenant_scope`` of the other school (or of the
schools of the same municipality) and each returning plain values, never a model instance whose related rows a
template could go on reading:

- ``offers`` / ``offer``: the listings of the *other* schools of the requesting school's municipality (never
  another municipality's, never the school's own): the mentor's name, subject, competencies, school and free
  places. Not the mentor's contacts, birth date, notes, card or pairs.
- ``send_request``: the requesting school writes its own ``BankRequest`` pointing at such a listing (checked
  here: same municipality, still listed, a free place).
- ``incoming``: the requests to the mentors of the *mentor's* school, read from the requesting schools: the
  requesting school, the mentee's name and need, the state. Not the mentee's card, consents or categories.
- ``outgoing``: the requesting school's own requests with the listing they went to and a refusal's reason.
- ``decide_as_mentor`` / ``decide_as_director``: the mentor (their own listing only) and then the mentor's
  director answer; the director's acceptance forms the pair in the mentee's school (below).
- ``external_pairs`` / ``external_pair`` / ``record_meeting``: the mentor, logged in to their own school,
  reads and keeps the journal of the pairs formed from their listing (the pair's mentees by name, its
  meetings); nothing else of the mentee's school.
- ``listing_load``: the mentor's school sees, per listing, how many external pairs are active and in which
  schools — not who the mentees are.

The pair itself belongs to the mentee's school: its mentor is a row of that school's base of mentors made from
the listing (name, subject, the consent's number and date, no contacts), so that every page of the mentee's
school — the pair, the journals, the reports — keeps working in its own scope, and no row of the mentee's school
points at a row of the mentor's school except ``BankRequest.entry``, which only this module reads.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from core.audit import log_action
from core.inflection import agree, gender_of, name_of
from core.models import Membership, Organization
from core.notifications import notify
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import BankEntry, BankRequest, Meeting, Mentee, Mentor, Pair, ProgrammeMentor
from mentoring.services.journal import save_meeting
from mentoring.services.pairs import form_pair, plan_period_errors

BANK_FORM_CODE = "teacher-teacher"  # a mentor from another school mentors a teacher: «педагог – педагог»
TEACHER_MENTEES = (Mentee.Category.YOUNG_SPECIALIST, Mentee.Category.NEW_TEACHER, Mentee.Category.TEACHER)


@dataclass(frozen=True)
class Offer:
    """A listing as other schools see it."""

    id: int
    mentor_name: str
    subject: str
    competencies: str
    school: str
    free_places: int


@dataclass(frozen=True)
class RequestView:
    """A request as either side sees it."""

    id: int
    requesting_school: str
    mentor_school: str
    mentor_name: str
    subject: str
    mentee_name: str
    need: str
    planned_end_on: date
    status: str
    status_label: str
    declined_by: str
    decline_reason: str
    created_at: object
    is_own_listing: bool = False


@dataclass(frozen=True)
class MeetingView:
    held_on: date
    kind: str
    format: str
    topic: str
    duration_minutes: int
    present: str
    what_was_done: str
    next_steps: str


@dataclass(frozen=True)
class ExternalPair:
    """A pair formed from the mentor's listing, as the mentor sees it from their own school."""

    id: int
    school: str
    mentee_names: str
    mentees: list  # (id, name) of the mentees who can be marked present
    starts_on: date
    planned_end_on: date
    status: str
    status_label: str
    need: str
    meetings: list = field(default_factory=list)


# Where the bank reaches.


def municipality_peers(school: Organization) -> list[Organization]:
    """The other schools of the school's municipality: the only schools its bank reaches."""
    return list(Organization.objects.filter(municipality_id=school.municipality_id).exclude(pk=school.pk))


def _peer_scope(school: Organization):
    """The scope of every school of the school's municipality (its own included, for the joins)."""
    return tenant_scope(school.municipality)


def _directors(school: Organization):
    return [m.user for m in Membership.objects.filter(organization=school, role=Role.DIRECTOR).select_related("user")]


def _url(name: str, school: Organization, **kwargs) -> str:
    return reverse(name, kwargs={"org": school.slug, **kwargs})


def _active_external_pairs(entry_ids) -> dict[int, int]:
    """Per listing, its active pairs (run inside the municipality's scope)."""
    counts: dict[int, int] = {}
    rows = BankRequest.objects.filter(
        entry_id__in=entry_ids, status=BankRequest.Status.ACCEPTED, pair__status=Pair.Status.ACTIVE
    ).values_list("entry_id", flat=True)
    for entry_id in rows:
        counts[entry_id] = counts.get(entry_id, 0) + 1
    return counts


def _free_places(entry: BankEntry) -> int:
    return entry.places - _active_external_pairs([entry.pk]).get(entry.pk, 0)


# The requesting school: finding a mentor and asking.


def offers(school: Organization, *, subject: str = "", competency: str = "") -> list[Offer]:
    """The listed mentors of the other schools of the municipality, filtered by subject and competency."""
    with _peer_scope(school):
        entries = BankEntry.objects.filter(status=BankEntry.Status.LISTED, mentor__status=Mentor.Status.ACTIVE)
        entries = entries.exclude(organization=school).select_related("mentor", "organization")
        if subject.strip():
            entries = entries.filter(subject__icontains=subject.strip())
        if competency.strip():
            entries = entries.filter(competencies__icontains=competency.strip())
        entries = list(entries.order_by("subject", "mentor__last_name", "pk"))
        load = _active_external_pairs([entry.pk for entry in entries])
        return [_offer(entry, entry.places - load.get(entry.pk, 0)) for entry in entries]


def _offer(entry: BankEntry, free: int) -> Offer:
    return Offer(
        id=entry.pk,
        mentor_name=entry.mentor.full_name,
        subject=entry.subject,
        competencies=entry.competencies,
        school=entry.organization.short_name,
        free_places=max(free, 0),
    )


def _peer_entry(school: Organization, entry_id: int) -> BankEntry:
    """A listing of another school of the municipality, or 404 (another municipality's, the school's own)."""
    with _peer_scope(school):
        entry = (
            BankEntry.objects.exclude(organization=school).select_related("mentor", "organization").filter(pk=entry_id)
        ).first()
    if entry is None:
        raise Http404("Нет такого наставника в банке муниципалитета.")
    return entry


def offer(school: Organization, entry_id: int) -> Offer:
    entry = _peer_entry(school, entry_id)
    with _peer_scope(school):
        return _offer(entry, _free_places(entry))


def entry_refusals(entry: BankEntry, school: Organization) -> list[str]:
    """Why a listing cannot take a request from ``school`` now (inside the municipality's scope)."""
    if entry.organization.municipality_id != school.municipality_id:
        return ["Банк наставников открыт только школам своего муниципалитета."]
    if entry.status != BankEntry.Status.LISTED or entry.mentor.status != Mentor.Status.ACTIVE:
        return [f"{entry.mentor.full_name} {agree('вышел', gender_of(entry.mentor))} из банка наставников."]
    if _free_places(entry) <= 0:
        return [f"У наставника {entry.mentor.full_name} нет свободных мест."]
    return []


@transaction.atomic
def send_request(
    school: Organization, *, entry_id: int, mentee: Mentee, need: str, planned_end_on: date, programme, actor,
    request=None,
) -> BankRequest:  # fmt: skip
    """The requesting school's curator asks a listed mentor of another school of the municipality to mentor one of
    the school's teachers (``mentee``, of the school's scope). Raise ValidationError with the reasons otherwise."""
    with _peer_scope(school):
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
    notify([entry.mentor.user], text, _url("bank_incoming", entry.organization), tenant=entry.organization)
    notify(
        _directors(entry.organization),
        f"Запрос {school.short_name} к наставнику {name_of(entry.mentor, 'datv')} из банка наставников.",
        _url("bank_incoming", entry.organization),
        tenant=entry.organization,
    )
    return bank_request


def _request_view(bank_request: BankRequest, user=None) -> RequestView:
    entry = bank_request.entry
    return RequestView(
        id=bank_request.pk,
        requesting_school=bank_request.organization.short_name,
        mentor_school=entry.organization.short_name,
        mentor_name=entry.mentor.full_name,
        subject=entry.subject,
        mentee_name=bank_request.mentee.full_name,
        need=bank_request.need,
        planned_end_on=bank_request.planned_end_on,
        status=bank_request.status,
        status_label=bank_request.get_status_display(),
        declined_by=bank_request.get_declined_by_display() if bank_request.declined_by else "",
        decline_reason=bank_request.decline_reason,
        created_at=bank_request.created_at,
        is_own_listing=user is not None and entry.mentor.user_id == user.pk,
    )


REQUEST_RELATED = ("entry__mentor", "entry__organization", "organization", "mentee")


def outgoing(school: Organization) -> list[RequestView]:
    """The school's own requests, with the mentor and school they went to and a refusal's reason."""
    with _peer_scope(school):
        rows = BankRequest.objects.filter(organization=school).select_related(*REQUEST_RELATED)
        return [_request_view(row) for row in rows]


def incoming(school: Organization, *, user, only_own: bool) -> list[RequestView]:
    """The requests to the listings of ``school`` (only to ``user``'s own listing when ``only_own``)."""
    with _peer_scope(school):
        rows = BankRequest.objects.filter(entry__organization=school).select_related(*REQUEST_RELATED)
        if only_own:
            rows = rows.filter(entry__mentor__user=user)
        return [_request_view(row, user) for row in rows]


# The mentor's school: answering.


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
    with _peer_scope(school):
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
                _directors(school),
                f"{mentor_name} {agree('согласен', gender)} стать наставником педагога "
                f"{bank_request.organization.short_name}: нужно ваше решение.",
                _url("bank_incoming", school),
                tenant=school,
                except_user=user,
            )
            text = f"{mentor_name} {agree('согласен', gender)} стать наставником; ждём решения руководителя школы."
        else:
            text = f"{mentor_name} {agree('отклонил', gender)} запрос: {bank_request.decline_reason}"
        notify([requester], text, _url("bank_sent", bank_request.organization), tenant=bank_request.organization)
    return bank_request


@transaction.atomic
def decide_as_director(school: Organization, *, request_id: int, user, accept: bool, reason: str = "", request=None):
    """The director of the mentor's school accepts (after the mentor) or declines a request; the acceptance forms
    the pair in the mentee's school."""
    with _peer_scope(school):
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
            bank_request.pair = _form_bank_pair(bank_request, actor=user)
            bank_request.status = BankRequest.Status.ACCEPTED
    with _peer_scope(school):
        bank_request.save(update_fields=["status", "declined_by", "decline_reason", "director_decided_at", "pair"])
        _audit_decision("bank.director_decided", bank_request, user, school, request)
        mentor_name = bank_request.entry.mentor.full_name
        if accept:
            notify(
                [bank_request.created_by],
                f"Сформирована пара: {mentor_name} ({school.short_name}) — наставник педагога "
                f"{name_of(bank_request.mentee, 'gent')}.",
                _url("pair_detail", mentee_school, pk=bank_request.pair_id),
                tenant=mentee_school,
            )
            notify(
                [bank_request.entry.mentor.user],
                f"Руководитель согласовал: вы наставник педагога {mentee_school.short_name}. "
                "Пара — в разделе «Пары из банка».",
                _url("bank_pairs", school),
                tenant=school,
            )
        else:
            to_mentor = name_of(bank_request.entry.mentor, "datv")
            reason = bank_request.decline_reason
            text = f"Руководитель {school.short_name} отклонил запрос к наставнику {to_mentor}: {reason}"
            notify([bank_request.created_by], text, _url("bank_sent", mentee_school), tenant=mentee_school)
            notify([bank_request.entry.mentor.user], text, _url("bank_incoming", school), tenant=school)
    return bank_request


def _audit_decision(action, bank_request, user, school, request):
    changes = {"решение": [None, bank_request.get_status_display()]}
    if bank_request.decline_reason:
        changes["причина"] = [None, bank_request.decline_reason]
    for tenant in (school, bank_request.organization):  # both schools keep the decision in their history
        log_action(action, actor=user, tenant=tenant, obj=bank_request, changes=changes, request=request)


def _guest_mentor(bank_request: BankRequest) -> Mentor:
    """The listing's mentor in the mentee's school's base (inside its scope): the row of an earlier pair from the
    same listing, else a new one with the name, the consent's number and date and, as competencies, the mentee's
    requests — no contacts."""
    earlier = (
        BankRequest.objects.filter(entry_id=bank_request.entry_id, pair__isnull=False).select_related("pair").first()
    )
    if earlier is not None:
        return earlier.pair.mentor
    source, entry = bank_request.entry.mentor, bank_request.entry
    mentor = Mentor.objects.create(
        organization=bank_request.organization, last_name=source.last_name, first_name=source.first_name,
        patronymic=source.patronymic, gender=source.gender, name_forms=source.name_forms,
        category=Mentor.Category.TEACHER, position=f"{entry.subject}; банк наставников: {entry.organization}",
        strengths=entry.competencies, consent_number=source.consent_number, consent_date=source.consent_date,
        training=source.training, capacity=1,
    )  # fmt: skip
    # In the mentee's school the mentor's competencies are what they were asked for, from the school's own list.
    mentor.competencies.set(bank_request.mentee.requests.all())
    return mentor


def _form_bank_pair(bank_request: BankRequest, *, actor) -> Pair:
    """The pair in the mentee's school (inside its scope), formed by the usual rules of ``form_pair``."""
    mentor = _guest_mentor(bank_request)
    ProgrammeMentor.objects.get_or_create(
        organization=bank_request.organization, programme=bank_request.programme, mentor=mentor
    )
    # The mentor takes exactly the pairs their listing brought to this school: matching proposes them nobody else.
    load = Pair.objects.filter(mentor=mentor, status=Pair.Status.ACTIVE).count()
    Mentor.objects.filter(pk=mentor.pk).update(capacity=load + 1)
    mentor.capacity = load + 1
    form = bank_request.programme.forms.get(code=BANK_FORM_CODE)
    starts_on = timezone.localdate()
    return form_pair(
        programme=bank_request.programme, mentor=mentor, mentees=[bank_request.mentee], form=form,
        starts_on=starts_on, planned_end_on=max(bank_request.planned_end_on, starts_on), actor=actor,
        tenant=bank_request.organization, goals=bank_request.need,
        role_model="опытный педагог – молодой специалист"
        if "опытный педагог – молодой специалист" in form.role_models else "",
    )  # fmt: skip


# The mentor's pairs in other schools, kept from their own school.


def _own_accepted(school: Organization, user):
    return BankRequest.objects.filter(
        entry__organization=school, entry__mentor__user=user, status=BankRequest.Status.ACCEPTED, pair__isnull=False
    ).select_related("organization", "pair")


def external_pairs(school: Organization, user) -> list[ExternalPair]:
    """The pairs formed from ``user``'s own listing in ``school``, active first."""
    with _peer_scope(school):
        accepted = list(_own_accepted(school, user))
    pairs = [_external_pair(row, with_meetings=False) for row in accepted]
    return sorted(pairs, key=lambda pair: (pair.status != Pair.Status.ACTIVE, -pair.starts_on.toordinal(), pair.id))


def _accepted_for_pair(school: Organization, user, pair_id: int) -> BankRequest:
    with _peer_scope(school):
        found = _own_accepted(school, user).filter(pair_id=pair_id).first()
    if found is None:
        raise Http404("Нет такой пары.")
    return found


def external_pair(school: Organization, user, pair_id: int) -> ExternalPair:
    """One of ``user``'s external pairs with its meetings, or 404."""
    return _external_pair(_accepted_for_pair(school, user, pair_id), with_meetings=True)


def _external_pair(bank_request: BankRequest, *, with_meetings: bool) -> ExternalPair:
    mentee_school = bank_request.organization
    with tenant_scope(mentee_school):
        pair = Pair.objects.get(pk=bank_request.pair_id)
        mentees = [(m.pk, m.full_name) for m in Mentee.objects.filter(pair_memberships__pair=pair).order_by("pk")]
        meetings = []
        if with_meetings:
            for meeting in pair.meetings.prefetch_related("present"):
                meetings.append(
                    MeetingView(
                        held_on=meeting.held_on,
                        kind=meeting.get_kind_display(),
                        format=meeting.get_format_display(),
                        topic=meeting.topic,
                        duration_minutes=meeting.duration_minutes,
                        present=", ".join(m.full_name for m in meeting.present.all()),
                        what_was_done=meeting.what_was_done,
                        next_steps=meeting.next_steps,
                    )
                )
        return ExternalPair(
            id=pair.pk, school=mentee_school.short_name, mentee_names=", ".join(name for _, name in mentees),
            mentees=mentees, starts_on=pair.starts_on, planned_end_on=pair.planned_end_on, status=pair.status,
            status_label=pair.get_status_display(), need=bank_request.need, meetings=meetings,
        )  # fmt: skip


def record_meeting(school: Organization, user, pair_id: int, *, present_ids, request=None, **fields) -> Meeting:
    """The mentor records a meeting of an external pair from their own school: saved in the mentee's school, by
    the journal's rules (``services.journal.save_meeting``), audited there."""
    bank_request = _accepted_for_pair(school, user, pair_id)
    mentee_school = bank_request.organization
    with tenant_scope(mentee_school):
        pair = Pair.objects.get(pk=pair_id)
        present = list(Mentee.objects.filter(pk__in=present_ids))
        meeting = Meeting(pair=pair, **fields)
        return save_meeting(meeting, present=present, actor=user, tenant=mentee_school, request=request)


def listing_load(school: Organization) -> dict[int, list[tuple[str, str]]]:
    """Per listing of ``school``: its external pairs as (school, state) — no mentee's data."""
    with _peer_scope(school):
        rows = BankRequest.objects.filter(entry__organization=school, status=BankRequest.Status.ACCEPTED)
        rows = rows.filter(~Q(pair=None)).select_related("organization", "pair")
        load: dict[int, list[tuple[str, str]]] = {}
        for row in rows:
            load.setdefault(row.entry_id, []).append((row.organization.short_name, row.pair.get_status_display()))
        return load


def decline_open_requests(entry: BankEntry, *, actor) -> int:
    """When a mentor leaves the bank, the open requests to them are declined, with that reason, in the requesting
    schools (which are told)."""
    school = entry.organization
    left = agree("вышел", gender_of(entry.mentor))
    with _peer_scope(school):
        rows = list(BankRequest.objects.filter(entry=entry, status__in=BankRequest.OPEN).select_related("organization"))
        for row in rows:
            _decline(row, BankRequest.Decider.DIRECTOR, "Наставник вышел из банка наставников.")
            row.save(update_fields=["status", "declined_by", "decline_reason"])
            notify(
                [row.created_by],
                f"{entry.mentor.full_name} {left} из банка наставников: запрос отклонён.",
                _url("bank_sent", row.organization),
                tenant=row.organization,
                except_user=actor,
            )
    return len(rows)
