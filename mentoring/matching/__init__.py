"""Optimal assignment of mentees to mentors: maximise the total fit under the hard rules and capacities.

The fit of a mentee with a mentor (0–1) weighs the mentee's requests against the mentor's competencies, the
age or grade difference, and the mentor's load; the form proposed is the best one the rules allow for the two.
Each mentor is split into as many slots as free places, a later slot fitting a little less (the load), and the
assignment of mentees to slots with the greatest total fit is found as a minimum-cost full matching on a sparse
bipartite graph (scipy's ``min_weight_full_bipartite_matching``), not first come first served: every mentee
also has a place of its own «без пары» worth nothing, so the matching exists and a mentee is left out only when
every mentor who fits is better used by others.

A school of 20 000 mentees and 1 500 mentors has 30 million combinations: they are scored with numpy, in
blocks of mentees, and each mentee keeps its ``TOP_CANDIDATES`` best mentors, the candidate set the assignment
is solved on. ``top=None`` keeps every allowed combination: the exact optimum, which the benchmark compares
with the sparse one.

- ``scoring``: the fit of one combination and why, in words; the mentor's load.
- ``candidates``: the same fit over arrays, the candidate set (``candidate_options``).
- ``assignment``: the minimum-cost full matching over the candidate set (``assign``).
- ``unmatched``: why a mentee is left without a mentor.
- here: ``optimal`` and the baseline ``greedy``, each a ``Matching``.

Pure functions over facts (``mentoring.services.pair_rules``); nothing here touches the database.
"""

from dataclasses import dataclass

from mentoring.matching.assignment import assign
from mentoring.matching.candidates import TOP_CANDIDATES, best_options, candidate_options
from mentoring.matching.scoring import LOAD_WEIGHT, Suggestion, load_fit, suggestion
from mentoring.matching.unmatched import ALL_TAKEN
from mentoring.services.pair_rules import FormFacts, MenteeFacts, MentorFacts


@dataclass
class Matching:
    suggestions: list[Suggestion]
    unmatched: dict[int, str]  # mentee id → why nobody fits

    @property
    def total(self) -> float:
        return sum(suggestion.score for suggestion in self.suggestions)


def optimal(mentors, mentees, forms, tag_names=None, *, top: int | None = TOP_CANDIDATES) -> Matching:
    """The assignment with the greatest total fit over each mentee's ``top`` best mentors (every allowed
    mentor with ``top=None``)."""
    tag_names = tag_names or {}
    options, why_not = candidate_options(mentors, mentees, forms, top=top)
    mentors_by_id = {mentor.id: mentor for mentor in mentors}
    mentees_by_id = {mentee.id: mentee for mentee in mentees}
    forms_by_id = {form.id: form for form in forms}
    suggestions = []
    for n, slot in assign(options, mentors):
        mentee = mentees_by_id[int(options.mentee_ids[n])]
        mentor = mentors_by_id[int(options.mentor_ids[n])]
        suggestions.append(suggestion(mentee, mentor, slot, forms_by_id[int(options.form_ids[n])], tag_names))
    assigned = {s.mentee_id for s in suggestions}
    for mentee_id in set(options.mentee_ids.tolist()) - assigned:
        why_not[mentee_id] = ALL_TAKEN
    suggestions.sort(key=lambda s: (-s.score, s.mentee_id))
    return Matching(suggestions, why_not)


def greedy(mentors: list[MentorFacts], mentees: list[MenteeFacts], forms: list[FormFacts], tag_names=None) -> Matching:
    """The baseline: each mentee in turn takes the best mentor still free (first come, first served), scored
    the same way as ``optimal``."""
    tag_names = tag_names or {}
    forms_by_id = {form.id: form for form in forms}
    options, why_not = best_options(mentors, mentees, forms)
    taken = {mentor.id: 0 for mentor in mentors}
    suggestions = []
    for mentee in mentees:
        if mentee.id in why_not:
            continue
        candidates = [
            (options[(mentee.id, mentor.id)][0] + LOAD_WEIGHT * load_fit(mentor, taken[mentor.id]), mentor)
            for mentor in mentors
            if taken[mentor.id] < mentor.free_places and (mentee.id, mentor.id) in options
        ]
        if not candidates:
            why_not[mentee.id] = "все подходящие наставники заняты"
            continue
        _, mentor = max(candidates, key=lambda candidate: candidate[0])
        form = forms_by_id[options[(mentee.id, mentor.id)][1]]
        suggestions.append(suggestion(mentee, mentor, taken[mentor.id], form, tag_names))
        taken[mentor.id] += 1
    return Matching(suggestions, why_not)
