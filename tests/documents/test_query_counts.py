"""The documents list and the department's roadmap inbox make as many queries for many rows as for few."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from core.models import Organization
from core.roles import Role
from documents.models import Document


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_documents(school, author, count):
    with scopes_disabled():
        Document.objects.bulk_create(
            [
                Document(
                    organization=school,
                    tenant_key=f"o:{school.pk}",
                    kind="thank_you_letter",
                    title=f"Письмо {n}",
                    created_by=author,
                )
                for n in range(count)
            ]
        )


def add_schools(world, count):
    with scopes_disabled():
        for n in range(count):
            Organization.objects.create(
                slug=f"extra-{n}", name=f"МБОУ «Школа {n}»", short_name=f"Школа {n}", municipality=world.municipality
            )


def test_document_list_queries_do_not_grow(world):
    client = world.client_for(world.users[Role.CURATOR])
    url = reverse("document_list", kwargs={"org": world.school.slug})
    add_documents(world.school, world.users[Role.CURATOR], 3)
    few = queries(client, url)
    add_documents(world.school, world.users[Role.CURATOR], 30)
    assert queries(client, url) == few


def test_roadmap_inbox_queries_do_not_grow_with_schools(world):
    client = world.client_for(world.users[Role.MUNICIPAL_SPECIALIST])
    url = reverse("m_roadmap_inbox", kwargs={"muni": world.municipality.slug})
    few = queries(client, url)
    add_schools(world, 20)
    assert queries(client, url) == few
