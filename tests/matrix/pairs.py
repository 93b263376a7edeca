"""Permission-matrix cases of the pairs pages (merged into tests/test_permissions.py CASES).

Reading pairs and their plans: director, curator, methodist (names of mentees are card data); a mentor reads
their own pairs on the journal pages (tests/matrix/journal.py). Forming and closing pairs, the matching, the
lists of unpaired mentees and free mentors: director and curator; plans: director and curator. Completion
(nominations, cases): director and curator; every school role reads the publishable cases. A former mentee
joins the base of mentors by those who edit the bases.

Posts that the rules refuse (the fixture mentee is in an active pair) still answer an allowed role with a
redirect or the page and a reason; tests/test_pairs.py checks what is stored.
"""

from tests.matrix import EDIT_BASES, MN, MT, OB, C, Case, D

READ_PAIRS = frozenset({D, C, MT})
FORM_PAIRS = frozenset({D, C})
MANAGE_PLANS = frozenset({D, C})
COMPLETION = frozenset({D, C})
ALL_SCHOOL = frozenset({D, C, MT, MN, OB})

PAIR_POST = {"mentor": "", "form": "", "mentees": [], "starts_on": "2026-12-01", "planned_end_on": "2027-05-01"}
PLAN_ITEM_POST = {"title": "Подготовка к олимпиаде", "due_on": "2026-12-15", "status": "planned"}
PRACTICE_POST = {"title": "Кейс", "story": "История", "results": "Результаты"}

CASES: dict = {
    "pair_list": Case("school", READ_PAIRS),
    "pair_create": Case("school", FORM_PAIRS, ("get", "post"), post_data=PAIR_POST),
    "pair_detail": Case("school", READ_PAIRS, obj="pair"),
    "pair_close": Case(
        "school",
        FORM_PAIRS,
        ("post",),
        obj="pair",
        post_data={"outcome": "completed", "final_notes": "Цели достигнуты"},
    ),
    "plan_item_create": Case("school", MANAGE_PLANS, ("get", "post"), obj="pair", post_data=PLAN_ITEM_POST),
    "plan_item_edit": Case("school", MANAGE_PLANS, ("get", "post"), obj="plan_item", post_data=PLAN_ITEM_POST),
    "plan_item_status": Case("school", MANAGE_PLANS, ("post",), obj="plan_item", post_data={"status": "done"}),
    "matching": Case("school", FORM_PAIRS),
    "matching_run": Case("school", FORM_PAIRS, ("post",)),
    "matching_job": Case("school", FORM_PAIRS, obj="matching_run"),
    "matching_status": Case("school", FORM_PAIRS, obj="matching_run"),
    "matching_accept": Case("school", FORM_PAIRS, ("post",), post_data={"mentee": "1", "mentor": "1", "form": "1"}),
    "matching_accept_all": Case("school", FORM_PAIRS, ("post",), post_data={"suggestion": ["1:1:1:0.5"]}),
    "unpaired_mentees": Case("school", FORM_PAIRS),
    "free_mentors": Case("school", FORM_PAIRS),
    "mentee_awaiting": Case("school", FORM_PAIRS, ("post",), obj="mentee", post_data={"awaiting": "1"}),
    "mentor_from_mentee": Case("school", EDIT_BASES, ("post",), obj="mentee"),
    "completion": Case("school", COMPLETION),
    "nomination_add": Case("school", COMPLETION, ("post",), post_data={"mentor": "", "reason": "Лучший наставник"}),
    "nomination_delete": Case("school", COMPLETION, ("post",), obj="nomination"),
    "practice_list": Case("school", ALL_SCHOOL),
    "practice_create": Case("school", COMPLETION, ("get", "post"), post_data=PRACTICE_POST),
    "practice_edit": Case("school", COMPLETION, ("get", "post"), obj="practice", post_data=PRACTICE_POST),
}
