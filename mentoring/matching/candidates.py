"""The candidate set the assignment is solved on: every allowed combination of a mentee and a mentor, scored
with numpy in blocks of mentees, and each mentee's ``TOP_CANDIDATES`` best mentors kept (with each mentor's best
mentees for its free places). The rules are those of ``pair_rules``, the fit that of ``scoring.fit_score``."""

from dataclasses import dataclass

import numpy as np

from mentoring.matching.scoring import AGE_WEIGHT, NO_REQUESTS_FIT, REQUESTS_WEIGHT
from mentoring.matching.unmatched import Explainer
from mentoring.services.pair_rules import grade, mentor_refusal_codes

TOP_CANDIDATES = 20  # per mentee, the best mentors the assignment chooses among
CANDIDATES_PER_PLACE = 10  # per mentor, the best mentees for each free place join the candidate set too
BLOCK = 500  # mentees scored at once: a block × every mentor, a few float arrays of a few MB


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
    explain = Explainer(mentors, forms)
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
