"""The municipal bank of mentors, end to end in Chromium.

School Б has a young physics teacher and nobody to mentor her. Its curator finds School A's physics teacher in the
municipality's bank and sends a request; the mentor accepts from School A's login, then School A's director; the
mentor records the first meeting from School A's login; School Б's curator reads it in the pair's journal.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from core.models import Membership
from core.roles import Role
from mentoring.models import BankEntry, Pair
from mentoring.services.pairs import add_months
from mentoring.services.programmes import create_programme, ensure_forms
from tests.bank_world import young_teacher
from tests.conftest import make_user

pytestmark = pytest.mark.browser

MENTOR = "Сидорова Мария Павловна"  # school A's mentor of tests/conftest.py, linked to the mentor account
TEACHER = "Егорова Дарья Андреевна"
NEED = "Первый год в профессии, лабораторные работы по физике"
TOPIC = "Знакомство: план лабораторных работ"


def rural_school(world):
    """School Б: a curator, a programme of «педагог – педагог» and a young teacher; School A's mentor listed."""
    school, today = world.sibling, timezone.localdate()
    with scopes_disabled():
        curator = make_user("curator@b.test", last_name="Лебедева", first_name="Анна")
        Membership.objects.create(user=curator, role=Role.CURATOR, organization=school)
        forms = {form.code: form for form in ensure_forms(school)}
        create_programme(
            tenant=school, actor=curator, forms=[forms["teacher-teacher"]], title="Наставничество педагогов",
            starts_on=today - timedelta(days=90), ends_on=add_months(today, 12), curator=curator,
        )  # fmt: skip
        young_teacher(school, "Егорова", "Дарья")
        BankEntry.objects.create(
            organization=world.school, mentor=world.people[world.school.pk]["mentor"], subject="Физика",
            competencies="лабораторный практикум, подготовка к ОГЭ", places=1,
        )  # fmt: skip
    return curator


def test_a_rural_school_finds_a_mentor_in_the_bank_and_reads_the_journal_he_keeps(
    world, new_page, log_in, screenshot, browser_errors
):
    curator = rural_school(world)
    today = timezone.localdate()

    # School Б's curator finds the mentor by subject and sends a request.
    page = new_page()
    log_in(page, curator.email)
    page.goto("/o/school-b/")
    page.get_by_role("link", name="Банк наставников").click()
    page.get_by_label("Предмет").fill("физ")
    page.get_by_role("button", name="Найти").click()
    offer = page.get_by_test_id("bank-offer").filter(has_text=MENTOR)
    expect(offer).to_contain_text("Школа А")
    expect(offer).to_contain_text("подготовка к ОГЭ")
    offer.get_by_role("link", name="Отправить запрос").click()
    page.get_by_label("Наставляемый педагог").select_option(label=TEACHER)
    page.get_by_label("Запрос наставляемого").fill(NEED)
    page.get_by_label("Плановое окончание").fill(add_months(today, 6).isoformat())
    page.get_by_role("button", name="Отправить запрос").click()
    expect(page.get_by_test_id("bank-request")).to_contain_text("ждёт ответа наставника")
    screenshot(page, "bank-request-sent")

    # The mentor accepts from School A's login.
    mentor_page = new_page()
    log_in(mentor_page, world.users[Role.MENTOR].email)
    mentor_page.goto("/o/school-a/")
    mentor_page.get_by_role("link", name="Банк наставников").click()
    request = mentor_page.get_by_test_id("bank-incoming").filter(has_text=TEACHER)
    expect(request).to_contain_text(NEED)
    request.get_by_role("button", name="Согласиться").click()
    expect(mentor_page.get_by_test_id("bank-status")).to_have_text("наставник согласен, ждёт решения руководителя")
    with scopes_disabled():
        assert not Pair.objects.filter(organization=world.sibling, form__code="teacher-teacher").exists()

    # School A's director agrees: the pair now exists in School Б.
    director_page = new_page()
    log_in(director_page, world.users[Role.DIRECTOR].email)
    director_page.goto("/o/school-a/bank/incoming/")
    director_page.get_by_test_id("bank-incoming").filter(has_text=TEACHER).get_by_role(
        "button", name="Согласовать"
    ).click()
    expect(director_page.get_by_test_id("bank-status")).to_have_text("принята, пара сформирована")
    director_page.goto("/o/school-a/bank/listed/")
    expect(director_page.get_by_test_id("external-pairs")).to_have_text("Школа Б: работает")
    expect(director_page.get_by_test_id("bank-entries")).not_to_contain_text(TEACHER)

    # The mentor records the first meeting from School A's login.
    mentor_page.goto("/o/school-a/bank/pairs/")
    mentor_page.get_by_role("link", name=TEACHER).click()
    mentor_page.get_by_role("link", name="Записать встречу").click()
    mentor_page.get_by_label("Дата").fill(today.isoformat())
    mentor_page.get_by_label("Вид встречи").select_option(label="знакомство")
    mentor_page.get_by_label("Тема").fill(TOPIC)
    mentor_page.get_by_label("Длительность, мин").fill("45")
    expect(mentor_page.get_by_label(TEACHER)).to_be_checked()
    mentor_page.get_by_role("button", name="Сохранить").click()
    expect(mentor_page.get_by_test_id("meeting")).to_contain_text(TOPIC)
    screenshot(mentor_page, "bank-mentor-journal")

    # School Б's curator sees the pair accepted and reads the meeting in its journal.
    page.goto("/o/school-b/bank/sent/")
    expect(page.get_by_test_id("bank-request")).to_contain_text("принята, пара сформирована")
    page.goto("/o/school-b/journals/")
    row = page.get_by_test_id("journal-row").filter(has_text=TEACHER)
    expect(row).to_contain_text(MENTOR)
    row.get_by_role("link", name="Журнал").click()
    expect(page.get_by_test_id("meeting")).to_contain_text(TOPIC)
    expect(page.get_by_test_id("page-title")).to_contain_text(TEACHER)
    screenshot(page, "bank-curator-reads-journal")
    assert browser_errors == []
