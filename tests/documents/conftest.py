import pytest
from django_scopes import scopes_disabled

from core.roles import Role
from core.tenancy import tenant_scope
from documents.models import Document
from documents.services import drafting


@pytest.fixture
def school(world):
    """School A with its requisites and without the world's roadmap: tests compose documents from nothing."""
    school = world.school
    with scopes_disabled():
        Document.objects.filter(organization=school).delete()
    school.director_name = "Петрова Ольга Ивановна"
    school.address = "663060, Красноярский край, пгт Большая Мурта, ул. Советская, 1"
    school.save()
    return school


@pytest.fixture
def programme(world, school):
    return world.people[school.pk]["programme"]


@pytest.fixture
def in_school(school):
    with tenant_scope(school):
        yield


@pytest.fixture
def curator(world):
    return world.users[Role.CURATOR]


@pytest.fixture
def director(world):
    return world.users[Role.DIRECTOR]


@pytest.fixture
def make(school, programme, curator, in_school):
    """A new document of a kind for the school's programme, with the school's own words for some blocks."""

    def make(kind, **blocks):
        document = drafting.create(tenant=school, kind_code=kind, actor=curator, programme=programme)
        if blocks:
            document = drafting.update_texts(document, blocks, actor=curator)
        return document

    return make


@pytest.fixture
def teachers(school, programme):
    """The teachers' system of mentoring in school A (tests/documents/teachers_world.py)."""
    from .teachers_world import add_teachers_system

    return add_teachers_system(school, programme)
