"""The personal calendar: an iCal feed of the person's meetings, plan items, training sessions and programme
deadlines at a private address, parsed here with the ``icalendar`` package; a revoked address is a 404."""

from datetime import timedelta

from django.urls import reverse
from django_scopes import scopes_disabled
from icalendar import Calendar

from core.roles import Role
from mentoring.models import CalendarFeed, StageActivity, TrainingSession

from .test_journal import add_pair, today, url


def feed_path(client) -> str:
    client.post(reverse("calendar_settings"), {"action": "new"})
    page = client.get(reverse("calendar_settings")).content.decode()
    token = CalendarFeed.objects.get(user=client.session_user).token
    path = reverse("calendar_feed", kwargs={"token": token})
    assert path in page  # the page shows the link to copy
    return path


def events_of(response) -> dict[str, object]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def login(world, role):
    client = world.client_for(world.users[role])
    client.session_user = world.users[role]
    return client


def test_a_plan_item_planned_in_the_journal_appears_in_the_mentors_calendar(world, client):
    mentor = login(world, Role.MENTOR)
    path = feed_path(mentor)
    pair = add_pair(world, meetings_days_ago=[3], name="Календарёв")
    due = today() + timedelta(days=10)
    mentor.post(
        url(world, "own_pair_plan", pk=pair.pk), {"title": "Экскурсия на завод", "due_on": f"{due:%d.%m.%Y}",
                                                   "status": "planned"},
    )  # fmt: skip
    events = client.get(path)  # read by a calendar application: no login
    events = events_of(events)
    assert events["План пары: Экскурсия на завод"].decoded("DTSTART") == due
    assert events["Встреча: Встреча 3 дней назад"].decoded("DTSTART") == today() - timedelta(days=3)
    assert str(events["План пары: Экскурсия на завод"]["URL"]).endswith(url(world, "pair_journal", pk=pair.pk))
    # Nothing of the school's own programme deadlines: the mentor does not run the programme.
    assert not [summary for summary in events if summary.startswith("Срок")]


def test_the_curators_calendar_has_the_stage_deadlines_and_training_sessions(world, client):
    curator = login(world, Role.CURATOR)
    path = feed_path(curator)
    programme = world.people[world.school.pk]["programme"]
    with scopes_disabled():
        stage = programme.stages.order_by("number").first()
        StageActivity.objects.create(
            organization=world.school, stage=stage, title="Приказ о наставничестве", due_on=today() + timedelta(days=5)
        )
        TrainingSession.objects.create(
            organization=world.school, programme=programme, held_on=today() + timedelta(days=7), topic="Роль наставника"
        )
    events = events_of(client.get(path))
    assert events["Срок мероприятия: Приказ о наставничестве"].decoded("DTSTART") == today() + timedelta(days=5)
    assert "Обучение наставников: Роль наставника" in events
    assert any(summary.startswith("Срок этапа") for summary in events)
    # Another school's curator's calendar shows none of it.
    other = world.client_for(world.other_users[Role.CURATOR])
    other.session_user = world.other_users[Role.CURATOR]
    other_events = events_of(client.get(feed_path(other)))
    assert "Срок мероприятия: Приказ о наставничестве" not in other_events


def test_a_revoked_or_replaced_link_is_a_404(world, client):
    mentor = login(world, Role.MENTOR)
    first = feed_path(mentor)
    assert client.get(first).status_code == 200
    second = feed_path(mentor)  # a new link replaces the old one
    assert second != first
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    mentor.post(reverse("calendar_settings"), {"action": "revoke"})
    assert client.get(second).status_code == 404
    assert not CalendarFeed.objects.filter(user=world.users[Role.MENTOR]).exists()
    assert client.get(reverse("calendar_feed", kwargs={"token": "guessed"})).status_code == 404
