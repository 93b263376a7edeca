"""Changing a programme's stages and their checklists: dates, status, activities and their evidence."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core.audit import changes_between, log_action, snapshot
from core.concurrency import check_version
from mentoring.models import (
    Programme,
    Stage,
    StageActivity,
)
from mentoring.services.programmes import period_text


def within_programme(programme: Programme, day: date) -> bool:
    return programme.starts_on <= day <= programme.ends_on


def stage_errors(stage: Stage, starts_on: date, ends_on: date, status: str) -> dict:
    programme = stage.programme
    errors = {}
    period = period_text(programme.starts_on, programme.ends_on)
    if not within_programme(programme, starts_on):
        errors["starts_on"] = f"Начало этапа должно быть в сроках программы: {period}."
    if not within_programme(programme, ends_on):
        errors["ends_on"] = f"Окончание этапа должно быть в сроках программы: {period}."
    elif ends_on < starts_on:
        errors["ends_on"] = "Окончание этапа не может быть раньше его начала."
    if status == Stage.Status.DONE:
        open_titles = [f"«{a.title}»" for a in stage.activities.filter(done_on__isnull=True)]
        if open_titles:
            errors["status"] = (
                "Этап нельзя отметить завершённым: не выполнены мероприятия "
                f"{', '.join(open_titles)}. Отметьте их выполнение или удалите лишние."
            )
    return errors


@transaction.atomic
def update_stage(stage, *, tenant, actor, request=None, version=None, **fields) -> Stage:
    """Change a stage's dates, responsible persons, status and local acts. Activities due at the stage's old
    end follow its new end. A change saved by someone else after ``version`` is not overwritten."""
    stage = Stage.objects.select_for_update().select_related("programme").get(pk=stage.pk)
    check_version(stage, version)
    errors = stage_errors(stage, fields["starts_on"], fields["ends_on"], fields["status"])
    if errors:
        raise ValidationError(errors)
    before = snapshot(stage)
    old_end = stage.ends_on
    for name, value in fields.items():
        setattr(stage, name, value)
    stage.save()
    moved = 0
    if old_end and old_end != stage.ends_on:
        moved = StageActivity.objects.filter(stage=stage, due_on=old_end, done_on__isnull=True).update(
            due_on=stage.ends_on
        )
    changes = changes_between(before, snapshot(stage))
    if moved:
        changes["сроки мероприятий"] = [None, f"перенесены на окончание этапа: {moved}"]
    if changes:
        log_action("stage.updated", actor=actor, tenant=tenant, obj=stage, changes=changes, request=request)
    return stage


def activity_errors(stage: Stage, due_on: date | None) -> dict:
    programme = stage.programme
    if due_on and not within_programme(programme, due_on):
        period = period_text(programme.starts_on, programme.ends_on)
        return {"due_on": f"Срок должен быть в сроках программы: {period}."}
    return {}


@transaction.atomic
def add_activity(stage, *, title, due_on, tenant, actor, request=None) -> StageActivity:
    """A school's own activity at the end of the stage's checklist (due at the stage's end unless given)."""
    errors = activity_errors(stage, due_on)
    if errors:
        raise ValidationError(errors)
    last = stage.activities.aggregate(last=Max("position"))["last"]
    activity = StageActivity.objects.create(
        organization=tenant,
        stage=stage,
        title=title,
        due_on=due_on or stage.ends_on,
        position=0 if last is None else last + 1,
    )
    log_action("activity.added", actor=actor, tenant=tenant, obj=activity, request=request)
    return activity


@transaction.atomic
def update_activity(activity, *, title, due_on, tenant, actor, request=None) -> StageActivity:
    activity = StageActivity.objects.select_for_update().select_related("stage__programme").get(pk=activity.pk)
    errors = activity_errors(activity.stage, due_on)
    if errors:
        raise ValidationError(errors)
    before = snapshot(activity)
    activity.title, activity.due_on = title, due_on
    activity.save(update_fields=["title", "due_on"])
    changes = changes_between(before, snapshot(activity))
    if changes:
        log_action("activity.updated", actor=actor, tenant=tenant, obj=activity, changes=changes, request=request)
    return activity


@transaction.atomic
def delete_activity(activity, *, tenant, actor, request=None) -> None:
    """Remove an activity the school does not need; a done activity is evidence and stays."""
    activity = StageActivity.objects.select_for_update().get(pk=activity.pk)
    if activity.done_on:
        raise ValidationError("Выполненное мероприятие удалить нельзя: сначала снимите отметку о выполнении.")
    log_action("activity.deleted", actor=actor, tenant=tenant, obj=activity, request=request)
    activity.delete()


def delete_file_after_commit(storage, name: str) -> None:
    """Files are not transactional: an old file goes only once the change that dropped it is committed."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def mark_activity_done(
    activity, *, done_on, tenant, actor, attachment=None, document_link="", request=None
) -> StageActivity:
    """Tick an activity done on ``done_on`` (not in the future), with an optional file and link as evidence.

    Ticking a done activity again changes its date and link; a new file replaces the old one."""
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": "Дата выполнения не может быть в будущем."})
    activity = StageActivity.objects.select_for_update().get(pk=activity.pk)
    before = evidence(activity)
    old_file = activity.attachment.name if attachment and activity.attachment else ""
    activity.done_on = done_on
    activity.done_by = actor
    activity.document_link = document_link
    if attachment:
        activity.attachment = attachment
    activity.save()
    delete_file_after_commit(activity.attachment.storage, old_file)
    changes = changes_between(before, evidence(activity))
    log_action("activity.done", actor=actor, tenant=tenant, obj=activity, changes=changes, request=request)
    return activity


def evidence(activity: StageActivity) -> dict:
    """What ticking an activity records, as the history shows it."""
    return {
        "выполнено": activity.done_on.strftime("%d.%m.%Y") if activity.done_on else None,
        "файл": activity.attachment.name.rsplit("/", 1)[-1] if activity.attachment else None,
        "ссылка на документ": activity.document_link or None,
    }


@transaction.atomic
def undo_activity(activity, *, tenant, actor, request=None) -> StageActivity:
    """Untick an activity: its date, file and link go."""
    activity = StageActivity.objects.select_for_update().get(pk=activity.pk)
    if activity.done_on is None:
        return activity
    before = evidence(activity)
    delete_file_after_commit(activity.attachment.storage, activity.attachment.name)
    activity.done_on = None
    activity.done_by = None
    activity.attachment = ""
    activity.document_link = ""
    activity.save()
    changes = changes_between(before, evidence(activity))
    log_action("activity.undone", actor=actor, tenant=tenant, obj=activity, changes=changes, request=request)
    return activity
