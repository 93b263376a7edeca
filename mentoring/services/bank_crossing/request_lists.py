"""The requests as either side lists them: the requesting school's own (``outgoing``) and those to the listings of
the mentor's school (``incoming``)."""

from dataclasses import dataclass
from datetime import date

from core.models import Organization
from mentoring.models import BankRequest
from mentoring.services.bank_crossing.reach import peer_scope


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
    with peer_scope(school):
        rows = BankRequest.objects.filter(organization=school).select_related(*REQUEST_RELATED)
        return [_request_view(row) for row in rows]


def incoming(school: Organization, *, user, only_own: bool) -> list[RequestView]:
    """The requests to the listings of ``school`` (only to ``user``'s own listing when ``only_own``)."""
    with peer_scope(school):
        rows = BankRequest.objects.filter(entry__organization=school).select_related(*REQUEST_RELATED)
        if only_own:
            rows = rows.filter(entry__mentor__user=user)
        return [_request_view(row, user) for row in rows]
