"""The mentor's journal and the pair's plan (stage 6): whose pairs a user sees, meetings and plan items saved
under the pair's rules and audited, and the school-wide overview of journals for the curator.

Who sees which pair is decided here, by queryset: a mentor's queries start from ``own_pairs(user)``, so that
another mentor's pair (or its meeting, or its plan item) simply does not exist for them (404).
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, Max, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.audit import changes_between, display_value, log_action
from core.collation import name_order
from core.concurrency import check_version
from core.roles import Capability, has_capability
from mentoring.models import Meeting, Mentee, Pair, PairMember, PlanItem
from mentoring.services.pair_rules import single_meeting_refusal
from mentoring.services.programme_reading import inactive_pairs

MEETING_AUDITED = (
    "held_on",
    "kind",
    "format",
    "topic",
    "duration_minutes",
    "present",
    "what_was_done",
    "next_steps",
    "mentee_rating",
    "mentee_comment",
)
PLAN_ITEM_AUDITED = ("title", "goal", "due_on", "status")


# Who sees which pairs.


def own_pairs(user) -> QuerySet[Pair]:
    """The pairs and groups of the current school whose mentor record is linked to ``user``."""
    return Pair.objects.filter(mentor__user=user)


def readable_pairs(user, roles) -> QuerySet[Pair]:
    """Pairs whose journal ``user`` may read: every pair of the school for those who read journals (director,
    curator, methodist), only their own for a mentor; nobody else reads journals (403)."""
    if has_capability(roles, Capability.READ_JOURNALS):
        return Pair.objects.all()
    if has_capability(roles, Capability.KEEP_OWN_JOURNAL):
        return own_pairs(user)
    raise PermissionDenied("Журналы наставников читают руководитель, куратор и методист.")


def own_meetings(user) -> QuerySet[Meeting]:
    return Meeting.objects.filter(pair__mentor__user=user)


def own_plan_items(user) -> QuerySet[PlanItem]:
    return PlanItem.objects.filter(pair__mentor__user=user)


def members_prefetch():
    return Prefetch("members", queryset=PairMember.objects.select_related("mentee").order_by(*name_order("mentee__")))


def with_journal_facts(pairs: QuerySet[Pair]) -> QuerySet[Pair]:
    """Pairs with what the journal lists show, in a fixed number of queries: the mentor, the form, the mentees,
    ``last_meeting``, ``meeting_count``, ``plan_total``, ``plan_done`` and ``inactive`` (no meeting for 30 days,
    judged by ``services.programme_reading.inactive_pairs``)."""

    def plan_count(**filters):
        items = PlanItem.objects.filter(pair=OuterRef("pk"), **filters).order_by().values("pair")
        return Coalesce(Subquery(items.annotate(n=Count("pk")).values("n")), Value(0), output_field=IntegerField())

    # The one rule of inactivity, applied to each row: its own programme, its own pk.
    flagged = inactive_pairs(OuterRef("programme")).filter(pk=OuterRef("pk"))
    return (
        pairs.select_related("mentor", "form")
        .prefetch_related(members_prefetch())
        .annotate(
            last_meeting=Max("meetings__held_on"),
            meeting_count=Count("meetings"),
            plan_total=plan_count(),
            plan_done=plan_count(status=PlanItem.Status.DONE),
            inactive=Exists(flagged),
        )
    )


def active_first(pairs: QuerySet[Pair]) -> QuerySet[Pair]:
    return pairs.order_by("status", "-starts_on", "pk")  # "active" sorts before "closed"


def journal_overview(
    *, status: str = Pair.Status.ACTIVE, programme_id: int | None = None, only_inactive: bool = False
) -> QuerySet[Pair]:
    """The school's pairs for the curator's list of journals (active ones of every programme by default),
    those without a meeting for 30 days first."""
    pairs = Pair.objects.all()
    if programme_id is not None:
        pairs = pairs.filter(programme_id=programme_id)
    if status in Pair.Status.values:
        pairs = pairs.filter(status=status)
    pairs = with_journal_facts(pairs)
    if only_inactive:
        pairs = pairs.filter(inactive=True)
    return pairs.order_by("-inactive", *name_order("mentor__"), "pk")


def meeting_sequence(meetings) -> list[tuple[str, int]]:
    """How many meetings of each kind of stage 6's sequence were held (знакомство … итоговая)."""
    counts: dict[str, int] = {}
    for meeting in meetings:
        counts[meeting.kind] = counts.get(meeting.kind, 0) + 1
    return [(label, counts.get(kind, 0)) for kind, label in Meeting.Kind.choices]


# The rules of a meeting and of a plan item, shared by the forms and the services.


def meeting_date_errors(pair: Pair, held_on: date | None, today: date | None = None) -> list[str]:
    """A meeting is recorded after it happened, within the pair's life: not in the future, not before the pair
    started, not after it was closed."""
    if held_on is None:
        return []
    today = today or timezone.localdate()
    if held_on > today:
        return [
            f"Встреча записывается после того, как состоялась: дата не может быть позже сегодняшней ({today:%d.%m.%Y})."
        ]
    if held_on < pair.starts_on:
        return [f"Пара начала работу {pair.starts_on:%d.%m.%Y}: встреча не может быть раньше."]
    if pair.closed_on and held_on > pair.closed_on:
        return [f"Пара завершена {pair.closed_on:%d.%m.%Y}: встреча не может быть позже."]
    return []


def present_errors(pair: Pair, present) -> list[str]:
    """Who was present must be mentees of this pair or group, at least one of them."""
    members = set(pair.members.values_list("mentee_id", flat=True))
    if not present:
        return ["Отметьте, кто из наставляемых был на встрече."]
    strangers = [mentee.full_name for mentee in present if mentee.pk not in members]
    if strangers:
        return [f"Не из этой пары или группы: {', '.join(strangers)}."]
    return []


def plan_item_errors(pair: Pair, due_on: date | None) -> list[str]:
    """A plan item's date lies inside the pair's period (its start to its planned end)."""
    if pair.status == Pair.Status.CLOSED:
        return ["Пара завершена: её план больше не изменяется."]
    if due_on is None:
        return []
    if not pair.starts_on <= due_on <= pair.planned_end_on:
        return [
            f"Срок должен быть в пределах работы пары: с {pair.starts_on:%d.%m.%Y} по {pair.planned_end_on:%d.%m.%Y}."
        ]
    return []


# Writing: every write is checked again under a lock on the pair, and audited.


def locked_pair(pair: Pair) -> Pair:
    """The pair re-read under a row lock, so that a pair closed meanwhile is judged as it is now."""
    return Pair.objects.select_for_update().get(pk=pair.pk)


def snapshot(instance, fields) -> dict:
    if instance.pk is None:
        return {}
    meta = instance._meta
    return {str(meta.get_field(name).verbose_name): display_value(instance, meta.get_field(name)) for name in fields}


@transaction.atomic
def save_meeting(meeting: Meeting, *, present, actor, tenant, request=None) -> Meeting:
    """Record a new meeting or save an edited one (its fields already set), with who was present; the rules are
    checked again under a lock on the pair (raise ValidationError); the change is audited."""
    pair = locked_pair(meeting.pair)
    present = list(present)
    errors = meeting_date_errors(pair, meeting.held_on) + present_errors(pair, present)
    if meeting.pk is None:
        errors += single_meeting_refusal(pair, pair.meetings.count())
    if errors:
        raise ValidationError(errors)
    created = meeting.pk is None
    before = {} if created else snapshot(Meeting.objects.get(pk=meeting.pk), MEETING_AUDITED)
    if created:
        meeting.organization = tenant
        meeting.recorded_by = actor
    meeting.save()
    meeting.present.set(present)
    changes = changes_between(before, snapshot(meeting, MEETING_AUDITED))
    if created or changes:
        log_action(
            "meeting.recorded" if created else "meeting.updated",
            actor=actor,
            tenant=tenant,
            obj=meeting,
            changes=changes,
            request=request,
        )
    return meeting


@transaction.atomic
def save_plan_item(item: PlanItem, *, actor, tenant, request=None, version=None) -> PlanItem:
    """Add a plan item or save a changed one (status included); checked under a lock on the pair, audited. A
    change saved by someone else after ``version`` (the edit form's) is not overwritten (``EditConflict``)."""
    pair = locked_pair(item.pair)
    created = item.pk is None
    stored = None if created else PlanItem.objects.get(pk=item.pk)
    if stored is not None:
        check_version(stored, version)
    errors = plan_item_errors(pair, item.due_on)
    if errors:
        raise ValidationError(errors)
    before = {} if created else snapshot(stored, PLAN_ITEM_AUDITED)
    if created:
        item.organization = tenant
    item.save()
    changes = changes_between(before, snapshot(item, PLAN_ITEM_AUDITED))
    if created or changes:
        log_action("plan.updated", actor=actor, tenant=tenant, obj=item, changes=changes, request=request)
    return item


def mentees_of(pair: Pair) -> QuerySet[Mentee]:
    """The mentees of a pair or group, the only ones who can be marked present at its meetings."""
    return Mentee.objects.filter(pair_memberships__pair=pair).order_by(*name_order())
