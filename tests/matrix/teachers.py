"""Permission-matrix cases of the teachers' system of mentoring (merged into tests/test_permissions.py CASES).

The council of mentors (its members, meetings, the pairs it proposes, the school's pay for mentoring) and a
teacher-mentor's appointment under art. 351.8 of the Labour Code: director and curator. A refused or incomplete
post still answers an allowed role with the page or a redirect and a reason; tests/teaching_staff checks the
rules."""

from tests.matrix import C, Case, D

COUNCIL = frozenset({D, C})
APPOINT = frozenset({D, C})

CASES: dict = {
    "council": Case("school", COUNCIL, ("get", "post"), post_data={"action": "member", "mentor": ""}),
    "council_meeting_create": Case("school", COUNCIL, ("get", "post"), post_data={"held_on": ""}),
    "pair_appointment": Case("school", APPOINT, ("get", "post"), obj="pair", post_data={"action": "record"}),
}
