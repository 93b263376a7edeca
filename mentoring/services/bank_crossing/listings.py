"""The requesting school finds a mentor: the listings of the other schools of its municipality, with their free
places, and why a listing cannot take a request now."""

from dataclasses import dataclass

from django.http import Http404

from core.inflection import agree, gender_of
from core.models import Organization
from mentoring.models import BankEntry, BankRequest, Mentor, Pair
from mentoring.services.bank_crossing.reach import peer_scope


@dataclass(frozen=True)
class Offer:
    """A listing as other schools see it."""

    id: int
    mentor_name: str
    subject: str
    competencies: str
    school: str
    free_places: int


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


def offers(school: Organization, *, subject: str = "", competency: str = "") -> list[Offer]:
    """The listed mentors of the other schools of the municipality, filtered by subject and competency."""
    with peer_scope(school):
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
    with peer_scope(school):
        entry = (
            BankEntry.objects.exclude(organization=school).select_related("mentor", "organization").filter(pk=entry_id)
        ).first()
    if entry is None:
        raise Http404("Нет такого наставника в банке муниципалитета.")
    return entry


def offer(school: Organization, entry_id: int) -> Offer:
    entry = _peer_entry(school, entry_id)
    with peer_scope(school):
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
