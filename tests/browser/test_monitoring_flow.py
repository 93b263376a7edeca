"""The monitoring end to end in Chromium, with a real Celery worker: the curator launches the final wave; a
mentee answers through the personal link in a fresh browser without logging in; the curator sees the response
rate rise; the municipal specialist compiles the summary, watches the progress bar and downloads the PDF, whose
text has every school of the municipality and the totals."""

import io
import re

import psycopg
import pytest
from django.db import connection
from playwright.sync_api import expect
from pypdf import PdfReader

from core.roles import Role
from tests.test_worker import worker  # noqa: F401 - the real worker fixture

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.xdist_group("celery-worker")]


@pytest.fixture
def shared_media(media_root, monkeypatch):
    """The worker stores the rendered file where the live server reads it from (set before the worker starts)."""
    monkeypatch.setenv("MEDIA_ROOT", str(media_root))


def lock_contingent():
    """Holds the table the summary reads half-way, so that its progress is on the screen long enough to see."""
    settings = connection.settings_dict
    blocker = psycopg.connect(
        dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
    )  # fmt: skip
    blocker.execute("LOCK TABLE monitoring_contingent IN ACCESS EXCLUSIVE MODE")
    return blocker


@pytest.mark.usefixtures("shared_media", "worker")  # the worker starts after MEDIA_ROOT is shared
def test_final_wave_link_answer_and_municipal_summary(world, new_page, log_in, browser_errors, screenshot):
    curator = new_page()
    log_in(curator, world.users[Role.CURATOR].email)
    curator.goto(f"/o/{world.school.slug}/monitoring/")
    curator.get_by_test_id("wave-create").click()
    curator.locator("select[name=kind]").select_option("final")
    curator.locator("input[name=title]").fill("Итоговое анкетирование мая")
    curator.get_by_role("button", name="Запустить").click()
    expect(curator.get_by_role("heading", name="Итоговое анкетирование мая")).to_be_visible()
    rate = curator.get_by_test_id("response-rate")
    expect(rate).to_contain_text("Ответили 0 из 4")
    screenshot(curator, "monitoring-wave")

    curator.get_by_test_id("wave-sheet").click()
    links = curator.get_by_test_id("link")
    expect(links.first).to_be_visible()
    assert curator.locator("svg.segno").count() == links.count() == 2  # the mentee's two questionnaires
    link = links.first.get_attribute("href")
    path = re.sub(r"^https?://[^/]+", "", link)

    mentee = new_page()  # a fresh browser context: no session, no cookies
    mentee.goto(path)
    expect(mentee.get_by_test_id("answer-form")).to_be_visible()
    expect(mentee.get_by_text("Войти")).to_have_count(0)
    for question in mentee.locator("fieldset.question").all():
        options = question.locator("label.answer-option")
        if options.count():
            options.nth(options.count() - 1).click()
        else:
            question.locator("textarea").fill("Хотелось бы больше встреч")
    mentee.get_by_role("button", name="Отправить ответы").click()
    expect(mentee.get_by_test_id("answer-thanks")).to_be_visible()
    mentee.goto(path)
    expect(mentee.get_by_test_id("link-refusal")).to_contain_text("уже заполнена")

    curator.go_back()
    curator.reload()
    expect(curator.get_by_test_id("response-rate")).to_contain_text("Ответили 1 из 4")

    specialist = new_page()
    log_in(specialist, world.users[Role.MUNICIPAL_SPECIALIST].email)
    specialist.goto(f"/m/{world.municipality.slug}/monitoring/")
    expect(specialist.get_by_test_id("school-table")).to_contain_text(world.school.short_name)
    blocker = lock_contingent()
    try:
        specialist.get_by_test_id("summary-pdf").click()
        status = specialist.get_by_test_id("job-status")
        expect(status.locator("progress")).to_be_visible()
        screenshot(specialist, "monitoring-summary-progress")
    finally:
        blocker.rollback()
        blocker.close()
    download_button = specialist.get_by_test_id("job-download")
    expect(download_button).to_be_visible(timeout=30_000)
    with specialist.expect_download() as info:
        download_button.click()
    pdf = info.value.path().read_bytes()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for school in (world.school, world.sibling):
        assert school.short_name in text
    assert world.other_school.short_name not in text
    assert "Итого" in text
    # The used link's page is a 410 on purpose; nothing else may fail.
    assert [error for error in browser_errors if "status of 410" not in error] == []
