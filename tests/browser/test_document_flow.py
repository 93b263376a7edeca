"""A school's roadmap through approval and agreement, in Chromium: the curator composes it from the programme
and sends it; the director approves it from the inbox; the municipal specialist returns it with a remark; the
curator answers and resubmits; the specialist agrees it; the frozen PDF's hash is on the page, and a later edit
makes version 2 while version 1 stays as approved."""

import hashlib

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from core.models import Notification
from core.roles import Role
from documents.models import Document, DocumentVersion

pytestmark = pytest.mark.browser

REMARK = "Уточните ответственных за этап 4 «Отбор и обучение наставников»."
ANSWER = "Ответственные уточнены: заместитель директора по УР."


def email(role: Role) -> str:
    return f"{role.value}@a.test"


def test_roadmap_is_approved_returned_resubmitted_agreed_and_edited(
    world, new_page, log_in, browser_errors, screenshot
):
    with scopes_disabled():
        Document.objects.filter(organization=world.school).delete()  # the fixture roadmap: start from nothing
        Notification.objects.all().delete()
    world.school.director_name = "Петрова Ольга Ивановна"
    world.school.save()

    curator = new_page()
    log_in(curator, email(Role.CURATOR))
    curator.goto(f"/o/{world.school.slug}/")
    curator.get_by_role("button", name="Документы").click()
    curator.get_by_role("link", name="Все документы").click()
    curator.get_by_test_id("document-new").click()
    curator.get_by_role("link", name="Дорожная карта внедрения целевой модели наставничества").click()
    curator.get_by_test_id("document-create").click()
    preview = curator.get_by_test_id("document-preview")
    expect(preview).to_contain_text("ДОРОЖНАЯ КАРТА")
    expect(preview).to_contain_text("Завершение наставничества")
    curator.get_by_test_id("document-send").click()
    expect(curator.get_by_test_id("document-status")).to_have_text("на утверждении")
    roadmap_url = curator.url

    director = new_page()
    log_in(director, email(Role.DIRECTOR))
    expect(director.get_by_test_id("unread-count")).to_have_text("1")
    director.goto(f"/o/{world.school.slug}/documents/inbox/")
    director.get_by_test_id("inbox").get_by_role("link").first.click()
    director.get_by_test_id("document-approve").click()
    expect(director.get_by_test_id("document-status")).to_have_text("на согласовании в управлении образования")

    specialist = new_page()
    log_in(specialist, email(Role.MUNICIPAL_SPECIALIST))
    specialist.get_by_role("link", name="Дорожные карты школ").click()
    specialist.get_by_test_id("roadmaps-waiting").get_by_role("link").first.click()
    specialist.locator("#remark-text").fill(REMARK)
    specialist.get_by_test_id("roadmap-return").click()
    expect(specialist.get_by_test_id("document-status")).to_have_text("возвращён с замечаниями")

    curator.goto(roadmap_url)
    expect(curator.get_by_test_id("remarks")).to_contain_text(REMARK)
    curator.locator("#answer-text").fill(ANSWER)
    curator.get_by_test_id("document-resubmit").click()
    expect(curator.get_by_test_id("document-status")).to_have_text("на согласовании в управлении образования")

    specialist.reload()
    expect(specialist.get_by_test_id("remarks")).to_contain_text(ANSWER)
    specialist.get_by_test_id("roadmap-agree").click()
    expect(specialist.get_by_test_id("document-status")).to_have_text("согласован")

    curator.goto(roadmap_url)
    with scopes_disabled():
        version = DocumentVersion.objects.get(document__organization=world.school, document__kind="roadmap")
        approved_pdf, agreed_pdf = version.pdf.read(), version.agreed_pdf.read()
    expect(curator.get_by_test_id("sha256")).to_have_text(hashlib.sha256(approved_pdf).hexdigest())
    expect(curator.get_by_test_id("agreed-sha256")).to_have_text(hashlib.sha256(agreed_pdf).hexdigest())
    screenshot(curator, "roadmap-agreed")

    curator.get_by_test_id("document-edit").click()
    curator.get_by_label("Информирование педагогического и родительского сообществ").fill(
        "- Общешкольное родительское собрание о программе наставничества"
    )
    curator.get_by_test_id("texts-save").click()
    expect(curator.get_by_test_id("document-version")).to_have_text("2")
    expect(curator.get_by_test_id("document-status")).to_have_text("черновик")
    expect(curator.get_by_test_id("document-preview")).to_contain_text("Общешкольное родительское собрание")
    expect(curator.get_by_test_id("sha256")).to_have_text(version.sha256)  # version 1 is kept as approved
    assert browser_errors == []
