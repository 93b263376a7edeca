"""Optimal assignment of mentees to mentors: maximise the total fit under the hard rules and capacities.

Each mentor is split into as many slots as free places; the assignment of mentees to slots that maximises
the total score is found with the Hungarian method (scipy's ``linear_sum_assignment``), not first come first
served. A later slot of the same mentor scores a little less, so that load spreads when fits are equal.
Pure functions over facts (``mentoring.services.pair_rules``); nothing here touches the database.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from mentoring.services.pair_rules import FormFacts, MenteeFacts, MentorFacts, mentee_refusals, mentor_refusals

REQUESTS_WEIGHT = 0.7
AGE_WEIGHT = 0.3
SLOT_PENALTY = 0.02
FORBIDDEN = -1.0  # any allowed score is >= 0


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
    """1 when the mentor is 2–5 years older in a pupils' form (more for adults is fine), less otherwise."""
    if not (mentor.birth_date and mentee.birth_date):
        return 0.5, None
    years = (mentee.birth_date - mentor.birth_date).days / 365.25
    if form.mentor_must_be_older and "pupil" in form.mentor_categories:
        fit = 1.0 if 2 <= years <= 5 else max(0.0, 1 - abs(years - 3.5) / 6)
        return fit, f"наставник старше на {years:.0f} г."
    return (1.0 if years >= 0 else 0.6), None


def fit(mentor: MentorFacts, mentee: MenteeFacts, form: FormFacts, tag_names: dict) -> tuple[float, list[str]]:
    common = mentee.requests & mentor.competencies
    requests_fit = len(common) / len(mentee.requests) if mentee.requests else 0.3
    age, age_reason = age_fit(mentor, mentee, form)
    reasons = [f"форма «{form.name}»"]
    if common:
        reasons.append("общие запросы: " + ", ".join(sorted(tag_names.get(tag, "?") for tag in common)))
    elif mentee.requests:
        reasons.append("запросы не совпадают с компетенциями")
    if age_reason:
        reasons.append(age_reason)
    return REQUESTS_WEIGHT * requests_fit + AGE_WEIGHT * age, reasons


def best_options(mentors, mentees, forms, tag_names):
    """For every mentee and mentor, the best allowed form and its score; and why a mentee fits nobody."""
    options: dict[tuple[int, int], tuple[float, int, list[str]]] = {}
    why_not: dict[int, str] = {}
    for mentor in mentors:
        usable = [form for form in forms if not mentor_refusals(mentor, form, 1)]
        for mentee in mentees:
            best = None
            for form in usable:
                if mentee_refusals(mentor, mentee, form):
                    continue
                score, reasons = fit(mentor, mentee, form, tag_names)
                if best is None or score > best[0]:
                    best = (score, form.id, reasons)
            if best:
                options[(mentee.id, mentor.id)] = best
    for mentee in mentees:
        if not any((mentee.id, mentor.id) in options for mentor in mentors):
            why_not[mentee.id] = explain_no_fit(mentee, mentors, forms)
    return options, why_not


def explain_no_fit(mentee, mentors, forms) -> str:
    if mentee.consent_missing:
        return "нет действующего согласия на обработку персональных данных"
    if not any(mentee.category in form.mentee_categories for form in forms):
        return "ни одна форма программы не подходит для категории наставляемого"
    if not any(mentor.free_places > 0 and mentor.selected and not mentor.consent_missing for mentor in mentors):
        return "нет отобранных наставников со свободными местами"
    return "ни один наставник не подходит по правилам (категория, возраст, родство, занятость)"


def optimal(mentors: list[MentorFacts], mentees: list[MenteeFacts], forms: list[FormFacts], tag_names=None) -> Matching:
    """The assignment with the greatest total score (Hungarian method over mentor slots)."""
    tag_names = tag_names or {}
    options, why_not = best_options(mentors, mentees, forms, tag_names)
    slots = [(mentor, k) for mentor in mentors for k in range(max(mentor.free_places, 0))]
    matchable = [mentee for mentee in mentees if mentee.id not in why_not]
    if not slots or not matchable:
        unmatched = {**why_not, **{m.id: "нет отобранных наставников со свободными местами" for m in matchable}}
        return Matching([], unmatched)
    scores = np.full((len(matchable), len(slots)), FORBIDDEN)
    for i, mentee in enumerate(matchable):
        for j, (mentor, k) in enumerate(slots):
            option = options.get((mentee.id, mentor.id))
            if option:
                scores[i, j] = option[0] - SLOT_PENALTY * k
    rows, cols = linear_sum_assignment(scores, maximize=True)
    suggestions, assigned = [], set()
    for i, j in zip(rows, cols, strict=True):
        if scores[i, j] <= FORBIDDEN:
            continue
        mentee, (mentor, _) = matchable[i], slots[j]
        score, form_id, reasons = options[(mentee.id, mentor.id)]
        suggestions.append(Suggestion(mentee.id, mentor.id, form_id, round(score, 3), reasons))
        assigned.add(mentee.id)
    for mentee in matchable:
        if mentee.id not in assigned:
            why_not[mentee.id] = "все подходящие наставники заняты более подходящими наставляемыми"
    suggestions.sort(key=lambda s: -s.score)
    return Matching(suggestions, why_not)


def greedy(mentors: list[MentorFacts], mentees: list[MenteeFacts], forms: list[FormFacts], tag_names=None) -> Matching:
    """The baseline: each mentee in turn takes the best mentor still free (first come, first served)."""
    tag_names = tag_names or {}
    options, why_not = best_options(mentors, mentees, forms, tag_names)
    free = {mentor.id: max(mentor.free_places, 0) for mentor in mentors}
    suggestions = []
    for mentee in mentees:
        candidates = [
            (options[(mentee.id, mentor.id)], mentor.id)
            for mentor in mentors
            if free[mentor.id] > 0 and (mentee.id, mentor.id) in options
        ]
        if not candidates:
            why_not.setdefault(mentee.id, "все подходящие наставники заняты")
            continue
        (score, form_id, reasons), mentor_id = max(candidates, key=lambda c: c[0][0])
        free[mentor_id] -= 1
        suggestions.append(Suggestion(mentee.id, mentor_id, form_id, round(score, 3), reasons))
    return Matching(suggestions, why_not)
