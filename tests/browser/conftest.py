"""Browser fixtures: one Chromium per run of this folder's tests, a fresh context and page for every test.

Chromium is Debian's (/usr/bin/chromium); nothing is downloaded. Playwright's sync API keeps an asyncio event
loop running in the main thread for as long as it is started, and Django refuses synchronous database access
while a loop is running, so the browser fixture allows it (DJANGO_ALLOW_ASYNC_UNSAFE) while Chromium lives.

That is why the browser is package-scoped rather than session-scoped: a session-scoped Playwright outlives the
browser tests inside an xdist worker, so every later test in that worker would run beside a live event loop
with async safety switched off (and the variable would leak into subprocesses: ``manage.py check --deploy``
fails with async.E001). With package scope pytest stops Chromium, and restores the variable, as soon as the
worker turns to a test outside tests/browser/; a worker whose share of browser tests is contiguous (the
usual case) starts Chromium once, about a second.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, expect, sync_playwright

from tests.conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
# Screenshots for a reviewer to look at; outside the repository and never asserted on.
SCREENS_DIR = Path(os.environ.get("BROWSER_SCREENS_DIR", "/tmp/screens"))  # noqa: S108 - scratch output only
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
TIMEOUT_MS = 10_000

expect.set_options(timeout=5_000)


@pytest.fixture(scope="package")
def playwright_browser() -> Iterator[Browser]:
    """Chromium, started once per contiguous run of browser tests in a test process (or xdist worker)."""
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


def record_console_error(message: ConsoleMessage, errors: list[str]) -> None:
    if message.type != "error":
        return
    url = message.location.get("url", "")
    errors.append(f"console: {message.text} ({url})")


@pytest.fixture
def browser_errors() -> list[str]:
    """Uncaught script errors and console errors of every page a test opens (CSP violations land here)."""
    return []


@pytest.fixture
def new_page(playwright_browser, live_server, browser_errors) -> Iterator[Callable[..., Page]]:
    """A factory of pages, each in its own fresh context (cookies, storage); ``**options`` go to the context.

    Relative URLs resolve against the live server. Every context is closed when the test ends.
    """
    contexts: list[BrowserContext] = []

    def make(**options) -> Page:
        context = playwright_browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: browser_errors.append(f"pageerror: {error}"))
        page.on("console", lambda message: record_console_error(message, browser_errors))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    """A fresh page with the default desktop viewport (1280x720), where the navbar is expanded."""
    return new_page()


@pytest.fixture
def log_in() -> Callable[..., None]:
    """Logs in through the real login form, as a person would, and waits until the form has been left."""

    def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
        page.goto("/accounts/login/")
        page.locator("input[name=username]").fill(email)
        page.locator("input[name=password]").fill(password)
        page.get_by_role("button", name="Войти").click()
        page.wait_for_load_state()

    return log_in


@pytest.fixture
def screenshot() -> Callable[[Page, str], Path]:
    """Saves a full-page screenshot to SCREENS_DIR/<name>.png for a reviewer; tests never assert on it."""

    def save(page: Page, name: str) -> Path:
        SCREENS_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENS_DIR / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
