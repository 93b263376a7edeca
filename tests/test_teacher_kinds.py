"""The kinds (виды) of mentoring of the teachers' system: reference data with their descriptions, and the rules
that follow them when a pair is formed and when its journal is kept (seed 001 §2.3.2–2.3.8)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from core.roles import Role
from mentoring.models import Meeting, MentoringKind, Pair
from mentoring.reference import FORMS
from mentoring.services.journal import save_meeting
from mentoring.services.programmes import ensure_forms
from tests.test_pairs import add_mentee, add_mentor, form, in_school, refused, today, url

pytestmark = pytest.mark.django_db


def kinds(*codes):
    return list(MentoringKind.objects.filter(code__in=codes))


def teacher(world, last_name, **fields):
    return add_mentee(world, last_name, years=25, category="young_specialist", consent="own", group="", **fields)


def test_the_seven_kinds_and_the_teachers_forms_are_reference_data(world):
    assert list(MentoringKind.objects.values_list("name", flat=True)) == [
        "виртуальное (дистанционное)",
        "в группе",
        "краткосрочное (целеполагающее)",
        "реверсивное",
        "ситуационное",
        "скоростное",
        "традиционное («один на один»)",
    ]
    assert "от двух и более" in MentoringKind.objects.get(code="group").description
    with in_school(world):
        names = {f.name: f for f in ensure_forms(world.school) if f.audience == "teachers"}
    assert set(names) == {f["name"] for f in FORMS if f["audience"] == "teachers"}
    assert "руководитель образовательной организации – педагог" in names
    assert "педагог вуза/колледжа – молодой педагог" in names
    assert "руководитель – молодой педагог" in names["руководитель образовательной организации – педагог"].role_models


def test_a_teachers_pair_is_traditional_by_default_and_keeps_the_chosen_kinds(world):
    mentor = add_mentor(world, "Громова", capacity=3)
    pair = form(world, mentor, [teacher(world, "Лаптев")], "teacher-teacher")
    with in_school(world):
        assert [k.code for k in pair.kinds.all()] == ["traditional"]
    chosen = form(
        world, add_mentor(world, "Орлова"), [teacher(world, "Белов")], "teacher-teacher",
        kinds=kinds("virtual", "short-term"),
    )  # fmt: skip
    with in_school(world):
        assert {k.code for k in chosen.kinds.all()} == {"virtual", "short-term"}
        assert pair.kinds.count() == 1


def test_a_group_kind_needs_two_or_more_mentees(world):
    mentor = add_mentor(world, "Громова", capacity=3)
    refused(
        world, "Вид «в группе» — это группа: выберите двух или больше наставляемых.", mentor,
        [teacher(world, "Лаптев")], "teacher-teacher", kinds=kinds("group"),
    )  # fmt: skip
    group = form(
        world, mentor, [teacher(world, "Белов"), teacher(world, "Седов")], "teacher-teacher", kinds=kinds("group")
    )
    assert group.pk


def test_traditional_is_one_to_one(world):
    mentor = add_mentor(world, "Громова", capacity=3)
    refused(
        world, "Вид «традиционное («один на один»)» — один наставник и один наставляемый", mentor,
        [teacher(world, "Белов"), teacher(world, "Седов")], "teacher-teacher", kinds=kinds("traditional"),
    )  # fmt: skip


def test_reverse_mentoring_names_the_area_where_the_younger_teaches_the_elder(world):
    mentor = add_mentor(world, "Кравцова", years=26)
    elder = add_mentee(world, "Соколов", years=55, category="teacher", consent="own", group="")
    refused(
        world, "Для вида «реверсивное» укажите, в чём младший по возрасту педагог наставляет опытного", mentor,
        [elder], "teacher-teacher", kinds=kinds("reverse"),
    )  # fmt: skip
    refused(
        world, "указывается только для реверсивного вида", mentor, [elder], "teacher-teacher",
        kinds=kinds("traditional"), reverse_area="цифровые инструменты урока",
    )  # fmt: skip
    pair = form(
        world, mentor, [elder], "teacher-teacher", kinds=kinds("reverse"), reverse_area="цифровые инструменты урока"
    )
    assert pair.reverse_area == "цифровые инструменты урока"


def test_speed_mentoring_is_a_single_meeting(world):
    mentor = add_mentor(world, "Громова")
    mentee = teacher(world, "Лаптев")
    pair = form(world, mentor, [mentee], "teacher-teacher", kinds=kinds("speed"))
    pair.starts_on = today() - timedelta(days=10)
    with in_school(world):
        Pair.objects.filter(pk=pair.pk).update(starts_on=pair.starts_on)

        def meeting():
            return Meeting(
                pair=pair, held_on=today() - timedelta(days=1), topic="Встреча с экспертом", duration_minutes=40
            )

        save_meeting(meeting(), present=[mentee], actor=world.users[Role.CURATOR], tenant=world.school)
        with pytest.raises(ValidationError) as refusal:
            save_meeting(meeting(), present=[mentee], actor=world.users[Role.CURATOR], tenant=world.school)
        assert refusal.value.messages == [
            "Скоростное наставничество — однократная встреча: встреча этой пары уже записана в журнале."
        ]
        assert Meeting.objects.filter(pair=pair).count() == 1


def test_the_curator_forms_a_teachers_pair_with_its_kind_and_sees_the_refusal_with_the_input_kept(world):
    mentor = add_mentor(world, "Громова", capacity=3)
    young = teacher(world, "Лаптев")
    with in_school(world):
        teacher_form = next(f for f in ensure_forms(world.school) if f.code == "teacher-teacher")
    client = world.client_for(world.users[Role.CURATOR])
    data = {
        "mentor": mentor.pk, "form": teacher_form.pk, "mentees": [young.pk], "kinds": [k.pk for k in kinds("group")],
        "starts_on": "2026-12-01", "planned_end_on": "2027-05-01", "goals": "Адаптация в коллективе",
    }  # fmt: skip
    page = client.post(url(world, "pair_create"), data).content.decode()
    assert "выберите двух или больше наставляемых" in page
    assert "Адаптация в коллективе" in page
    data["kinds"] = [k.pk for k in kinds("traditional")]
    response = client.post(url(world, "pair_create"), data)
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    assert "традиционное («один на один»)" in detail
