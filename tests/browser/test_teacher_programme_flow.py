"""The teachers' system end to end in Chromium: a curator records a young teacher's self-assessment of
professional difficulties, forms a «педагог – педагог» pair of kind «традиционное» with the school's mentor,
writes the personalised programme from the diagnosed difficulties and adds an activity; the mentor, in a browser
of her own, sees the programme of her pair."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Consent, Mentee, MentoringForm, MentoringKind, Pair
from teacher_growth.models import PersonalProgramme
from tests.browser.test_programme_flow import alert, field

pytestmark = pytest.mark.browser

YOUNG = "Лаптева Дарья Игоревна"
MENTOR = "Сидорова Мария Павловна"  # the fixture mentor of school-a, linked to the mentor account
GOAL = "Удерживать дисциплину на уроке без крика"
ACTIVITY = "Посещение уроков наставника: приёмы организации класса"
RESULT = "Освоены три приёма организации дисциплины"


def young_teacher(school) -> Mentee:
    with tenant_scope(school):
        mentee = Mentee.objects.create(
            organization=school, last_name="Лаптева", first_name="Дарья", patronymic="Игоревна",
            category=Mentee.Category.YOUNG_SPECIALIST, group="Учитель математики", teaching_experience=1,
            birth_date=timezone.localdate().replace(year=timezone.localdate().year - 24, month=3, day=1),
        )  # fmt: skip
        Consent.objects.create(
            organization=school, mentee=mentee, text_version="ПДн-2025-09", given_by_name=YOUNG,
            given_at=timezone.now(), method=Consent.Method.PAPER,
        )  # fmt: skip
    return mentee


def test_curator_writes_a_young_teachers_programme_and_the_mentor_sees_it(
    world, new_page, log_in, screenshot, browser_errors
):  # fmt: skip
    school = world.school
    mentee = young_teacher(school)
    today = timezone.localdate()

    # 1. The curator opens the young teacher's card and records her entry self-assessment.
    page = new_page()
    log_in(page, world.users[Role.CURATOR].email)
    page.goto(f"/o/{school.slug}/mentees/{mentee.pk}/")
    page.get_by_test_id("difficulties-link").click()
    page.get_by_role("link", name="Записать входную самооценку").click()
    page.get_by_label(field("Дата")).fill(today.isoformat())
    items = page.get_by_test_id("difficulty-item")
    discipline = items.filter(has_text="Поддержание дисциплины на уроке")
    parents = items.filter(has_text="Общение с родителями")
    for index in range(items.count()):
        items.nth(index).get_by_label("1", exact=True).check()
    discipline.get_by_label("5", exact=True).check()
    parents.get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Записать самооценку").click()
    alert(page, "Записана входная самооценка затруднений.")
    profile = page.get_by_test_id("difficulty-profile")
    expect(profile).to_contain_text("Поддержание дисциплины на уроке")
    screenshot(page, "teacher_flow_profile")

    # 2. She forms a «педагог – педагог» pair of kind «традиционное» with the school's mentor.
    with tenant_scope(school):
        teacher_form = MentoringForm.objects.get(code="teacher-teacher")
        mentor = world.people[school.pk]["mentor"]
    page.goto(f"/o/{school.slug}/pairs/new/")
    with page.expect_response(re.compile(r"/pairs/new/\?form=")):
        page.get_by_label(field("Форма наставничества")).select_option(str(teacher_form.pk))
    page.get_by_label(field("Наставник")).select_option(str(mentor.pk))
    page.get_by_label(field("Наставляемые")).select_option(str(mentee.pk))
    page.get_by_label("традиционное («один на один»)").check()
    page.get_by_label(field("Цели")).fill("Адаптация молодого педагога")
    page.get_by_role("button", name="Сформировать").click()
    expect(page.get_by_test_id("pair-kinds")).to_have_text("традиционное («один на один»)")
    with tenant_scope(school):
        pair = Pair.objects.get(members__mentee=mentee)
        assert list(pair.kinds.values_list("code", flat=True)) == ["traditional"]
        assert pair.form_id == teacher_form.pk

    # 3. From the pair she writes the personalised programme: the diagnosed difficulties are the goals.
    page.get_by_test_id("personal-programme-link").click()
    page.get_by_role("link", name="Составить программу из затруднений").click()
    form = page.get_by_test_id("personal-programme-form")
    expect(form.get_by_label(re.compile(r"Поддержание дисциплины на уроке — "))).to_be_checked()
    expect(form.get_by_label(re.compile(r"Общение с родителями.* — "))).to_be_checked()
    form.get_by_label("Формулировка цели: Поддержание дисциплины на уроке").fill(GOAL)
    page.get_by_role("button", name="Составить программу").click()
    alert(page, f"Персонализированная программа {YOUNG} составлена.")
    goals = page.get_by_test_id("programme-goal")
    expect(goals).to_have_count(2)
    expect(goals.first).to_contain_text(GOAL)

    # 4. She adds an activity with its date and expected result.
    page.get_by_role("link", name="Добавить мероприятие").click()
    page.get_by_label(field("Цель")).select_option(label=GOAL)
    page.get_by_label(field("Мероприятие")).fill(ACTIVITY)
    page.get_by_label(field("Срок")).fill(pair.planned_end_on.isoformat())
    page.get_by_label(field("Ожидаемый результат")).fill(RESULT)
    page.get_by_role("button", name="Добавить").click()
    expect(page.get_by_test_id("programme-activity")).to_contain_text(RESULT)
    screenshot(page, "teacher_flow_programme")

    # 5. The mentor, in her own browser, finds the programme from her pairs.
    mentor_page = new_page()
    log_in(mentor_page, world.users[Role.MENTOR].email)
    mentor_page.locator("#mainNav").get_by_role("link", name="Мои пары").click()
    own = mentor_page.get_by_test_id("own-pair").filter(has_text=YOUNG)
    own.get_by_role("link", name="Персонализированная программа").click()
    expect(mentor_page.get_by_test_id("personal-programme")).to_contain_text(GOAL)
    expect(mentor_page.get_by_test_id("programme-activity")).to_contain_text(ACTIVITY)
    expect(mentor_page.get_by_role("link", name="Составить программу из затруднений")).to_have_count(0)
    with tenant_scope(school):
        programme = PersonalProgramme.objects.get(pair=pair)
        assert programme.goals.first().text == GOAL
        assert programme.activities.get().expected_result == RESULT
        assert MentoringKind.objects.count() == 7
    assert browser_errors == []
