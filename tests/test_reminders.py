"""Reminders on a schedule: the mentor of a pair without a meeting for 30 days and the curator of an overdue
activity get one portal notification and one e-mail (after commit), at most once per period; the curator sees
them listed and switches them per school. The last test runs the real Celery worker."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from core.models import Notification
from core.roles import Role
from mentoring.models import Programme, Reminder, ReminderKind, StageActivity
from mentoring.services.reminders import quiet_period
from mentoring.tasks import send_reminders
from tests.workers import celery_worker, wait_until

from .test_journal import add_pair, today


def make_due(world):
    """A running programme with a pair quiet for 45 days and an activity overdue since yesterday."""
    programme = world.people[world.school.pk]["programme"]
    with scopes_disabled():
        Programme.objects.filter(pk=programme.pk).update(
            starts_on=today() - timedelta(days=90), ends_on=today() + timedelta(days=200)
        )
        pair = add_pair(world, meetings_days_ago=[45], name="Тихонов", started_days_ago=80)
        stage = programme.stages.order_by("number").first()
        activity = StageActivity.objects.create(
            organization=world.school, stage=stage, title="Собрать запросы", due_on=today() - timedelta(days=1)
        )
    return pair, activity


def notifications_of(user, text):
    with scopes_disabled():
        return Notification.objects.filter(user=user, text__contains=text).count()


def test_a_quiet_pairs_mentor_and_an_overdue_activitys_curator_are_reminded_once(
    world, django_capture_on_commit_callbacks
):
    pair, activity = make_due(world)
    mentor, curator = world.users[Role.MENTOR], world.users[Role.CURATOR]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        send_reminders.delay()
    assert callbacks, "the e-mails wait for the commit"
    assert notifications_of(mentor, "нет встреч") >= 1
    assert notifications_of(curator, "«Собрать запросы»") == 1
    to_mentor = [message for message in mail.outbox if mentor.email in message.to]
    assert any("нет встреч" in message.body for message in to_mentor)
    assert any(pair_url in message.body for message in to_mentor
               for pair_url in [reverse("pair_journal", kwargs={"org": world.school.slug, "pk": pair.pk})])  # fmt: skip
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders.delay()  # the next morning of the same period: nothing new
    assert len(mail.outbox) == sent
    assert notifications_of(curator, "«Собрать запросы»") == 1
    with scopes_disabled():
        assert Reminder.objects.filter(kind=ReminderKind.QUIET_PAIR, object_key=f"pair:{pair.pk}").count() == 1
        assert Reminder.objects.get(object_key=f"activity:{activity.pk}").period == "once"
    # The curator's page lists them.
    page = world.client_for(curator).get(reverse("reminders", kwargs={"org": world.school.slug})).content.decode()
    assert "«Собрать запросы»" in page and mentor.full_name in page


def test_the_next_period_reminds_again_and_a_school_may_switch_reminders_off(world, django_capture_on_commit_callbacks):
    assert quiet_period(today()) != quiet_period(today() + timedelta(days=30))
    make_due(world)
    curator = world.client_for(world.users[Role.CURATOR])
    response = curator.post(reverse("reminders", kwargs={"org": world.school.slug}), {"overdue_activity": "on"})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders.delay()
    assert notifications_of(world.users[Role.MENTOR], "нет встреч") == 0  # switched off in this school
    assert notifications_of(world.users[Role.CURATOR], "«Собрать запросы»") == 1


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
def test_the_real_worker_sends_the_reminder_after_commit(world, transactional_db, tmp_path):
    make_due(world)
    env = {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": str(tmp_path)}
    with celery_worker(pool="solo", env=env):
        send_reminders.apply_async()
        files = wait_until(lambda: [f for f in tmp_path.glob("*.log") if "Собрать запросы" in f.read_text()], 60)
        assert files, "the worker sent no reminder"
        assert world.users[Role.CURATOR].email in files[0].read_text()
        with scopes_disabled():
            assert wait_until(lambda: Reminder.objects.filter(kind=ReminderKind.QUIET_PAIR).exists(), 30)
