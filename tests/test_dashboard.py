"""The curator's home page: stage progress, counts that equal the lists they link to, overdue activities,
inactive pairs; a read-only summary for the methodist and the observer; a call to action without a programme;
constant query counts."""

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from core.models import Membership
from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Mentee, Mentor, ProgrammeMentor, Stage, StageActivity
from mentoring.services.programme_reading import overdue_activities, stage_readiness
from mentoring.views.dashboard import school_url

from .test_journal import add_mentor, add_pair, today

FIGURE = re.compile(
    r'data-testid="figure">\s*<span>([^<]+)</span>\s*'
    r'(?:<a class="fw-semibold" href="([^"]+)">(\d+)</a>|<span class="fw-semibold">(\d+)</span>)'
)


def figures(content) -> list[tuple[str, str, int]]:
    """(label, link or "", number) of every figure on the page, in order."""
    found = FIGURE.findall(content)
    return [(label, html.unescape(href), int(linked or plain)) for label, href, linked, plain in found]


def home(world, role):
    return world.client_for(world.users[role]).get(reverse("school_home", kwargs={"org": world.school.slug}))


def grow_school(world):
    """Besides the fixture (one paired mentee, one trained mentor with a free place): two unpaired mentees,
    a trained selected mentor whose only place is taken, an untrained one, and an inactive pair."""
    school = world.school
    with scopes_disabled():
        for name in ("Белова", "Громова"):
            Mentee.objects.create(organization=school, last_name=name, first_name="Ирина")
        Mentee.objects.create(organization=school, last_name="Выбывший", first_name="Пётр", status=Mentee.Status.LEFT)
        _, busy = add_mentor(world, "busy@a.test", last_name="Занятова")
        Mentor.objects.filter(pk=busy.pk).update(capacity=1, training=Mentor.Training.TRAINED)
        Mentor.objects.create(organization=school, last_name="Новикова", first_name="Ольга")
        programme = world.people[school.pk]["programme"]
        ProgrammeMentor.objects.create(organization=school, programme=programme, mentor=busy)
    busy.capacity = 1
    add_pair(world, mentor=busy, meetings_days_ago=[50], name="Тихонов")


def test_home_counts_are_correct_and_each_links_to_the_list_behind_it(world):
    grow_school(world)
    curator = world.client_for(world.users[Role.CURATOR])
    shown = figures(home(world, Role.CURATOR).content.decode())
    slug, programme = world.school.slug, world.people[world.school.pk]["programme"]
    expected = [
        ("в базе", f"/o/{slug}/mentees/", 5),  # the fixture's, the new pair's, two unpaired, one who left
        ("в паре или группе", f"/o/{slug}/mentees/?status=in_pair", 2),
        ("без пары в программе", school_url(world.school, "unpaired_mentees"), 2),
        ("в базе", f"/o/{slug}/mentors/", 3),
        ("отобраны в программу", None, 2),
        ("обучены", f"/o/{slug}/mentors/?training=trained", 2),
        ("со свободными местами", school_url(world.school, "free_mentors"), 1),
        ("работают", f"/o/{slug}/journals/?programme={programme.pk}", 2),
        ("без встреч больше 30 дней", f"/o/{slug}/journals/?programme={programme.pk}&inactive=1", None),
    ]
    assert [label for label, _, _ in shown] == [label for label, _, _ in expected]
    for (label, href, number), (_, expected_href, expected_number) in zip(shown, expected, strict=True):
        if expected_href is not None:
            assert href == expected_href, label
        if expected_number is not None:
            assert number == expected_number, label
    # Every list that exists shows as many rows as its number says.
    for label, href, number in shown:
        if href.startswith((f"/o/{slug}/mentees/", f"/o/{slug}/mentors/", f"/o/{slug}/journals/")):
            listed = curator.get(href).context["page"].paginator.count
            assert listed == number, label


def test_the_inactive_figure_follows_the_30_day_rule(world):
    pair = world.people[world.school.pk]["pair"]
    last = world.people[world.school.pk]["meeting"].held_on
    inactive = pair.starts_on < today() - timedelta(days=30) and last < today() - timedelta(days=30)
    shown = {label: number for label, _, number in figures(home(world, Role.CURATOR).content.decode())}
    assert shown["без встреч больше 30 дней"] == int(inactive)


def test_stage_progress_shows_a_tick_or_the_reasons(world):
    content = home(world, Role.CURATOR).content.decode()
    with tenant_scope(world.school):
        programme = world.people[world.school.pk]["programme"]
        readiness = stage_readiness(programme)
    assert content.count('data-testid="stage"') == 7
    assert content.count('data-testid="stage-ready"') == sum(1 for r in readiness.values() if r.ready)
    text = re.sub(r"<[^>]+>", "", content)  # a counted reason links its number
    for result in readiness.values():
        for reason in result.reasons:
            assert reason in text
    with tenant_scope(world.school):
        completed = programme.stages.filter(status=Stage.Status.DONE).count()
    assert f"готово {completed} из 7" in content


def test_overdue_activities_are_listed_for_the_curator(world):
    with scopes_disabled():
        stage = world.people[world.school.pk]["stage"]
        StageActivity.objects.filter(stage__programme=stage.programme).update(done_on=today())
        StageActivity.objects.create(
            organization=world.school, stage=stage, title="Провести педсовет", due_on=today() - timedelta(days=3)
        )
    with tenant_scope(world.school):
        overdue = overdue_activities(world.people[world.school.pk]["programme"]).count()
    content = home(world, Role.CURATOR).content.decode()
    assert 'data-testid="overdue"' in content
    assert overdue == 1
    assert re.search(r'Просроченные мероприятия <span class="badge [^"]+">1</span>', content)
    assert "Провести педсовет" in content
    assert 'data-testid="overdue"' not in home(world, Role.METHODIST).content.decode()


@pytest.mark.parametrize(
    ("role", "linked"),
    [
        (Role.DIRECTOR, {"mentees", "mentors", "unpaired", "free", "journals", "programme"}),
        (Role.CURATOR, {"mentees", "mentors", "unpaired", "free", "journals", "programme"}),
        (Role.METHODIST, {"mentees", "mentors", "journals", "programme"}),
        (Role.OBSERVER, {"programme"}),
    ],
)
def test_the_summary_links_only_to_lists_the_role_may_open(world, role, linked):
    content = home(world, role).content.decode()
    assert 'data-testid="dashboard"' in content
    school, programme = world.school, world.people[world.school.pk]["programme"]
    kinds = {
        "mentees": reverse("mentee_list", kwargs={"org": school.slug}),
        "mentors": reverse("mentor_list", kwargs={"org": school.slug}),
        "unpaired": school_url(school, "unpaired_mentees"),
        "free": school_url(school, "free_mentors"),
        "journals": reverse("journal_list", kwargs={"org": school.slug}),
        "programme": school_url(school, "programme_detail", kwargs={"pk": programme.pk}),
    }
    paths = {href.split("?")[0] for _, href, _ in figures(content) if href}
    assert {kind for kind, path in kinds.items() if path.split("?")[0] in paths} == linked
    client = world.client_for(world.users[role])
    for kind in linked & {"mentees", "mentors", "journals"}:  # the lists of this area open for the role
        assert client.get(kinds[kind]).status_code == 200, kind


def test_a_school_without_a_programme_gets_a_call_to_action(world):
    curator, methodist = world.users[Role.CURATOR], world.users[Role.METHODIST]
    Membership.objects.create(user=curator, role=Role.CURATOR, organization=world.sibling)
    Membership.objects.create(user=methodist, role=Role.METHODIST, organization=world.sibling)
    address = reverse("school_home", kwargs={"org": world.sibling.slug})
    content = world.client_for(curator).get(address).content.decode()
    assert "Программа наставничества ещё не создана" in content
    create = school_url(world.sibling, "programme_create")
    assert f'href="{create}"' in content
    assert create.startswith(f"/o/{world.sibling.slug}/programmes/")
    summary = world.client_for(methodist).get(address).content.decode()
    assert "Программа наставничества ещё не создана" in summary
    assert 'data-testid="programme-create"' not in summary


def test_a_mentor_sees_own_pairs_not_the_dashboard(world):
    _, other = add_mentor(world, "orlova@a.test")
    add_pair(world, mentor=other, name="Чужой")
    content = home(world, Role.MENTOR).content.decode()
    assert 'data-testid="mentor-panel"' in content
    assert 'data-testid="dashboard"' not in content
    assert "Петров Илья Сергеевич" in content and "Чужой0" not in content
    pair = world.people[world.school.pk]["pair"]
    assert reverse("pair_journal", kwargs={"org": world.school.slug, "pk": pair.pk}) in content


def test_a_curator_who_also_mentors_sees_both(world):
    curator = world.users[Role.CURATOR]
    Membership.objects.create(user=curator, role=Role.MENTOR, organization=world.school)
    with scopes_disabled():
        Mentor.objects.filter(pk=world.people[world.school.pk]["mentor"].pk).update(user=curator)
    content = world.client_for(curator).get(reverse("school_home", kwargs={"org": world.school.slug})).content.decode()
    assert 'data-testid="dashboard"' in content and 'data-testid="mentor-panel"' in content


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.CURATOR, Role.METHODIST, Role.OBSERVER, Role.MENTOR])
def test_the_home_page_runs_a_fixed_number_of_queries(world, role):
    client = world.client_for(world.users[role])
    address = reverse("school_home", kwargs={"org": world.school.slug})

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    for n in range(2):
        add_pair(world, meetings_days_ago=[40 + n], name=f"А{n}")
    few = queries()
    for n in range(15):
        add_pair(world, meetings_days_ago=[40 + n, 35], mentees=2, name=f"Б{n}")
    with scopes_disabled():
        for n in range(10):
            Mentee.objects.create(organization=world.school, last_name=f"Без пары {n}", first_name="Ян")
    assert queries() == few
