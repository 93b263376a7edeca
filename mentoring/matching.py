"""Optimal assignment of mentees to mentors: maximise the total fit under the hard rules and capacities.

The fit of a mentee with a mentor (0–1) weighs the mentee's requests against the mentor's competencies, the
age or grade difference, and the mentor's load; the form proposed is the best one the rules allow for the two.
Each mentor is split into as many slots as free places, a later slot fitting a little less (the load), and the
assignment of mentees to slots with the greatest total fit is found with the Hungarian method (scipy's
``linear_sum_assignment``), not first come first served. Every allowed fit is above zero and a forbidden one
counts zero, so the assignment found is a maximum-weight matching over the allowed pairs: its total is never
below the greedy baseline's, and a mentee is left out only when every mentor who fits is full.

Pure functions over facts (``mentoring.services.pair_rules``); nothing here touches the database.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from mentoring.services.pair_rules import (
    FormFacts,
    MenteeFacts,
    MentorFacts,
    grade,
    mentee_allowed,
    mentee_refusal_codes,
    mentor_refusal_codes,
)

REQUESTS_WEIGHT = 0.6
AGE_WEIGHT = 0.25
LOAD_WEIGHT = 0.15
NO_REQUESTS_FIT = 0.3  # a mentee with no stated requests fits every mentor a little
FORBIDDEN = 0.0  # every allowed score is above zero

# Why a mentee fits no mentor, by the codes of pair_rules.mentee_refusal_codes.
NO_FIT_WORDS = {
    "own_child": "родитель своего ребёнка",
    "category": "категория не подходит к форме",
    "not_older": "наставник не старше наставляемого",
    "age_unknown": "не указаны даты рождения или классы",
    "already_paired": "уже в паре этой формы",
}
NO_MENTOR_WORDS = {
    "inactive": "выбыли из базы",
    "not_selected": "не отобраны в программу",
    "no_consent": "нет письменного согласия",
    "category": "категория наставника не подходит к форме",
    "capacity": "нет свободных мест",
}
ALL_TAKEN = "все подходящие наставники заняты: их места отданы наставляемым, которым они подходят лучше"
NO_FREE_MENTORS = "нет отобранных наставников с письменным согласием и свободными местами"


@dataclass
class Suggestion:
    mentee_id: int
    mentor_id: int
    form_id: int
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class Matching:
    suggestions: list[Suggestion]
    unmatched: dict[int, str]  # mentee id → why nobody fits

    @property
    def total(self) -> float:
        return sum(suggestion.score for suggestion in self.suggestions)


def age_fit(mentor: MentorFacts, mentee: MenteeFacts, form: FormFacts) -> tuple[float, str | None]:
    """1 when a pupil mentor is 2–5 years (or 2–4 grades) older than the mentee, less the further from that;
    an adult mentor fits whenever older. 0.5 when nothing is known."""
    peers = form.mentor_must_be_older and "pupil" in form.mentor_categories
    if mentor.birth_date and mentee.birth_date:
        years = (mentee.birth_date - mentor.birth_date).days / 365.25
        if peers:
            fit = 1.0 if 2 <= years <= 5 else max(0.0, 1 - abs(years - 3.5) / 6)
            return fit, f"наставник старше на {years:.0f} г."
        return (1.0 if years >= 0 else 0.6), None
    mentor_grade, mentee_grade = grade(mentor.group), grade(mentee.group)
    if peers and mentor_grade and mentee_grade:
        grades = mentor_grade - mentee_grade
        fit = 1.0 if 2 <= grades <= 4 else max(0.0, 1 - abs(grades - 3) / 5)
        return fit, f"разница в классах: {grades}"
    return 0.5, None


def fit_score(mentor: MentorFacts, mentee: MenteeFacts, form: FormFacts) -> float:
    """The fit of the two in this form, before the mentor's load: 0 … 1 − LOAD_WEIGHT."""
    if mentee.requests:
        requests_fit = len(mentee.requests & mentor.competencies) / len(mentee.requests)
    else:
        requests_fit = NO_REQUESTS_FIT
    return REQUESTS_WEIGHT * requests_fit + AGE_WEIGHT * age_fit(mentor, mentee, form)[0]


def fit(mentor: MentorFacts, mentee: MenteeFacts, form: FormFacts, tag_names: dict) -> tuple[float, list[str]]:
    """``fit_score`` and why, in words the curator reads."""
    common = mentee.requests & mentor.competencies
    reasons = [f"форма «{form.name}»"]
    if common:
        reasons.append("общие запросы: " + ", ".join(sorted(tag_names.get(tag, "?") for tag in common)))
    elif mentee.requests:
        reasons.append("запросы не совпадают с компетенциями")
    else:
        reasons.append("запросы не указаны")
    age_reason = age_fit(mentor, mentee, form)[1]
    if age_reason:
        reasons.append(age_reason)
    return fit_score(mentor, mentee, form), reasons


def load_fit(mentor: MentorFacts, slot: int) -> float:
    """How free the mentor still is when taking a mentee into ``slot`` (0 = the first free place): 1 for the
    first place of an unloaded mentor, down to 1/capacity for the last place."""
    capacity = max(mentor.capacity, mentor.free_places, 1)
    return (mentor.free_places - slot) / capacity


def load_reason(mentor: MentorFacts, slot: int) -> str:
    capacity = max(mentor.capacity, mentor.free_places, 1)
    return f"нагрузка наставника: {capacity - mentor.free_places + slot + 1} из {capacity}"


def best_options(mentors, mentees, forms, tag_names):
    """For every mentee and mentor, the best allowed form and its fit before load (``fit_score``), as
    ``{(mentee id, mentor id): (fit, form id)}``; and why a mentee fits nobody. The words of the fit are
    written only for the pairs proposed (``fit``), as there are tens of thousands of options."""
    options: dict[tuple[int, int], tuple[float, int]] = {}
    why_not: dict[int, str] = {}
    for mentor in mentors:
        usable = [form for form in forms if not mentor_refusal_codes(mentor, form, 1)]
        if not usable:
            continue
        for mentee in mentees:
            best = None
            for form in usable:
                if not mentee_allowed(mentor, mentee, form):
                    continue
                score = fit_score(mentor, mentee, form)
                if best is None or score > best[0]:
                    best = (score, form.id)
            if best:
                options[(mentee.id, mentor.id)] = best
    matchable = {mentee_id for mentee_id, _ in options}
    for mentee in mentees:
        if mentee.id not in matchable:
            why_not[mentee.id] = explain_no_fit(mentee, mentors, forms)
    return options, why_not


def explain_no_fit(mentee, mentors, forms) -> str:
    """Why no mentor fits ``mentee`` at all: the mentee's own obstacle first, then the mentors'."""
    if not mentee.active:
        return "не участвует в программе (выбыл или завершил)"
    if mentee.consent_missing:
        if mentee.minor:
            return "нет действующего согласия законного представителя на обработку персональных данных"
        return "нет действующего согласия на обработку персональных данных"
    fitting_forms = [form for form in forms if mentee.category in form.mentee_categories]
    if not fitting_forms:
        return "ни одна форма программы не подходит для категории наставляемого"
    if all(form.id in mentee.active_forms for form in fitting_forms):
        return "уже в действующих парах всех подходящих форм"
    available = [
        (mentor, form) for mentor in mentors for form in fitting_forms if not mentor_refusal_codes(mentor, form, 1)
    ]
    if not mentors:
        return NO_FREE_MENTORS
    if not available:
        codes = {code for mentor in mentors for form in fitting_forms for code in mentor_refusal_codes(mentor, form, 1)}
        return "нет подходящего наставника: " + "; ".join(NO_MENTOR_WORDS[c] for c in NO_MENTOR_WORDS if c in codes)
    codes = {code for mentor, form in available for code in mentee_refusal_codes(mentor, mentee, form)}
    words = [NO_FIT_WORDS[code] for code in NO_FIT_WORDS if code in codes]
    return "ни один свободный наставник не подходит по правилам: " + "; ".join(words)


def suggestion(mentee, mentor, slot: int, form: FormFacts, tag_names) -> Suggestion:
    """The proposal of ``mentee`` to ``mentor``'s ``slot`` in ``form``: its score with the load, and why."""
    score, reasons = fit(mentor, mentee, form, tag_names)
    score += LOAD_WEIGHT * load_fit(mentor, slot)
    return Suggestion(mentee.id, mentor.id, form.id, score, [*reasons, load_reason(mentor, slot)])


def optimal(mentors: list[MentorFacts], mentees: list[MenteeFacts], forms: list[FormFacts], tag_names=None) -> Matching:
    """The assignment with the greatest total fit (Hungarian method over mentor slots)."""
    tag_names = tag_names or {}
    forms_by_id = {form.id: form for form in forms}
    options, why_not = best_options(mentors, mentees, forms, tag_names)
    matchable = [mentee for mentee in mentees if mentee.id not in why_not]
    useful = sorted({mentor_id for _, mentor_id in options})
    by_id = {mentor.id: mentor for mentor in mentors}
    slots = [(by_id[mentor_id], k) for mentor_id in useful for k in range(max(by_id[mentor_id].free_places, 0))]
    if not slots or not matchable:
        return Matching([], {**why_not, **{mentee.id: NO_FREE_MENTORS for mentee in matchable}})
    # Fits before load: mentees × mentors with an option; forbidden stays FORBIDDEN.
    column = {mentor_id: j for j, mentor_id in enumerate(useful)}
    row = {mentee.id: i for i, mentee in enumerate(matchable)}
    base = np.full((len(matchable), len(useful)), FORBIDDEN)
    allowed = np.zeros(base.shape, dtype=bool)
    for (mentee_id, mentor_id), (score, _) in options.items():
        base[row[mentee_id], column[mentor_id]] = score
        allowed[row[mentee_id], column[mentor_id]] = True
    slot_mentor = np.array([column[mentor.id] for mentor, _ in slots])
    slot_load = np.array([LOAD_WEIGHT * load_fit(mentor, k) for mentor, k in slots])
    scores = np.where(allowed[:, slot_mentor], base[:, slot_mentor] + slot_load, FORBIDDEN)
    rows, cols = linear_sum_assignment(scores, maximize=True)
    suggestions, assigned = [], set()
    for i, j in zip(rows, cols, strict=True):
        if not allowed[i, slot_mentor[j]]:
            continue
        mentee, (mentor, slot) = matchable[i], slots[j]
        form = forms_by_id[options[(mentee.id, mentor.id)][1]]
        suggestions.append(suggestion(mentee, mentor, slot, form, tag_names))
        assigned.add(mentee.id)
    for mentee in matchable:
        if mentee.id not in assigned:
            why_not[mentee.id] = ALL_TAKEN
    suggestions.sort(key=lambda s: (-s.score, s.mentee_id))
    return Matching(suggestions, why_not)


def greedy(mentors: list[MentorFacts], mentees: list[MenteeFacts], forms: list[FormFacts], tag_names=None) -> Matching:
    """The baseline: each mentee in turn takes the best mentor still free (first come, first served), scored
    the same way as ``optimal``."""
    tag_names = tag_names or {}
    forms_by_id = {form.id: form for form in forms}
    options, why_not = best_options(mentors, mentees, forms, tag_names)
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
