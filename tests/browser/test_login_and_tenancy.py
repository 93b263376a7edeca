"""Logging in, landing in the right school or municipality, and staying inside it — in a real browser.

Every test builds the ``World`` of tests/conftest.py (two municipalities, three schools, a user for every
role) and drives Debian's Chromium against the live server, as a teacher or an official would.
"""

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from core.models import Membership
from core.roles import MUNICIPAL_ROLES, REGIONAL_ROLES, Role

pytestmark = pytest.mark.browser

SCHOOL_HOME = "/o/school-a/"
MUNICIPALITY_HOME = "/m/murta/"
LOGIN = "/accounts/login/"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def path_of(page: Page) -> str:
    """The path and query of the page's URL, without the live server's origin."""
    return re.sub(r"^https?://[^/]+", "", page.url)


@pytest.mark.parametrize("role", list(Role), ids=[role.value for role in Role])
def test_every_role_logs_in_and_lands_on_its_home(role, world, page, log_in, screenshot, browser_errors):
    log_in(page, world.users[role].email)

    title = page.get_by_test_id("page-title")
    if role in REGIONAL_ROLES:
        expect(page).to_have_url(re.compile(rf"/r/{world.region.pk}/$"))
        expect(title).to_have_text("Муниципалитеты региона")
    elif role in MUNICIPAL_ROLES:
        expect(page).to_have_url(re.compile(re.escape(MUNICIPALITY_HOME) + "$"))
        expect(title).to_have_text(world.municipality.short_name)
        schools = page.get_by_test_id("school-list")
        expect(schools).to_contain_text("Школа А")
        expect(schools).to_contain_text("Школа Б")
        expect(schools).not_to_contain_text("Школа Я")
        if role == Role.MUNICIPAL_COORDINATOR:
            screenshot(page, "municipality_home")
    else:
        expect(page).to_have_url(re.compile(re.escape(SCHOOL_HOME) + "$"))
        expect(title).to_have_text("Школа А")
        expect(page.get_by_text(f"ваша роль: {role.label}")).to_be_visible()
        # A mentor works with their own pairs; the other roles see the school's team.
        panel = "mentor-panel" if role == Role.MENTOR else "school-panel"
        expect(page.get_by_test_id(panel)).to_be_visible()
        if role == Role.DIRECTOR:
            screenshot(page, "school_home")
    assert browser_errors == []


@pytest.mark.parametrize(
    ("role", "foreign_url"),
    [
        (Role.CURATOR, "/o/school-z/"),  # a school of another municipality
        (Role.CURATOR, "/o/school-b/"),  # a sibling school of the same municipality
        (Role.CURATOR, "/o/no-such-school/"),  # no school at all: indistinguishable from the two above
        (Role.MUNICIPAL_COORDINATOR, "/m/kansk/"),  # another municipality
    ],
    ids=["other-municipality-school", "sibling-school", "missing-school", "other-municipality"],
)
def test_another_tenant_is_a_russian_404(role, foreign_url, world, page, log_in):
    log_in(page, world.users[role].email)
    expect(page.get_by_test_id("page-title")).to_be_visible()

    response = page.goto(foreign_url)

    assert response is not None
    assert response.status == 404
    expect(page.get_by_role("heading", name="Страница не найдена")).to_be_visible()
    expect(page).to_have_title(re.compile("Страница не найдена"))
    # Nothing of the other tenant leaks into the page.
    for name in ("Школа Я", "Школа Б", "УО Канск"):
        expect(page.locator("body")).not_to_contain_text(name)
    # The way back leads home.
    page.get_by_role("link", name="На главную").click()
    expect(page.get_by_test_id("page-title")).to_be_visible()


def test_user_of_two_schools_chooses_and_switches(world, page, log_in, browser_errors):
    mentor = world.users[Role.MENTOR]
    with scopes_disabled():
        Membership.objects.create(user=mentor, role=Role.MENTOR, organization=world.sibling)

    log_in(page, mentor.email)

    expect(page).to_have_url(re.compile(r"/$"))
    assert path_of(page) == "/"
    tenants = page.get_by_test_id("tenant-list")
    expect(tenants.get_by_role("link")).to_have_count(2)
    expect(tenants.get_by_role("link").nth(0)).to_contain_text("Школа А")
    expect(tenants.get_by_role("link").nth(1)).to_contain_text("Школа Б")
    expect(tenants).to_contain_text("Наставник")
    expect(tenants).not_to_contain_text("Школа Я")

    tenants.get_by_role("link", name=re.compile("Школа Б")).click()
    expect(page).to_have_url(re.compile(r"/o/school-b/$"))
    expect(page.get_by_test_id("page-title")).to_have_text("Школа Б")

    # The switcher in the navbar names the current school and leads to the other one.
    switcher = page.get_by_test_id("tenant-switcher")
    expect(switcher).to_have_text("Школа Б")
    switcher.click()
    switcher_menu = page.locator("[data-testid=tenant-switcher] + .dropdown-menu")
    expect(switcher_menu.locator(".dropdown-item.active")).to_have_text("Школа Б")
    switcher_menu.get_by_role("link", name="Школа А").click()
    expect(page).to_have_url(re.compile(re.escape(SCHOOL_HOME) + "$"))
    expect(page.get_by_test_id("page-title")).to_have_text("Школа А")
    expect(page.get_by_test_id("tenant-switcher")).to_have_text("Школа А")

    # The brand link returns to the chooser.
    page.get_by_role("link", name="Наставничество").click()
    expect(page.get_by_test_id("tenant-list")).to_be_visible()
    assert browser_errors == []


def test_wrong_password_shows_russian_error_and_keeps_email(world, page, log_in):
    email = world.users[Role.CURATOR].email

    log_in(page, email, password="not-the-password")

    expect(page).to_have_url(re.compile(re.escape(LOGIN) + "$"))
    error = page.locator(".alert-danger")
    expect(error).to_be_visible()
    expect(error).to_contain_text(CYRILLIC)
    expect(error).to_contain_text("пароль")
    expect(page.locator("input[name=username]")).to_have_value(email)
    expect(page.locator("input[name=password]")).to_have_value("")
    expect(page.get_by_test_id("user-menu")).to_have_count(0)


def test_logout_through_user_menu(world, page, log_in, browser_errors):
    log_in(page, world.users[Role.CURATOR].email)
    expect(page).to_have_url(re.compile(re.escape(SCHOOL_HOME) + "$"))

    page.get_by_test_id("user-menu").click()
    page.get_by_role("button", name="Выйти").click()

    expect(page).to_have_url(re.compile(re.escape(LOGIN) + "$"))
    expect(page.get_by_role("button", name="Войти")).to_be_visible()
    expect(page.get_by_test_id("user-menu")).to_have_count(0)

    page.goto(SCHOOL_HOME)
    expect(page).to_have_url(re.compile(re.escape(LOGIN) + r"\?next=" + re.escape(SCHOOL_HOME) + "$"))
    expect(page.get_by_role("button", name="Войти")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Школа А")
    assert browser_errors == []


@pytest.mark.parametrize(
    ("role", "home"),
    [(Role.CURATOR, SCHOOL_HOME), (Role.MUNICIPAL_COORDINATOR, MUNICIPALITY_HOME)],
    ids=["school", "municipality"],
)
def test_phone_viewport_fits_and_menu_opens(role, home, world, new_page, log_in, screenshot, browser_errors):
    page = new_page(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True, has_touch=True)
    log_in(page, world.users[role].email)
    expect(page).to_have_url(re.compile(re.escape(home) + "$"))
    expect(page.get_by_test_id("page-title")).to_be_visible()

    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert inner_width == 375
    assert scroll_width <= inner_width, f"the page scrolls sideways: {scroll_width}px > {inner_width}px"

    toggler = page.locator(".navbar-toggler")
    menu = page.locator("#mainNav")
    expect(toggler).to_be_visible()
    expect(menu).to_be_hidden()
    toggler.click()
    # Bootstrap's collapse animates; "show" replaces "collapsing" once the menu is fully open.
    expect(menu).to_have_class(re.compile(r"\bshow\b"))
    expect(menu).to_be_visible()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Главная" if home == SCHOOL_HOME else "Организации")).to_be_visible()
    expect(page.get_by_test_id("user-menu")).to_be_visible()
    if home == SCHOOL_HOME:
        screenshot(page, "school_home_phone_menu_open")
    assert browser_errors == []
