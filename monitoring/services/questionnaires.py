"""Questionnaires and waves: installing the defaults, copying, launching a wave, answering, response rates,
reminders. Every function runs inside the school's scope."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from core.audit import log_action
from mentoring.models import MentoringForm, PairMember, Programme
from monitoring import catalogue
from monitoring.models import Answer, Invitation, Question, Questionnaire, Response, Wave
from monitoring.models.questionnaires import Respondent, WaveKind
from monitoring.services import links

REMIND_AGAIN_AFTER = timedelta(hours=1)


def install_defaults(tenant) -> int:
    """Give the school the default questionnaires it does not have yet (matched by code); returns how many.

    A satisfaction questionnaire for a form the school has not set up is skipped.
    """
    forms = {form.code: form for form in MentoringForm.objects.filter(organization=tenant)}
    existing = set(Questionnaire.objects.filter(organization=tenant).exclude(code="").values_list("code", flat=True))
    created = 0
    with transaction.atomic():
        for row in catalogue.default_questionnaires():
            if row["code"] in existing or (row["form_code"] and row["form_code"] not in forms):
                continue
            questionnaire = Questionnaire.objects.create(
                organization=tenant,
                code=row["code"],
                title=row["title"],
                purpose=row["purpose"],
                respondent=row["respondent"],
                form=forms.get(row["form_code"]) if row["form_code"] else None,
                waves=row["waves"],
                intro=row["intro"],
            )
            Question.objects.bulk_create(
                Question(organization=tenant, questionnaire=questionnaire, position=n, **question)
                for n, question in enumerate(row["questions"], start=1)
            )
            created += 1
    return created


@transaction.atomic
def copy_questionnaire(questionnaire: Questionnaire, *, tenant) -> Questionnaire:
    """An editable copy (the original stays as answered); the copy takes over the original's waves."""
    questions = list(questionnaire.questions.all())
    copy = Questionnaire.objects.create(
        organization=tenant,
        code="",
        title=f"{questionnaire.title} (копия)",
        purpose=questionnaire.purpose,
        respondent=questionnaire.respondent,
        form=questionnaire.form,
        waves=list(questionnaire.waves),
        intro=questionnaire.intro,
    )
    Question.objects.bulk_create(
        Question(
            organization=tenant, questionnaire=copy, position=q.position, code=q.code, text=q.text, kind=q.kind,
            choices=list(q.choices), required=q.required,
        )
        for q in questions
    )  # fmt: skip
    Questionnaire.objects.filter(pk=questionnaire.pk).update(active=False)
    return copy


def is_in_use(questionnaire: Questionnaire) -> bool:
    """A questionnaire somebody was already asked is not edited any more (the answers would change meaning)."""
    return Invitation.objects.filter(questionnaire=questionnaire).exists()


def end_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))


def questionnaires_for(tenant, kind: str) -> list[Questionnaire]:
    questionnaires = Questionnaire.objects.filter(organization=tenant, active=True).select_related("form")
    return [q for q in questionnaires if kind in q.waves]


def pick(questionnaires, respondent: str, form_id) -> list[Questionnaire]:
    """For each purpose, the questionnaire of the respondent's form, else the one for every form."""
    chosen = {}
    for questionnaire in questionnaires:
        if questionnaire.respondent != respondent or questionnaire.form_id not in (None, form_id):
            continue
        current = chosen.get(questionnaire.purpose)
        if current is None or (current.form_id is None and questionnaire.form_id == form_id):
            chosen[questionnaire.purpose] = questionnaire
    return list(chosen.values())


@transaction.atomic
def launch_wave(*, programme: Programme, kind: str, title: str, opens_on, closes_on, actor, tenant) -> Wave:
    """Invite the programme's participants: every mentor and mentee of an active pair or group, and the
    curator, to the questionnaires of their role (and form) meant for this kind of wave."""
    if closes_on < opens_on:
        raise ValidationError({"closes_on": "Окончание не может быть раньше начала."})
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": "Окончание уже прошло: ссылки не будут работать."})
    available = questionnaires_for(tenant, kind)
    if not available:
        raise ValidationError(
            f"Нет анкет для анкетирования «{WaveKind(kind).label}». Установите стандартные анкеты или создайте свои."
        )
    members = list(
        PairMember.objects.filter(active=True, pair__programme=programme, pair__status="active")
        .select_related("pair__mentor", "mentee")
        .order_by("pk")
    )
    if not members:
        raise ValidationError("В программе нет работающих пар и групп: анкетировать некого.")
    wave = Wave.objects.create(
        organization=tenant, programme=programme, kind=kind, title=title, opens_on=opens_on, closes_on=closes_on,
        launched_by=actor,
    )  # fmt: skip
    expires_at = end_of(closes_on)
    invitations: dict[tuple, Invitation] = {}

    def invite(questionnaire, respondent, *, form_id=None, mentor=None, mentee=None, user=None):
        key = (questionnaire.pk, mentor and mentor.pk, mentee and mentee.pk, user and user.pk)
        if key in invitations:
            return
        nonce = "" if user else links.new_nonce()
        invitations[key] = Invitation(
            organization=tenant, wave=wave, questionnaire=questionnaire, respondent=respondent, form_id=form_id,
            mentor=mentor, mentee=mentee, user=user, nonce=nonce, expires_at=expires_at,
            token_digest=links.digest(links.token_for(tenant.pk, nonce)) if nonce else "",
        )  # fmt: skip

    for member in members:
        pair = member.pair
        for questionnaire in pick(available, Respondent.MENTOR, pair.form_id):
            invite(questionnaire, Respondent.MENTOR, form_id=pair.form_id, mentor=pair.mentor, user=pair.mentor.user)
        for questionnaire in pick(available, Respondent.MENTEE, pair.form_id):
            invite(questionnaire, Respondent.MENTEE, form_id=pair.form_id, mentee=member.mentee)
    curator = programme.curator or actor
    for questionnaire in pick(available, Respondent.CURATOR, None):
        invite(questionnaire, Respondent.CURATOR, user=curator)
    Invitation.objects.bulk_create(invitations.values())
    log_action("wave.launched", actor=actor, tenant=tenant, obj=wave, changes={"invited": [0, len(invitations)]})
    return wave


@dataclass
class Rate:
    label: str
    invited: int
    answered: int

    @property
    def percent(self):
        return round(100 * self.answered / self.invited) if self.invited else 0


def response_rates(wave: Wave) -> tuple[Rate, list[Rate]]:
    """The wave's response rate overall and per questionnaire (one query)."""
    rows = (
        Invitation.objects.filter(wave=wave)
        .values("questionnaire__title", "questionnaire_id")
        .annotate(invited=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False)))
        .order_by("questionnaire__title")
    )
    per = [Rate(row["questionnaire__title"], row["invited"], row["answered"]) for row in rows]
    return Rate("Всего", sum(r.invited for r in per), sum(r.answered for r in per)), per


def wave_invitations(wave: Wave):
    return (
        Invitation.objects.filter(wave=wave)
        .select_related("questionnaire", "mentor", "mentee", "user", "form")
        .order_by("respondent", "mentor__last_name", "mentee__last_name", "pk")
    )


def open_invitations_of(user):
    """Invitations the user answers in the portal (a mentor's or the curator's), open ones first."""
    return (
        Invitation.objects.filter(user=user, wave__status=Wave.Status.OPEN)
        .select_related("questionnaire", "wave", "form")
        .order_by("answered_at", "-wave__opens_on", "pk")
    )


class LinkGone(Exception):
    """The invitation cannot be answered any more; the message (Russian) says why."""


def refusal(invitation: Invitation) -> str | None:
    if invitation.answered_at is not None:
        return "Эта анкета уже заполнена. Спасибо! Ответить второй раз по той же ссылке нельзя."
    if invitation.expires_at < timezone.now() or invitation.wave.status == Wave.Status.CLOSED:
        return "Срок анкетирования закончился, ссылка больше не действует."
    return None


def questions_of(questionnaire: Questionnaire):
    return list(questionnaire.questions.order_by("position", "pk"))


@transaction.atomic
def submit(invitation: Invitation, cleaned: dict) -> Response:
    """Store the answers of a valid form (``forms.AnswerForm``): all of them or, when the invitation was
    answered or expired meanwhile, none."""
    locked = Invitation.objects.select_for_update().select_related("wave").get(pk=invitation.pk)
    reason = refusal(locked)
    if reason:
        raise LinkGone(reason)
    response = Response.objects.create(
        organization_id=locked.organization_id, invitation=locked, wave_id=locked.wave_id,
        questionnaire_id=locked.questionnaire_id, respondent=locked.respondent, form_id=locked.form_id,
    )  # fmt: skip
    answers = []
    for question in questions_of(locked.questionnaire):
        value = cleaned.get(f"q{question.pk}")
        if value in (None, "", []):
            continue
        answer = Answer(organization_id=locked.organization_id, response=response, question=question)
        if question.kind == Question.Kind.SCALE:
            answer.number = int(value)
        elif question.kind == Question.Kind.YES_NO:
            answer.number = 1 if value == "yes" else 0
        elif question.kind == Question.Kind.SINGLE:
            answer.options = [value]
        elif question.kind == Question.Kind.MULTIPLE:
            answer.options = list(value)
        else:
            answer.text = value
        answers.append(answer)
    Answer.objects.bulk_create(answers)
    locked.answered_at = timezone.now()
    locked.save(update_fields=["answered_at"])
    return response


def remindable(wave: Wave):
    """Unanswered invitations of mentors and the curator that an e-mail can reach."""
    cutoff = timezone.now() - REMIND_AGAIN_AFTER
    return (
        Invitation.objects.filter(wave=wave, answered_at__isnull=True, respondent__in=[Respondent.MENTOR, "curator"])
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=cutoff))
        .filter(Q(user__isnull=False) | ~Q(mentor__email=""))
    )


def remind(wave: Wave, *, tenant, actor=None) -> int:
    """Queue the reminder e-mails (sent by a task after the commit); returns how many will go."""
    from core.queue import enqueue
    from monitoring.tasks import send_wave_reminders

    if wave.status != Wave.Status.OPEN:
        return 0
    ids = list(remindable(wave).values_list("pk", flat=True))
    if ids:
        enqueue(send_wave_reminders, organization_id=tenant.pk, wave_id=wave.pk, invitation_ids=ids)
        log_action("wave.reminded", actor=actor, tenant=tenant, obj=wave, changes={"reminded": [0, len(ids)]})
    return len(ids)


def close_wave(wave: Wave, *, actor, tenant, request=None) -> None:
    if Wave.objects.filter(pk=wave.pk, status=Wave.Status.OPEN).update(status=Wave.Status.CLOSED):
        log_action("wave.closed", actor=actor, tenant=tenant, obj=wave, request=request)


def waves_with_rates(programme=None):
    waves = Wave.objects.select_related("programme").annotate(
        invited=Count("invitations"), answered=Count("invitations", filter=Q(invitations__answered_at__isnull=False))
    )
    if programme is not None:
        waves = waves.filter(programme=programme)
    return waves.order_by("-opens_on", "-pk")


def with_questions(questionnaires):
    return questionnaires.prefetch_related(Prefetch("questions", queryset=Question.objects.order_by("position")))
