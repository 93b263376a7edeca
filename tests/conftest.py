"""Shared fixtures: two municipalities, three schools, a user for every role, and logged-in clients.

Fixtures create rows with scopes disabled (one of the reviewed places where that is allowed).
"""

import copy
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from config.celery import app as celery_app
from core.models import Job, Membership, Municipality, Notification, Organization, Region
from core.roles import MUNICIPAL_ROLES, REGIONAL_ROLES, SCHOOL_ROLES, Role
from documents.models import PublicPage
from documents.services import drafting, workflow
from mentoring.models import (
    BestPractice,
    Consent,
    Meeting,
    Mentee,
    Mentor,
    PartnerOrganization,
    PlanItem,
    ProgrammeMentor,
    RewardNomination,
    SubProgramme,
    Tag,
    TrainingSession,
    User,
)
from mentoring.services.pairs import form_pair
from mentoring.services.programmes import create_programme, ensure_forms
from monitoring.models import Invitation
from monitoring.models.questionnaires import Respondent
from monitoring.services import links
from monitoring.services.questionnaires import install_defaults, launch_wave

PASSWORD = "test-password-2026"


@pytest.fixture(autouse=True)
def eager_celery():
    """Tasks run in-process unless a test starts a real worker (tests marked ``worker`` switch this off)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _test_settings(settings, media_root):
    settings.PASSWORD_HASHERS = FAST_HASHERS
    settings.MEDIA_ROOT = media_root


def make_user(email, role_label="", **fields):
    user = User.objects.create_user(
        email=email,
        password=PASSWORD,
        last_name=fields.pop("last_name", "Иванов"),
        first_name=fields.pop("first_name", role_label or "Иван"),
        patronymic="Петрович",
        **fields,
    )
    return user


def fill_school(school):
    """A tag, a partner, a minor mentee with a representative's consent (scan attached), a mentor, and an
    import job of the school's director (when the school has one)."""
    tag = Tag.objects.create(organization=school, name="Адаптация в коллективе")
    partner = PartnerOrganization.objects.create(organization=school, name="АО «Красмаш»")
    mentee = Mentee.objects.create(
        organization=school,
        last_name="Петров",
        first_name="Илья",
        patronymic="Сергеевич",
        birth_date=date.today().replace(year=date.today().year - 14, day=1),
        group="8А",
        representative_name="Петрова Анна Ивановна",
        representative_relation="мать",
        support_categories=["ovz"],
    )
    mentee.requests.add(tag)
    mentor = Mentor.objects.create(
        organization=school,
        last_name="Сидорова",
        first_name="Мария",
        patronymic="Павловна",
        category=Mentor.Category.TEACHER,
        consent_number="12",
        consent_date=date(2025, 9, 1),
        capacity=2,
    )
    mentor.competencies.add(tag)
    consent = Consent.objects.create(
        organization=school,
        mentee=mentee,
        text_version="ПДн-2025-09",
        given_by_name="Петрова Анна Ивановна",
        given_by_relation="мать",
        given_at=timezone.now(),
        method=Consent.Method.SCAN,
        scan=ContentFile(b"%PDF-1.4 consent", name="consent.pdf"),
    )
    job = None
    director = Membership.objects.filter(organization=school, role=Role.DIRECTOR).select_related("user").first()
    if director is not None:
        # An import preview without errors, owned by the school's director (only its owner sees a job).
        job = Job.objects.create(
            organization=school,
            user=director.user,
            kind="import_mentees",
            status=Job.Status.READY,
            params={"filename": "класс.csv", "format": "csv", "phase": "preview"},
            result={
                "headers": ["Фамилия", "Имя"],
                "rows": [{"line": 2, "cells": ["Новикова", "Ольга"], "ok": True}],
                "total": 1,
                "valid": 1,
                "invalid": 0,
                "errors": [],
            },
            input_file=ContentFile("Фамилия;Имя\nНовикова;Ольга\n".encode(), name="preview.csv"),
        )
    file_job = director and ready_file_job(director.user, organization=school)
    return {
        "tag": tag,
        "partner": partner,
        "mentee": mentee,
        "mentor": mentor,
        "consent": consent,
        "job": job,
        "file_job": file_job,
    }


def ready_file_job(user, **tenant):
    """A rendered file waiting for its owner (only its owner sees a job)."""
    return Job.objects.create(
        user=user,
        kind="regulation",
        status=Job.Status.READY,
        params={"fmt": "pdf"},
        result={"filename": "Положение.pdf", "mimetype": "application/pdf", "size": 9},
        output_file=ContentFile(b"%PDF-1.4\n", name="Положение.pdf"),
        **tenant,
    )


def fill_programme(school, people, users):
    """A programme in progress: forms, seven stages, the fixture mentor selected and trained, a pair of that
    mentor (linked to the school's mentor account) with the fixture mentee, a plan item, a meeting, a training
    session, a sub-programme, a nomination and a best practice."""
    curator = users[Role.CURATOR]
    forms = {form.code: form for form in ensure_forms(school)}
    programme = create_programme(
        tenant=school,
        actor=curator,
        forms=[forms["teacher-pupil"], forms["pupil-pupil"], forms["teacher-teacher"]],
        title="Программа наставничества 2026/2027",
        starts_on=date(2026, 9, 1),
        ends_on=date(2027, 5, 31),
        goals="Раскрытие потенциала каждого обучающегося",
        curator=curator,
    )
    mentor, mentee = people["mentor"], people["mentee"]
    mentor.user = users[Role.MENTOR]
    mentor.training = Mentor.Training.TRAINED
    mentor.save()
    ProgrammeMentor.objects.create(organization=school, programme=programme, mentor=mentor)
    session = TrainingSession.objects.create(
        organization=school,
        programme=programme,
        held_on=date(2026, 10, 5),
        topic="Роль наставника",
        trainer="Орлова М.С.",
    )
    session.attendees.add(mentor)
    pair = form_pair(
        programme=programme, mentor=mentor, mentees=[mentee], form=forms["teacher-pupil"], starts_on=date(2026, 10, 15),
        planned_end_on=date(2027, 5, 15), actor=curator, tenant=school,
    )  # fmt: skip
    plan_item = PlanItem.objects.create(
        organization=school, pair=pair, title="Выбор темы проекта", due_on=date(2026, 11, 1)
    )
    meeting = Meeting.objects.create(
        organization=school, pair=pair, held_on=date(2026, 10, 20), kind=Meeting.Kind.ACQUAINTANCE, topic="Знакомство",
        duration_minutes=45, recorded_by=users[Role.MENTOR],
    )  # fmt: skip
    meeting.present.add(mentee)
    stage = programme.stages.get(number=1)
    matching_run = Job(user=curator, kind="matching", params={"programme": programme.pk}, status=Job.Status.READY)
    matching_run.tenant = school
    matching_run.save()
    people.update(
        programme=programme,
        matching_run=matching_run,
        form=forms["teacher-pupil"],
        stage=stage,
        activity=stage.activities.first(),
        subprogramme=SubProgramme.objects.create(organization=school, programme=programme, name="Билет в будущее"),
        session=session,
        pair=pair,
        plan_item=plan_item,
        meeting=meeting,
        nomination=RewardNomination.objects.create(
            organization=school, programme=programme, mentor=mentor, reason="Лучший наставник года"
        ),
        practice=BestPractice.objects.create(
            organization=school,
            programme=programme,
            title="Проект с наставником",
            form=forms["teacher-pupil"],
            story="История",
            results="Результаты",
        ),
    )


def submitted_roadmap(school, people, users):
    """The school's roadmap, approved by the director and waiting for the municipality's agreement."""
    school.director_name = "Петрова Ольга Ивановна"
    school.save(update_fields=["director_name"])
    roadmap = drafting.create(
        tenant=school, kind_code="roadmap", actor=users[Role.CURATOR], programme=people["programme"]
    )
    workflow.send_for_approval(roadmap, actor=users[Role.CURATOR])
    return workflow.approve(roadmap, actor=users[Role.DIRECTOR], roles=frozenset({Role.DIRECTOR}))


def approved_municipal_order(municipality, users):
    """The department's order approving its roadmap, approved by the coordinator."""
    municipality.head_position = "Руководитель управления образования"
    municipality.head_name = "Максименко Светлана Геннадьевна"
    municipality.save(update_fields=["head_position", "head_name"])
    specialist = users[Role.MUNICIPAL_SPECIALIST]
    order = drafting.create(tenant=municipality, kind_code="municipal_order", actor=specialist)
    workflow.send_for_approval(order, actor=specialist)
    coordinator = users[Role.MUNICIPAL_COORDINATOR]
    return workflow.approve(order, actor=coordinator, roles=frozenset({Role.MUNICIPAL_COORDINATOR}))


def fill_monitoring(school, people, users):
    """The default questionnaires and an open final wave of the programme: the mentor's invitation (answered in
    the portal), the curator's, and the mentee's personal link."""
    install_defaults(school)
    today = date.today()
    wave = launch_wave(
        programme=people["programme"], kind="final", title="Итоговое анкетирование", opens_on=today,
        closes_on=today + timedelta(days=30), actor=users[Role.CURATOR], tenant=school,
    )  # fmt: skip
    invitations = Invitation.objects.filter(wave=wave)
    mentee_invitation = invitations.filter(respondent=Respondent.MENTEE, questionnaire__purpose="satisfaction").get()
    people.update(
        wave=wave,
        questionnaire=mentee_invitation.questionnaire,
        mentor_invitation=invitations.get(respondent=Respondent.MENTOR),
        curator_invitation=invitations.get(respondent=Respondent.CURATOR),
        mentee_invitation=mentee_invitation,
        link_token=links.token_for(school.pk, mentee_invitation.nonce),
    )


class World:
    """The tenants and people every permission test works with.

    ``school`` and ``sibling`` belong to ``municipality``; ``other_school`` to ``other_municipality``;
    ``municipality`` to ``region``, ``other_municipality`` to ``other_region``. ``users[role]`` holds that role
    in ``school`` (school roles), in ``municipality`` (municipal roles) or in ``region`` (regional roles).
    """

    def __init__(self):
        with scopes_disabled():
            self.region = Region.objects.get_or_create(name="Красноярский край")[0]
            self.other_region = Region.objects.get_or_create(name="Иркутская область")[0]
            self.municipality = Municipality.objects.create(
                slug="murta",
                name="Управление образования Муртинского района",
                short_name="УО Мурта",
                region=self.region,
            )
            self.other_municipality = Municipality.objects.create(
                slug="kansk",
                name="Управление образования Канского района",
                short_name="УО Канск",
                region=self.other_region,
            )
            self.school = Organization.objects.create(
                slug="school-a", name="МБОУ «Школа А»", short_name="Школа А", municipality=self.municipality
            )
            self.sibling = Organization.objects.create(
                slug="school-b", name="МБОУ «Школа Б»", short_name="Школа Б", municipality=self.municipality
            )
            self.other_school = Organization.objects.create(
                slug="school-z", name="МБОУ «Школа Я»", short_name="Школа Я", municipality=self.other_municipality
            )
            self.users = {}
            for role in Role:
                user = make_user(f"{role.value}@a.test", role_label=role.label, last_name=role.label.split()[0])
                if role in SCHOOL_ROLES:
                    Membership.objects.create(user=user, role=role, organization=self.school)
                elif role in REGIONAL_ROLES:
                    Membership.objects.create(user=user, role=role, region=self.region)
                else:
                    Membership.objects.create(user=user, role=role, municipality=self.municipality)
                self.users[role] = user
            # The same roles in the other tenants, so that "other tenant" objects exist for every URL.
            self.other_users = {}
            for role in Role:
                user = make_user(f"{role.value}@z.test", role_label=role.label)
                if role in SCHOOL_ROLES:
                    Membership.objects.create(user=user, role=role, organization=self.other_school)
                elif role in REGIONAL_ROLES:
                    Membership.objects.create(user=user, role=role, region=self.other_region)
                else:
                    Membership.objects.create(user=user, role=role, municipality=self.other_municipality)
                self.other_users[role] = user
            self.people = {school.pk: fill_school(school) for school in (self.school, self.sibling, self.other_school)}
            fill_programme(self.school, self.people[self.school.pk], self.users)
            fill_programme(self.other_school, self.people[self.other_school.pk], self.other_users)
            fill_monitoring(self.school, self.people[self.school.pk], self.users)
            fill_monitoring(self.other_school, self.people[self.other_school.pk], self.other_users)
            # Objects of the municipalities, by municipality pk (a municipality's pk may equal a school's).
            self.municipal = {}
            for muni, school, users in (
                (self.municipality, self.school, self.users),
                (self.other_municipality, self.other_school, self.other_users),
            ):
                self.people[school.pk]["document"] = submitted_roadmap(school, self.people[school.pk], users)
                self.municipal[muni.pk] = {
                    "file_job": ready_file_job(users[Role.MUNICIPAL_COORDINATOR], municipality=muni),
                    "roadmap": self.people[school.pk]["document"],
                    "document": approved_municipal_order(muni, users),
                    "school": school,
                }
            # Objects of the regions, by region pk: a regional report job, a municipality to drill down into.
            self.regional = {
                region.pk: {
                    "file_job": ready_file_job(users[Role.REGIONAL_COORDINATOR], region=region),
                    "municipality": muni,
                }
                for region, muni, users in (
                    (self.region, self.municipality, self.users),
                    (self.other_region, self.other_municipality, self.other_users),
                )
            }
            # The site's «Наставничество» sections of school A and of its municipality are switched on.
            for tenant in (self.school, self.municipality):
                page = PublicPage(enabled=True, intro="О наставничестве", contact="Куратор, тел. 8 (39198) 3-12-40")
                page.tenant = tenant
                page.save()
            self.notification = Notification.objects.create(
                user=self.users[Role.MENTOR],
                organization=self.school,
                text="Проверка",
                url=reverse("school_home", args=[self.school.slug]),
            )
            self.staff = User.objects.create_superuser(
                email="staff@platform.test", password=PASSWORD, last_name="Платформа", first_name="Админ"
            )

    def client_for(self, user) -> Client:
        client = Client()
        client.force_login(user)
        return client


@pytest.fixture(scope="session")
def _committed_world(django_db_setup, django_db_blocker, media_root, tmp_path_factory):
    """The world, built once per test process and committed; each test's transaction is rolled back over it.

    Its files (consent scans, frozen PDFs) are kept aside too: a test may delete one (an erasure, a finished
    import), and a rollback does not bring files back, so ``world`` puts back what is missing.
    """
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media_root):
        world = World()
    world.media_copy = tmp_path_factory.mktemp("world-media")
    shutil.copytree(media_root, world.media_copy, dirs_exist_ok=True)
    _COMMITTED.append(world)
    return world


_COMMITTED: list = []  # the process's committed world, to build again after a transactional test flushed it


@pytest.fixture(autouse=True)
def _world_committed_again(request, django_db_blocker, media_root):
    """A transactional test (live server, Celery worker) flushes the database when it ends: before the next
    test that uses the world (and before its transaction opens), commit the world again, so that the tests
    after a flush do not each build their own."""
    if not _COMMITTED or "world" not in request.fixturenames:
        return
    template = _COMMITTED[0]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media_root):
        if Organization.objects.filter(pk=template.school.pk).exists():
            return
        media_copy = template.media_copy
        template.__dict__.update(World().__dict__)
    shutil.rmtree(media_copy)
    shutil.copytree(media_root, media_copy)
    template.media_copy = media_copy


def restore_world_media(copy_dir: Path, media_root: Path) -> None:
    for source in copy_dir.rglob("*"):
        target = media_root / source.relative_to(copy_dir)
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


@pytest.fixture
def empty_db(db):
    """No rows of the portal's own tables, inside the test's transaction (PostgreSQL's TRUNCATE is
    transactional, so the committed world comes back with the rollback): for tests that count every row."""
    tables = [
        model._meta.db_table
        for label in ("core", "mentoring", "documents", "monitoring")
        if apps.is_installed(label)
        for model in apps.get_app_config(label).get_models()
    ]
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE " + ", ".join(connection.ops.quote_name(table) for table in tables) + " CASCADE")


@pytest.fixture
def world(request, _committed_world, db, media_root):
    """A fresh copy of the committed world (its rows restored by the rollback of the previous test).

    The session fixture comes first in the arguments, so it is built and committed before ``db`` opens the
    test's transaction. A transactional test (live server, Celery worker) flushes the database when it ends; a
    test after it finds the world gone and builds its own inside its transaction.
    """
    template = _committed_world
    restore_world_media(template.media_copy, Path(settings.MEDIA_ROOT))
    if not Organization.objects.filter(pk=template.school.pk).exists():
        return World()
    return copy.deepcopy(template)


__all__ = ["MUNICIPAL_ROLES", "PASSWORD", "REGIONAL_ROLES", "SCHOOL_ROLES", "World", "make_user"]
