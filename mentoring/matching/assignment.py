"""The assignment of mentees to mentors' free places with the greatest total score over the candidate set, as a
minimum-cost full matching on a sparse bipartite graph (scipy's ``min_weight_full_bipartite_matching``)."""

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from mentoring.matching.candidates import Options
from mentoring.matching.scoring import LOAD_WEIGHT

COST_CEILING = 2.0  # cost = ceiling − score: every cost positive (scores are at most 1)


def assign(options: Options, mentors) -> list[tuple[int, int]]:
    """The assignment with the greatest total score over the candidate set: ``(option index, slot)`` pairs.

    Columns are the mentors' free places (as many as a mentor has candidates, at most) and one place «без
    пары» per mentee; the cost of a combination is ``COST_CEILING`` − its score, that of «без пары» the
    ceiling, so the cheapest full matching is the one with the greatest total score."""
    if not len(options):
        return []
    by_id = {mentor.id: mentor for mentor in mentors}
    mentee_ids, row_of = np.unique(options.mentee_ids, return_inverse=True)
    mentor_ids, mentor_of = np.unique(options.mentor_ids, return_inverse=True)
    candidates = np.bincount(mentor_of, minlength=len(mentor_ids))
    free = np.array([max(by_id[int(m)].free_places, 0) for m in mentor_ids])
    slots = np.minimum(free, candidates)
    capacity = np.array([max(by_id[int(m)].capacity, by_id[int(m)].free_places, 1) for m in mentor_ids])
    first_slot = np.concatenate(([0], np.cumsum(slots)[:-1]))
    per_option = slots[mentor_of]
    option = np.repeat(np.arange(len(options)), per_option)
    slot = np.arange(len(option)) - np.repeat(np.cumsum(per_option) - per_option, per_option)
    mentor = mentor_of[option]
    score = options.fits[option] + LOAD_WEIGHT * (free[mentor] - slot) / capacity[mentor]
    n_rows, n_slots = len(mentee_ids), int(slots.sum())
    costs = np.concatenate((COST_CEILING - score, np.full(n_rows, COST_CEILING)))
    rows = np.concatenate((row_of[option], np.arange(n_rows))).astype(np.int32)
    columns = np.concatenate((first_slot[mentor] + slot, n_slots + np.arange(n_rows))).astype(np.int32)
    graph = csr_matrix((costs, (rows, columns)), shape=(n_rows, n_slots + n_rows))
    matched_rows, matched_columns = min_weight_full_bipartite_matching(graph)
    # Back from (row, column) to the option: a column below n_slots is a mentor's slot.
    placed = matched_columns < n_slots
    matched_rows, matched_columns = matched_rows[placed], matched_columns[placed]
    slot_mentor = np.repeat(np.arange(len(mentor_ids)), slots)
    slot_number = np.arange(n_slots) - np.repeat(first_slot, slots)
    keys = row_of.astype(np.int64) * len(mentor_ids) + mentor_of
    order = np.argsort(keys)
    wanted = matched_rows.astype(np.int64) * len(mentor_ids) + slot_mentor[matched_columns]
    chosen = order[np.searchsorted(keys, wanted, sorter=order)]
    return list(zip(chosen.tolist(), slot_number[matched_columns].tolist(), strict=True))
