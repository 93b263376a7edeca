"""The permission matrix of the municipal bank of mentors (tests/matrix/bank.py): every URL × every role × the own
school, an object of the sibling school of the same municipality under the own school's URL, the sibling school's
own URL, the other municipality's school, and anonymous. A denied request changes nothing."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from core.roles import SCHOOL_ROLES, Role
from core.tenancy import tenant_scope
from mentoring.models import BankEntry, BankRequest
from mentoring.services import bank_crossing
from tests.bank_world import PLANNED_END, bank_fixture, young_teacher  # noqa: F401
from tests.matrix.bank import CASES, FOREIGN
from tests.test_permissions import assert_succeeded, expected_status, snapshot


@pytest.fixture
def matrix_bank(bank):
    """The bank, and school A's own request to the sibling school's listing."""
    world = bank
    school = world.school
    with scopes_disabled():
        mentee = young_teacher(school, "Соболева", "Ксения")
    with tenant_scope(school):
        world.people[school.pk]["foreign_request"] = bank_crossing.send_request(
            school, entry_id=world.people[school.pk]["bank_offer"].pk, mentee=mentee, need="Олимпиады",
            planned_end_on=PLANNED_END, programme=world.people[school.pk]["programme"], actor=world.users[Role.CURATOR],
        )  # fmt: skip
    return world


def bank_snapshot():
    with scopes_disabled():
        return (
            snapshot(),
            sorted(BankEntry.objects.values_list("pk", "status", "places")),
            sorted(BankRequest.objects.values_list("pk", "status", "pair_id")),
        )


def bank_url(world, name, *, school, obj_key=None):
    kwargs = {"org": school.slug}
    if obj_key:
        kwargs["pk"] = world.people[world.school.pk][obj_key].pk
    return reverse(name, kwargs=kwargs)


PARAMS = [
    pytest.param(name, role, method, id=f"{name}-{role.value}-{method}")
    for name, case in CASES.items()
    for role in Role
    for method in case.methods
]


@pytest.mark.parametrize(("name", "role", "method"), PARAMS)
def test_own_school(matrix_bank, name, role, method):
    world, case = matrix_bank, CASES[name]
    url = bank_url(world, name, school=world.school, obj_key=case.obj)
    before = bank_snapshot()
    response = getattr(world.client_for(world.users[role]), method)(url, case.post_data)
    expected = expected_status(case, role)
    if expected == "allowed":
        assert_succeeded(response, url)
    else:
        assert response.status_code == expected
        assert bank_snapshot() == before, "a denied request changed data"


@pytest.mark.parametrize(("name", "role", "method"), [p for p in PARAMS if CASES[p.values[0]].obj])
def test_an_object_of_the_sibling_school_under_the_own_url(matrix_bank, name, role, method):
    """The same municipality does not open another school's objects: 404 for the roles that hold the capability,
    403 for those that do not (the capability is checked first), 404 for municipal roles."""
    world, case = matrix_bank, CASES[name]
    url = bank_url(world, name, school=world.school, obj_key=FOREIGN[case.obj])
    before = bank_snapshot()
    response = getattr(world.client_for(world.users[role]), method)(url, case.post_data)
    if role not in SCHOOL_ROLES or role in case.allowed:
        assert response.status_code == 404
    else:
        assert response.status_code == 403
    assert bank_snapshot() == before


@pytest.mark.parametrize(("name", "role", "method"), PARAMS)
def test_the_sibling_school_and_the_other_municipality_are_404(matrix_bank, name, role, method):
    world, case = matrix_bank, CASES[name]
    client = world.client_for(world.users[role])
    before = bank_snapshot()
    for school in (world.sibling, world.other_school):
        response = getattr(client, method)(bank_url(world, name, school=school, obj_key=case.obj), case.post_data)
        assert response.status_code == 404
    assert bank_snapshot() == before


@pytest.mark.parametrize(("name", "method"), [(name, m) for name, case in CASES.items() for m in case.methods])
def test_anonymous_goes_to_login(matrix_bank, client, name, method):
    world, case = matrix_bank, CASES[name]
    response = getattr(client, method)(bank_url(world, name, school=world.school, obj_key=case.obj), case.post_data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
