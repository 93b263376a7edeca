"""A person's calendar as iCal (RFC 5545): the meetings and plan items of their own pairs, the training
sessions of their programmes, and, for those who run a programme, the stages' deadlines and activities. Read
in every school the person works in, each inside that school's scope; events are whole days (the portal keeps
dates, not times)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from core.models import Membership
from core.roles import Capability, has_capability
from core.tenancy import absolute_url, tenant_scope
from mentoring.models import CalendarFeed, Meeting, Pair, PlanItem, Programme, Stage, StageActivity, TrainingSession

PAST_DAYS = 180  # events older than this are left out of the feed


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    day: date
    summary: str
    description: str = ""
    url: str = ""


def _school_roles(user) -> dict:
    """The user's roles by school."""
    roles: dict = {}
    for membership in Membership.objects.filter(user=user, organization__isnull=False).select_related("organization"):
        roles.setdefault(membership.organization, set()).add(membership.role)
    return roles


def _url(name: str, school, **kwargs) -> str:
    return absolute_url(reverse(name, kwargs={"org": school.slug, **kwargs}))


def school_events(user, school, roles, since: date) -> list[CalendarEvent]:
    """The user's events in one school (call inside its scope)."""
    events = []
    where = school.short_name
    if has_capability(roles, Capability.KEEP_OWN_JOURNAL):
        meetings = Meeting.objects.filter(pair__mentor__user=user, held_on__gte=since).select_related("pair")
        for meeting in meetings:
            events.append(CalendarEvent(
                f"meeting-{meeting.pk}", meeting.held_on, f"Встреча: {meeting.topic}",
                f"{meeting.get_kind_display()}, {meeting.get_format_display()}. {where}",
                _url("pair_journal", school, pk=meeting.pair_id),
            ))  # fmt: skip
        items = PlanItem.objects.filter(
            pair__mentor__user=user, due_on__gte=since, status=PlanItem.Status.PLANNED, pair__status=Pair.Status.ACTIVE
        )
        for item in items:
            events.append(CalendarEvent(
                f"plan-item-{item.pk}", item.due_on, f"План пары: {item.title}", where,
                _url("pair_journal", school, pk=item.pair_id),
            ))  # fmt: skip
    sessions = TrainingSession.objects.none()
    if has_capability(roles, Capability.MANAGE_TRAINING) or has_capability(roles, Capability.MANAGE_PROGRAMME):
        sessions = TrainingSession.objects.filter(held_on__gte=since)
    elif has_capability(roles, Capability.VIEW_OWN_TRAINING):
        sessions = TrainingSession.objects.filter(
            held_on__gte=since, programme__selected_mentors__mentor__user=user
        ).distinct()
    for session in sessions:
        trainer = f"Ведёт: {session.trainer}. " if session.trainer else ""
        events.append(CalendarEvent(
            f"training-{session.pk}", session.held_on, f"Обучение наставников: {session.topic}", f"{trainer}{where}",
        ))  # fmt: skip
    if has_capability(roles, Capability.MANAGE_PROGRAMME):
        programmes = Programme.objects.filter(ends_on__gte=since)
        for stage in Stage.objects.filter(programme__in=programmes, ends_on__gte=since).exclude(
            status=Stage.Status.DONE
        ):
            events.append(CalendarEvent(
                f"stage-{stage.pk}", stage.ends_on, f"Срок этапа {stage.number}: {stage.get_number_display()}",
                where, _url("stage_detail", school, pk=stage.pk),
            ))  # fmt: skip
        activities = StageActivity.objects.filter(
            stage__programme__in=programmes, due_on__gte=since, done_on__isnull=True
        ).select_related("stage")
        for activity in activities:
            events.append(CalendarEvent(
                f"activity-{activity.pk}", activity.due_on, f"Срок мероприятия: {activity.title}",
                f"Этап {activity.stage.number}. {where}", _url("stage_detail", school, pk=activity.stage_id),
            ))  # fmt: skip
    return events


def user_events(user, today: date | None = None) -> list[CalendarEvent]:
    since = (today or timezone.localdate()) - timedelta(days=PAST_DAYS)
    events = []
    for school, roles in _school_roles(user).items():
        with tenant_scope(school):
            events += school_events(user, school, frozenset(roles), since)
    return sorted(events, key=lambda event: (event.day, event.uid))


def ical(user, events: list[CalendarEvent]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Портал наставничества//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Наставничество: {user.full_name}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = settings.PORTAL_BASE_URL.split("//")[-1].split("/")[0].split(":")[0] or "portal"
    stamp = timezone.now()
    for item in events:
        event = Event()
        event.add("uid", f"{item.uid}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    return calendar.to_ical()


def feed_of(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


@transaction.atomic
def new_feed(user) -> CalendarFeed:
    """A new secret address for the user's calendar; the old one (if any) stops working."""
    CalendarFeed.objects.filter(user=user).delete()
    return CalendarFeed.objects.create(user=user)


def revoke_feed(user) -> bool:
    deleted, _ = CalendarFeed.objects.filter(user=user).delete()
    return bool(deleted)


def read_feed(token: str) -> bytes | None:
    """The iCal text of the feed with this token, or None when there is no such (or a revoked) link."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if feed is None:
        return None
    CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=timezone.now())
    return ical(feed.user, user_events(feed.user))
