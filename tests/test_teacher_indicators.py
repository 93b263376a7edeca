"""The teachers' system in monitoring: indicators as data (teachers who mentor teachers, young teachers still in
the school one and three years after they were hired), the school's statistical information and the
municipal summary showing them beside the pupils'."""

from datetime import date, timedelta

import pytest

from core.tenancy import tenant_scope
from monitoring.models import Contingent
from monitoring.services import indicators as ind
from monitoring.services.reports import municipal_summary
from monitoring.services.statistics import statistics
from tests.test_pairs import add_mentee, add_mentor, form, in_school, today
from tests.test_teacher_growth import young_teacher

pytestmark = pytest.mark.django_db


def years_back(years, days=0):
    return ind.years_ago(today(), years) - timedelta(days=days)


def teachers_world(world):
    """20 teachers; young specialists hired 2 and 4 years ago, some of whom left; one teachers' pair."""
    with in_school(world):
        Contingent.objects.create(
            organization=world.school, year=ind.school_year_of(today()), pupils_total=500, pupils_10_14=200,
            pupils_15_19=100, teachers=20, young_specialists=4,
        )  # fmt: skip
    hired = [
        ("Антонов", years_back(2), None),  # stayed: counts after one year
        ("Борисов", years_back(2), years_back(2) + timedelta(days=180)),  # left within the first year
        ("Васильев", years_back(4), None),  # stayed four years
        ("Григорьев", years_back(4), years_back(4) + timedelta(days=800)),  # stayed two years, then left
        ("Дмитриев", today() - timedelta(days=90), None),  # hired three months ago: not yet counted
    ]
    for last_name, hired_on, left_on in hired:
        add_mentee(
            world, last_name, years=26, category="young_specialist", consent="own", group="", hired_on=hired_on,
            left_school_on=left_on,
        )  # fmt: skip
    mentor = add_mentor(world, "Громова")
    start = today() - timedelta(days=30)
    return form(
        world,
        mentor,
        [young_teacher(world)],
        "teacher-teacher",
        starts_on=start,
        planned_end_on=start + timedelta(days=200),
    )


def test_teachers_indicators_are_computed_from_the_bases(world):
    teachers_world(world)
    with in_school(world):
        values = {value.indicator.code: value for value in ind.school_values(world.school, today())}
    assert (values["teachers-mentoring"].numerator, values["teachers-mentoring"].denominator) == (1, 20)
    assert values["teachers-mentoring"].value == 5.0
    assert (values["young-teachers-retained-1"].numerator, values["young-teachers-retained-1"].denominator) == (3, 4)
    assert (values["young-teachers-retained-3"].numerator, values["young-teachers-retained-3"].denominator) == (1, 2)
    assert values["young-teachers-retained-3"].value == 50.0


def test_the_statistics_and_the_municipal_summary_show_the_teachers_system_beside_the_pupils(world):
    teachers_world(world)
    with in_school(world):
        data = statistics(world.school, date(today().year - 1, 9, 1), today())
    assert data["teachers"]["pairs"] == 1 and data["teachers"]["mentors"] == 1
    assert ("традиционное («один на один»)", 1) in data["teachers"]["by_kind"]
    assert data["teachers"]["retention"] == [("через год после приёма", 3, 4), ("через три года после приёма", 1, 2)]
    with tenant_scope(world.municipality):
        summary = municipal_summary(world.municipality, today())
    names = [indicator.short_name for indicator in summary["indicators"]]
    assert {"Вовлечено обучающихся", "Педагоги-наставники", "Закрепление через 3 года"} <= set(names)
    school_row = next(row for row in summary["schools"] if row.organization == world.school)
    retained = next(v for v in school_row.values if v.indicator.code == "young-teachers-retained-1")
    assert retained.value == 75.0
