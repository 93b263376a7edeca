"""No personal page is kept in a cache: every response to a signed-in user says ``no-store, private`` — cards,
lists, forms, frozen PDFs, file downloads, exports, error pages; every authenticated URL of the matrix."""

import pytest

from core.roles import Role
from tests.test_permissions import CASES, TENANT_CASES, account_url, tenant_url


def allowed_role(case):
    if case.owner is not None:
        return case.owner
    return sorted(case.allowed, key=lambda role: list(Role).index(role))[0]


def assert_not_cacheable(response, url):
    directives = {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}
    assert {"no-store", "private"} <= directives, (url, response.status_code, response.get("Cache-Control"))
    assert "public" not in directives, (url, response.get("Cache-Control"))


SIGNED_IN_PAGES = [
    pytest.param(name, method, id=f"{name}-{method}")
    for name, case in TENANT_CASES
    if case.allowed
    for method in case.methods
]


@pytest.mark.parametrize(("name", "method"), SIGNED_IN_PAGES)
def test_every_signed_in_tenant_page_is_not_cacheable(world, name, method):
    case = CASES[name]
    url = tenant_url(world, name, case, other=False)
    response = getattr(world.client_for(world.users[allowed_role(case)]), method)(url, case.post_data)
    assert response.status_code in (200, 302), (url, response.status_code)
    assert_not_cacheable(response, url)


def test_refusals_and_missing_pages_are_not_cacheable_either(world):
    mentor = world.client_for(world.users[Role.MENTOR])
    card = tenant_url(world, "mentee_detail", CASES["mentee_detail"], other=False)
    assert_not_cacheable(mentor.get(card), card)  # 403
    foreign = tenant_url(world, "mentee_detail", CASES["mentee_detail"], other=True)
    assert_not_cacheable(mentor.get(foreign), foreign)  # 404


ACCOUNT_PAGES = [name for name, case in CASES.items() if case.level == "account"]


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_pages_are_not_cacheable(world, name):
    url = account_url(world, name)
    response = getattr(world.client_for(world.users[Role.MENTOR]), CASES[name].methods[0])(url)
    assert_not_cacheable(response, url)


def test_the_health_check_keeps_its_own_directives(world):
    response = world.client_for(world.users[Role.DIRECTOR]).get("/healthz")
    directives = {part.strip().split("=")[0] for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "private"} <= directives
