"""A school's first programme of mentoring, end to end in Chromium: from creating it to a mentor's journal.

School-b has a base of mentees and mentors but no programme. Its curator creates the programme on the page,
sees the seven stages, selects two mentors (a teacher and a parent whose daughter is a pupil of the school),
runs a session of the «Школа наставников» with attendance and marks the training completed, accepts the
matching's suggestions, and is refused a pair of the parent with his own daughter. The teacher, logged in in a
browser of her own, records the first meeting in her pair's journal; the curator then reads it there.
"""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from core.models import Membership
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import (
    Consent,
    Meeting,
    Mentee,
    Mentor,
    MentoringForm,
    Pair,
    Programme,
    ProgrammeMentor,
    Tag,
    TrainingSession,
)
from tests.conftest import make_user

pytestmark = pytest.mark.browser

TITLE = "Программа наставничества Школы Б"
TEACHER = "Кравцова Ольга Ивановна"
PARENT = "Белов Андрей Николаевич"
CHILD = "Белова Ксения Андреевна"
OTHER_PUPILS = ["Гришин Павел Олегович", "Дёмина Алина Сергеевна"]
FIXTURE_PUPIL = "Петров Илья Сергеевич"  # school-b's own pupil of tests/conftest.py (fill_school)
SESSION_TOPIC = "Роль наставника и первые встречи"
MEETING_TOPIC = "Знакомство и цели на полугодие"
OWN_CHILD_REFUSAL = f"Родитель не может быть наставником своего ребёнка ({CHILD})."


def born(age: int) -> date:
    return date(date.today().year - age, 3, 14)


def programme_period(today: date) -> tuple[date, date]:
    """1 September – 31 May of the school year that contains today (a summer day: a period around it)."""
    if today.month >= 9:
        return date(today.year, 9, 1), date(today.year + 1, 5, 31)
    if today.month <= 5:
        return date(today.year - 1, 9, 1), date(today.year, 5, 31)
    return today - timedelta(days=60), today + timedelta(days=300)


def pupil(school, last, first, patronymic, group, age, requests, mother) -> Mentee:
    """A minor pupil with requests and the mother's consent to the processing of personal data."""
    mentee = Mentee.objects.create(
        organization=school, last_name=last, first_name=first, patronymic=patronymic, birth_date=born(age),
        group=group, representative_name=mother, representative_relation="мать",
    )  # fmt: skip
    mentee.requests.set(requests)
    Consent.objects.create(
        organization=school, mentee=mentee, purpose=Consent.Purpose.PERSONAL_DATA, text_version="ПДн-2025-09",
        given_by_name=mother, given_by_relation="мать", given_at=timezone.now(), method=Consent.Method.PAPER,
        document_number=f"ПДн-{last}",
    )  # fmt: skip
    return mentee


def fill_school_b(world) -> dict:
    """School-b's curator and mentor accounts, two mentors with written consents, and three more pupils."""
    school = world.sibling
    with scopes_disabled():
        curator = make_user("curator@b.test", last_name="Орлова", first_name="Марина")
        mentor_user = make_user("mentor@b.test", last_name="Кравцова", first_name="Ольга")
        Membership.objects.create(user=curator, role=Role.CURATOR, organization=school)
        Membership.objects.create(user=mentor_user, role=Role.MENTOR, organization=school)
        adaptation = Tag.objects.get(organization=school, name="Адаптация в коллективе")
        career = Tag.objects.create(organization=school, name="Профориентация")
        child = pupil(school, "Белова", "Ксения", "Андреевна", "7А", 13, [career], "Белова Марина Петровна")
        pupil(school, "Гришин", "Павел", "Олегович", "8Б", 14, [adaptation], "Гришина Ольга Ивановна")
        pupil(school, "Дёмина", "Алина", "Сергеевна", "6В", 12, [career], "Дёмина Светлана Юрьевна")
        teacher = Mentor.objects.create(
            organization=school, last_name="Кравцова", first_name="Ольга", patronymic="Ивановна", birth_date=born(45),
            category=Mentor.Category.TEACHER, position="учитель географии", capacity=2, consent_number="7",
            consent_date=date(2025, 9, 2), user=mentor_user,
        )  # fmt: skip
        teacher.competencies.set([adaptation, career])
        parent = Mentor.objects.create(
            organization=school, last_name="Белов", first_name="Андрей", patronymic="Николаевич", birth_date=born(40),
            category=Mentor.Category.PARENT, position="инженер АО «Красмаш»", capacity=3, consent_number="8",
            consent_date=date(2025, 9, 3),
        )  # fmt: skip
        parent.competencies.set([career])
        parent.children.set([child])
    return {"school": school, "curator": curator, "mentor_user": mentor_user, "teacher": teacher, "parent": parent,
            "child": child}  # fmt: skip


def field(label: str) -> re.Pattern:
    """A form field's label, as shown: a required field's label ends with an asterisk."""
    return re.compile(rf"^{re.escape(label)}( \*)?$")


def alert(page: Page, text: str) -> None:
    expect(page.get_by_role("alert").filter(has_text=text)).to_be_visible()


def open_programme_menu(page: Page, item: str) -> None:
    nav = page.locator("#mainNav")
    nav.get_by_role("button", name="Программа").click()
    nav.get_by_role("link", name=item, exact=True).click()


def test_curator_runs_programme_and_mentor_keeps_journal(
    world, new_page, log_in, screenshot, browser_errors
):  # fmt: skip
    data = fill_school_b(world)
    school, teacher, parent, child = data["school"], data["teacher"], data["parent"], data["child"]
    today = timezone.localdate()
    starts_on, ends_on = programme_period(today)
    held_on = max(starts_on, today - timedelta(days=7))

    # 1. The curator logs in to school-b, which has no programme yet, and creates one on the page.
    page = new_page()
    log_in(page, data["curator"].email)
    expect(page.get_by_test_id("page-title")).to_have_text("Школа Б")
    expect(page.get_by_test_id("no-programme")).to_contain_text("Программа наставничества ещё не создана")
    page.get_by_test_id("programme-create").click()
    expect(page.get_by_test_id("page-title")).to_have_text("Новая программа наставничества")
    page.get_by_label(field("Название")).fill(TITLE)
    page.get_by_label(field("Начало")).fill(starts_on.isoformat())
    page.get_by_label(field("Окончание")).fill(ends_on.isoformat())
    page.get_by_label(re.compile(r"^\s*учитель – ученик \(")).check()
    page.get_by_label(re.compile(r"^\s*работодатель – ученик \(")).check()
    page.get_by_label(field("Цели")).fill("Адаптация и профориентация обучающихся")
    page.get_by_role("button", name="Создать программу").click()

    # 2. The programme's page: the seven stages of the target model.
    alert(page, "Программа создана: проверьте сроки этапов и ответственных.")
    expect(page.get_by_test_id("page-title")).to_have_text(TITLE)
    stages = page.get_by_test_id("stages").locator(":scope > li")
    expect(stages).to_have_count(7)
    for number in range(1, 8):
        expect(page.get_by_test_id(f"stage-{number}")).to_contain_text(f"Этап {number}.")
    expect(page.get_by_test_id("programme-forms")).to_contain_text("учитель – ученик")
    expect(page.get_by_test_id("programme-forms")).to_contain_text("работодатель – ученик")
    screenshot(page, "programme_flow_programme")
    with tenant_scope(school):
        programme = Programme.objects.get()
        assert (programme.title, programme.starts_on, programme.ends_on) == (TITLE, starts_on, ends_on)
        assert programme.stages.count() == 7
        forms = {form.code: form for form in MentoringForm.objects.filter(programmes=programme)}
        assert set(forms) == {"teacher-pupil", "employer-pupil"}

    # 3. Stage 4: the teacher and the parent are selected for the programme.
    page.get_by_role("link", name="Отбор наставников").click()
    expect(page.get_by_test_id("page-title")).to_have_text("Отбор наставников в программу")
    page.get_by_label(TEACHER).check()
    page.get_by_label(PARENT).check()
    page.get_by_role("button", name="Сохранить отбор").click()
    alert(page, "Отбор сохранён: добавлено 2, снято 0.")
    expect(page.get_by_label(TEACHER)).to_be_checked()
    expect(page.get_by_label(PARENT)).to_be_checked()

    # 4. The «Школа наставников»: a past session, its attendance, and the training marked completed.
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Школа наставников").click()
    expect(page.get_by_test_id("page-title")).to_have_text("«Школа наставников»")
    page.get_by_role("link", name="Запланировать занятие").click()
    page.get_by_label(field("Дата")).fill(held_on.isoformat())
    page.get_by_label(field("Тема")).fill(SESSION_TOPIC)
    page.get_by_label(field("Ведущий")).fill("Орлова М. П.")
    page.get_by_role("button", name="Запланировать").click()
    alert(page, "Занятие запланировано.")
    session_row = page.get_by_test_id("sessions").locator("tbody tr", has_text=SESSION_TOPIC)
    session_row.get_by_role("link", name="Посещение").click()
    expect(page.get_by_test_id("page-title")).to_contain_text("Посещение")
    page.get_by_label(TEACHER).check()
    page.get_by_label(PARENT).check()
    page.get_by_role("button", name="Сохранить посещение").click()
    alert(page, "Посещение сохранено.")
    expect(session_row.locator("td").nth(3)).to_have_text("2")
    trainees = page.get_by_test_id("trainees")
    trainees.get_by_label(TEACHER).check()
    trainees.get_by_label(PARENT).check()
    page.get_by_role("button", name="Отметить обучение завершённым").click()
    alert(page, "Отмечено обучение: 2.")
    expect(trainees.locator("tbody tr", has_text=TEACHER)).to_contain_text("обучен")
    expect(trainees.locator("tbody tr", has_text=PARENT)).to_contain_text("обучен")
    screenshot(page, "programme_flow_training")
    with tenant_scope(school):
        assert set(ProgrammeMentor.objects.filter(programme=programme).values_list("mentor_id", flat=True)) == {
            teacher.pk,
            parent.pk,
        }
        session = TrainingSession.objects.get(programme=programme)
        assert session.held_on == held_on
        assert set(session.attendees.values_list("pk", flat=True)) == {teacher.pk, parent.pk}
        assert set(Mentor.objects.filter(pk__in=[teacher.pk, parent.pk]).values_list("training", flat=True)) == {
            Mentor.Training.TRAINED
        }

    # 5. Stage 5: the matching proposes a mentor for every pupil; the curator accepts them all.
    open_programme_menu(page, "Подбор пар")
    expect(page.get_by_role("heading", name="Подбор наставников")).to_be_visible()
    suggestions = page.get_by_test_id("suggestion")
    expect(suggestions).to_have_count(4)
    for name in [CHILD, FIXTURE_PUPIL, *OTHER_PUPILS]:
        expect(page.get_by_test_id("suggestions")).to_contain_text(name)
    # The parent is never proposed for his own daughter.
    expect(suggestions.filter(has_text=CHILD)).to_contain_text(TEACHER)
    page.get_by_test_id("accept-all").get_by_role("button", name="Принять все на странице").click()
    alert(page, "Сформировано пар: 4 из 4.")
    expect(page.get_by_test_id("no-suggestions")).to_contain_text("наставляемых без пары нет")
    expect(page.get_by_role("link", name="Предложения: 0")).to_be_visible()
    page.get_by_test_id("pairs-nav").get_by_role("link", name="Пары и группы").click()
    pair_list = page.get_by_test_id("pair-list")
    for name in [CHILD, FIXTURE_PUPIL, *OTHER_PUPILS]:
        expect(pair_list).to_contain_text(name)
    screenshot(page, "programme_flow_pairs")
    with tenant_scope(school):
        pairs = Pair.objects.filter(programme=programme, status=Pair.Status.ACTIVE)
        assert pairs.count() == 4
        child_pair = pairs.get(members__mentee=child)
        assert child_pair.mentor_id == teacher.pk
        assert child_pair.form_id == forms["teacher-pupil"].pk
        assert not pairs.filter(mentor=parent, members__mentee=child).exists()

    # 6. A pair of the parent with his own daughter, formed by hand, is refused in Russian.
    page.get_by_test_id("pairs-nav").get_by_role("link", name="Сформировать").click()
    expect(page.get_by_role("heading", name="Сформировать пару или группу")).to_be_visible()
    mentees_box = page.locator("#pair-mentees")
    mentees_box.evaluate("element => element.setAttribute('data-before-swap', '1')")
    with page.expect_response(re.compile(r"/pairs/new/\?form=")):
        page.get_by_label(field("Форма наставничества")).select_option(str(forms["employer-pupil"].pk))
    expect(page.locator("#pair-mentees:not([data-before-swap])")).to_have_count(1)  # htmx swapped the list in
    page.get_by_label(field("Наставник")).select_option(str(parent.pk))
    page.get_by_label(field("Наставляемые")).select_option(str(child.pk))
    page.get_by_role("button", name="Сформировать").click()
    refusals = page.get_by_test_id("refusals")
    expect(refusals).to_contain_text("Пара не сформирована:")
    expect(refusals).to_contain_text(OWN_CHILD_REFUSAL)
    screenshot(page, "programme_flow_own_child_refused")
    with tenant_scope(school):
        assert not Pair.objects.filter(mentor=parent, members__mentee=child).exists()

    # 7. The teacher, in a browser of her own, records the first meeting in her pair with the daughter.
    mentor_page = new_page()
    log_in(mentor_page, data["mentor_user"].email)
    expect(mentor_page.get_by_test_id("page-title")).to_have_text("Школа Б")
    mentor_page.locator("#mainNav").get_by_role("link", name="Мои пары").click()
    expect(mentor_page.get_by_test_id("page-title")).to_have_text("Мои пары и группы")
    own_pairs = mentor_page.get_by_test_id("own-pair")
    expect(own_pairs).to_have_count(2)
    own_pairs.filter(has_text=CHILD).get_by_role("link", name="Журнал").click()
    expect(mentor_page.get_by_test_id("page-title")).to_have_text(f"Журнал наставника: {CHILD}")
    mentor_page.get_by_role("link", name="Записать встречу").click()
    expect(mentor_page.get_by_test_id("page-title")).to_have_text(f"Запись о встрече: {CHILD}")
    mentor_page.get_by_label(field("Дата")).fill(today.isoformat())
    mentor_page.get_by_label(field("Вид встречи")).select_option(Meeting.Kind.ACQUAINTANCE)
    mentor_page.get_by_label(field("Тема")).fill(MEETING_TOPIC)
    mentor_page.get_by_label(field("Длительность, мин")).fill("45")
    mentor_page.get_by_label(CHILD).check()
    mentor_page.get_by_role("button", name="Сохранить").click()
    alert(mentor_page, f"Встреча {today:%d.%m.%Y} записана в журнал.")
    meeting_row = mentor_page.get_by_test_id("meeting")
    expect(meeting_row).to_have_count(1)
    expect(meeting_row).to_contain_text(MEETING_TOPIC)
    expect(meeting_row).to_contain_text("знакомство")
    expect(meeting_row).to_contain_text(CHILD)
    screenshot(mentor_page, "programme_flow_mentor_journal")
    with tenant_scope(school):
        meeting = Meeting.objects.get(pair=child_pair)
        assert (meeting.held_on, meeting.kind, meeting.topic, meeting.duration_minutes) == (
            today,
            Meeting.Kind.ACQUAINTANCE,
            MEETING_TOPIC,
            45,
        )
        assert meeting.recorded_by == data["mentor_user"]
        assert list(meeting.present.values_list("pk", flat=True)) == [child.pk]

    # 8. The curator, back in the first browser, finds the meeting in that pair's journal.
    open_programme_menu(page, "Журналы наставников")
    expect(page.get_by_test_id("page-title")).to_have_text("Журналы наставников")
    row = page.get_by_test_id("journal-row").filter(has_text=CHILD)
    expect(row).to_contain_text(TEACHER)
    expect(row.locator("td").nth(3)).to_have_text(today.strftime("%d.%m.%Y"))
    expect(row.locator("td").nth(4)).to_have_text("1")
    row.get_by_role("link", name="Журнал").click()
    expect(page.get_by_test_id("page-title")).to_have_text(f"Журнал наставника: {CHILD}")
    expect(page.get_by_text("только чтение")).to_be_visible()
    expect(page.get_by_test_id("meeting")).to_contain_text(MEETING_TOPIC)
    screenshot(page, "programme_flow_curator_reads_journal")

    assert browser_errors == []
