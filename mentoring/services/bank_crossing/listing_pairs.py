"""The pairs formed from a mentor's listing, seen from the mentor's own school: the mentor reads and keeps their
journal (saved in the mentee's school); the school sees each listing's load, not who the mentees are."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.http import Http404

from core.models import Organization
from core.tenancy import tenant_scope
from mentoring.models import BankRequest, Meeting, Mentee, Pair
from mentoring.services.bank_crossing.reach import peer_scope
from mentoring.services.journal import save_meeting


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


def _own_accepted(school: Organization, user):
    return BankRequest.objects.filter(
        entry__organization=school, entry__mentor__user=user, status=BankRequest.Status.ACCEPTED, pair__isnull=False
    ).select_related("organization", "pair")


def external_pairs(school: Organization, user) -> list[ExternalPair]:
    """The pairs formed from ``user``'s own listing in ``school``, active first."""
    with peer_scope(school):
        accepted = list(_own_accepted(school, user))
    pairs = [_external_pair(row, with_meetings=False) for row in accepted]
    return sorted(pairs, key=lambda pair: (pair.status != Pair.Status.ACTIVE, -pair.starts_on.toordinal(), pair.id))


def _accepted_for_pair(school: Organization, user, pair_id: int) -> BankRequest:
    with peer_scope(school):
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
    with peer_scope(school):
        rows = BankRequest.objects.filter(entry__organization=school, status=BankRequest.Status.ACCEPTED)
        rows = rows.filter(~Q(pair=None)).select_related("organization", "pair")
        load: dict[int, list[tuple[str, str]]] = {}
        for row in rows:
            load.setdefault(row.entry_id, []).append((row.organization.short_name, row.pair.get_status_display()))
        return load
