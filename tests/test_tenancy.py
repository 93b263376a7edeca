"""Tenancy fails closed: no scope, no rows; a school sees its rows, a municipality its schools' rows."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import include, path
from django.views.generic import TemplateView
from django_scopes import ScopeError, scopes_disabled

from config.celery import app as celery_app
from core.audit import log_action
from core.models import AuditEntry, Membership, Region
from core.roles import Role
from core.tasks import TenantTask
from core.tenancy import tenant_scope


@pytest.fixture
def entries(world):
    """One audit entry in each school."""
    with scopes_disabled():
        for school in (world.school, world.sibling, world.other_school):
            membership = Membership.objects.filter(organization=school).first() or Membership.objects.create(
                user=world.staff, organization=school, role=Role.OBSERVER
            )
            log_action("membership.granted", actor=world.staff, tenant=school, obj=membership)


def test_query_without_scope_raises(entries):
    with pytest.raises(ScopeError):
        list(AuditEntry.objects.all())
    with pytest.raises(ScopeError):
        AuditEntry.objects.filter(action="membership.granted").count()
    with pytest.raises(ScopeError):
        AuditEntry.objects.get(pk=1)


def test_school_scope_sees_only_its_rows(world, entries):
    with tenant_scope(world.school):
        assert {entry.organization_id for entry in AuditEntry.objects.all()} == {world.school.pk}


def test_municipal_scope_sees_its_schools_only(world, entries):
    with tenant_scope(world.municipality):
        seen = {entry.organization_id for entry in AuditEntry.objects.all()}
    assert seen == {world.school.pk, world.sibling.pk}


def test_municipality_without_schools_sees_nothing(db, world, entries):
    empty = type(world.municipality).objects.create(
        slug="empty", name="Пусто", short_name="Пусто", region=Region.objects.get_or_create(name="—")[0]
    )
    with tenant_scope(empty):
        assert AuditEntry.objects.count() == 0


def test_audit_page_shows_own_school_only(world, entries):
    response = world.client_for(world.users[Role.CURATOR]).get(f"/o/{world.school.slug}/audit/")
    assert response.status_code == 200
    shown = {entry.organization_id for entry in response.context["entries"]}
    assert shown == {world.school.pk}


class Undeclared(TemplateView):
    template_name = "404.html"


urlpatterns = [path("o/<slug:org>/undeclared/", Undeclared.as_view()), path("", include("config.urls"))]


@override_settings(ROOT_URLCONF=__name__)
def test_tenant_view_without_declared_capability_is_refused(world):
    """A new tenant view that forgets required_capability fails loudly instead of opening to every role."""
    client = world.client_for(world.users[Role.DIRECTOR])
    client.raise_request_exception = True
    with pytest.raises(ImproperlyConfigured):
        client.get(f"/o/{world.school.slug}/undeclared/")


@celery_app.task(base=TenantTask, bind=True, name="tests.audit_organizations")
def audit_organizations(self, *, organization_id=None, municipality_id=None, tenant=None):
    return sorted(set(AuditEntry.objects.values_list("organization_id", flat=True))), str(tenant)


def test_tenant_task_runs_inside_the_scope_of_the_tenant_it_is_given(world, entries):
    assert audit_organizations.apply(kwargs={"organization_id": world.sibling.pk}).get() == (
        [world.sibling.pk],
        "Школа Б",
    )
    seen, name = audit_organizations.apply(kwargs={"municipality_id": world.municipality.pk}).get()
    assert (seen, name) == (sorted([world.school.pk, world.sibling.pk]), "УО Мурта")
    with pytest.raises(TypeError):
        audit_organizations.apply(kwargs={}).get()
