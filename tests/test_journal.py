"""The mentor's journal and plan (stage 6): a mentor keeps the journal and the plan of their own pairs only,
the director, the curator and the methodist read every journal, bad input is refused in Russian with what was
typed kept, nothing inconsistent is stored, every write is audited, and the pages' query counts are constant."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from core.models import AuditEntry, Membership
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Meeting, Mentee, Mentor, Pair, PairMember, PlanItem, Programme
from mentoring.services.access_log import READ_ACTIONS
from mentoring.services.journal import save_meeting

from .conftest import make_user


def today():
    return timezone.localdate()


def url(world, name, **kwargs):
    return reverse(name, kwargs={"org": world.school.slug, **kwargs})


def in_school(world):
    return tenant_scope(world.school)


def add_mentor(world, email, last_name="Орлова"):
    """A second mentor of the school, with an account and a mentor record linked to it."""
    user = make_user(email, last_name=last_name, first_name="Анна")
    Membership.objects.create(user=user, role=Role.MENTOR, organization=world.school)
    with scopes_disabled():
        mentor = Mentor.objects.create(
            organization=world.school, last_name=last_name, first_name="Анна", user=user, capacity=30
        )
    return user, mentor


def add_pair(
    world, *, mentor=None, started_days_ago=60, meetings_days_ago=(), mentees=1, name="Смирнов", programme=None
):
    """A pair (or a group) of the fixture programme with meetings held the given numbers of days ago."""
    school, people = world.school, world.people[world.school.pk]
    start = today() - timedelta(days=started_days_ago)
    with scopes_disabled():
        pair = Pair.objects.create(
            organization=school,
            programme=programme or people["programme"],
            mentor=mentor or people["mentor"],
            form=people["form"],
            starts_on=start,
            planned_end_on=start + timedelta(days=200),
        )
        members = [
            Mentee.objects.create(
                organization=school, last_name=f"{name}{n}", first_name="Олег", status=Mentee.Status.IN_PAIR
            )
            for n in range(mentees)
        ]
        PairMember.objects.bulk_create(
            PairMember(organization=school, pair=pair, mentee=mentee, form=pair.form) for mentee in members
        )
        for days in meetings_days_ago:
            meeting = Meeting.objects.create(
                organization=school,
                pair=pair,
                held_on=today() - timedelta(days=days),
                topic=f"Встреча {days} дней назад",
                duration_minutes=45,
            )
            meeting.present.set(members)
    pair.mentees = members
    return pair


def counts(world):
    """Meetings, plan items and recorded changes (the access log's readings of a page are not changes)."""
    with in_school(world):
        changes = AuditEntry.objects.exclude(action__in=READ_ACTIONS)
        return Meeting.objects.count(), PlanItem.objects.count(), changes.count()


@pytest.fixture
def mentor(world):
    return world.client_for(world.users[Role.MENTOR])


@pytest.fixture
def curator(world):
    return world.client_for(world.users[Role.CURATOR])


def meeting_data(pair, **overrides):
    data = {
        "held_on": (today() - timedelta(days=1)).isoformat(),
        "kind": "planning",
        "format": "remote",
        "topic": "Составляем план проекта",
        "duration_minutes": "50",
        "present": [mentee.pk for mentee in pair.mentees],
        "what_was_done": "Обсудили темы проекта",
        "next_steps": "Выбрать тему к пятнице",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# Recording and reading.


def test_a_mentor_records_a_meeting_that_the_curator_then_sees(world, mentor, curator):
    pair = add_pair(world, mentees=2)
    response = mentor.post(url(world, "meeting_create", pk=pair.pk), meeting_data(pair))
    assert response.status_code == 302
    assert response["Location"] == url(world, "pair_journal", pk=pair.pk)
    with in_school(world):
        meeting = Meeting.objects.get(pair=pair)
        assert meeting.topic == "Составляем план проекта"
        assert meeting.kind == Meeting.Kind.PLANNING and meeting.format == Meeting.Format.REMOTE
        assert set(meeting.present.all()) == set(pair.mentees)
        assert meeting.recorded_by == world.users[Role.MENTOR]
        entry = AuditEntry.objects.get(action="meeting.recorded")
    assert entry.actor == world.users[Role.MENTOR]
    assert entry.changes["тема"] == [None, "Составляем план проекта"]

    journal = curator.get(url(world, "pair_journal", pk=pair.pk)).content.decode()
    assert "Составляем план проекта" in journal
    assert "Выбрать тему к пятнице" in journal
    assert "только чтение" in journal
    assert url(world, "meeting_create", pk=pair.pk) not in journal  # the curator reads, does not write
    listing = curator.get(url(world, "journal_list")).content.decode()
    assert f"{(today() - timedelta(days=1)):%d.%m.%Y}" in listing


def test_the_mentor_adds_the_mentees_rating_and_comment_afterwards(world, mentor):
    pair = add_pair(world, meetings_days_ago=[3])
    with in_school(world):
        meeting = Meeting.objects.get(pair=pair)
    data = meeting_data(pair, held_on=meeting.held_on.isoformat(), mentee_rating="8", mentee_comment="Было полезно")
    response = mentor.post(url(world, "meeting_edit", pk=meeting.pk), data)
    assert response.status_code == 302
    with in_school(world):
        meeting.refresh_from_db()
        entry = AuditEntry.objects.get(action="meeting.updated")
    assert (meeting.mentee_rating, meeting.mentee_comment) == (8, "Было полезно")
    assert entry.changes["оценка наставляемого (1–10)"] == [None, "8"]
    journal = mentor.get(url(world, "pair_journal", pk=pair.pk)).content.decode()
    assert "8 / 10" in journal and "Было полезно" in journal


def test_my_pairs_lists_only_the_mentors_own_pairs_active_first(world, mentor):
    _, other = add_mentor(world, "orlova@a.test")
    add_pair(world, mentor=other, name="Чужой")
    closed = add_pair(world, name="Завершённый")
    with scopes_disabled():
        Pair.objects.filter(pk=closed.pk).update(status=Pair.Status.CLOSED, closed_on=today())
    mine = add_pair(world, started_days_ago=5, name="Новый")
    pairs = list(mentor.get(url(world, "my_pairs")).context["pairs"])
    fixture_pair = world.people[world.school.pk]["pair"]
    assert {pair.pk for pair in pairs} == {fixture_pair.pk, closed.pk, mine.pk}
    assert pairs[-1].pk == closed.pk
    home = mentor.get(url(world, "school_home")).content.decode()
    assert "Новый0" in home and "Чужой0" not in home


# Another mentor's pair does not exist for a mentor.


def test_a_mentor_cannot_open_or_write_in_another_mentors_journal(world):
    other_user, _ = add_mentor(world, "orlova@a.test")
    intruder = world.client_for(other_user)
    people = world.people[world.school.pk]
    pair, meeting, item = people["pair"], people["meeting"], people["plan_item"]
    pair.mentees = [people["mentee"]]
    before = counts(world)
    assert intruder.get(url(world, "pair_journal", pk=pair.pk)).status_code == 404
    assert intruder.get(url(world, "meeting_create", pk=pair.pk)).status_code == 404
    assert intruder.post(url(world, "meeting_create", pk=pair.pk), meeting_data(pair)).status_code == 404
    assert intruder.get(url(world, "meeting_edit", pk=meeting.pk)).status_code == 404
    assert intruder.post(url(world, "meeting_edit", pk=meeting.pk), meeting_data(pair)).status_code == 404
    assert intruder.get(url(world, "own_pair_plan", pk=pair.pk)).status_code == 404
    plan_post = {"title": "Чужой пункт", "due_on": "2026-12-01", "status": "planned"}
    assert intruder.post(url(world, "own_pair_plan", pk=pair.pk), plan_post).status_code == 404
    assert intruder.post(url(world, "own_plan_item_edit", pk=item.pk), plan_post).status_code == 404
    assert intruder.post(url(world, "own_plan_item_status", pk=item.pk), {"status": "done"}).status_code == 404
    assert counts(world) == before
    with in_school(world):
        meeting.refresh_from_db()
        item.refresh_from_db()
    assert meeting.topic == "Знакомство" and item.status == PlanItem.Status.PLANNED
    assert "Петров Илья" not in intruder.get(url(world, "my_pairs")).content.decode()


def test_another_schools_pair_is_404_for_its_own_mentor_under_this_school(world):
    """A meeting of school Я's pair cannot be written by putting its pk under school A's URL."""
    foreign = world.people[world.other_school.pk]["pair"]
    before = counts(world)
    response = world.client_for(world.users[Role.MENTOR]).post(url(world, "meeting_create", pk=foreign.pk), {})
    assert response.status_code == 404
    assert counts(world) == before


def test_the_methodist_reads_journals_but_cannot_write(world):
    methodist = world.client_for(world.users[Role.METHODIST])
    people = world.people[world.school.pk]
    pair, meeting, item = people["pair"], people["meeting"], people["plan_item"]
    pair.mentees = [people["mentee"]]
    journal = methodist.get(url(world, "pair_journal", pk=pair.pk))  # its reading goes into the access log
    assert journal.status_code == 200 and "Знакомство" in journal.content.decode()
    assert methodist.get(url(world, "journal_list")).status_code == 200
    before = counts(world)
    assert methodist.post(url(world, "meeting_create", pk=pair.pk), meeting_data(pair)).status_code == 403
    assert methodist.post(url(world, "meeting_edit", pk=meeting.pk), meeting_data(pair)).status_code == 403
    assert methodist.post(url(world, "own_plan_item_status", pk=item.pk), {"status": "done"}).status_code == 403
    assert counts(world) == before
    observer = world.client_for(world.users[Role.OBSERVER])
    assert observer.get(url(world, "pair_journal", pk=pair.pk)).status_code == 403


# Bad input: refused in Russian, the input kept, nothing stored.


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"held_on": "future"}, "дата не может быть позже сегодняшней"),
        ({"held_on": "before_start"}, "встреча не может быть раньше"),
        ({"held_on": "31.02.2026"}, "Дата в формате ДД.ММ.ГГГГ"),
        ({"held_on": ""}, "Укажите дату встречи"),
        ({"duration_minutes": "0"}, "Длительность встречи — от 5 до 600 минут"),
        ({"duration_minutes": "601"}, "Длительность встречи — от 5 до 600 минут"),
        ({"mentee_rating": "11"}, "Оценка — целое число от 1 до 10"),
        ({"mentee_rating": "0"}, "Оценка — целое число от 1 до 10"),
        ({"topic": ""}, "Укажите тему встречи"),
        ({"topic": "<script>alert(1)</script>"}, "Уберите HTML-разметку"),
        ({"kind": "party"}, "Выберите корректный вариант"),
        ({"present": []}, "Отметьте, кто из наставляемых был на встрече"),
    ],
    ids=[
        "future",
        "before-start",
        "bad-date",
        "no-date",
        "duration-0",
        "duration-601",
        "rating-11",
        "rating-0",
        "no-topic",
        "markup",
        "bad-kind",
        "nobody-present",
    ],
)
def test_bad_meeting_input_is_refused_and_kept(world, mentor, overrides, message):
    pair = add_pair(world)
    dates = {"future": today() + timedelta(days=1), "before_start": pair.starts_on - timedelta(days=1)}
    if overrides.get("held_on") in dates:
        overrides = {"held_on": dates[overrides["held_on"]].isoformat()}
    before = counts(world)
    response = mentor.post(url(world, "meeting_create", pk=pair.pk), meeting_data(pair, **overrides))
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert "Встреча не записана: исправьте отмеченные поля." in content
    assert "Выбрать тему к пятнице" in content  # what was typed is kept
    assert counts(world) == before


def test_present_must_be_the_pairs_own_mentees(world, mentor):
    pair = add_pair(world, mentees=2)
    stranger = add_pair(world, name="Чужая").mentees[0]
    before = counts(world)
    data = meeting_data(pair, present=[pair.mentees[0].pk, stranger.pk])
    response = mentor.post(url(world, "meeting_create", pk=pair.pk), data)
    assert response.status_code == 200
    assert "Отметить можно только наставляемых этой пары или группы." in response.content.decode()
    assert counts(world) == before


def test_a_closed_pairs_journal_takes_no_meeting_after_its_closing(world, mentor):
    pair = add_pair(world, started_days_ago=120)
    closed_on = today() - timedelta(days=10)
    with scopes_disabled():
        Pair.objects.filter(pk=pair.pk).update(status=Pair.Status.CLOSED, closed_on=closed_on)
    before = counts(world)
    response = mentor.post(url(world, "meeting_create", pk=pair.pk), meeting_data(pair))
    assert f"Пара завершена {closed_on:%d.%m.%Y}: встреча не может быть позже." in response.content.decode()
    assert counts(world) == before
    # The final meeting held before the closing can still be recorded.
    held = (closed_on - timedelta(days=1)).isoformat()
    response = mentor.post(url(world, "meeting_create", pk=pair.pk), meeting_data(pair, held_on=held, kind="final"))
    assert response.status_code == 302


def test_the_service_checks_the_rules_again_when_saving(world):
    """A pair closed between the form's check and the save: the service refuses under the pair's lock."""
    pair = add_pair(world)
    with in_school(world):
        meeting = Meeting(pair=pair, held_on=today(), topic="Поздно", duration_minutes=30)
        Pair.objects.filter(pk=pair.pk).update(status=Pair.Status.CLOSED, closed_on=today() - timedelta(days=2))
        with pytest.raises(ValidationError, match="встреча не может быть позже"):
            save_meeting(meeting, present=pair.mentees, actor=world.users[Role.MENTOR], tenant=world.school)
        assert not Meeting.objects.filter(topic="Поздно").exists()


# The curator's list of journals.


def test_the_curator_sees_pairs_without_meetings_for_30_days_flagged(world, curator):
    with scopes_disabled():  # the fixture pair: no part of this test
        Pair.objects.filter(pk=world.people[world.school.pk]["pair"].pk).update(status=Pair.Status.CLOSED)
    stale = add_pair(world, meetings_days_ago=[45, 31], name="Давний")
    silent = add_pair(world, started_days_ago=40, name="Молчащий")
    recent = add_pair(world, meetings_days_ago=[40, 5], name="Недавний")
    fresh = add_pair(world, started_days_ago=10, name="Новичок")  # formed less than 30 days ago: not flagged
    response = curator.get(url(world, "journal_list"))
    pairs = {pair.pk: pair for pair in response.context["pairs"]}
    assert set(pairs) == {stale.pk, silent.pk, recent.pk, fresh.pk}
    assert {pk for pk, pair in pairs.items() if pair.inactive} == {stale.pk, silent.pk}
    assert list(pairs)[:2] == [stale.pk, silent.pk] or list(pairs)[:2] == [silent.pk, stale.pk]
    assert pairs[recent.pk].meeting_count == 2
    assert pairs[recent.pk].last_meeting == today() - timedelta(days=5)
    assert response.content.decode().count('data-testid="inactive-flag"') == 2

    only = curator.get(url(world, "journal_list"), {"inactive": "1"}).context["pairs"]
    assert {pair.pk for pair in only} == {stale.pk, silent.pk}
    home = curator.get(url(world, "school_home")).content.decode()
    assert url(world, "pair_journal", pk=stale.pk) in home
    assert url(world, "pair_journal", pk=silent.pk) in home
    assert url(world, "pair_journal", pk=recent.pk) not in home
    journal = curator.get(url(world, "pair_journal", pk=stale.pk)).content.decode()
    assert "Больше 30 дней без встреч" in journal


def test_the_list_of_journals_covers_every_programme_and_filters_by_one(world, curator):
    current = world.people[world.school.pk]["programme"]
    with scopes_disabled():
        older = Programme.objects.create(
            organization=world.school, title="Программа прошлого года", starts_on=today() - timedelta(days=500),
            ends_on=today() - timedelta(days=150),
        )  # fmt: skip
    lingering = add_pair(world, programme=older, started_days_ago=400, meetings_days_ago=[200], name="Прошлогодний")
    everything = {pair.pk for pair in curator.get(url(world, "journal_list")).context["pairs"]}
    assert lingering.pk in everything
    flagged = curator.get(url(world, "journal_list"), {"inactive": "1"}).context["pairs"]
    assert lingering.pk in {pair.pk for pair in flagged}
    of_current = curator.get(url(world, "journal_list"), {"programme": str(current.pk)}).context["pairs"]
    assert lingering.pk not in {pair.pk for pair in of_current}
    closed = curator.get(url(world, "journal_list"), {"status": "closed"}).context["pairs"]
    assert list(closed) == []


# The mentor's plan.


def test_the_mentor_keeps_the_plan_of_an_own_pair(world, mentor):
    pair = add_pair(world)
    due = (pair.starts_on + timedelta(days=30)).isoformat()
    response = mentor.post(
        url(world, "own_pair_plan", pk=pair.pk), {"title": "Выбрать тему проекта", "due_on": due, "status": "planned"}
    )
    assert response.status_code == 302
    with in_school(world):
        item = PlanItem.objects.get(pair=pair)
    response = mentor.post(url(world, "own_plan_item_status", pk=item.pk), {"status": "done"})
    assert response["Location"] == url(world, "own_pair_plan", pk=pair.pk)
    with in_school(world):
        item.refresh_from_db()
        entries = list(AuditEntry.objects.filter(action="plan.updated").order_by("pk"))
    assert item.status == PlanItem.Status.DONE
    assert [entry.changes.get("состояние") for entry in entries] == [
        [None, "запланировано"],
        ["запланировано", "выполнено"],
    ]
    assert all(entry.actor == world.users[Role.MENTOR] for entry in entries)
    journal = mentor.get(url(world, "pair_journal", pk=pair.pk)).content.decode()
    assert "Выбрать тему проекта" in journal and "выполнено 1 из 1" in journal


@pytest.mark.parametrize("when", ["before_start", "after_end"])
def test_a_plan_item_outside_the_pairs_period_is_refused(world, mentor, when):
    pair = add_pair(world)
    due = pair.starts_on - timedelta(days=1) if when == "before_start" else pair.planned_end_on + timedelta(days=1)
    before = counts(world)
    response = mentor.post(
        url(world, "own_pair_plan", pk=pair.pk), {"title": "Экскурсия", "due_on": due.isoformat(), "status": "planned"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Срок должен быть в пределах работы пары" in content
    assert 'value="Экскурсия"' in content
    assert counts(world) == before


def test_a_closed_pairs_plan_is_frozen(world, mentor):
    pair = add_pair(world)
    with scopes_disabled():
        item = PlanItem.objects.create(organization=world.school, pair=pair, title="Проект", due_on=pair.starts_on)
        Pair.objects.filter(pk=pair.pk).update(status=Pair.Status.CLOSED, closed_on=today())
    before = counts(world)
    response = mentor.post(url(world, "own_plan_item_status", pk=item.pk), {"status": "done"})
    assert response.status_code == 302
    with in_school(world):
        item.refresh_from_db()
    assert item.status == PlanItem.Status.PLANNED
    assert counts(world) == before
    page = mentor.get(url(world, "own_pair_plan", pk=pair.pk)).content.decode()
    assert "Пара завершена: план больше не изменяется." in page


def test_a_bad_status_is_refused(world, mentor):
    item = world.people[world.school.pk]["plan_item"]
    before = counts(world)
    response = mentor.post(url(world, "own_plan_item_status", pk=item.pk), {"status": "lost"}, follow=True)
    assert "Состояние не изменено" in response.content.decode()
    assert counts(world) == before


# Query counts stay constant (convention 8).


def queries(client, address):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_the_journal_page_runs_a_fixed_number_of_queries(world, mentor, curator):
    few = add_pair(world, meetings_days_ago=[3, 2], mentees=2)
    many = add_pair(world, meetings_days_ago=range(1, 25), mentees=5, name="Группа")
    for client in (mentor, curator):
        assert queries(client, url(world, "pair_journal", pk=few.pk)) == queries(
            client, url(world, "pair_journal", pk=many.pk)
        )


def test_the_lists_of_pairs_run_a_fixed_number_of_queries(world, mentor, curator):
    for _ in range(2):
        add_pair(world, meetings_days_ago=[3, 40])
    few = {name: queries(client, url(world, name)) for name, client in list_pages(mentor, curator)}
    for n in range(15):
        add_pair(world, meetings_days_ago=[n + 1, 40], mentees=2, name=f"М{n}")
    many = {name: queries(client, url(world, name)) for name, client in list_pages(mentor, curator)}
    assert few == many


def list_pages(mentor, curator):
    return [("my_pairs", mentor), ("school_home", mentor), ("journal_list", curator)]


def test_a_new_meeting_starts_from_today_with_everybody_present(world, mentor):
    pair = add_pair(world, mentees=2)
    form = mentor.get(url(world, "meeting_create", pk=pair.pk)).context["form"]
    assert form["held_on"].value() == today()
    assert form["kind"].value() == Meeting.Kind.ACQUAINTANCE
    assert set(form["present"].value()) == {mentee.pk for mentee in pair.mentees}
    later = add_pair(world, meetings_days_ago=[3], name="Второй")
    assert mentor.get(url(world, "meeting_create", pk=later.pk)).context["form"]["kind"].value() == Meeting.Kind.WORK
