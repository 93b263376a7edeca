"""The municipal bank of mentors: the rules of each step (with a test for each refusal), the pair it forms in the
mentee's school, the mentor's journal kept from their own school, and what each school sees of the other."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from core.models import Membership, Notification
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import BankEntry, BankRequest, Meeting, Mentor, Pair
from mentoring.services import bank as bank_service
from mentoring.services import bank_crossing
from tests.bank_world import PLANNED_END, bank_fixture, young_teacher  # noqa: F401
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def url(name, school, **kwargs):
    return reverse(name, kwargs={"org": school.slug, **kwargs})


def a_entry(world):
    return world.people[world.school.pk]["bank_entry"]


def pending(world):
    return world.people[world.school.pk]["bank_request"]


def new_request(world, mentee=None, **fields):
    sibling = world.sibling
    people_b = world.people[sibling.pk]
    with scopes_disabled():
        mentee = mentee or young_teacher(sibling, "Кравец", "Нина")
    with tenant_scope(sibling):
        return bank_crossing.send_request(
            sibling, entry_id=fields.pop("entry_id", a_entry(world).pk), mentee=mentee, need="Физика, 7 класс",
            planned_end_on=PLANNED_END, programme=people_b["programme"], actor=world.sibling_users[Role.CURATOR],
            **fields,
        )  # fmt: skip


def test_an_accepted_request_forms_a_pair_of_the_mentees_school_without_the_mentors_contacts(bank):
    world = bank
    pair = world.people[world.school.pk]["bank_pair"]
    with scopes_disabled():
        pair = Pair.objects.select_related("mentor").get(pk=pair.pk)
        source = world.people[world.school.pk]["mentor"]
        request = BankRequest.objects.get(pair=pair)
    assert pair.organization == world.sibling and pair.form.code == "teacher-teacher"
    assert pair.mentor.organization == world.sibling and pair.mentor.full_name == source.full_name
    assert (pair.mentor.phone, pair.mentor.email, pair.mentor.user) == ("", "", None)
    assert request.status == BankRequest.Status.ACCEPTED
    with scopes_disabled():
        texts = set(Notification.objects.filter(user=world.sibling_users[Role.CURATOR]).values_list("text", flat=True))
    assert any(text.startswith("Сформирована пара: Сидорова Мария Павловна") for text in texts), texts
    assert any("Сидорова Мария Павловна согласна стать наставником" in text for text in texts), texts


def test_a_request_across_municipalities_is_refused_and_the_bank_is_not_shown_there(bank):
    world = bank
    other = world.other_school
    with scopes_disabled():
        mentee = young_teacher(other, "Чужая", "Вера")
    with tenant_scope(other), pytest.raises(ValidationError) as refused:
        bank_crossing.send_request(
            other, entry_id=a_entry(world).pk, mentee=mentee, need="Физика", planned_end_on=PLANNED_END,
            programme=world.people[other.pk]["programme"], actor=world.other_users[Role.CURATOR],
        )  # fmt: skip
    assert refused.value.messages == ["Нет такого наставника в банке муниципалитета."]
    assert bank_crossing.offers(other) == []
    client = world.client_for(world.other_users[Role.CURATOR])
    assert "Сидорова" not in client.get(url("bank_search", other)).content.decode()
    assert client.get(url("bank_request_create", other, pk=a_entry(world).pk)).status_code == 404
    with scopes_disabled():
        assert not BankRequest.objects.filter(mentee=mentee).exists()


def test_a_request_to_a_mentor_without_free_places_is_refused(bank):
    world = bank
    with scopes_disabled():
        BankEntry.objects.filter(pk=a_entry(world).pk).update(places=1)  # the one place is taken by the earlier pair
    with pytest.raises(ValidationError) as refused:
        new_request(world)
    assert refused.value.messages == ["У наставника Сидорова Мария Павловна нет свободных мест."]
    offer = bank_crossing.offer(world.sibling, a_entry(world).pk)
    assert offer.free_places == 0
    page = world.client_for(world.sibling_users[Role.CURATOR]).get(url("bank_search", world.sibling)).content.decode()
    assert "мест нет" in page


def test_the_director_cannot_take_the_last_place_twice(bank):
    world = bank
    with scopes_disabled():
        BankEntry.objects.filter(pk=a_entry(world).pk).update(places=1)
        BankRequest.objects.filter(pk=pending(world).pk).update(status=BankRequest.Status.MENTOR_ACCEPTED)
    with pytest.raises(ValidationError) as refused:
        bank_crossing.decide_as_director(
            world.school, request_id=pending(world).pk, user=world.users[Role.DIRECTOR], accept=True
        )
    assert "нет свободных мест" in refused.value.messages[0]


def test_a_declined_request_shows_its_reason_to_the_requesting_curator(bank):
    world = bank
    mentor = world.users[Role.MENTOR]
    with pytest.raises(ValidationError) as refused:
        bank_crossing.decide_as_mentor(world.school, request_id=pending(world).pk, user=mentor, accept=False)
    assert "Укажите причину отказа" in refused.value.messages[0]
    response = world.client_for(mentor).post(
        url("bank_mentor_decision", world.school, pk=pending(world).pk),
        {"decision": "decline", "reason": "До конца четверти нет свободного времени"},
    )
    assert response.status_code == 302
    page = world.client_for(world.sibling_users[Role.CURATOR]).get(url("bank_sent", world.sibling)).content.decode()
    assert "Отклонил наставник: До конца четверти нет свободного времени" in page
    with scopes_disabled():
        assert BankRequest.objects.get(pk=pending(world).pk).pair is None


def test_a_request_accepted_by_the_mentor_but_not_by_the_director_has_no_pair(bank):
    world = bank
    director = world.users[Role.DIRECTOR]
    with pytest.raises(ValidationError) as early:
        bank_crossing.decide_as_director(world.school, request_id=pending(world).pk, user=director, accept=True)
    assert early.value.messages == ["Наставник ещё не ответил на запрос: пара формируется после его согласия."]
    with scopes_disabled():
        pairs_before = Pair.objects.filter(organization=world.sibling).count()
    bank_crossing.decide_as_mentor(
        world.school, request_id=pending(world).pk, user=world.users[Role.MENTOR], accept=True
    )
    with scopes_disabled():
        request = BankRequest.objects.get(pk=pending(world).pk)
        assert (request.status, request.pair) == (BankRequest.Status.MENTOR_ACCEPTED, None)
        assert Pair.objects.filter(organization=world.sibling).count() == pairs_before
        waiting = Notification.objects.filter(user=director, text__contains="нужно ваше решение")
        assert waiting.exists()
    page = world.client_for(world.sibling_users[Role.CURATOR]).get(url("bank_sent", world.sibling)).content.decode()
    assert "наставник согласен, ждёт решения руководителя" in page
    bank_crossing.decide_as_director(world.school, request_id=pending(world).pk, user=director, accept=True)
    with scopes_disabled():
        assert Pair.objects.filter(organization=world.sibling).count() == pairs_before + 1
        # The second pair of the same listing in school Б has the same mentor row there.
        assert Mentor.objects.filter(organization=world.sibling, last_name="Сидорова").count() == 2  # Б's own + guest


def test_a_mentor_who_left_the_bank_gets_no_requests_and_open_ones_are_declined(bank):
    world = bank
    with tenant_scope(world.school):
        entry = BankEntry.objects.select_related("mentor").get(pk=a_entry(world).pk)
        bank_service.leave_bank(entry, actor=world.users[Role.CURATOR], tenant=world.school)
    with scopes_disabled():
        request = BankRequest.objects.get(pk=pending(world).pk)
    assert request.status == BankRequest.Status.DECLINED
    assert request.decline_reason == "Наставник вышел из банка наставников."
    with pytest.raises(ValidationError) as refused:
        new_request(world)
    assert refused.value.messages == ["Сидорова Мария Павловна вышла из банка наставников."]
    assert a_entry(world).pk not in {offer.id for offer in bank_crossing.offers(world.sibling)}
    # The pair formed before goes on: the mentor still keeps its journal.
    assert len(bank_crossing.external_pairs(world.school, world.users[Role.MENTOR])) == 1


def test_search_by_subject_and_competency_shows_other_schools_of_the_municipality_only(bank):
    world = bank
    assert [offer.subject for offer in bank_crossing.offers(world.sibling)] == ["Физика"]
    assert [offer.subject for offer in bank_crossing.offers(world.school)] == ["Математика"]
    assert bank_crossing.offers(world.sibling, subject="химия") == []
    assert [o.school for o in bank_crossing.offers(world.sibling, competency="огэ")] == ["Школа А"]
    page = world.client_for(world.sibling_users[Role.CURATOR]).get(
        url("bank_search", world.sibling), {"subject": "физ"}
    )
    content = page.content.decode()
    assert "Сидорова Мария Павловна" in content and "подготовка к ОГЭ" in content
    source = world.people[world.school.pk]["mentor"]
    with scopes_disabled():
        Mentor.objects.filter(pk=source.pk).update(phone="+7 900 000-00-00", email="sidorova@a.test")
    content = world.client_for(world.sibling_users[Role.CURATOR]).get(url("bank_search", world.sibling)).content
    assert b"sidorova@a.test" not in content and b"+7 900" not in content


def test_the_mentor_keeps_the_journal_from_their_own_school_and_the_mentees_curator_sees_it(bank):
    world = bank
    pair = world.people[world.school.pk]["bank_pair"]
    mentor = world.client_for(world.users[Role.MENTOR])
    pairs_page = mentor.get(url("bank_pairs", world.school)).content.decode()
    assert "Егорова Дарья Андреевна" in pairs_page and "Школа Б" in pairs_page
    form = mentor.get(url("bank_meeting_create", world.school, pk=pair.pk))
    assert form.status_code == 200
    with scopes_disabled():
        mentee = pair.members.get().mentee
    response = mentor.post(
        url("bank_meeting_create", world.school, pk=pair.pk),
        {"held_on": pair.starts_on.isoformat(), "kind": "acquaintance", "format": "remote", "topic": "Лабораторная",
         "duration_minutes": "40", "present": [str(mentee.pk)]},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    with scopes_disabled():
        meeting = Meeting.objects.get(topic="Лабораторная")
    assert meeting.organization == world.sibling and meeting.recorded_by == world.users[Role.MENTOR]
    curator = world.client_for(world.sibling_users[Role.CURATOR])
    journal = curator.get(url("pair_journal", world.sibling, pk=pair.pk)).content.decode()
    assert "Лабораторная" in journal
    assert "Лабораторная" in mentor.get(url("bank_pair_journal", world.school, pk=pair.pk)).content.decode()


def test_a_meeting_in_the_future_is_refused_and_nothing_is_stored(bank):
    world = bank
    pair = world.people[world.school.pk]["bank_pair"]
    with scopes_disabled():
        mentee = pair.members.get().mentee
    response = world.client_for(world.users[Role.MENTOR]).post(
        url("bank_meeting_create", world.school, pk=pair.pk),
        {"held_on": "2099-01-01", "kind": "work", "format": "remote", "topic": "Будущая", "duration_minutes": "40",
         "present": [str(mentee.pk)]},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Встреча записывается после того, как состоялась" in response.content.decode()
    assert 'value="Будущая"' in response.content.decode()
    with scopes_disabled():
        assert not Meeting.objects.filter(topic="Будущая").exists()


def test_the_mentors_school_sees_the_external_pair_not_the_mentees_data(bank):
    world = bank
    page = world.client_for(world.users[Role.DIRECTOR]).get(url("bank_entries", world.school)).content.decode()
    assert "Школа Б: работает" in page
    assert "Егорова" not in page


def test_another_mentor_of_the_school_does_not_reach_the_listed_mentors_pair_or_requests(bank):
    world = bank
    with scopes_disabled():
        other = make_user("second-mentor@a.test", last_name="Орлов")
        Membership.objects.create(user=other, role=Role.MENTOR, organization=world.school)
    client = world.client_for(other)
    pair = world.people[world.school.pk]["bank_pair"]
    assert client.get(url("bank_pair_journal", world.school, pk=pair.pk)).status_code == 404
    assert client.get(url("bank_meeting_create", world.school, pk=pair.pk)).status_code == 404
    response = client.post(url("bank_mentor_decision", world.school, pk=pending(world).pk), {"decision": "accept"})
    assert response.status_code == 404
    assert "Морозова" not in client.get(url("bank_incoming", world.school)).content.decode()
    with scopes_disabled():
        assert BankRequest.objects.get(pk=pending(world).pk).status == BankRequest.Status.SENT


def test_listing_a_mentor_needs_a_written_consent(bank):
    world = bank
    with tenant_scope(world.school):
        mentor = Mentor.objects.create(organization=world.school, last_name="Без", first_name="Согласия")
        with pytest.raises(ValidationError) as refused:
            bank_service.list_mentor(
                mentor=mentor, subject="Химия", competencies="ЕГЭ", places=1, actor=world.users[Role.CURATOR],
                tenant=world.school,
            )  # fmt: skip
    assert "с письменным согласием" in refused.value.messages[0]


def queries(client, address):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def add_listings_and_requests(world, count):
    """``count`` more listed mentors in school A and ``count`` more requests of school Б to A's listed mentor."""
    with scopes_disabled():
        for n in range(count):
            mentor = Mentor.objects.create(
                organization=world.school, last_name=f"Учитель{world.extra}", first_name=f"Имя{n}",
                consent_number=f"{n}-н", consent_date=PLANNED_END,
            )  # fmt: skip
            BankEntry.objects.create(organization=world.school, mentor=mentor, subject="Химия", competencies="ЕГЭ")
            teacher = young_teacher(world.sibling, f"Н{world.extra}", f"И{n}")
            BankRequest.objects.create(
                organization=world.sibling, entry=a_entry(world), mentee=teacher,
                programme=world.people[world.sibling.pk]["programme"], need="Химия", planned_end_on=PLANNED_END,
            )  # fmt: skip
    world.extra += 1


@pytest.mark.parametrize(
    ("name", "side", "role"),
    [("bank_search", "sibling", Role.CURATOR), ("bank_sent", "sibling", Role.CURATOR),
     ("bank_incoming", "school", Role.DIRECTOR), ("bank_incoming", "school", Role.MENTOR),
     ("bank_entries", "school", Role.DIRECTOR)],
)  # fmt: skip
def test_the_bank_pages_run_a_fixed_number_of_queries(bank, name, side, role):
    world = bank
    world.extra = 0
    school = getattr(world, side)
    user = world.sibling_users[role] if side == "sibling" else world.users[role]
    client = world.client_for(user)
    add_listings_and_requests(world, 2)
    few = queries(client, url(name, school))
    add_listings_and_requests(world, 15)
    assert queries(client, url(name, school)) == few
