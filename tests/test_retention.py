"""Purposes and retention: a school edits how long data is kept after participation ended; the list «срок хранения
истёк» names those past it, and the curator erases them from it."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry, Notification
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Mentee
from privacy.models import Erasure
from privacy.tasks import remind_expired_retention


def left_years_ago(world, last_name, years):
    with tenant_scope(world.school):
        mentee = Mentee.objects.create(
            organization=world.school, last_name=last_name, first_name="Олег", status=Mentee.Status.LEFT
        )
        Mentee.objects.filter(pk=mentee.pk).update(updated_at=timezone.now() - timedelta(days=365 * years + 2))
    return mentee


def test_the_curator_lists_the_expired_changes_a_period_and_erases_from_the_list(world):
    four, two = left_years_ago(world, "Зябликов", 4), left_years_ago(world, "Снегирёв", 2)
    curator = world.client_for(world.users[Role.CURATOR])
    url = reverse("retention", kwargs={"org": world.school.slug})

    page = curator.get(url).content.decode()
    assert "Зябликов" in page and "Снегирёв" not in page  # three years by default

    refused = curator.post(url, {"personal_data": "0", "participation": "1"})
    assert "Срок — не меньше года." in refused.content.decode()
    assert 'value="0"' in refused.content.decode()  # the input is kept

    assert curator.post(url, {"personal_data": "1", "participation": "1"}).status_code == 302
    page = curator.get(url).content.decode()
    assert "Зябликов" in page and "Снегирёв" in page
    with tenant_scope(world.school):
        changed = AuditEntry.objects.get(action="privacy.retention_changed")
    assert changed.changes == {"обработка персональных данных": ["3", "1"]}

    erased = curator.post(url, {"erase": "1", "person": [f"mentee-{four.pk}"]}, follow=True)
    assert "Персональные данные удалены: 1 человек." in erased.content.decode()
    with tenant_scope(world.school):
        four.refresh_from_db()
        two.refresh_from_db()
        erasure = Erasure.objects.get()
    assert four.anonymized_at is not None and four.last_name == "Удалено"
    assert two.anonymized_at is None
    assert erasure.subject_id == four.pk and erasure.actor == world.users[Role.CURATOR]
    page = curator.get(url).content.decode()
    assert "Зябликов" not in page and "Снегирёв" in page


def test_people_in_an_active_pair_are_never_listed(world):
    curator = world.client_for(world.users[Role.CURATOR])
    with tenant_scope(world.school):
        mentee = world.people[world.school.pk]["mentee"]  # in the fixture's active pair
        Mentee.objects.filter(pk=mentee.pk).update(
            status=Mentee.Status.LEFT, updated_at=timezone.now() - timedelta(days=365 * 10)
        )
    page = curator.get(reverse("retention", kwargs={"org": world.school.slug})).content.decode()
    assert "Петров" not in page


def test_the_yearly_reminder_tells_the_director_and_the_curator(world, django_capture_on_commit_callbacks):
    left_years_ago(world, "Зябликов", 4)
    with django_capture_on_commit_callbacks(execute=True):
        remind_expired_retention.apply()
    with tenant_scope(world.school):
        told = {note.user for note in Notification.objects.filter(text__startswith="Срок хранения")}
        text = Notification.objects.filter(text__startswith="Срок хранения").first().text
    assert told == {world.users[Role.DIRECTOR], world.users[Role.CURATOR]}
    assert text.startswith("Срок хранения персональных данных истёк: 1 человек.")
