"""People are listed in Russian alphabetical order (Ё with Е, case only breaking ties) on PostgreSQL and on SQLite,
and the name search on PostgreSQL runs on the trigram indexes."""

import random

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper
from django.urls import reverse
from django_scopes import scopes_disabled

from core.collation import russian_key
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Mentee, Mentor
from mentoring.services.search import find_mentees, name_query

# The Russian order (lower case first, as ICU has it); the bytes order (C collation) puts «Ёлкина» before
# «Абрамова» and «ёжиков» after «Яковлева».
SURNAMES = [
    "абрамова",
    "Абрамова",
    "Егорова",
    "ёжиков",
    "Елисеева",
    "Ёлкина",
    "Ельцова",
    "Жукова",
    "Иванов",
    "Яковлева",
]

needs_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="ICU and pg_trgm are PostgreSQL's")


def add_people(world, model, surnames) -> set[int]:
    with tenant_scope(world.school):
        return {
            model.objects.create(organization=world.school, last_name=surname, first_name="Анна").pk
            for surname in reversed(surnames)
        }


def listed(world, name, added):
    client = world.client_for(world.users[Role.CURATOR])
    response = client.get(reverse(name, kwargs={"org": world.school.slug}))
    assert response.status_code == 200
    return [person.last_name for person in response.context["people"] if person.pk in added]


@needs_postgresql
def test_the_mentee_list_is_in_russian_alphabetical_order(world):
    added = add_people(world, Mentee, SURNAMES)
    assert listed(world, "mentee_list", added) == SURNAMES


@needs_postgresql
def test_the_mentor_list_is_in_russian_alphabetical_order(world):
    added = add_people(world, Mentor, SURNAMES)
    assert listed(world, "mentor_list", added) == SURNAMES


def test_python_sorts_names_as_the_database_does(db):
    assert sorted(random.Random(1).sample(SURNAMES, len(SURNAMES)), key=russian_key) == SURNAMES
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                'SELECT name FROM unnest(%s::text[]) AS name ORDER BY name COLLATE "russian"', [SURNAMES[::-1]]
            )
            assert [row[0] for row in cursor.fetchall()] == SURNAMES


def test_sqlite_orders_by_the_same_collation(db):
    """The demo database: every new SQLite connection learns the ``russian`` collation."""
    settings = {**connection.settings_dict, "ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:", "OPTIONS": {}}
    sqlite = SQLiteWrapper(settings, alias="sqlite-demo")
    try:
        with sqlite.cursor() as cursor:
            cursor.execute("CREATE TABLE person (name TEXT)")
            cursor.executemany("INSERT INTO person VALUES (%s)", [(name,) for name in reversed(SURNAMES)])
            cursor.execute('SELECT name FROM person ORDER BY name COLLATE "russian"')
            assert [row[0] for row in cursor.fetchall()] == SURNAMES
    finally:
        sqlite.close()


def test_the_search_finds_a_name_by_any_part_of_it(world):
    added = add_people(world, Mentee, ["Ёлкина", "Пёлкина", "Жукова"])
    with tenant_scope(world.school):
        found = find_mentees({"q": "ЛКИН анна"}, support_visible=False).filter(pk__in=added)
        assert list(found.values_list("last_name", flat=True)) == ["Ёлкина", "Пёлкина"]


@needs_postgresql
@pytest.mark.parametrize("model", [Mentee, Mentor])
def test_the_name_search_runs_on_the_trigram_indexes(db, model):
    """The search's condition is the indexed expression: PostgreSQL can answer it from the indexes alone
    (which it prefers to the school's rows once a school is large; a few rows are read whole)."""
    with scopes_disabled():
        found = name_query(model.objects.all(), "Ёлкин")
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            plan = found.explain()
    prefix = model._meta.model_name
    for column in ("last_name", "first_name", "patronymic"):
        assert f"Bitmap Index Scan on {prefix}_{column}_trgm" in plan, plan
