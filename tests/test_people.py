"""The bases of mentees and mentors: forms keep what was typed, changes are audited, minors are protected."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Consent, Mentee, Mentor
from privacy.tasks import erase_withdrawn_personal_data

ADULT = "1990-05-17"


def minor_birth_date():
    return (date.today() - timedelta(days=365 * 12)).isoformat()


@pytest.fixture
def curator(world):
    return world.client_for(world.users[Role.CURATOR])


def url(world, name, **kwargs):
    return reverse(name, kwargs={"org": world.school.slug, **kwargs})


def in_school(world):
    return tenant_scope(world.school)


MENTEE = {
    "last_name": "Кузнецова",
    "first_name": "Дарья",
    "patronymic": "Олеговна",
    "category": "pupil",
    "status": "in_base",
    "source": "class_teacher",
    "group": "7Б",
}


def test_curator_adds_a_mentee_and_the_history_shows_who_changed_what(world, curator):
    tag = world.people[world.school.pk]["tag"]
    response = curator.post(
        url(world, "mentee_create"),
        {
            **MENTEE,
            "birth_date": minor_birth_date(),
            "requests": [tag.pk],
            "representative_name": "Кузнецов Олег",
            "representative_relation": "отец",
        },
    )
    with in_school(world):
        mentee = Mentee.objects.get(last_name="Кузнецова")
        assert list(mentee.requests.all()) == [tag]
    assert response["Location"] == url(world, "mentee_detail", pk=mentee.pk)

    curator.post(
        url(world, "mentee_edit", pk=mentee.pk),
        {
            **MENTEE,
            "group": "8Б",
            "birth_date": minor_birth_date(),
            "requests": [tag.pk],
            "representative_name": "Кузнецов Олег",
            "representative_relation": "отец",
        },
    )
    history = curator.get(url(world, "mentee_history", pk=mentee.pk)).content.decode()
    assert "Внесена запись" in history
    assert "Изменена запись" in history
    assert "7Б → 8Б" in history
    with in_school(world):
        entry = AuditEntry.objects.filter(action="person.updated").get()
    assert entry.actor == world.users[Role.CURATOR]
    assert entry.changes == {"класс / группа / должность": ["7Б", "8Б"]}


def test_a_minor_needs_a_legal_representative_and_the_form_keeps_the_input(world, curator):
    response = curator.post(url(world, "mentee_create"), {**MENTEE, "birth_date": minor_birth_date()})
    content = response.content.decode()
    assert response.status_code == 200
    assert "укажите законного представителя" in content
    assert 'value="Кузнецова"' in content and 'value="7Б"' in content
    with in_school(world):
        assert not Mentee.objects.filter(last_name="Кузнецова").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("last_name", "Я" * 200, "не более 100 символов"),
        ("first_name", "<b>Дарья</b>", "Уберите HTML-разметку"),
        ("birth_date", "2999-01-01", "не может быть в будущем"),
        ("birth_date", "31.02.2010", "Введите правильную дату"),
    ],
)
def test_bad_input_is_refused_in_russian(world, curator, field, value, message):
    data = {**MENTEE, "birth_date": ADULT, "category": "young_specialist", field: value}
    response = curator.post(url(world, "mentee_create"), data)
    assert message in response.content.decode()
    with in_school(world):
        assert Mentee.objects.count() == 1  # only the fixture's


def test_minor_without_representative_consent_is_flagged(world, curator):
    tag_less = {
        **MENTEE,
        "birth_date": minor_birth_date(),
        "representative_name": "Кузнецов Олег",
        "representative_relation": "отец",
    }
    curator.post(url(world, "mentee_create"), tag_less)
    flagged = curator.get(url(world, "mentee_list"), {"consent": "missing"}).context["people"]
    assert [person.last_name for person in flagged] == ["Кузнецова"]
    with in_school(world):
        mentee = Mentee.objects.get(last_name="Кузнецова")
    card = curator.get(url(world, "mentee_detail", pk=mentee.pk)).content.decode()
    assert "без действующего согласия законного представителя" in card

    curator.post(
        url(world, "mentee_consent_create", pk=mentee.pk),
        {
            "purpose": "personal_data",
            "text_version": "ПДн-2025-09",
            "given_by_name": "Кузнецов Олег",
            "given_by_relation": "отец",
            "given_at": "2025-09-01T10:00",
            "method": "paper",
            "document_number": "17",
        },
    )
    assert list(curator.get(url(world, "mentee_list"), {"consent": "missing"}).context["people"]) == []


def test_consent_for_a_minor_must_come_from_a_representative(world, curator):
    mentee = world.people[world.school.pk]["mentee"]
    response = curator.post(
        url(world, "mentee_consent_create", pk=mentee.pk),
        {
            "purpose": "personal_data",
            "text_version": "v",
            "given_by_name": "Петров Илья",
            "given_at": "2025-09-01T10:00",
            "method": "paper",
        },
    )
    assert "законный представитель" in response.content.decode()


def test_opening_a_minors_card_is_recorded_and_an_adults_is_not(world, curator):
    minor = world.people[world.school.pk]["mentee"]
    curator.get(url(world, "mentee_detail", pk=minor.pk))
    mentor = world.people[world.school.pk]["mentor"]
    curator.get(url(world, "mentor_detail", pk=mentor.pk))
    with in_school(world):
        opened = AuditEntry.objects.filter(action="person.card_opened")
        assert [(entry.object_id, entry.actor) for entry in opened] == [(str(minor.pk), world.users[Role.CURATOR])]


def test_support_categories_are_shown_to_those_who_may_read_them(world):
    mentee = world.people[world.school.pk]["mentee"]
    for role in (Role.CURATOR, Role.DIRECTOR, Role.METHODIST):
        content = world.client_for(world.users[role]).get(url(world, "mentee_detail", pk=mentee.pk)).content.decode()
        assert "ОВЗ" in content
    assert world.client_for(world.users[Role.MENTOR]).get(url(world, "mentee_detail", pk=mentee.pk)).status_code == 403
    municipal = world.client_for(world.users[Role.MUNICIPAL_SPECIALIST])
    assert municipal.get(url(world, "mentee_detail", pk=mentee.pk)).status_code == 404


def test_search_by_surname_and_filters(world, curator):
    for last_name, group in (("Абрамов", "5А"), ("Абрамова", "6Б"), ("Борисов", "5А")):
        curator.post(
            url(world, "mentee_create"),
            {**MENTEE, "last_name": last_name, "group": group, "birth_date": ADULT, "category": "student"},
        )
    found = curator.post(url(world, "mentee_list"), {"q": "абрам"}, follow=True).context["people"]
    assert sorted(person.last_name for person in found) == ["Абрамов", "Абрамова"]
    students = curator.get(url(world, "mentee_list"), {"category": "student"}).context["people"]
    assert len(students) == 3


def test_mentor_form_rules(world, curator):
    base = {"last_name": "Орлов", "first_name": "Иван", "capacity": "2", "training": "not_trained", "status": "active"}
    content = curator.post(url(world, "mentor_create"), {**base, "category": "employee"}).content.decode()
    assert "укажите организацию" in content
    content = curator.post(
        url(world, "mentor_create"), {**base, "category": "teacher", "consent_number": "5"}
    ).content.decode()
    assert "и номер, и дату" in content
    child = world.people[world.school.pk]["mentee"]
    content = curator.post(
        url(world, "mentor_create"), {**base, "category": "teacher", "children": [child.pk]}
    ).content.decode()
    assert "только для наставника-родителя" in content
    response = curator.post(url(world, "mentor_create"), {**base, "category": "parent", "children": [child.pk]})
    assert response.status_code == 302
    with in_school(world):
        assert list(Mentor.objects.get(last_name="Орлов").children.all()) == [child]


def test_a_mentee_of_another_school_cannot_be_linked_as_a_child(world, curator):
    foreign_child = world.people[world.other_school.pk]["mentee"]
    base = {"last_name": "Орлов", "first_name": "Иван", "capacity": "2", "training": "not_trained", "status": "active"}
    response = curator.post(url(world, "mentor_create"), {**base, "category": "parent", "children": [foreign_child.pk]})
    assert "Выберите корректный вариант" in response.content.decode()


def test_withdrawal_schedules_erasure_and_the_beat_job_anonymises_once(
    world, curator, django_capture_on_commit_callbacks
):
    people = world.people[world.school.pk]
    mentee, consent = people["mentee"], people["consent"]
    curator.post(url(world, "consent_withdraw", pk=consent.pk), {"note": "заявление матери от 01.10.2025"})
    with in_school(world):
        consent.refresh_from_db()
    assert consent.erasure_due == timezone.localdate() + timedelta(days=30)

    erase_withdrawn_personal_data.apply()
    with in_school(world):
        mentee.refresh_from_db()
    assert mentee.last_name == "Петров"  # not yet due

    with in_school(world):
        Consent.objects.filter(pk=consent.pk).update(erasure_due=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):  # one task per school, sent after the commit
        erase_withdrawn_personal_data.apply()
        erase_withdrawn_personal_data.apply()  # idempotent
    with in_school(world):
        mentee.refresh_from_db()
        erased = list(AuditEntry.objects.filter(action="person.erased"))
        count = Mentee.objects.count()
        consent.refresh_from_db()
    assert (mentee.last_name, mentee.first_name, mentee.representative_name) == ("Удалено", "Удалено", "")
    assert mentee.support_categories == []
    assert mentee.birth_date.month == 1 and mentee.birth_date.day == 1  # the year stays for age bands
    assert consent.given_by_name == "Удалено" and not consent.scan
    assert count == 1  # the person still counts in reports
    assert len(erased) == 1
    assert "законный представитель: ФИО" in erased[0].changes["удалено"][1]
    # Other schools are untouched.
    with tenant_scope(world.other_school):
        assert Mentee.objects.get().last_name == "Петров"


def test_list_queries_do_not_grow_with_rows(world, curator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as captured:
            curator.get(url(world, "mentee_list"))
        return len(captured)

    tag = world.people[world.school.pk]["tag"]
    with in_school(world):
        for n in range(3):
            Mentee.objects.create(organization=world.school, last_name=f"А{n}", first_name="Б").requests.add(tag)
    few = count()
    with in_school(world):
        for n in range(30):
            Mentee.objects.create(organization=world.school, last_name=f"В{n}", first_name="Г").requests.add(tag)
    assert count() == few


def test_the_access_log_lists_who_opened_a_minors_card(world, curator):
    minor = world.people[world.school.pk]["mentee"]
    world.client_for(world.users[Role.METHODIST]).get(url(world, "mentee_detail", pk=minor.pk))
    director = world.client_for(world.users[Role.DIRECTOR])
    log = director.get(url(world, "school_audit"), {"action": "person.card_opened"})
    entries = list(log.context["entries"])
    assert [(entry.action, entry.actor) for entry in entries] == [("person.card_opened", world.users[Role.METHODIST])]
    assert "Открыта карточка несовершеннолетнего" in log.content.decode()
