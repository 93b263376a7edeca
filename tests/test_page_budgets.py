"""Query budgets of the pages the speed benchmark measures (issue 14): lists and cards at most 12 queries,
the dashboards at most 20, the same number for a school of few rows as for one of many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from core.roles import Role
from mentoring.models import Mentee, Mentor

from .test_journal import add_pair

LIST_BUDGET, DASHBOARD_BUDGET = 12, 20


def pages(world, pair):
    """(URL name, its kwargs, the role that opens it, its budget)."""
    school = world.school
    programme = world.people[school.pk]["programme"]
    mentee = world.people[school.pk]["mentee"]
    mentor = world.people[school.pk]["mentor"]
    return [
        ("school_home", {}, Role.CURATOR, DASHBOARD_BUDGET),
        ("programme_detail", {"pk": programme.pk}, Role.CURATOR, DASHBOARD_BUDGET),
        ("mentee_list", {}, Role.CURATOR, LIST_BUDGET),
        ("mentor_list", {}, Role.CURATOR, LIST_BUDGET),
        ("pair_list", {}, Role.CURATOR, LIST_BUDGET),
        ("journal_list", {}, Role.CURATOR, LIST_BUDGET),
        ("pair_journal", {"pk": pair.pk}, Role.CURATOR, LIST_BUDGET),
        ("mentee_detail", {"pk": mentee.pk}, Role.CURATOR, LIST_BUDGET),
        ("mentor_detail", {"pk": mentor.pk}, Role.CURATOR, LIST_BUDGET),
    ]


def queries(client, address):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200, address
    return len(captured)


def grow(world, count, offset):
    with scopes_disabled():
        for n in range(count):
            Mentee.objects.create(organization=world.school, last_name=f"Рост{offset}-{n}", first_name="Ия")
            Mentor.objects.create(organization=world.school, last_name=f"Рост{offset}-{n}", first_name="Ян")
    for n in range(count // 4):
        add_pair(world, meetings_days_ago=[n + 1, 40], mentees=2, name=f"Пара{offset}-{n}")


@pytest.mark.parametrize("index", range(9))
def test_each_page_keeps_its_budget_for_few_rows_as_for_many(world, index):
    pair = add_pair(world, meetings_days_ago=[3, 2], mentees=2)
    name, kwargs, role, budget = pages(world, pair)[index]
    client = world.client_for(world.users[role])
    address = reverse(name, kwargs={"org": world.school.slug, **kwargs})
    grow(world, 2, 0)
    few = queries(client, address)
    grow(world, 24, 1)
    many = queries(client, address)
    assert (few, many) == (few, few), name
    assert few <= budget, (name, few)
