"""The municipal bank of mentors over the test world (the ``bank`` fixture): school A's mentor (the world's mentor
account) listed with free places, school Б (the same municipality) with a curator, a director, a programme of
«педагог – педагог» and two young teachers, a request from Б waiting for the mentor's answer, and a pair of Б
formed from the bank earlier. Built inside the test's transaction, not in the shared world: other tests expect
school Б without a programme.

``world.people[school A]`` gets the objects the permission matrix names: ``bank_entry`` (A's listing),
``bank_offer`` (Б's listing, which A may request), ``bank_request`` (Б's request to A's listing) and
``bank_pair`` (Б's pair whose mentor is A's listed mentor).
"""

from datetime import date

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from core.models import Membership
from core.roles import Role
from mentoring.models import BankEntry, Consent, Mentee
from mentoring.services import bank_crossing
from mentoring.services.programmes import create_programme, ensure_forms
from tests.conftest import make_user

PLANNED_END = date(2027, 5, 31)


def young_teacher(school, last_name, first_name):
    mentee = Mentee.objects.create(
        organization=school, last_name=last_name, first_name=first_name, patronymic="Андреевна",
        birth_date=date(2001, 4, 12), category=Mentee.Category.YOUNG_SPECIALIST, group="Учитель физики",
        teaching_experience=1,
    )  # fmt: skip
    Consent.objects.create(
        organization=school, mentee=mentee, text_version="ПДн-2025-09", given_by_name=mentee.full_name,
        given_at=timezone.now(), method=Consent.Method.PAPER,
    )  # fmt: skip
    return mentee


def fill_bank(world):
    school, sibling = world.school, world.sibling
    curator_b = make_user("curator@b.test", role_label="Куратор", last_name="Лебедева")
    Membership.objects.create(user=curator_b, role=Role.CURATOR, organization=sibling)
    director_b = make_user("director@b.test", role_label="Руководитель", last_name="Зайцев")
    Membership.objects.create(user=director_b, role=Role.DIRECTOR, organization=sibling)
    world.sibling_users = {Role.CURATOR: curator_b, Role.DIRECTOR: director_b}
    forms = {form.code: form for form in ensure_forms(sibling)}
    programme_b = create_programme(
        tenant=sibling, actor=curator_b, forms=[forms["teacher-teacher"]], title="Наставничество педагогов",
        starts_on=date(2026, 9, 1), ends_on=date(2027, 6, 30), curator=curator_b,
    )  # fmt: skip
    people_a, people_b = world.people[school.pk], world.people[sibling.pk]
    entry_a = BankEntry.objects.create(
        organization=school, mentor=people_a["mentor"], subject="Физика", competencies="подготовка к ОГЭ, проекты",
        places=2,
    )  # fmt: skip
    entry_b = BankEntry.objects.create(
        organization=sibling, mentor=people_b["mentor"], subject="Математика", competencies="олимпиады", places=1
    )
    paired = young_teacher(sibling, "Егорова", "Дарья")
    waiting = young_teacher(sibling, "Морозова", "Алина")
    people_b.update(programme=programme_b, paired_teacher=paired, waiting_teacher=waiting)
    earlier = bank_crossing.send_request(
        sibling, entry_id=entry_a.pk, mentee=paired, need="Первый год в профессии: лабораторные работы по физике",
        planned_end_on=PLANNED_END, programme=programme_b, actor=curator_b,
    )  # fmt: skip
    bank_crossing.decide_as_mentor(school, request_id=earlier.pk, user=world.users[Role.MENTOR], accept=True)
    earlier = bank_crossing.decide_as_director(
        school, request_id=earlier.pk, user=world.users[Role.DIRECTOR], accept=True
    )
    pending = bank_crossing.send_request(
        sibling, entry_id=entry_a.pk, mentee=waiting, need="Подготовка к ОГЭ по физике", planned_end_on=PLANNED_END,
        programme=programme_b, actor=curator_b,
    )  # fmt: skip
    objects = {"bank_entry": entry_a, "bank_offer": entry_b, "bank_request": pending, "bank_pair": earlier.pair}
    people_a.update(objects)
    # The other municipality's school: the same names, so that its URLs exist (its pages are 404 for A anyway).
    world.people[world.other_school.pk].update(objects)
    return world


@pytest.fixture(name="bank")
def bank_fixture(world):
    """The world with the bank filled in (see the module's docstring)."""
    with scopes_disabled():
        return fill_bank(world)
