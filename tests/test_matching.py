"""Matching suggestions over facts (no database): the optimal assignment is never worse than the greedy one and
is truly optimal on small cases, respects capacities and every hard rule, explains whom it could not place,
and copes with a school of 600 unpaired mentees and 150 mentors."""

import dataclasses
import itertools
import random
from datetime import date

import pytest

from mentoring import matching
from mentoring.matching import candidates, scoring, unmatched
from mentoring.models import Mentee, Mentor
from mentoring.reference import FORMS
from mentoring.services.pair_rules import (
    FormFacts,
    MenteeFacts,
    MentorFacts,
    grade,
    mentee_refusal_codes,
    mentee_refusals,
    mentor_refusal_codes,
    mentor_refusals,
    refusals,
)

EPSILON = 1e-9


def form_of(code: str, form_id: int = 1) -> FormFacts:
    spec = next(form for form in FORMS if form["code"] == code)
    return FormFacts(
        id=form_id,
        name=spec["name"],
        mentor_categories=frozenset(spec["mentor_categories"]),
        mentee_categories=frozenset(spec["mentee_categories"]),
        mentor_must_be_older=spec["mentor_must_be_older"],
    )


ALL_FORMS = [form_of(spec["code"], n + 1) for n, spec in enumerate(FORMS)]
TEACHER_PUPIL = form_of("teacher-pupil", 2)
PUPIL_PUPIL = form_of("pupil-pupil", 1)


def mentor(mentor_id, *, category="teacher", free=1, born=date(1980, 1, 1), **fields) -> MentorFacts:
    fields.setdefault("capacity", free)
    return MentorFacts(
        id=mentor_id,
        name=f"Наставник {mentor_id}",
        category=category,
        birth_date=born,
        active=fields.pop("active", True),
        selected=fields.pop("selected", True),
        consent_missing=fields.pop("consent_missing", False),
        free_places=free,
        **fields,
    )


def mentee(mentee_id, *, category="pupil", born=date(2012, 1, 1), requests=(), **fields) -> MenteeFacts:
    return MenteeFacts(
        id=mentee_id,
        name=f"Наставляемый {mentee_id}",
        category=category,
        birth_date=born,
        active=fields.pop("active", True),
        consent_missing=fields.pop("consent_missing", False),
        requests=frozenset(requests),
        **fields,
    )


def assert_valid(result, mentors, mentees, forms):
    """Every suggestion obeys the hard rules, no mentee twice, no mentor over free places, and every mentee is
    either proposed or explained."""
    by_mentor = {m.id: m for m in mentors}
    by_mentee = {m.id: m for m in mentees}
    by_form = {f.id: f for f in forms}
    proposed = [s.mentee_id for s in result.suggestions]
    assert len(proposed) == len(set(proposed)), "a mentee proposed twice"
    for suggestion in result.suggestions:
        rules = refusals(
            by_mentor[suggestion.mentor_id], [by_mentee[suggestion.mentee_id]], by_form[suggestion.form_id]
        )
        assert rules == [], rules
        assert 0 < suggestion.score <= 1
        assert suggestion.reasons
    load: dict[int, int] = {}
    for suggestion in result.suggestions:
        load[suggestion.mentor_id] = load.get(suggestion.mentor_id, 0) + 1
    for mentor_id, count in load.items():
        assert count <= by_mentor[mentor_id].free_places
    assert set(proposed) | set(result.unmatched) == set(by_mentee)
    assert not set(proposed) & set(result.unmatched)


def generated(n_mentees, n_mentors, seed, tags=12):
    """A school like the benchmark's: nine pupils in ten, a third of mentors are older pupils, capacities 1–6, a
    few mentees without consent, a few parents of their own mentees, a few mentors not selected."""
    rng = random.Random(seed)
    mentees = []
    for n in range(n_mentees):
        pupil = n % 10 != 0
        year = rng.randint(2009, 2016) if pupil else rng.randint(1996, 2003)
        mentees.append(
            mentee(
                n + 1,
                category="pupil" if pupil else "young_specialist",
                born=date(year, rng.randint(1, 12), rng.randint(1, 28)),
                requests=rng.sample(range(tags), rng.randint(0, 3)),
                consent_missing=rng.random() < 0.03,
            )
        )
    mentors = []
    for n in range(n_mentors):
        pupil = n % 3 == 0
        year = rng.randint(2007, 2009) if pupil else rng.randint(1965, 1998)
        free = rng.randint(1, 6)
        children = frozenset(rng.sample(range(1, n_mentees + 1), 2)) if n % 17 == 0 else frozenset()
        mentors.append(
            mentor(
                n + 1,
                category="pupil" if pupil else "teacher",
                born=date(year, rng.randint(1, 12), rng.randint(1, 28)),
                free=free,
                capacity=free + rng.randint(0, 2),
                selected=rng.random() > 0.05,
                competencies=frozenset(rng.sample(range(tags), rng.randint(1, 4))),
                children=children,
            )
        )
    return mentors, mentees


def brute_force_best(mentors, mentees, forms) -> float:
    """The greatest total score over every assignment (tiny cases only), scored as the matching scores."""
    options, _ = candidates.best_options(mentors, mentees, forms, {})
    choices = [[None] + [m for m in mentors if (e.id, m.id) in options] for e in mentees]
    best = 0.0
    for assignment in itertools.product(*choices):
        taken: dict[int, int] = {}
        total = 0.0
        for chosen_mentee, chosen in zip(mentees, assignment, strict=True):
            if chosen is None:
                continue
            slot = taken.get(chosen.id, 0)
            if slot >= chosen.free_places:
                break
            taken[chosen.id] = slot + 1
            total += options[(chosen_mentee.id, chosen.id)][0] + scoring.LOAD_WEIGHT * scoring.load_fit(chosen, slot)
        else:
            best = max(best, total)
    return best


# Optimal against greedy.


def test_greedy_is_strictly_worse_when_the_first_mentee_takes_the_only_mentor_of_the_second():
    """Mentee 1 fits mentor A a little better than mentor B; mentee 2 fits only A (B is a parent of 2).
    First come, first served gives A to mentee 1 and leaves mentee 2 alone; the optimum places both."""
    a = mentor(1, competencies=frozenset({1, 2, 3}))
    b = mentor(2, competencies=frozenset({1}), children=frozenset({2}))
    first = mentee(1, requests={1, 2})
    second = mentee(2, requests={3})
    mentors, mentees = [a, b], [first, second]
    greedy = matching.greedy(mentors, mentees, [TEACHER_PUPIL])
    optimal = matching.optimal(mentors, mentees, [TEACHER_PUPIL])
    assert {(s.mentee_id, s.mentor_id) for s in greedy.suggestions} == {(1, 1)}
    assert greedy.unmatched == {2: "все подходящие наставники заняты"}
    assert {(s.mentee_id, s.mentor_id) for s in optimal.suggestions} == {(1, 2), (2, 1)}
    assert optimal.unmatched == {}
    assert optimal.total > greedy.total + 0.1
    assert_valid(optimal, mentors, mentees, [TEACHER_PUPIL])


def test_greedy_is_worse_on_scores_alone_too():
    """Both mentees fit both mentors; greedy lets the first take the mentor the second needs far more."""
    a = mentor(1, competencies=frozenset({1, 2}))
    b = mentor(2, competencies=frozenset({1}))
    first = mentee(1, requests={1})  # fits A and B equally
    second = mentee(2, requests={2})  # fits A only by requests
    greedy = matching.greedy([a, b], [first, second], [TEACHER_PUPIL])
    optimal = matching.optimal([a, b], [first, second], [TEACHER_PUPIL])
    assert {(s.mentee_id, s.mentor_id) for s in optimal.suggestions} == {(1, 2), (2, 1)}
    assert optimal.total >= greedy.total - EPSILON


@pytest.mark.parametrize("seed", range(8))
def test_optimal_total_is_never_below_greedy(seed):
    mentors, mentees = generated(60, 15, seed)
    greedy = matching.greedy(mentors, mentees, ALL_FORMS)
    optimal = matching.optimal(mentors, mentees, ALL_FORMS)
    assert optimal.total >= greedy.total - EPSILON
    assert_valid(optimal, mentors, mentees, ALL_FORMS)
    assert_valid(greedy, mentors, mentees, ALL_FORMS)


@pytest.mark.parametrize("seed", range(6))
def test_optimal_is_the_best_of_every_assignment_on_small_cases(seed):
    rng = random.Random(seed)
    mentors = [
        mentor(n + 1, free=rng.randint(1, 2), capacity=2, competencies=frozenset(rng.sample(range(5), 2)))
        for n in range(3)
    ]
    mentees = [
        mentee(n + 1, born=date(rng.randint(2009, 2015), 1, 1), requests=rng.sample(range(5), rng.randint(0, 2)))
        for n in range(5)
    ]
    optimal = matching.optimal(mentors, mentees, [TEACHER_PUPIL])
    assert optimal.total == pytest.approx(brute_force_best(mentors, mentees, [TEACHER_PUPIL]))


# Capacities, rules and load.


def test_capacities_are_respected_and_load_spreads_when_fits_are_equal():
    busy = mentor(1, free=2, capacity=2)
    other = mentor(2, free=2, capacity=2)
    mentees = [mentee(n) for n in range(1, 6)]
    result = matching.optimal([busy, other], mentees, [TEACHER_PUPIL])
    per_mentor = [sum(1 for s in result.suggestions if s.mentor_id == m.id) for m in (busy, other)]
    assert per_mentor == [2, 2]
    assert len(result.unmatched) == 1
    assert set(result.unmatched.values()) == {unmatched.ALL_TAKEN}
    two = matching.optimal([busy, other], mentees[:2], [TEACHER_PUPIL])
    assert sorted(s.mentor_id for s in two.suggestions) == [1, 2], "equal fits: one mentee each, not both to one"


def test_a_mentor_with_pairs_already_has_fewer_slots_and_a_lower_load_fit():
    fresh = mentor(1, free=3, capacity=3)
    loaded = mentor(2, free=1, capacity=3)
    assert scoring.load_fit(fresh, 0) == 1
    assert scoring.load_fit(loaded, 0) == pytest.approx(1 / 3)
    result = matching.optimal([fresh, loaded], [mentee(1)], [TEACHER_PUPIL])
    assert result.suggestions[0].mentor_id == 1
    assert "нагрузка наставника: 1 из 3" in result.suggestions[0].reasons


def test_suggestions_say_why():
    result = matching.optimal(
        [mentor(1, competencies=frozenset({7}))], [mentee(1, requests={7, 8})], [TEACHER_PUPIL], {7: "Проекты"}
    )
    (suggestion,) = result.suggestions
    assert suggestion.reasons[0] == "форма «учитель – ученик»"
    assert "общие запросы: Проекты" in suggestion.reasons
    assert suggestion.score == pytest.approx(
        scoring.REQUESTS_WEIGHT * 0.5 + scoring.AGE_WEIGHT * 1 + scoring.LOAD_WEIGHT * 1
    )


def test_the_best_allowed_form_is_proposed():
    """A pupil mentor 3 years older fits a pupil in «ученик – ученик» only; a teacher in «учитель – ученик»."""
    pupil_mentor = mentor(1, category="pupil", born=date(2009, 1, 1))
    teacher = mentor(2)
    result = matching.optimal([pupil_mentor, teacher], [mentee(1), mentee(2)], [PUPIL_PUPIL, TEACHER_PUPIL])
    forms = {s.mentor_id: s.form_id for s in result.suggestions}
    assert forms == {1: PUPIL_PUPIL.id, 2: TEACHER_PUPIL.id}


@pytest.mark.parametrize(
    ("who", "mentor_fields", "mentee_fields", "form", "expected"),
    [
        ("parent and own child", {"children": frozenset({1})}, {}, TEACHER_PUPIL, "родитель своего ребёнка"),
        ("minor without representative's consent", {}, {"consent_missing": True, "minor": True}, TEACHER_PUPIL,
         "законного представителя"),
        ("adult without consent", {}, {"consent_missing": True, "category": "young_specialist",
                                       "born": date(1999, 1, 1)}, form_of("teacher-teacher", 6), "согласия"),
        ("mentor without written consent", {"consent_missing": True}, {}, TEACHER_PUPIL, "нет письменного согласия"),
        ("mentor over capacity", {"free": 0}, {}, TEACHER_PUPIL, "нет свободных мест"),
        ("mentor not selected", {"selected": False}, {}, TEACHER_PUPIL, "не отобраны в программу"),
        ("younger pupil mentor", {"category": "pupil", "born": date(2013, 1, 1)}, {}, PUPIL_PUPIL,
         "наставник не старше наставляемого"),
        ("pupils of unknown age", {"category": "pupil", "born": None}, {"born": None}, PUPIL_PUPIL,
         "не указаны даты рождения или классы"),
        ("teacher in a pupils' peer form", {}, {}, PUPIL_PUPIL, "категория наставника не подходит к форме"),
        ("mentee of no form's category", {}, {"category": "student"}, TEACHER_PUPIL, "ни одна форма программы"),
        ("already paired in the form", {}, {"active_forms": {2}}, TEACHER_PUPIL, "уже в действующих парах"),
        ("mentee left", {}, {"active": False}, TEACHER_PUPIL, "не участвует"),
    ],
)  # fmt: skip
def test_whom_the_matching_cannot_place_is_explained(who, mentor_fields, mentee_fields, form, expected):
    result = matching.optimal([mentor(1, **mentor_fields)], [mentee(1, **mentee_fields)], [form])
    assert result.suggestions == [], who
    assert expected in result.unmatched[1], (who, result.unmatched)


def test_no_mentors_at_all():
    result = matching.optimal([], [mentee(1)], [TEACHER_PUPIL])
    assert result.unmatched == {1: unmatched.NO_FREE_MENTORS}


# The hard rules over facts, each refusal in Russian.


def test_each_hard_rule_refuses_with_a_reason_in_russian():
    child = mentee(1, minor=True)
    assert mentee_refusals(mentor(1, children=frozenset({1})), child, TEACHER_PUPIL) == [
        "Родитель не может быть наставником своего ребёнка (Наставляемый 1)."
    ]
    no_consent = mentee(2, consent_missing=True, minor=True)
    assert "законного представителя" in mentee_refusals(mentor(1), no_consent, TEACHER_PUPIL)[0]
    assert mentor_refusals(mentor(1, free=1), TEACHER_PUPIL, 2) == [
        "У наставника Наставник 1 свободных мест: 1, а наставляемых: 2."
    ]
    assert mentor_refusals(mentor(1, consent_missing=True), TEACHER_PUPIL, 1) == [
        "Нет письменного согласия Наставник 1 быть наставником (ст. 351.8 ТК РФ)."
    ]
    assert mentor_refusals(mentor(1, selected=False), TEACHER_PUPIL, 1) == [
        "Наставник Наставник 1 не отобран в эту программу (этап 4)."
    ]
    assert mentor_refusals(mentor(1, active=False), TEACHER_PUPIL, 1) == ["Наставник Наставник 1 выбыл из базы."]
    teacher_in_peer_form = mentor_refusals(mentor(1), PUPIL_PUPIL, 1)
    assert teacher_in_peer_form == ["В форме «ученик – ученик» наставник не может быть из категории «педагог»."]
    adult_in_pupils_form = mentee_refusals(mentor(1), mentee(3, category="young_specialist"), TEACHER_PUPIL)
    assert adult_in_pupils_form == [
        "В форме «учитель – ученик» наставляемый не может быть из категории «молодой специалист»."
    ]
    paired = mentee(4, active_forms={TEACHER_PUPIL.id})
    assert mentee_refusals(mentor(1), paired, TEACHER_PUPIL) == [
        "Наставляемый 4 уже в действующей паре или группе формы «учитель – ученик»."
    ]


def test_pupil_pupil_needs_two_pupils_with_the_mentor_older():
    older = mentor(1, category="pupil", born=date(2009, 5, 1))
    same_age = mentor(2, category="pupil", born=date(2012, 1, 1))
    assert mentee_refusal_codes(older, mentee(1), PUPIL_PUPIL) == []
    assert mentee_refusals(same_age, mentee(1), PUPIL_PUPIL) == [
        "В форме «ученик – ученик» наставник должен быть старше наставляемого (Наставляемый 1)."
    ]
    unknown = mentor(3, category="pupil", born=None)
    assert mentee_refusal_codes(unknown, mentee(1, born=None), PUPIL_PUPIL) == ["age_unknown"]
    by_class = mentor(4, category="pupil", born=None, group="10Б")
    assert mentee_refusal_codes(by_class, mentee(1, born=None, group="7А"), PUPIL_PUPIL) == []
    assert mentee_refusal_codes(by_class, mentee(1, born=None, group="10А"), PUPIL_PUPIL) == ["not_older"]
    # A teacher's age need not be known to mentor a pupil.
    assert mentee_refusal_codes(mentor(5, born=None), mentee(1, born=None), TEACHER_PUPIL) == []


def test_grades_of_class_names():
    assert [grade(name) for name in ("8А", "10 Б", "11", "12А", "", "ВА", "2024")] == [
        8,
        10,
        11,
        None,
        None,
        None,
        None,
    ]


def test_categories_of_the_reference_forms_are_model_choices():
    for form in ALL_FORMS:
        assert form.mentor_categories <= set(Mentor.Category.values)
        assert form.mentee_categories <= set(Mentee.Category.values)


# A school of 600 unpaired mentees and 150 mentors.


def test_six_hundred_mentees_and_a_hundred_and_fifty_mentors():
    mentors, mentees = generated(600, 150, seed=600)
    optimal = matching.optimal(mentors, mentees, ALL_FORMS)
    greedy = matching.greedy(mentors, mentees, ALL_FORMS)
    assert_valid(optimal, mentors, mentees, ALL_FORMS)
    assert optimal.total >= greedy.total - EPSILON
    assert len(optimal.suggestions) > 300
    assert all(reason for reason in optimal.unmatched.values())


# The arrays that score thousands of combinations at once agree with the rules and the fit of one combination.


def with_classes(people, rng):
    """Some people known by class only (no birth date), as schools often record pupils."""
    return [
        dataclasses.replace(person, birth_date=None, group=f"{rng.randint(1, 11)}{rng.choice('АБВ')}")
        if rng.random() < 0.3
        else person
        for person in people
    ]


@pytest.mark.parametrize("seed", range(4))
def test_array_scoring_equals_the_rules_and_the_fit_of_each_combination(seed):
    rng = random.Random(seed)
    mentors, mentees = generated(120, 40, seed=seed)
    mentors, mentees = with_classes(mentors, rng), with_classes(mentees, rng)
    options, why_not = candidates.best_options(mentors, mentees, ALL_FORMS)
    expected = {}
    for one in mentees:
        for other in mentors:
            best = None
            for form in ALL_FORMS:
                if mentor_refusal_codes(other, form, 1) or mentee_refusal_codes(other, one, form):
                    continue
                score = scoring.fit_score(other, one, form)
                if best is None or score > best[0]:
                    best = (score, form.id)
            if best:
                expected[(one.id, other.id)] = best
    assert options.keys() == expected.keys()
    for key, (score, form_id) in expected.items():
        assert options[key][0] == pytest.approx(score, abs=1e-12)
        assert options[key][1] == form_id
    assert set(why_not) == {one.id for one in mentees} - {mentee_id for mentee_id, _ in expected}


def test_the_candidate_set_keeps_the_optimum_of_six_hundred_mentees():
    mentors, mentees = generated(600, 150, seed=600)
    exact = matching.optimal(mentors, mentees, ALL_FORMS, top=None)
    sparse = matching.optimal(mentors, mentees, ALL_FORMS)
    assert_valid(sparse, mentors, mentees, ALL_FORMS)
    assert sparse.total >= exact.total * 0.999


def test_few_candidates_per_mentee_still_give_a_valid_assignment():
    mentors, mentees = generated(200, 60, seed=7)
    narrow = matching.optimal(mentors, mentees, ALL_FORMS, top=2)
    assert_valid(narrow, mentors, mentees, ALL_FORMS)
    assert narrow.total <= matching.optimal(mentors, mentees, ALL_FORMS, top=None).total + EPSILON
