"""Permission-matrix cases of the journal pages (merged into tests/test_permissions.py CASES).

The fixture pair, its meeting and its plan item belong to the mentor of ``world.users[Role.MENTOR]``, so the
mentor is "allowed" here. What the matrix cannot say — "a mentor: own pairs only" while the director, the
curator and the methodist read every journal — is tested in tests/test_journal.py: another mentor of the same
school gets 404 on each of these URLs and nothing is stored.
"""

from tests.matrix import MN, MT, C, Case, D

READ_JOURNALS = frozenset({D, C, MT})
OWN_JOURNAL = frozenset({MN})

MEETING_POST = {
    "held_on": "2026-10-27",
    "kind": "work",
    "format": "in_person",
    "topic": "Проект",
    "duration_minutes": "40",
}
PLAN_ITEM_POST = {"title": "Подготовка к защите проекта", "due_on": "2026-12-01", "status": "planned"}

CASES: dict = {
    "my_pairs": Case("school", OWN_JOURNAL),
    # Readers read every pair's journal; a mentor only their own (the fixture pair is the mentor's).
    "pair_journal": Case("school", READ_JOURNALS | OWN_JOURNAL, obj="pair"),
    "journal_list": Case("school", READ_JOURNALS),
    # Only the pair's own mentor writes; the post has nobody present, so the allowed mentor sees the form again.
    "meeting_create": Case("school", OWN_JOURNAL, ("get", "post"), obj="pair", post_data=MEETING_POST, owner=MN),
    "meeting_edit": Case("school", OWN_JOURNAL, ("get", "post"), obj="meeting", post_data=MEETING_POST, owner=MN),
    "own_pair_plan": Case("school", OWN_JOURNAL, ("get", "post"), obj="pair", post_data=PLAN_ITEM_POST, owner=MN),
    "own_plan_item_edit": Case(
        "school", OWN_JOURNAL, ("get", "post"), obj="plan_item", post_data=PLAN_ITEM_POST, owner=MN
    ),
    "own_plan_item_status": Case(
        "school", OWN_JOURNAL, ("post",), obj="plan_item", post_data={"status": "done"}, owner=MN
    ),
}
