"""Completion of mentoring (stage 7): mentors nominated for rewards, the base of best practices, and former
mentees joining the long-term base of mentors. Every write is checked here and audited."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet

from core.audit import changes_between, display_value, log_action
from core.collation import name_order
from core.inflection import agree, gender_of
from mentoring.models import BestPractice, Mentee, Mentor, Pair, PairMember, RewardNomination

# The category a former mentee gets in the base of mentors.
MENTOR_CATEGORY_OF_MENTEE = {
    Mentee.Category.PUPIL: Mentor.Category.PUPIL,
    Mentee.Category.STUDENT: Mentor.Category.STUDENT,
    Mentee.Category.YOUNG_SPECIALIST: Mentor.Category.TEACHER,
    Mentee.Category.NEW_TEACHER: Mentor.Category.TEACHER,
    Mentee.Category.TEACHER: Mentor.Category.TEACHER,
}
PRACTICE_AUDITED = ("title", "form", "pair", "story", "results", "publishable")


# Nominations for rewards.


def nominable_mentors(programme) -> QuerySet[Mentor]:
    """Mentors who worked in the programme: those with a pair or group in it."""
    return Mentor.objects.filter(Exists(Pair.objects.filter(programme=programme, mentor=OuterRef("pk"))))


@transaction.atomic
def nominate(programme, *, mentor: Mentor, reason: str, actor, tenant, request=None) -> RewardNomination:
    """Nominate a mentor of the programme for a reward (once per programme)."""
    if not nominable_mentors(programme).filter(pk=mentor.pk).exists():
        raise ValidationError(f"{mentor.full_name} не {agree('вёл', gender_of(mentor))} пар и групп в этой программе.")
    try:
        with transaction.atomic():
            nomination = RewardNomination.objects.create(
                organization=tenant, programme=programme, mentor=mentor, reason=reason
            )
    except IntegrityError:
        raise ValidationError(
            f"{mentor.full_name} уже {agree('представлен', gender_of(mentor))} к поощрению в этой программе."
        ) from None
    log_action(
        "nomination.added", actor=actor, tenant=tenant, obj=mentor, changes={"за что": [None, reason]}, request=request
    )
    return nomination


@transaction.atomic
def remove_nomination(nomination: RewardNomination, *, actor, tenant, request=None) -> None:
    mentor = nomination.mentor
    reason = nomination.reason
    nomination.delete()
    log_action(
        "nomination.removed",
        actor=actor,
        tenant=tenant,
        obj=mentor,
        changes={"за что": [reason, None]},
        request=request,
    )


# The base of best practices.


def practice_snapshot(practice: BestPractice) -> dict:
    if practice.pk is None:
        return {}
    snapshot = {}
    for name in PRACTICE_AUDITED:
        field = practice._meta.get_field(name)
        value = getattr(practice, name)
        snapshot[str(field.verbose_name)] = (
            ("да" if value else "нет") if isinstance(value, bool) else display_value(practice, field)
        )
    return snapshot


@transaction.atomic
def save_practice(form, *, programme, actor, tenant, request=None) -> BestPractice:
    """Save a best-practice form (new or edited) of the programme and record what changed."""
    created = form.instance.pk is None
    before = {} if created else practice_snapshot(BestPractice.objects.get(pk=form.instance.pk))
    if created:
        form.instance.organization = tenant
        form.instance.programme = programme
    practice = form.save()
    changes = changes_between(before, practice_snapshot(practice))
    if created or changes:
        log_action("practice.saved", actor=actor, tenant=tenant, obj=practice, changes=changes, request=request)
    return practice


# Former mentees in the base of mentors.


def same_person_mentors(mentee) -> QuerySet[Mentor]:
    """Mentors with the mentee's name and birth date: the former mentee is already in the base of mentors."""
    return Mentor.objects.filter(
        last_name=mentee.last_name,
        first_name=mentee.first_name,
        patronymic=mentee.patronymic,
        birth_date=mentee.birth_date,
    )


def former_mentees(programme) -> QuerySet[Mentee]:
    """Mentees of the programme's closed pairs and groups, with ``in_mentor_base`` (already a mentor)."""
    closed = PairMember.objects.filter(
        mentee=OuterRef("pk"), active=False, pair__programme=programme, pair__status=Pair.Status.CLOSED
    )
    in_base = Mentor.objects.filter(
        last_name=OuterRef("last_name"),
        first_name=OuterRef("first_name"),
        patronymic=OuterRef("patronymic"),
        birth_date=OuterRef("birth_date"),
    )
    return (
        Mentee.objects.filter(Exists(closed), anonymized_at__isnull=True)
        .annotate(in_mentor_base=Exists(in_base))
        .order_by(*name_order())
    )


@transaction.atomic
def mentor_from_mentee(mentee: Mentee, *, actor, tenant, request=None) -> Mentor:
    """Add a former mentee (whose pair or group is closed) to the base of mentors: name, birth date and
    contacts copied, the category mapped from the mentee's; the curator completes the record afterwards."""
    mentee = Mentee.objects.select_for_update().get(pk=mentee.pk)  # two clicks at once add one mentor
    if mentee.anonymized_at is not None:
        raise ValidationError("Персональные данные наставляемого удалены: внести его в базу наставников нельзя.")
    closed = mentee.pair_memberships.filter(active=False, pair__status=Pair.Status.CLOSED)
    if not closed.exists():
        raise ValidationError(
            f"{mentee.full_name}: в базу наставников вносят бывшего наставляемого, чья пара или группа завершена."
        )
    if same_person_mentors(mentee).exists():
        raise ValidationError(f"{mentee.full_name} уже в базе наставников.")
    category = MENTOR_CATEGORY_OF_MENTEE.get(mentee.category, Mentor.Category.OTHER)
    mentor = Mentor.objects.create(
        organization=tenant,
        last_name=mentee.last_name,
        first_name=mentee.first_name,
        patronymic=mentee.patronymic,
        birth_date=mentee.birth_date,
        phone=mentee.phone,
        email=mentee.email,
        category=category,
        position=mentee.group,
        capacity=1,
        notes="Бывший наставляемый программы наставничества.",
    )
    log_action(
        "mentor.from_mentee",
        actor=actor,
        tenant=tenant,
        obj=mentor,
        changes={
            "из базы наставляемых": [None, mentee.full_name],
            "категория": [None, Mentor.Category(category).label],
        },
        request=request,
    )
    return mentor
