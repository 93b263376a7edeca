"""Permission-matrix cases of the municipal bank of mentors.

Listing the school's mentors, searching the bank and sending requests: director and curator. Answering a request
to one's own listing: the mentor; deciding for the school: the director. The mentor's pairs in other schools and
their journal: the mentor (the fixture pair's mentor is the world's mentor account).

These URLs name objects of a second school of the municipality, which the shared world does not have: their
matrix runs in tests/test_bank_permissions.py over the ``bank`` fixture (own school, a sibling school's object
under the own school's URL, the other municipality, anonymous); tests/test_permissions.py counts them covered.
"""

from tests.matrix import MN, C, Case, D

SEARCH_AND_REQUEST = frozenset({D, C})
MANAGE_ENTRIES = frozenset({D, C})
OWN_JOURNAL = frozenset({MN})

MEETING_POST = {"held_on": "2026-10-27", "kind": "work", "format": "remote", "topic": "Опыт", "duration_minutes": "40"}

CASES: dict = {
    "bank_search": Case("school", SEARCH_AND_REQUEST),
    # The offer is a listing of the sibling school; an empty post answers with the form and its errors.
    "bank_request_create": Case("school", SEARCH_AND_REQUEST, ("get", "post"), obj="bank_offer"),
    "bank_sent": Case("school", SEARCH_AND_REQUEST),
    "bank_entries": Case("school", MANAGE_ENTRIES, ("get", "post")),
    "bank_entry_leave": Case("school", MANAGE_ENTRIES, ("post",), obj="bank_entry"),
    "bank_incoming": Case("school", frozenset({D, MN})),
    "bank_mentor_decision": Case(
        "school", frozenset({MN}), ("post",), obj="bank_request", post_data={"decision": "accept"}
    ),
    "bank_director_decision": Case(
        "school", frozenset({D}), ("post",), obj="bank_request", post_data={"decision": "decline", "reason": "Нет мест"}
    ),
    "bank_pairs": Case("school", OWN_JOURNAL),
    "bank_pair_journal": Case("school", OWN_JOURNAL, obj="bank_pair"),
    "bank_meeting_create": Case("school", OWN_JOURNAL, ("get", "post"), obj="bank_pair", post_data=MEETING_POST),
}

# The object of the same municipality that the own school's URL must not reach (404), per object key.
FOREIGN = {
    "bank_offer": "bank_entry",  # the school's own listing: a school does not request its own mentor
    "bank_entry": "bank_offer",  # the sibling school's listing: only its own school takes it out
    "bank_request": "foreign_request",  # the school's own request to the sibling's listing: the sibling decides
    "bank_pair": "pair",  # a pair of the school itself, not from the bank
}
