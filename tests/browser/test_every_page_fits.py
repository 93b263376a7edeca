"""Every role's pages on a phone (375 px) and a desktop (1366 px): no page wider than the phone's screen (tables
scroll inside their own box), the top menu on one line on the desktop, no serious or critical accessibility
violation (axe-core from node_modules), no server error and no console error anywhere. Each role's pages are
found by following its links from its landing (two clicks deep), one page of
each shape (``/pairs/12/`` and ``/pairs/13/`` are one shape); one browser, one page per role."""

import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from core.roles import Role

pytestmark = pytest.mark.browser

PHONE, DESKTOP = {"width": 375, "height": 740}, {"width": 1366, "height": 800}
# Files, printable sheets and actions are not pages to look at.
NOT_A_PAGE = re.compile(r"/(download|pdf|render|sheet|export|logout)/|\.(pdf|docx|xlsx|zip|ics|csv)$|^/admin/")
SHAPES_PER_ROLE = 60
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = """async () => {
    const result = await axe.run(document, {resultTypes: ["violations"]});
    return result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
        .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")}`);
}"""


@cache
def axe_source() -> str:
    return AXE.read_text()


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page (evaluated as a script of the test, which the
    page's CSP does not govern)."""
    page.evaluate(axe_source())
    return page.evaluate(SERIOUS)


def shape(path: str) -> str:
    return re.sub(r"/\d+(?=/|$)", "/<n>", path)


def own_links(page: Page, roots: tuple[str, ...]) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.netloc or not parts.path.startswith(roots) or NOT_A_PAGE.search(parts.path):
            continue
        paths.append(parts.path)
    return paths


def menu_lines(page: Page) -> int:
    """How many lines the top menu takes (its items' distinct tops)."""
    return page.evaluate(
        """() => { const menu = document.querySelector('.portal-navbar .navbar-nav');
                   if (!menu) return 1;
                   return new Set([...menu.children].map(li => Math.round(li.getBoundingClientRect().top))).size; }"""
    )


@pytest.mark.parametrize("role", list(Role), ids=[role.value for role in Role])
def test_every_page_of_a_role_fits_a_phone_and_a_desktop(role, world, new_page, log_in, browser_errors):
    page = new_page(viewport=DESKTOP)
    log_in(page, world.users[role].email)
    landing = urlsplit(page.url).path
    roots = (landing, "/notifications/", "/calendar/", "/metodika/")
    queue, seen, problems = [landing], {shape(landing)}, []
    visited = 0
    while queue and visited < SHAPES_PER_ROLE:
        path = queue.pop(0)
        response = page.goto(path)
        assert response is not None and response.status < 500, path
        visited += 1
        if response.status != 200:
            continue
        page.set_viewport_size(PHONE)
        if (width := page.evaluate("document.documentElement.scrollWidth")) > PHONE["width"]:
            problems.append(f"{path}: {width} px wide at 375 px")
        page.set_viewport_size(DESKTOP)
        if (lines := menu_lines(page)) > 1:
            problems.append(f"{path}: the menu takes {lines} lines at 1366 px")
        problems.extend(f"{path}: {violation}" for violation in serious_violations(page))
        if path.count("/") <= landing.count("/") + 3:  # two clicks deep is enough to meet every shape
            for link in own_links(page, roots):
                if shape(link) not in seen:
                    seen.add(shape(link))
                    queue.append(link)
    assert visited > 3, "the crawl found no pages"
    assert not problems, "\n".join(problems)
    assert browser_errors == []
