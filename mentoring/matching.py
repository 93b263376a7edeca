"""Optimal assignment of mentees to mentors: maximise the total fit under the hard rules and capacities.

The fit of a mentee with a mentor (0–1) weighs the mentee's requests against the mentor's competencies, the
age or grade difference, and the mentor's load; the form proposed is the best one the rules allow for the two.
Each mentor is split into as many slots as free places, a later slot fitting a little less (the load), and the
assignment of mentees to slots with the greatest total fit is found as a minimum-cost full matching on a sparse
bipartite graph (scipy's ``min_weight_full_bipartite_matching``), not first come first served: every mentee
also has a place of its own «без пары» worth nothing, so the matching exists and a mentee is left out only when
every mentor who fits is better used by others.

A school of 20 000 mentees and 1 500 mentors has 30 million combinations: they are scored with numpy, in
blocks of mentees (``candidate_options``), and each mentee keeps its ``TOP_CANDIDATES`` best mentors, the
candidate set the assignment is solved on. ``top=None`` keeps every allowed combination: the exact optimum,
which the benchmark compares with the sparse one. ``fit`` scores one combination the same way, in words.

Pure functions over facts (``mentoring.services.pair_rules``); nothing here touches the database.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from mentoring.services.pair_rules import (
    FormFacts,
    MenteeFacts,
    MentorFacts,
    grade,
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


TOP_CANDIDATES = 20  # per mentee, the best mentors the assignment chooses among
CANDIDATES_PER_PLACE = 10  # per mentor, the best mentees for each free place join the candidate set too
BLOCK = 500  # mentees scored at once: a block × every mentor, a few float arrays of a few MB
COST_CEILING = 2.0  # cost = ceiling − score: every cost positive (scores are at most 1)


@dataclass
class Options:
    """The allowed combinations kept for the assignment, as parallel arrays: mentee and mentor ids, the fit
    before load (``fit_score``) and the best form's id."""

    mentee_ids: np.ndarray
    mentor_ids: np.ndarray
    fits: np.ndarray
    form_ids: np.ndarray

    def __len__(self) -> int:
        return len(self.fits)

    def as_dict(self) -> dict[tuple[int, int], tuple[float, int]]:
        return {
            (int(e), int(m)): (float(f), int(form))
            for e, m, f, form in zip(self.mentee_ids, self.mentor_ids, self.fits, self.form_ids, strict=True)
        }


def _dates(people) -> np.ndarray:
    return np.array([p.birth_date.toordinal() if p.birth_date else np.nan for p in people], dtype=float)


def _grades(people) -> np.ndarray:
    return np.array([grade(p.group) or np.nan for p in people], dtype=float)


def _age_fits(mentor_born, mentor_grades, mentee_born, mentee_grades, peers: bool) -> np.ndarray:
    """``age_fit`` of a block of mentees (rows) with every mentor (columns)."""
    both_born = ~np.isnan(mentee_born)[:, None] & ~np.isnan(mentor_born)[None, :]
    with np.errstate(invalid="ignore"):
        years = (mentee_born[:, None] - mentor_born[None, :]) / 365.25
        if peers:
            by_birth = np.where((years >= 2) & (years <= 5), 1.0, np.maximum(0.0, 1 - np.abs(years - 3.5) / 6))
            grades = mentor_grades[None, :] - mentee_grades[:, None]
            by_grade = np.where((grades >= 2) & (grades <= 4), 1.0, np.maximum(0.0, 1 - np.abs(grades - 3) / 5))
            known_grades = ~np.isnan(grades)
        else:
            by_birth = np.where(years >= 0, 1.0, 0.6)
            by_grade, known_grades = 0.5, False
    return np.where(both_born, by_birth, np.where(known_grades, by_grade, 0.5))


def _mentor_older(mentor_born, mentor_grades, mentor_pupil, mentee_born, mentee_grades) -> np.ndarray:
    """The rule «the mentor is older» of ``mentee_refusal_codes`` for a block: by birth dates when both are
    known, else by classes when the mentor is a pupil, else allowed."""
    both_born = ~np.isnan(mentee_born)[:, None] & ~np.isnan(mentor_born)[None, :]
    with np.errstate(invalid="ignore"):
        by_birth = mentor_born[None, :] < mentee_born[:, None]
        by_grade = mentor_grades[None, :] > mentee_grades[:, None]  # False when either is unknown
    return np.where(both_born, by_birth, np.where(mentor_pupil[None, :], by_grade, True))


def candidate_options(mentors, mentees, forms, *, top: int | None = TOP_CANDIDATES) -> tuple[Options, dict]:
    """Every mentee's ``top`` best mentors (all allowed ones with ``top=None``), each with the best allowed
    form and its fit before load; and why a mentee fits nobody. The rules are those of ``pair_rules`` and the
    fit that of ``fit_score``, computed over arrays (a test holds them equal)."""
    tags = sorted(
        {
            tag
            for person in (*mentors, *mentees)
            for tag in (*getattr(person, "requests", ()), *getattr(person, "competencies", ()))
        }
    )
    tag_index = {tag: n for n, tag in enumerate(tags)}
    competencies = np.zeros((len(tags), len(mentors)))
    for j, mentor in enumerate(mentors):
        competencies[[tag_index[tag] for tag in mentor.competencies], j] = 1
    mentor_born, mentor_grades = _dates(mentors), _grades(mentors)
    mentor_pupil = np.array([mentor.category == "pupil" for mentor in mentors], dtype=bool)
    usable = {
        form.id: np.array([not mentor_refusal_codes(mentor, form, 1) for mentor in mentors], dtype=bool)
        for form in forms
    }
    parents = {}
    for j, mentor in enumerate(mentors):
        for child in mentor.children:
            parents.setdefault(child, []).append(j)
    by_mentee, by_mentor = [], []  # (rows, columns, fits, forms) of each block
    places = np.array([max(mentor.free_places, 0) for mentor in mentors], dtype=np.int64)
    per_mentor = CANDIDATES_PER_PLACE * int(places.max()) if len(mentors) else 0
    for start in range(0, len(mentees), BLOCK):
        block = mentees[start : start + BLOCK]
        requests = np.zeros((len(block), len(tags)))
        for i, mentee in enumerate(block):
            requests[i, [tag_index[tag] for tag in mentee.requests]] = 1
        asked = requests.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            requests_fit = np.where(asked[:, None] > 0, (requests @ competencies) / asked[:, None], NO_REQUESTS_FIT)
        mentee_born, mentee_grades = _dates(block), _grades(block)
        best = np.full((len(block), len(mentors)), -1.0)
        best_form = np.zeros(best.shape, dtype=np.int64)
        for form in forms:
            eligible = np.array(
                [
                    mentee.active and not mentee.consent_missing and mentee.category in form.mentee_categories
                    and form.id not in mentee.active_forms
                    for mentee in block
                ],
                dtype=bool,
            )  # fmt: skip
            rows, cols = np.flatnonzero(eligible), np.flatnonzero(usable[form.id])
            if not (rows.size and cols.size):
                continue
            cells = np.ix_(rows, cols)
            facts = (mentor_born[cols], mentor_grades[cols], mentee_born[rows], mentee_grades[rows])
            if form.mentor_must_be_older:
                allowed = _mentor_older(facts[0], facts[1], mentor_pupil[cols], facts[2], facts[3])
            else:
                allowed = True
            peers = form.mentor_must_be_older and "pupil" in form.mentor_categories
            score = REQUESTS_WEIGHT * requests_fit[cells] + AGE_WEIGHT * _age_fits(*facts, peers)
            better = allowed & (score > best[cells])
            best[cells] = np.where(better, score, best[cells])
            best_form[cells] = np.where(better, form.id, best_form[cells])
        for i, mentee in enumerate(block):
            best[i, parents.get(mentee.id, [])] = -1.0  # a parent never mentors their own child
        rows, cols = _top_per_row(best, top)
        by_mentee.append((rows + start, cols, best[rows, cols], best_form[rows, cols]))
        if top is not None and per_mentor:  # each mentor's best mentees so far, as many for each free place
            cols, rows = _top_per_row(best.T, per_mentor)
            pool = _joined([*by_mentor, (rows + start, cols, best[rows, cols], best_form[rows, cols])])
            wanted = _rank_within(pool[1], -pool[2]) < CANDIDATES_PER_PLACE * places[pool[1]]
            by_mentor = [tuple(column[wanted] for column in pool)]
    rows, cols, fits, form_ids = _joined(by_mentee)
    if by_mentor:
        more = _joined(by_mentor)
        rows, cols, fits, form_ids = (
            np.concatenate(pair) for pair in zip((rows, cols, fits, form_ids), more, strict=True)
        )
        _, once = np.unique(rows * len(mentors) + cols, return_index=True)
        rows, cols, fits, form_ids = rows[once], cols[once], fits[once], form_ids[once]
    mentee_ids = np.array([mentee.id for mentee in mentees], dtype=np.int64)
    mentor_ids = np.array([mentor.id for mentor in mentors], dtype=np.int64)
    options = Options(mentee_ids[rows], mentor_ids[cols], fits, form_ids)
    placed = set(options.mentee_ids.tolist())
    explain = _Explainer(mentors, forms)
    why_not = {mentee.id: explain(mentee) for mentee in mentees if mentee.id not in placed}
    return options, why_not


def _top_per_row(best: np.ndarray, top: int | None) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of the allowed cells (``best`` ≥ 0), at most ``top`` per row, the greatest."""
    if top is not None and best.shape[1] > top:
        columns = np.argpartition(-best, top - 1, axis=1)[:, :top]
        rows = np.repeat(np.arange(best.shape[0]), top)
        columns = columns.ravel()
        allowed = best[rows, columns] >= 0
        return rows[allowed], columns[allowed]
    return np.nonzero(best >= 0)


def _rank_within(groups: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """The rank of each element by ``keys`` among the elements of its group (0 = the smallest key)."""
    order = np.lexsort((keys, groups))
    ranks = np.empty(len(order), dtype=np.int64)
    sorted_groups = groups[order]
    starts = np.r_[0, np.flatnonzero(sorted_groups[1:] != sorted_groups[:-1]) + 1]
    group_start = np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    ranks[order] = np.arange(len(order)) - group_start
    return ranks


def _joined(parts) -> list[np.ndarray]:
    """The blocks' (rows, columns, fits, forms) as four arrays."""
    if not parts:
        return [np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0, dtype=np.int64)]
    return [np.concatenate(column) for column in zip(*parts, strict=True)]


def best_options(mentors, mentees, forms, tag_names=None):
    """Every allowed combination as ``{(mentee id, mentor id): (fit, form id)}``, and why a mentee fits
    nobody (for small cases: tests, the greedy baseline)."""
    options, why_not = candidate_options(mentors, mentees, forms, top=None)
    return options.as_dict(), why_not


class _Explainer:
    """``explain_no_fit`` with what depends only on the forms worked out once per set of fitting forms."""

    def __init__(self, mentors, forms):
        self.mentors, self.forms, self.available = mentors, forms, {}

    def __call__(self, mentee) -> str:
        return explain_no_fit(mentee, self.mentors, self.forms, self.available)


def explain_no_fit(mentee, mentors, forms, cache: dict | None = None) -> str:
    """Why no mentor fits ``mentee`` at all: the mentee's own obstacle first, then the mentors'. ``cache``
    keeps, per set of fitting forms, the mentors free in them (the same for every mentee of a category)."""
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
    if not mentors:
        return NO_FREE_MENTORS
    cache = {} if cache is None else cache
    key = tuple(form.id for form in fitting_forms)
    if key not in cache:
        cache[key] = [
            (mentor, form) for mentor in mentors for form in fitting_forms if not mentor_refusal_codes(mentor, form, 1)
        ]
    available = cache[key]
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
