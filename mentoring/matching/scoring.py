"""The fit of a mentee with a mentor (0–1): the mentee's requests against the mentor's competencies, the age or
grade difference, and the mentor's load; one combination at a time, with the reasons in words the curator reads.
``candidates`` computes the same fit over arrays."""

from dataclasses import dataclass, field

from mentoring.services.pair_rules import FormFacts, MenteeFacts, MentorFacts, grade

REQUESTS_WEIGHT = 0.6
AGE_WEIGHT = 0.25
LOAD_WEIGHT = 0.15
NO_REQUESTS_FIT = 0.3  # a mentee with no stated requests fits every mentor a little


@dataclass
class Suggestion:
    mentee_id: int
    mentor_id: int
    form_id: int
    score: float
    reasons: list[str] = field(default_factory=list)


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


def suggestion(mentee, mentor, slot: int, form: FormFacts, tag_names) -> Suggestion:
    """The proposal of ``mentee`` to ``mentor``'s ``slot`` in ``form``: its score with the load, and why."""
    score, reasons = fit(mentor, mentee, form, tag_names)
    score += LOAD_WEIGHT * load_fit(mentor, slot)
    return Suggestion(mentee.id, mentor.id, form.id, score, [*reasons, load_reason(mentor, slot)])
