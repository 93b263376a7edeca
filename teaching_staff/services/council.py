"""The council of mentors (seed 001 §4.6.3): a voluntary body of the school's teacher-mentors with a chair; its
meetings decide questions on an agenda — a pair proposed to the curator (who accepts or declines it), a review of
a pair's personalised programme or of a teacher's difficulties diagnostics, a mentor nominated for a reward —
and the protocol of each meeting is a document (documents/kinds/teachers/protocol.py). Every refusal is a
``ValidationError`` in Russian and changes nothing."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from core.audit import log_action
from core.inflection import name_of
from mentoring.models import Mentee, Mentor, MentoringForm, Pair, Programme, RewardNomination
from mentoring.services.pairs import form_pair

from ..models import AgendaItem, Council, CouncilMeeting, CouncilMember

K = AgendaItem.Kind


def council_of(tenant) -> Council:
    council, _ = Council.objects.get_or_create(organization=tenant)
    return council


@transaction.atomic
def add_member(council: Council, mentor: Mentor, *, actor, tenant, request=None) -> CouncilMember:
    if mentor.category != Mentor.Category.TEACHER or mentor.status != Mentor.Status.ACTIVE:
        raise ValidationError(
            "Совет наставников объединяет педагогов-наставников школы: "
            f"{name_of(mentor, 'nomn')} — не действующий наставник-педагог."
        )
    member, created = CouncilMember.objects.get_or_create(organization=tenant, council=council, mentor=mentor)
    if not created:
        raise ValidationError(f"{name_of(mentor, 'nomn')} уже в совете наставников.")
    log_action("council.member_added", actor=actor, tenant=tenant, obj=member, request=request)
    return member


def set_chair(council: Council, mentor: Mentor, *, secretary: Mentor | None = None) -> Council:
    members = set(council.members.values_list("mentor_id", flat=True))
    if mentor.pk not in members or (secretary is not None and secretary.pk not in members):
        raise ValidationError("Председателем и секретарём совета избираются его члены.")
    council.chair, council.secretary = mentor, secretary
    council.save(update_fields=["chair", "secretary"])
    return council


@dataclass
class Item:
    """A question of a meeting as the curator enters it."""

    question: str
    decision: str
    kind: str = K.GENERAL
    heard: str = ""
    pair: Pair | None = None
    mentor: Mentor | None = None
    mentee: Mentee | None = None
    form: MentoringForm | None = None


def item_problems(number: int, item: Item, members: set[int], nominated: set[int]) -> list[str]:
    where = f"Вопрос {number}: "
    problems = []
    if not item.question.strip():
        problems.append(where + "сформулируйте вопрос повестки.")
    if not item.decision.strip():
        problems.append(where + "запишите решение совета.")
    if item.kind == K.PAIR_PROPOSAL and not (item.mentor and item.mentee and item.form):
        problems.append(where + "для предложения пары укажите наставника, наставляемого и форму наставничества.")
    if item.kind in (K.PROGRAMME_REVIEW, K.DIFFICULTIES_REVIEW) and item.pair is None:
        problems.append(where + "укажите пару, о персонализированной программе или затруднениях которой решение.")
    if item.kind == K.REWARD:
        if item.mentor is None:
            problems.append(where + "укажите наставника, которого совет представляет к поощрению.")
        elif item.mentor.pk in nominated:
            problems.append(where + f"{name_of(item.mentor, 'nomn')} уже представлен(а) к поощрению в программе.")
    return problems


@transaction.atomic
def record_meeting(
    council: Council, *, held_on, present: list[Mentor], items: list[Item], actor, tenant, invited="",
    programme: Programme | None = None, request=None,
) -> CouncilMeeting:  # fmt: skip
    """A meeting with its agenda and decisions, numbered after the council's last one. A reward nomination is
    recorded in ``programme`` (the school's current one by default)."""
    council = Council.objects.select_for_update().get(pk=council.pk)
    members = set(council.members.values_list("mentor_id", flat=True))
    programme = programme or Programme.objects.order_by("-starts_on", "-pk").first()
    nominated = set(RewardNomination.objects.filter(programme=programme).values_list("mentor_id", flat=True))
    problems = []
    if held_on is None:
        problems.append("Укажите дату заседания.")
    if not items:
        problems.append("Внесите хотя бы один вопрос повестки с решением совета.")
    strangers = [mentor for mentor in present if mentor.pk not in members]
    if strangers:
        problems.append(
            "В списке присутствующих не члены совета: "
            + ", ".join(name_of(m, "nomn") for m in strangers)
            + " — добавьте их в совет или укажите среди приглашённых."
        )
    present_ids = {mentor.pk for mentor in present}
    if members and len(present_ids) * 2 <= len(members):
        problems.append("Нет кворума: присутствует не больше половины членов совета, решения не принимаются.")
    if any(item.kind == K.REWARD for item in items) and programme is None:
        problems.append("Поощрение записывается в программу наставничества — создайте программу.")
    for number, item in enumerate(items, start=1):
        problems += item_problems(number, item, members, nominated)
        if item.kind == K.REWARD and item.mentor is not None:
            nominated.add(item.mentor.pk)
    if problems:
        raise ValidationError(problems)
    last = council.meetings.aggregate(last=Max("number"))["last"] or 0
    meeting = CouncilMeeting.objects.create(
        organization=tenant, council=council, number=last + 1, held_on=held_on, invited=invited, recorded_by=actor
    )
    meeting.present.set(present)
    for position, item in enumerate(items, start=1):
        AgendaItem.objects.create(
            organization=tenant, meeting=meeting, position=position, kind=item.kind, question=item.question.strip(),
            heard=item.heard.strip(), decision=item.decision.strip(), pair=item.pair, mentor=item.mentor,
            mentee=item.mentee, form=item.form,
            proposal=AgendaItem.Proposal.PROPOSED if item.kind == K.PAIR_PROPOSAL else "",
        )  # fmt: skip
        if item.kind == K.REWARD:
            RewardNomination.objects.create(
                organization=tenant, programme=programme, mentor=item.mentor,
                reason=f"{item.decision.strip()} (решение совета наставников, протокол № {meeting.number} от "
                f"{held_on:%d.%m.%Y})"[:500],
            )  # fmt: skip
    log_action("council.meeting_recorded", actor=actor, tenant=tenant, obj=meeting, request=request)
    return meeting


def _open_proposal(item: AgendaItem) -> AgendaItem:
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if item.kind != K.PAIR_PROPOSAL:
        raise ValidationError("Это не предложение пары.")
    if item.proposal != AgendaItem.Proposal.PROPOSED:
        raise ValidationError(f"Куратор уже ответил на это предложение: {item.get_proposal_display()}.")
    return item


@transaction.atomic
def accept_proposal(item: AgendaItem, *, programme, starts_on, planned_end_on, actor, tenant, request=None) -> Pair:
    """The curator forms the pair the council proposed (every rule of forming a pair applies)."""
    item = _open_proposal(item)
    try:
        with transaction.atomic():
            pair = form_pair(
                programme=programme, mentor=item.mentor, mentees=[item.mentee], form=item.form, starts_on=starts_on,
                planned_end_on=planned_end_on, actor=actor, tenant=tenant, request=request,
            )  # fmt: skip
    except IntegrityError as error:
        raise ValidationError("Наставляемый уже в действующей паре этой формы.") from error
    item.proposal, item.created_pair = AgendaItem.Proposal.ACCEPTED, pair
    item.save(update_fields=["proposal", "created_pair"])
    log_action("council.proposal_accepted", actor=actor, tenant=tenant, obj=item, request=request)
    return pair


@transaction.atomic
def decline_proposal(item: AgendaItem, *, reason: str, actor, tenant, request=None) -> AgendaItem:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Укажите, почему предложение совета отклонено: совет увидит ответ.")
    item = _open_proposal(item)
    item.proposal, item.proposal_answer = AgendaItem.Proposal.DECLINED, reason[:500]
    item.save(update_fields=["proposal", "proposal_answer"])
    log_action("council.proposal_declined", actor=actor, tenant=tenant, obj=item, request=request)
    return item
