"""Why a mentee is left without a mentor, in Russian: the mentee's own obstacle first, then the mentors'."""

from mentoring.services.pair_rules import mentee_refusal_codes, mentor_refusal_codes

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


class Explainer:
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
