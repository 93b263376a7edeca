"""List pages run the same number of queries whatever the number of rows (convention 8)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from core.audit import log_action
from core.models import Membership, Organization
from core.roles import Role

from .conftest import make_user


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_schools(world, count):
    Organization.objects.bulk_create(
        Organization(
            slug=f"extra-{world.extra}-{n}", name=f"Школа {n}", short_name=f"Школа {n}", municipality=world.municipality
        )
        for n in range(count)
    )
    world.extra += 1


def add_members(world, count):
    for n in range(count):
        user = make_user(f"extra{world.extra}-{n}@a.test")
        membership = Membership.objects.create(user=user, organization=world.school, role=Role.MENTOR)
        with scopes_disabled():
            log_action("membership.granted", actor=world.users[Role.DIRECTOR], tenant=world.school, obj=membership)
    world.extra += 1


def grows(world, url, role, add):
    world.extra = 0
    client = world.client_for(world.users[role])
    add(world, 2)
    few = queries(client, url)
    add(world, 20)
    many = queries(client, url)
    return few, many


def test_municipal_school_list(world):
    few, many = grows(world, f"/m/{world.municipality.slug}/", Role.MUNICIPAL_SPECIALIST, add_schools)
    assert few == many


def test_member_list(world):
    few, many = grows(world, f"/o/{world.school.slug}/members/", Role.DIRECTOR, add_members)
    assert few == many


def test_school_home(world):
    few, many = grows(world, f"/o/{world.school.slug}/", Role.CURATOR, add_members)
    assert few == many


def test_audit_log(world):
    few, many = grows(world, f"/o/{world.school.slug}/audit/", Role.CURATOR, add_members)
    assert few == many
