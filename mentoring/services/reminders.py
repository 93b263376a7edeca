"""Reminders the portal sends by itself, once a day (Celery beat, ``mentoring.tasks.send_reminders``): the mentor
of a pair without a meeting for 30 days (once in each 30-day period), the person responsible for a programme
overdue activity (its programme's curator, else the school's curators; once). Each is a portal notification and
an e-mail sent after commit (``core.notifications.notify``); the ``Reminder`` row is what keeps it to once."""

from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from core.models import Membership, Organization
from core.notifications import notify
from core.roles import Role
from mentoring.models import Programme, Reminder, ReminderKind, ReminderSettings
from mentoring.services.programme_reading import inactive_pairs, overdue_activities
from mentoring.services.programmes import INACTIVE_DAYS


def settings_of(school: Organization) -> ReminderSettings:
    return ReminderSettings.objects.filter(organization=school).first() or ReminderSettings(organization=school)


def quiet_period(today: date) -> str:
    """The 30-day period ``today`` falls in: a quiet pair's mentor is reminded at most once in each."""
    return f"p{today.toordinal() // INACTIVE_DAYS}"


def _send(school, kind, user, object_key, period, text, url) -> bool:
    """Record and send one reminder, unless this person already had it in this period."""
    try:
        with transaction.atomic():
            Reminder.objects.create(
                organization=school, kind=kind, user=user, object_key=object_key, period=period, text=text
            )
    except IntegrityError:
        return False
    notify([user], text, url, tenant=school)
    return True


def _running_programmes(today):
    return Programme.objects.filter(starts_on__lte=today, ends_on__gte=today)


def send_due_reminders(school: Organization, today: date | None = None) -> int:
    """Send the school's due reminders (inside its scope); the number sent."""
    today = today or timezone.localdate()
    switches = settings_of(school)
    sent = 0
    for programme in _running_programmes(today):
        if switches.quiet_pair:
            pairs = inactive_pairs(programme, today).filter(mentor__user__isnull=False).select_related("mentor__user")
            for pair in pairs:
                since = f"последняя встреча {pair.last_meeting:%d.%m.%Y}" if pair.last_meeting else "встреч не было"
                text = (
                    f"В журнале пары больше {INACTIVE_DAYS} дней нет встреч ({since}). Проведите встречу и "
                    "запишите её в журнал."
                )
                url = reverse("pair_journal", kwargs={"org": school.slug, "pk": pair.pk})
                sent += _send(school, ReminderKind.QUIET_PAIR, pair.mentor.user, f"pair:{pair.pk}",
                              quiet_period(today), text, url)  # fmt: skip
        if switches.overdue_activity:
            responsible = [programme.curator] if programme.curator_id else [
                membership.user
                for membership in Membership.objects.filter(organization=school, role=Role.CURATOR).select_related(
                    "user"
                )
            ]  # fmt: skip
            for activity in overdue_activities(programme, today):
                text = (
                    f"Просрочено мероприятие этапа {activity.stage.number}: «{activity.title}» "
                    f"(срок {activity.due_on:%d.%m.%Y})."
                )
                url = reverse("stage_detail", kwargs={"org": school.slug, "pk": activity.stage_id})
                for user in responsible:
                    sent += _send(school, ReminderKind.OVERDUE_ACTIVITY, user, f"activity:{activity.pk}", "once",
                                  text, url)  # fmt: skip
    return sent
