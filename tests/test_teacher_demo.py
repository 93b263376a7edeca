"""``seed_demo`` runs the teachers' system in School №40: a young teacher with diagnosed difficulties, her
«педагог – педагог» pair of kind «традиционное» with the demo mentor, its personalised programme and meetings;
a second run adds nothing."""

import pytest

from mentoring.models import Mentee
from teacher_growth.models import PersonalActivity, PersonalProgramme, RouteStep, SelfAssessment
from teacher_growth.services.difficulties import profile
from tests.test_seed_demo import seed, seeded  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def counts():
    return [model.objects.count() for model in (PersonalProgramme, PersonalActivity, SelfAssessment, RouteStep)]


def test_school_40_runs_a_young_teachers_personalised_programme(seeded):  # noqa: F811
    programme = PersonalProgramme.objects.select_related("pair__mentor__user", "pair__form", "mentee").get()
    pair = programme.pair
    assert pair.organization.slug == "sh40"
    assert pair.form.name == "педагог – педагог"
    assert [kind.code for kind in pair.kinds.all()] == ["traditional"]
    assert pair.mentor.category == "teacher"
    assert programme.mentee.category == Mentee.Category.YOUNG_SPECIALIST and programme.mentee.hired_on
    diagnosed = {row.item.pk for row in profile(programme.mentee).diagnosed}
    assert {goal.item_id for goal in programme.goals.all()} == diagnosed and len(diagnosed) == 3
    assert programme.activities.count() == 4 and pair.meetings.count() >= 2
    first = counts()
    seed()
    assert counts() == first
