"""The school's own side of the municipal bank of mentors: listing a mentor of the school and taking them out.

Everything that reaches another school goes through ``services.bank_crossing``.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.audit import log_action
from mentoring.models import BankEntry, Mentor
from mentoring.services import bank_crossing


def listable_mentors():
    """The school's teachers who can be listed: active, with a written consent, not listed already."""
    listed = BankEntry.objects.filter(status=BankEntry.Status.LISTED).values("mentor_id")
    return (
        Mentor.objects.filter(status=Mentor.Status.ACTIVE, category=Mentor.Category.TEACHER, anonymized_at=None)
        .exclude(consent_number="")
        .exclude(consent_date=None)
        .exclude(pk__in=listed)
        .order_by("last_name", "first_name", "pk")
    )


@transaction.atomic
def list_mentor(*, mentor: Mentor, subject: str, competencies: str, places: int, actor, tenant, request=None):
    """List (or list again) a mentor who agreed in the municipality's bank."""
    if not listable_mentors().filter(pk=mentor.pk).exists():
        raise ValidationError(
            f"{mentor.full_name} не может быть в банке: нужен действующий наставник-педагог с письменным согласием."
        )
    entry, _ = BankEntry.objects.update_or_create(
        mentor=mentor,
        defaults={
            "organization": tenant, "subject": subject.strip(), "competencies": competencies.strip(), "places": places,
            "status": BankEntry.Status.LISTED, "left_at": None, "listed_by": actor,
        },
    )  # fmt: skip
    log_action(
        "bank.listed",
        actor=actor,
        tenant=tenant,
        obj=entry,
        changes={"предмет": [None, entry.subject], "мест": [None, places]},
        request=request,
    )
    return entry


@transaction.atomic
def leave_bank(entry: BankEntry, *, actor, tenant, request=None) -> BankEntry:
    """Take a mentor out of the bank: nobody finds them any more; open requests to them are declined. Pairs
    already formed go on until they close."""
    if entry.status == BankEntry.Status.LEFT:
        raise ValidationError("Наставник уже вышел из банка.")
    entry.status = BankEntry.Status.LEFT
    entry.left_at = timezone.now()
    entry.save(update_fields=["status", "left_at"])
    declined = bank_crossing.decline_open_requests(entry, actor=actor)
    log_action(
        "bank.left",
        actor=actor,
        tenant=tenant,
        obj=entry,
        changes={"отклонено запросов": [None, declined]} if declined else {},
        request=request,
    )
    return entry
