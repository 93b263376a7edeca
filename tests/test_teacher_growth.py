"""A teacher-mentee's self-assessment of professional difficulties (entry and exit), the school's editable
questionnaire, the personalised mentoring programme whose goals come from the diagnosed difficulties, and the
individual educational route. Every refusal has its Russian reason and stores nothing."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import AuditEntry
from core.roles import Role
from teacher_growth.models import DifficultyItem, EducationalRoute, PersonalActivity, PersonalProgramme, SelfAssessment
from teacher_growth.services.difficulties import (
    add_item,
    ensure_questionnaire,
    profile,
    record_self_assessment,
    set_item_active,
)
from teacher_growth.services.personal_programmes import add_activity, create_personal_programme
from teacher_growth.services.routes import save_route
from tests.test_pairs import add_mentee, add_mentor, form, in_school, people, today, url

pytestmark = pytest.mark.django_db
CURATOR = Role.CURATOR


def young_teacher(world, last_name="Лаптев"):
    return add_mentee(
        world, last_name, years=24, category="young_specialist", consent="own", group="", teaching_experience=1
    )


def assess(world, mentee, stage="entry", *, high=(), taken_on=None, scores=None):
    """Record a self-assessment: 2 for every statement, 4 for the first ``high`` ones (diagnosed)."""
    with in_school(world):
        items = ensure_questionnaire(world.school)
        if scores is None:
            scores = {item.pk: (4 if n in high else 2) for n, item in enumerate(items)}
        return record_self_assessment(
            mentee=mentee, stage=stage, taken_on=taken_on or today() - timedelta(days=30), scores=scores,
            actor=world.users[CURATOR], tenant=world.school,
        )  # fmt: skip


def refused(call, expected):
    with pytest.raises(ValidationError) as refusal:
        call()
    assert any(expected in message for message in refusal.value.messages), refusal.value.messages


def test_the_default_questionnaire_covers_the_five_areas_and_the_school_edits_its_copy(world):
    with in_school(world):
        items = ensure_questionnaire(world.school)
        assert {item.area for item in items} == {
            "subject", "methodical", "psychological", "communicative", "organisational",
        }  # fmt: skip
        added = add_item(
            tenant=world.school, area="methodical", text="Проектная деятельность", actor=world.users[CURATOR]
        )
        set_item_active(items[0], False, actor=world.users[CURATOR], tenant=world.school)
        asked = ensure_questionnaire(world.school)
        assert added in asked and items[0] not in asked
        assert len(asked) == len(items)
        refused(lambda: add_item(tenant=world.school, area="methodical", text=" ", actor=None), "Сформулируйте")


def test_a_pupil_has_no_self_assessment_of_professional_difficulties(world):
    pupil = people(world)["mentee"]
    refused(lambda: assess(world, pupil), "Самооценка профессиональных затруднений и персонализированная программа")
    with in_school(world):
        assert SelfAssessment.objects.count() == 0


def test_every_statement_is_scored_and_the_exit_follows_the_entry(world):
    mentee = young_teacher(world)
    with in_school(world):
        first = ensure_questionnaire(world.school)[0]
    refused(lambda: assess(world, mentee, scores={first.pk: 3}), "Оцените все утверждения анкеты от 1 до 5")
    refused(lambda: assess(world, mentee, "exit"), "сначала запишите входную")
    refused(lambda: assess(world, mentee, taken_on=today() + timedelta(days=1)), "не может быть позже сегодняшней")
    with in_school(world):
        assert SelfAssessment.objects.count() == 0
    assess(world, mentee, high=(0, 1))
    refused(
        lambda: assess(world, mentee, "exit", taken_on=today() - timedelta(days=60)), "не может быть раньше входной"
    )


def test_the_profile_shows_the_diagnosed_difficulties_and_the_change(world):
    mentee = young_teacher(world)
    assess(world, mentee, high=(0, 4))
    with in_school(world):
        items = ensure_questionnaire(world.school)
        entry = profile(mentee)
        assert [row.item for row in entry.diagnosed] == [items[0], items[4]]
        assess(world, mentee, "exit", taken_on=today(), scores={item.pk: 2 for item in items})
        after = profile(mentee)
    subject = next(area for area in after.areas if area.area == "subject")
    assert (subject.entry, subject.exit) == (2.7, 2.0)
    assert subject.change == -0.7
    page = world.client_for(world.users[Role.METHODIST]).get(url(world, "mentee_difficulties", pk=mentee.pk))
    content = page.content.decode()
    assert "Профессиональные затруднения: Лаптев Олег" in content
    assert "-0,7" in content or "-0.7" in content


def teacher_pair(world, mentee, *, mentor_user=None):
    mentor = add_mentor(world, "Громова", capacity=3, user=mentor_user)
    return form(
        world, mentor, [mentee], "teacher-teacher", starts_on=date(2026, 10, 1), planned_end_on=date(2027, 5, 31)
    )


def write(world, pair, mentee, **overrides):
    with in_school(world):
        items = [row.item.pk for row in profile(mentee).diagnosed]
        fields = {"starts_on": date(2026, 10, 1), "ends_on": date(2027, 5, 31), "item_ids": items[:1]}
        fields.update(overrides)
        return create_personal_programme(
            pair=pair, mentee=mentee, actor=world.users[CURATOR], tenant=world.school, **fields
        )


def test_the_programme_takes_its_goals_from_the_diagnosed_difficulties(world):
    mentee = young_teacher(world)
    pair = teacher_pair(world, mentee)
    refused(lambda: write(world, pair, mentee, item_ids=[]), "сначала запишите входную самооценку")
    assess(world, mentee, high=(0, 4))
    with in_school(world):
        items = ensure_questionnaire(world.school)
    refused(lambda: write(world, pair, mentee, item_ids=[items[2].pk]), "только из затруднений, выявленных")
    refused(lambda: write(world, pair, mentee, item_ids=[]), "Выберите хотя бы одно выявленное затруднение")
    refused(lambda: write(world, pair, mentee, ends_on=date(2026, 11, 30)), "не меньше 3 месяцев")
    refused(lambda: write(world, pair, mentee, ends_on=date(2027, 10, 1)), "не больше 1 года")
    with in_school(world):
        assert PersonalProgramme.objects.count() == 0
    programme = write(world, pair, mentee, item_ids=[items[0].pk, items[4].pk], goal_texts={items[4].pk: "Свой текст"})
    with in_school(world):
        goals = list(programme.goals.all())
        assert [goal.text for goal in goals] == [f"Преодолеть затруднение «{items[0].text}»", "Свой текст"]
        assert [goal.area for goal in goals] == ["subject", "methodical"]
        assert AuditEntry.objects.filter(action="personal_programme.created").count() == 1
    refused(lambda: write(world, pair, mentee), "уже составлена")


def test_each_activity_has_a_date_inside_the_programme_and_an_expected_result(world):
    mentee = young_teacher(world)
    pair = teacher_pair(world, mentee)
    assess(world, mentee, high=(0,))
    programme = write(world, pair, mentee)
    with in_school(world):
        goal = programme.goals.get()

        def add(**fields):
            values = {"goal": goal, "title": "Открытый урок", "due_on": date(2026, 12, 10), "expected_result": "Урок"}
            values.update(fields)
            return add_activity(programme=programme, actor=world.users[CURATOR], tenant=world.school, **values)

        refused(
            lambda: add(due_on=date(2027, 6, 30)), "Срок мероприятия — в пределах программы: с 01.10.2026 по 31.05.2027"
        )
        refused(lambda: add(expected_result=" "), "Укажите ожидаемый результат")
        add()
        assert PersonalActivity.objects.count() == 1


def test_the_curator_writes_the_programme_and_the_mentor_sees_it_and_adds_an_activity(world):
    mentee = young_teacher(world)
    pair = teacher_pair(world, mentee, mentor_user=world.users[Role.MENTOR])
    curator = world.client_for(world.users[CURATOR])
    with in_school(world):
        items = ensure_questionnaire(world.school)
    scores = {f"item_{item.pk}": "5" if n == 1 else "1" for n, item in enumerate(items)}
    response = curator.post(
        url(world, "self_assessment_record", pk=mentee.pk), {"stage": "entry", "taken_on": "2026-09-20", **scores}
    )
    assert response.status_code == 302
    page = curator.get(url(world, "personal_programme_create", pk=pair.pk)).content.decode()
    assert items[1].text in page and items[0].text not in page.split("personal-programme-form")[1]
    response = curator.post(
        url(world, "personal_programme_create", pk=pair.pk),
        {"mentee": mentee.pk, "starts_on": "2026-10-01", "ends_on": "2027-05-31", "difficulties": [items[1].pk],
         f"goal_{items[1].pk}": "Уверенно решать олимпиадные задачи"},
    )  # fmt: skip
    assert response.status_code == 302
    mentor = world.client_for(world.users[Role.MENTOR])
    with in_school(world):
        goal = PersonalProgramme.objects.get(pair=pair).goals.get()
    response = mentor.post(
        url(world, "personal_activity_create", pk=pair.pk),
        {"mentee": mentee.pk, "goal": goal.pk, "title": "Разбор олимпиадных задач", "due_on": "2026-11-20",
         "expected_result": "Решены 10 задач муниципального этапа"},
    )  # fmt: skip
    assert response.status_code == 302
    seen = mentor.get(url(world, "personal_programme", pk=pair.pk)).content.decode()
    assert "Уверенно решать олимпиадные задачи" in seen
    assert "Решены 10 задач муниципального этапа" in seen
    # Another mentor's pair is not this mentor's: 404.
    other = add_mentor(world, "Орлова")
    foreign = form(world, other, [young_teacher(world, "Белов")], "teacher-teacher")
    assert mentor.get(url(world, "personal_programme", pk=foreign.pk)).status_code == 404


def test_a_refused_programme_keeps_the_input(world):
    mentee = young_teacher(world)
    pair = teacher_pair(world, mentee)
    assess(world, mentee, high=(0,))
    with in_school(world):
        item = ensure_questionnaire(world.school)[0]
    page = world.client_for(world.users[CURATOR]).post(
        url(world, "personal_programme_create", pk=pair.pk),
        {"mentee": mentee.pk, "starts_on": "2026-10-01", "ends_on": "2026-11-01", "difficulties": [item.pk],
         f"goal_{item.pk}": "Моя формулировка цели"},
    )  # fmt: skip
    content = page.content.decode()
    assert "Персонализированная программа длится не меньше 3 месяцев" in content
    assert "Моя формулировка цели" in content
    with in_school(world):
        assert PersonalProgramme.objects.count() == 0


def test_the_educational_route_lasts_four_to_five_years(world):
    mentee = young_teacher(world)

    def route(ends_on, steps=((2027, "Курсы повышения квалификации", "Удостоверение"),)):
        with in_school(world):
            return save_route(
                mentee=mentee, starts_on=date(2026, 9, 1), ends_on=ends_on, aim="Учитель первой категории",
                steps=steps, actor=world.users[CURATOR], tenant=world.school,
            )  # fmt: skip

    refused(lambda: route(date(2028, 8, 31)), "рассчитан на 4–5 лет: окончание с 31.08.2030 по 31.08.2031")
    refused(lambda: route(date(2030, 8, 31), steps=((2035, "Аттестация", ""),)), "2035 вне их")
    saved = route(date(2031, 5, 31))
    with in_school(world):
        assert [step.title for step in saved.steps.all()] == ["Курсы повышения квалификации"]
        assert EducationalRoute.objects.count() == 1
    refused(lambda: save_route(
        mentee=people(world)["mentee"], starts_on=date(2026, 9, 1), ends_on=date(2030, 8, 31), aim="Цель", steps=(),
        actor=None, tenant=world.school,
    ), "для педагогов")  # fmt: skip


def test_a_switched_off_statement_stays_in_earlier_profiles(world):
    mentee = young_teacher(world)
    assess(world, mentee, high=(0,))
    with in_school(world):
        item = ensure_questionnaire(world.school)[0]
        set_item_active(item, False, actor=world.users[CURATOR], tenant=world.school)
        assert item in [row.item for row in profile(mentee).diagnosed]
        assert DifficultyItem.objects.filter(active=False).count() == 1


def test_the_programme_page_and_the_profile_cost_the_same_queries_with_more_rows(world):
    mentee = young_teacher(world)
    pair = teacher_pair(world, mentee, mentor_user=world.users[Role.MENTOR])
    assess(world, mentee, high=(0, 1, 2, 3))
    programme = write(world, pair, mentee)
    client = world.client_for(world.users[CURATOR])

    def queries(name):
        with CaptureQueriesContext(connection) as captured:
            assert (
                client.get(url(world, name, pk=pair.pk if name == "personal_programme" else mentee.pk)).status_code
                == 200
            )
        return len(captured)

    before = (queries("personal_programme"), queries("mentee_difficulties"))
    with in_school(world):
        goal = programme.goals.get()
        for day in range(1, 8):
            add_activity(
                programme=programme, goal=goal, title=f"Мероприятие {day}", due_on=date(2026, 11, day),
                expected_result="Результат", actor=world.users[CURATOR], tenant=world.school,
            )  # fmt: skip
    assess(world, mentee, "exit", taken_on=today(), high=(0,))
    assert (queries("personal_programme"), queries("mentee_difficulties")) == before
