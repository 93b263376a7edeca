"""Permission-matrix cases of the teachers' growth pages (merged into tests/test_permissions.py CASES).

The questionnaire of difficulties: director and curator (they run the programme). Recording a self-assessment
and the individual educational route: those who edit the bases. A teacher-mentee's profile: those who read
cards, and a mentor for the mentees of their own pairs (the fixture mentee is in the mentor's pair). A pair's
personalised programmes: those who read journals and the pair's mentor; writing one: director and curator;
adding an activity: they and the pair's mentor.

The fixture mentee is a pupil: posts answer an allowed role with the page and the reason (the self-assessment
and the programme are for teachers); tests/test_teacher_growth.py checks what is stored for a teacher.
"""

from tests.matrix import EDIT_BASES, MN, MT, C, Case, D

MANAGE = frozenset({D, C})
PROFILE = frozenset({D, C, MT, MN})
PROGRAMMES = frozenset({D, C, MT, MN})
ACTIVITIES = frozenset({D, C, MN})

CASES: dict = {
    "difficulty_questionnaire": Case(
        "school", MANAGE, ("get", "post"), post_data={"area": "methodical", "text": "Проектная деятельность"}
    ),
    "mentee_difficulties": Case("school", PROFILE, obj="mentee"),
    "self_assessment_record": Case(
        "school", EDIT_BASES, ("get", "post"), obj="mentee", post_data={"stage": "entry", "taken_on": "2026-10-01"}
    ),
    "educational_route": Case(
        "school",
        EDIT_BASES,
        ("get", "post"),
        obj="mentee",
        post_data={
            "starts_on": "2026-09-01",
            "ends_on": "2030-08-31",
            "aim": "Учитель высшей категории",
            "form-TOTAL_FORMS": "0",
            "form-INITIAL_FORMS": "0",
        },
    ),
    "personal_programme": Case("school", PROGRAMMES, obj="pair"),
    "personal_programme_create": Case(
        "school", MANAGE, ("get", "post"), obj="pair", post_data={"starts_on": "2026-10-15", "ends_on": "2027-05-15"}
    ),
    "personal_activity_create": Case(
        "school", ACTIVITIES, ("get", "post"), obj="pair", post_data={"title": "Открытый урок"}
    ),
}
