"""A stage's state has one definition (``mentoring.services.stage_state.state_of``): planned, in progress,
late, ready by the data, completed (by whom and when); the school home, the programme page and the municipal
dashboard count «готово N из 7» the same way."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from core.tenancy import tenant_scope
from mentoring.models import Stage
from mentoring.services.programme_reading import programme_progress
from mentoring.services.stage_state import Readiness, StageState, state_of
from mentoring.services.stages import update_stage

TODAY = date(2026, 12, 3)
NOT_READY = Readiness(False, ["нет пар"])
READY = Readiness(True)


def stage(status=Stage.Status.PLANNED, starts=-10, ends=10):
    return Stage(
        number=5,
        status=status,
        starts_on=TODAY + timedelta(days=starts) if starts is not None else None,
        ends_on=TODAY + timedelta(days=ends) if ends is not None else None,
    )


@pytest.mark.parametrize(
    ("the_stage", "readiness", "expected"),
    [
        (stage(starts=5, ends=30), NOT_READY, StageState.PLANNED),
        # A stage stored as «идёт» that starts in a fortnight is planned: its dates decide.
        (stage(Stage.Status.IN_PROGRESS, starts=16, ends=60), NOT_READY, StageState.PLANNED),
        (stage(starts=None, ends=None), NOT_READY, StageState.PLANNED),
        (stage(starts=-10, ends=10), NOT_READY, StageState.IN_PROGRESS),
        (stage(starts=-10, ends=0), NOT_READY, StageState.IN_PROGRESS),
        (stage(starts=-30, ends=-1), NOT_READY, StageState.LATE),
        (stage(starts=-30, ends=-1), READY, StageState.READY),
        (stage(starts=5, ends=30), READY, StageState.READY),
        (stage(Stage.Status.DONE, starts=-30, ends=-1), NOT_READY, StageState.COMPLETED),
        (stage(Stage.Status.DONE, starts=5, ends=30), READY, StageState.COMPLETED),
    ],
)
def test_each_state(the_stage, readiness, expected):
    assert state_of(the_stage, readiness, TODAY) == expected


def test_the_labels_are_russian():
    assert [state.label for state in StageState] == [
        "запланирован",
        "идёт",
        "просрочен",
        "готов к завершению",
        "завершён",
    ]


def complete(world, number):
    with tenant_scope(world.school):
        stage = world.people[world.school.pk]["programme"].stages.get(number=number)
        stage.activities.update(done_on=timezone.localdate())
        update_stage(
            stage,
            tenant=world.school,
            actor=world.users[Role.CURATOR],
            starts_on=stage.starts_on,
            ends_on=stage.ends_on,
            responsible=stage.responsible,
            status=Stage.Status.DONE,
            local_acts=stage.local_acts,
        )


def test_a_completed_stage_tells_by_whom_and_when(world):
    complete(world, 1)
    with tenant_scope(world.school):
        progress = programme_progress(world.people[world.school.pk]["programme"])
    first = progress[0]
    assert first.state == StageState.COMPLETED
    assert first.completed_by == world.users[Role.CURATOR]
    assert timezone.localtime(first.completed_at).date() == timezone.localdate()
    assert [item.completed_by for item in progress[1:]] == [None] * 6
    stage_page = world.client_for(world.users[Role.CURATOR]).get(
        reverse("stage_detail", kwargs={"org": world.school.slug, "pk": first.stage.pk})
    )
    content = stage_page.content.decode()
    assert "завершён" in content
    assert f"{timezone.localdate():%d.%m.%Y}, {world.users[Role.CURATOR].initials_name}" in content


def completed_shown(content: str) -> str:
    found = re.search(r'data-testid="stages-completed">· готово (\d+) из (\d+)<', content)
    assert found, "no «готово N из 7»"
    return f"{found.group(1)}/{found.group(2)}"


def test_home_programme_page_and_municipal_dashboard_agree(world):
    for number in (1, 2, 3):
        complete(world, number)
    school, programme = world.school, world.people[world.school.pk]["programme"]
    curator = world.client_for(world.users[Role.CURATOR])
    home = curator.get(reverse("school_home", kwargs={"org": school.slug})).content.decode()
    page = curator.get(reverse("programme_detail", kwargs={"org": school.slug, "pk": programme.pk})).content.decode()
    specialist = world.client_for(world.users[Role.MUNICIPAL_SPECIALIST])
    municipality = world.municipality.slug
    dashboard = specialist.get(reverse("m_monitoring", kwargs={"muni": municipality})).content.decode()
    row = re.search(rf">{re.escape(school.short_name)}</a>.*?#stages\">(\d+/\d+)</a>", dashboard, re.S)
    school_page = specialist.get(
        reverse("m_monitoring_school", kwargs={"muni": municipality, "pk": school.pk})
    ).content.decode()
    assert completed_shown(home) == completed_shown(page) == row.group(1) == completed_shown(school_page) == "3/7"
    # Every page labels each stage with the same state.
    with tenant_scope(school):
        labels = [item.label for item in programme_progress(programme)]
    for content in (home, page, school_page):
        assert re.findall(r'data-testid="stage-state">([^<]+)<', content) == labels


def test_stage_three_counts_the_mentors_who_must_sign_a_written_consent_and_have_not(world):
    from mentoring.models import Mentor
    from mentoring.services.programme_reading import stage_readiness

    school = world.school
    programme = world.people[school.pk]["programme"]

    def unsigned():
        with tenant_scope(school):
            reasons = stage_readiness(programme)[3].reasons
        found = [int(reason.rsplit(": ", 1)[1]) for reason in reasons if reason.startswith("наставников без")]
        return found[0] if found else 0

    before = unsigned()
    today = timezone.localdate()
    with tenant_scope(school):
        for last_name, category, years, signed in (
            ("Учителева", Mentor.Category.TEACHER, 17, False),  # an employee signs whatever the age
            ("Взрослова", Mentor.Category.PUPIL, 19, False),  # an adult signs
            ("Юнова", Mentor.Category.PUPIL, 16, False),  # a minor pupil-mentor does not
            ("Подписавшая", Mentor.Category.TEACHER, 40, True),
        ):
            Mentor.objects.create(
                organization=school, last_name=last_name, first_name="Анна", category=category,
                birth_date=today.replace(year=today.year - years) - timedelta(days=1),
                consent_number="5" if signed else "", consent_date=today if signed else None,
            )  # fmt: skip
    assert unsigned() == before + 2
