"""The «Школа наставников» of a programme (stage 4): sessions, attendance, and mentors marked as trained."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from core.audit import changes_between, log_action
from core.collation import name_order
from mentoring.models import Mentor, Programme, ProgrammeMentor, TrainingSession
from mentoring.services.programmes import period_text
from mentoring.services.stages import within_programme

Attendance = TrainingSession.attendees.through


def session_date_errors(programme: Programme, held_on: date) -> dict:
    if not within_programme(programme, held_on):
        period = period_text(programme.starts_on, programme.ends_on)
        return {"held_on": f"Дата занятия должна быть в сроках программы: {period}."}
    return {}


def session_snapshot(session: TrainingSession) -> dict:
    return {
        "дата": session.held_on.strftime("%d.%m.%Y") if session.held_on else None,
        "тема": session.topic or None,
        "ведущий": session.trainer or None,
    }


@transaction.atomic
def save_session(programme, session=None, *, held_on, topic, trainer, tenant, actor, request=None) -> TrainingSession:
    """Plan a session of the school of mentors, or change its date, topic or trainer."""
    errors = session_date_errors(programme, held_on)
    if errors:
        raise ValidationError(errors)
    created = session is None
    if created:
        session = TrainingSession(organization=tenant, programme=programme)
    else:
        session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    before = {} if created else session_snapshot(session)
    session.held_on, session.topic, session.trainer = held_on, topic, trainer
    session.save()
    changes = changes_between(before, session_snapshot(session))
    if created or changes:
        action = "training.session_created" if created else "training.session_updated"
        log_action(action, actor=actor, tenant=tenant, obj=session, changes=changes, request=request)
    return session


def attendance_choices(session: TrainingSession):
    """Who may be marked present: the programme's selected mentors, and whoever is already marked."""
    selected = ProgrammeMentor.objects.filter(programme_id=session.programme_id).values("mentor_id")
    present = Attendance.objects.filter(trainingsession_id=session.pk).values("mentor_id")
    return Mentor.objects.filter(Q(pk__in=selected) | Q(pk__in=present)).order_by(
        "last_name", "first_name", "patronymic", "pk"
    )


def names(mentors) -> str | None:
    return ", ".join(sorted(mentor.full_name for mentor in mentors)) or None


@transaction.atomic
def record_attendance(session, *, attendees, tenant, actor, request=None) -> TrainingSession:
    """Record who attended a session that has taken place; a mentor not yet trained becomes «обучается»."""
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if session.held_on > timezone.localdate():
        raise ValidationError(f"Посещение отмечают после занятия: оно назначено на {session.held_on:%d.%m.%Y}.")
    allowed = set(attendance_choices(session).values_list("pk", flat=True))
    strangers = [mentor.full_name for mentor in attendees if mentor.pk not in allowed]
    if strangers:
        raise ValidationError(f"Не отобраны в программу: {', '.join(strangers)}.")
    before = names(session.attendees.all())
    session.attendees.set(attendees)
    Mentor.objects.filter(pk__in=[m.pk for m in attendees], training=Mentor.Training.NOT_TRAINED).update(
        training=Mentor.Training.IN_TRAINING, updated_at=timezone.now()
    )
    after = names(attendees)
    if before != after:
        log_action(
            "training.recorded",
            actor=actor,
            tenant=tenant,
            obj=session,
            changes={"присутствовали": [before, after]},
            request=request,
        )
    return session


@transaction.atomic
def complete_training(programme, *, mentors, tenant, actor, request=None) -> list[Mentor]:
    """Mark selected mentors as trained. Each must have attended at least one session of the programme's
    school of mentors; nothing changes when one has not. Returns the mentors whose status changed."""
    if not mentors:
        raise ValidationError("Отметьте наставников, которые прошли обучение.")
    selected = set(ProgrammeMentor.objects.filter(programme=programme).values_list("mentor_id", flat=True))
    attended = set(Attendance.objects.filter(trainingsession__programme=programme).values_list("mentor_id", flat=True))
    errors = [f"{m.full_name} не отобран(а) в программу." for m in mentors if m.pk not in selected]
    absent = [m.full_name for m in mentors if m.pk in selected and m.pk not in attended]
    if absent:
        errors.append(f"Не посетили ни одного занятия «Школы наставников»: {', '.join(absent)}.")
    if errors:
        raise ValidationError(errors)
    changed = []
    for mentor in Mentor.objects.select_for_update().filter(pk__in=[m.pk for m in mentors]).order_by("pk"):
        if mentor.training == Mentor.Training.TRAINED:
            continue
        old = mentor.get_training_display()
        mentor.training = Mentor.Training.TRAINED
        mentor.save(update_fields=["training", "updated_at"])
        log_action(
            "training.completed",
            actor=actor,
            tenant=tenant,
            obj=mentor,
            changes={"обучение": [old, mentor.get_training_display()]},
            request=request,
        )
        changed.append(mentor)
    return changed


def sessions_of_programme(programme):
    return programme.training_sessions.annotate(attendee_count=Count("attendees")).order_by("held_on", "pk")


def selected_mentors_with_attendance(programme):
    """The programme's selected mentors with the number of its sessions each attended."""
    attended = Count("training_sessions", filter=Q(training_sessions__programme=programme), distinct=True)
    return (
        Mentor.objects.filter(programmes__programme=programme)
        .annotate(sessions_attended=attended)
        .order_by(*name_order())
    )


def sessions_of_user(user, today=None):
    """A mentor's own sessions: those they attended, and the coming ones of programmes they are selected for."""
    today = today or timezone.localdate()
    own = Mentor.objects.filter(user=user)
    attended = Attendance.objects.filter(trainingsession=OuterRef("pk"), mentor__in=own)
    coming = Q(held_on__gte=today, programme__in=Programme.objects.filter(selected_mentors__mentor__in=own))
    return (
        TrainingSession.objects.annotate(attended=Exists(attended))
        .filter(Q(attended=True) | coming)
        .select_related("programme")
        .order_by("-held_on", "-pk")
    )
