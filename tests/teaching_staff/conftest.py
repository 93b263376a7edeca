import pytest

from core.roles import Role
from core.tenancy import tenant_scope
from tests.documents.teachers_world import add_teachers_system


@pytest.fixture
def school(world):
    school = world.school
    school.director_name = "Петрова Ольга Ивановна"
    school.save()
    return school


@pytest.fixture
def programme(world, school):
    return world.people[school.pk]["programme"]


@pytest.fixture
def curator(world):
    return world.users[Role.CURATOR]


@pytest.fixture
def teachers(school, programme):
    return add_teachers_system(school, programme)


@pytest.fixture
def in_school(school):
    with tenant_scope(school):
        yield
