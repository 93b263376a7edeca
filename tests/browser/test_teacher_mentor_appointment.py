"""Appointing a teacher as mentor under art. 351.8 of the Labour Code, in Chromium: the director sees that the
addendum is not signed yet (the appointment order cannot be drawn), marks it signed on the pair's appointment
page, then draws and approves the addendum and the order appointing the mentor — numbered from the register,
citing the written consent and the addendum."""

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from core.roles import Role
from documents.models import Document
from tests.documents.teachers_world import add_teachers_system

pytestmark = pytest.mark.browser


def draw_and_approve(page, school, kind_name):
    page.goto(f"/o/{school.slug}/documents/new/")
    page.get_by_test_id("document-kinds").get_by_role("link", name=kind_name).click()
    page.get_by_test_id("document-create").click()
    page.get_by_test_id("document-send").click()
    expect(page.get_by_test_id("document-status")).to_have_text("на утверждении")
    page.get_by_test_id("document-approve").click()
    expect(page.get_by_test_id("document-status")).to_have_text("утверждён")


def test_the_director_draws_and_approves_the_appointment_order_and_the_addendum(
    world, new_page, log_in, browser_errors, screenshot
):
    school = world.school
    with scopes_disabled():
        Document.objects.filter(organization=school).delete()
        school.director_name = "Петрова Ольга Ивановна"
        school.save()
        teachers = add_teachers_system(school, world.people[school.pk]["programme"], signed=False)

    director = new_page()
    log_in(director, f"{Role.DIRECTOR.value}@a.test")
    director.goto(f"/o/{school.slug}/documents/new/?kind=teacher_appointment_order")
    director.get_by_test_id("document-create").click()
    expect(director.get_by_test_id("document-problems")).to_contain_text(
        "Дополнительное соглашение к трудовому договору с Сидоровой Марией Павловной о наставничестве не подписано"
    )

    director.goto(f"/o/{school.slug}/pairs/{teachers.pair.pk}/")
    director.get_by_test_id("appointment-link").click()
    expect(director.get_by_test_id("appointment")).to_contain_text("не подписано")
    director.get_by_label("Номер дополнительного соглашения").fill("7")
    director.get_by_label("Подписано сторонами").fill("2026-09-28")
    director.get_by_role("button", name="Отметить подписание").click()
    expect(director.get_by_test_id("appointment")).to_contain_text("№ 7 подписано 28.09.2026")

    draw_and_approve(director, school, "Дополнительное соглашение к трудовому договору о наставничестве")
    expect(director.get_by_test_id("document-preview")).to_contain_text("3 000,00 руб. в месяц")

    draw_and_approve(director, school, "Приказ о назначении наставников педагогических работников")
    preview = director.get_by_test_id("document-preview")
    expect(preview).to_contain_text("Назначить Сидорову Марию Павловну, учителя математики, наставником")
    expect(preview).to_contain_text("дополнительного соглашения к трудовому договору от 28.09.2026 № 7")
    with scopes_disabled():
        order = Document.objects.get(organization=school, kind="teacher_appointment_order")
    assert order.number and order.status == Document.Status.APPROVED
    expect(director.locator("h1").first).to_contain_text(f"№ {order.number}")
    screenshot(director, "teacher-appointment-order-approved")
    assert browser_errors == []
