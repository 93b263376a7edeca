"""Permission-matrix cases of the programmes pages (merged into tests/test_permissions.py CASES).

From the agreed role matrix: «programme, stages, checklists» — director and curator manage; methodist and observer
read; a mentor reads their own programme (the fixture mentor account is selected for the fixture programme,
so it reads it; tests/test_programmes.py checks that another programme is a 404 for a mentor).
Files attached to checklists are school documents: «read a school's documents» (not the mentor).
«Mentor training sessions and attendance» — director, curator, methodist; a mentor reads their own sessions
on «my training».
"""

from core.roles import SCHOOL_ROLES

from . import MN, MT, OB, C, Case, D

MANAGE = frozenset({D, C})
READ = SCHOOL_ROLES  # director, curator, methodist, mentor (own programmes), observer
DOCUMENTS = frozenset({D, C, MT, OB})
TRAINING = frozenset({D, C, MT})

PROGRAMME_POST = {"title": "Программа 2027/2028", "starts_on": "2027-09-01", "ends_on": "2028-05-31"}
STAGE_POST = {"starts_on": "2026-09-01", "ends_on": "2026-10-15", "status": "in_progress", "responsible": "Куратор"}
FORM_POST = {
    "name": "руководитель ОО – педагог",
    "audience": "teachers",
    "mentor_categories": ["teacher"],
    "mentee_categories": ["teacher"],
    "role_models": "руководитель – молодой педагог",
}

CASES: dict = {
    "programme_list": Case("school", READ),
    "reminders": Case("school", MANAGE, ("get", "post"), post_data={"quiet_pair": "on"}),
    "programme_create": Case("school", MANAGE, ("get", "post"), post_data=PROGRAMME_POST),
    "programme_detail": Case("school", READ, obj="programme"),
    "programme_edit": Case("school", MANAGE, ("get", "post"), obj="programme", post_data=PROGRAMME_POST),
    "subprogramme_create": Case(
        "school", MANAGE, ("get", "post"), obj="programme", post_data={"name": "Классные встречи"}
    ),
    "subprogramme_edit": Case("school", MANAGE, ("get", "post"), obj="subprogramme", post_data={"name": "Билет"}),
    "subprogramme_delete": Case("school", MANAGE, ("post",), obj="subprogramme"),
    "stage_detail": Case("school", READ, obj="stage"),
    "stage_edit": Case("school", MANAGE, ("get", "post"), obj="stage", post_data=STAGE_POST),
    "activity_create": Case("school", MANAGE, ("get", "post"), obj="stage", post_data={"title": "Педсовет"}),
    "activity_edit": Case(
        "school", MANAGE, ("get", "post"), obj="activity", post_data={"title": "Педсовет", "due_on": "2026-10-01"}
    ),
    "activity_delete": Case("school", MANAGE, ("post",), obj="activity"),
    "activity_done": Case("school", MANAGE, ("get", "post"), obj="activity", post_data={"done_on": "2026-10-01"}),
    "activity_undo": Case("school", MANAGE, ("post",), obj="activity"),
    "activity_attachment": Case("school", DOCUMENTS, obj="activity"),
    "form_list": Case("school", MANAGE),
    "form_create": Case("school", MANAGE, ("get", "post"), post_data=FORM_POST),
    "form_edit": Case("school", MANAGE, ("get", "post"), obj="form", post_data=FORM_POST),
    "mentor_selection": Case("school", MANAGE, ("get", "post"), obj="programme"),
    "training": Case("school", TRAINING, obj="programme"),
    "training_session_create": Case(
        "school", TRAINING, ("get", "post"), obj="programme", post_data={"held_on": "2026-12-01", "topic": "Этика"}
    ),
    "training_session_edit": Case(
        "school", TRAINING, ("get", "post"), obj="session", post_data={"held_on": "2026-10-05", "topic": "Этика"}
    ),
    "training_attendance": Case("school", TRAINING, ("get", "post"), obj="session"),
    "training_complete": Case("school", TRAINING, ("post",), obj="programme"),
    "my_training": Case("school", frozenset({MN})),
}
