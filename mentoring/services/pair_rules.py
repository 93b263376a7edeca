"""The hard rules of forming a pair or group, over plain facts loaded once (so that matching can check
thousands of combinations without a query each). Forming a pair and matching use the same rules."""

import re
from dataclasses import dataclass, field
from datetime import date

from mentoring.models import Consent, Mentee, Mentor, MentoringForm, PairMember, ProgrammeMentor
from mentoring.models.people import ADULT_AGE, age_on


@dataclass(frozen=True)
class FormFacts:
    id: int
    name: str
    mentor_categories: frozenset
    mentee_categories: frozenset
    mentor_must_be_older: bool


@dataclass
class MentorFacts:
    id: int
    name: str
    category: str
    birth_date: date | None
    active: bool
    selected: bool
    consent_missing: bool
    free_places: int
    children: frozenset = frozenset()
    competencies: frozenset = frozenset()
    capacity: int = 0  # 0: unknown, the free places stand for the capacity
    group: str = ""  # the class of a pupil mentor («10Б»), for the grade difference


@dataclass
class MenteeFacts:
    id: int
    name: str
    category: str
    birth_date: date | None
    active: bool
    consent_missing: bool
    active_forms: set = field(default_factory=set)
    requests: frozenset = frozenset()
    group: str = ""
    minor: bool = False


def grade(group: str) -> int | None:
    """The grade of a class name: «8А» → 8, «10 Б» → 10; None when there is none (1–11 only)."""
    found = re.match(r"\s*(\d{1,2})(?!\d)", group or "")
    return int(found.group(1)) if found and 1 <= int(found.group(1)) <= 11 else None


def form_facts(forms) -> dict[int, FormFacts]:
    return {
        form.pk: FormFacts(
            id=form.pk,
            name=form.name,
            mentor_categories=frozenset(form.mentor_categories),
            mentee_categories=frozenset(form.mentee_categories),
            mentor_must_be_older=form.mentor_must_be_older,
        )
        for form in forms
    }


def full_name(last_name: str, first_name: str, patronymic: str) -> str:
    return " ".join(part for part in (last_name, first_name, patronymic) if part)


def _related(rows, owner: str, other: str, ids) -> dict[int, set]:
    """``{owner id: {other ids}}`` of ``rows`` (a queryset, such as a many-to-many table's), for ``ids``."""
    related: dict[int, set] = {}
    for owner_id, other_id in rows.filter(**{f"{owner}__in": ids}).values_list(owner, other):
        related.setdefault(owner_id, set()).add(other_id)
    return related


MENTOR_FACT_FIELDS = (
    "pk", "last_name", "first_name", "patronymic", "category", "birth_date", "status", "anonymized_at",
    "consent_number", "consent_date", "capacity", "position",
)  # fmt: skip
MENTEE_FACT_FIELDS = (
    "pk",
    "last_name",
    "first_name",
    "patronymic",
    "category",
    "birth_date",
    "status",
    "anonymized_at",
    "group",
)


def mentor_facts(programme, mentors, today: date) -> dict[int, MentorFacts]:
    """Facts of ``mentors`` (a queryset) for ``programme``, in a fixed number of plain queries (values, not
    model instances: a school may have thousands)."""
    rows = list(mentors.values_list(*MENTOR_FACT_FIELDS))
    ids = [row[0] for row in rows]
    selected = set(
        ProgrammeMentor.objects.filter(programme=programme, mentor_id__in=ids).values_list("mentor_id", flat=True)
    )
    load: dict[int, int] = {}
    for mentor_id in PairMember.objects.filter(active=True, pair__mentor_id__in=ids).values_list(
        "pair__mentor_id", flat=True
    ):
        load[mentor_id] = load.get(mentor_id, 0) + 1
    children = _related(Mentor.children.through.objects, "mentor_id", "mentee_id", ids)
    competencies = _related(Mentor.competencies.through.objects, "mentor_id", "tag_id", ids)
    facts = {}
    for pk, last, first, middle, category, born, status, anonymized, number, signed, capacity, position in rows:
        age = age_on(born, today)
        adult = age is None or age >= ADULT_AGE
        needs_consent = category in (Mentor.Category.TEACHER, Mentor.Category.EMPLOYEE) or adult
        facts[pk] = MentorFacts(
            id=pk,
            name=full_name(last, first, middle),
            category=category,
            birth_date=born,
            active=status == Mentor.Status.ACTIVE and anonymized is None,
            selected=pk in selected,
            consent_missing=needs_consent and not (number and signed),
            free_places=capacity - load.get(pk, 0),
            children=frozenset(children.get(pk, ())),
            competencies=frozenset(competencies.get(pk, ())),
            capacity=capacity,
            group=position if category == Mentor.Category.PUPIL else "",
        )
    return facts


def mentee_facts(mentees, today: date) -> dict[int, MenteeFacts]:
    """Facts of ``mentees`` (a queryset), in a fixed number of plain queries.

    A minor needs a valid personal-data consent given by a legal representative (152-ФЗ); an adult, a valid
    consent given by themselves or by a representative."""
    rows = list(mentees.values_list(*MENTEE_FACT_FIELDS))
    ids = [row[0] for row in rows]
    consents = Consent.objects.filter(
        mentee_id__in=ids, purpose=Consent.Purpose.PERSONAL_DATA, withdrawn_at__isnull=True
    ).values_list("mentee_id", "given_by_relation")
    own, representative = set(), set()
    for mentee_id, relation in consents:
        (representative if relation else own).add(mentee_id)
    forms = _related(PairMember.objects.filter(active=True), "mentee_id", "form_id", ids)
    requests = _related(Mentee.requests.through.objects, "mentee_id", "tag_id", ids)
    facts = {}
    for pk, last, first, middle, category, born, status, anonymized, group in rows:
        age = age_on(born, today)
        minor = age is not None and age < ADULT_AGE
        has_consent = pk in representative if minor else pk in representative | own
        facts[pk] = MenteeFacts(
            id=pk,
            name=full_name(last, first, middle),
            category=category,
            birth_date=born,
            active=status in (Mentee.Status.IN_BASE, Mentee.Status.IN_PAIR) and anonymized is None,
            consent_missing=not has_consent,
            active_forms=forms.get(pk, set()),
            requests=frozenset(requests.get(pk, ())),
            group=group,
            minor=minor,
        )
    return facts


# Each hard rule has a code: matching checks the codes (cheap, thousands of times), forming a pair shows messages.


def mentor_refusal_codes(mentor: MentorFacts, form: FormFacts, new_mentees: int) -> list[str]:
    """What forbids this mentor in this form, whoever the mentees are, as codes of ``mentor_refusals``."""
    codes = []
    if not mentor.active:
        codes.append("inactive")
    if not mentor.selected:
        codes.append("not_selected")
    if mentor.consent_missing:
        codes.append("no_consent")
    if mentor.category not in form.mentor_categories:
        codes.append("category")
    if new_mentees > mentor.free_places:
        codes.append("capacity")
    return codes


def mentor_refusals(mentor: MentorFacts, form: FormFacts, new_mentees: int) -> list[str]:
    """What forbids this mentor in this form, whoever the mentees are."""
    messages = {
        "inactive": lambda: f"Наставник {mentor.name} выбыл из базы.",
        "not_selected": lambda: f"Наставник {mentor.name} не отобран в эту программу (этап 4).",
        "no_consent": lambda: f"Нет письменного согласия {mentor.name} быть наставником (ст. 351.8 ТК РФ).",
        "category": lambda: (
            f"В форме «{form.name}» наставник не может быть из категории «{Mentor.Category(mentor.category).label}»."
        ),
        "capacity": lambda: (
            f"У наставника {mentor.name} свободных мест: {max(mentor.free_places, 0)}, а наставляемых: {new_mentees}."
        ),
    }
    return [messages[code]() for code in mentor_refusal_codes(mentor, form, new_mentees)]


def mentee_refusal_codes(mentor: MentorFacts, mentee: MenteeFacts, form: FormFacts) -> list[str]:
    """What forbids this mentee with this mentor in this form, as codes of ``mentee_refusals``."""
    codes = []
    if not mentee.active:
        codes.append("inactive")
    if mentee.id in mentor.children:
        codes.append("own_child")
    if mentee.consent_missing:
        codes.append("no_consent")
    if mentee.category not in form.mentee_categories:
        codes.append("category")
    if form.mentor_must_be_older:
        if mentor.birth_date and mentee.birth_date:
            if mentor.birth_date >= mentee.birth_date:
                codes.append("not_older")
        elif mentor.category == Mentor.Category.PUPIL:
            # Two pupils: who is older must be known, from the birth dates or else from the classes.
            mentor_grade, mentee_grade = grade(mentor.group), grade(mentee.group)
            if mentor_grade is None or mentee_grade is None:
                codes.append("age_unknown")
            elif mentor_grade <= mentee_grade:
                codes.append("not_older")
    if form.id in mentee.active_forms:
        codes.append("already_paired")
    return codes


def mentee_allowed(mentor: MentorFacts, mentee: MenteeFacts, form: FormFacts) -> bool:
    """No rule forbids this mentee with this mentor in this form (``mentee_refusal_codes`` is empty)."""
    return not mentee_refusal_codes(mentor, mentee, form)


def mentee_refusals(mentor: MentorFacts, mentee: MenteeFacts, form: FormFacts) -> list[str]:
    """What forbids this mentee with this mentor in this form."""
    messages = {
        "inactive": lambda: f"{mentee.name} не участвует в программе (выбыл или завершил).",
        "own_child": lambda: f"Родитель не может быть наставником своего ребёнка ({mentee.name}).",
        "no_consent": lambda: (
            f"Нет действующего согласия законного представителя на обработку персональных данных "
            f"несовершеннолетнего: {mentee.name}."
            if mentee.minor
            else f"Нет действующего согласия на обработку персональных данных: {mentee.name}."
        ),
        "category": lambda: (
            f"В форме «{form.name}» наставляемый не может быть из категории «{Mentee.Category(mentee.category).label}»."
        ),
        "not_older": lambda: f"В форме «{form.name}» наставник должен быть старше наставляемого ({mentee.name}).",
        "age_unknown": lambda: (
            f"В форме «{form.name}» наставник должен быть старше наставляемого: укажите даты рождения "
            f"(или классы) {mentor.name} и {mentee.name}."
        ),
        "already_paired": lambda: f"{mentee.name} уже в действующей паре или группе формы «{form.name}».",
    }
    return [messages[code]() for code in mentee_refusal_codes(mentor, mentee, form)]


def refusals(mentor: MentorFacts, mentees: list[MenteeFacts], form: FormFacts) -> list[str]:
    reasons = mentor_refusals(mentor, form, len(mentees))
    for mentee in mentees:
        reasons += mentee_refusals(mentor, mentee, form)
    return reasons


def load_form(form: MentoringForm) -> FormFacts:
    return form_facts([form])[form.pk]


# The rules that follow the kinds (виды) of the teachers' system (seed 001 §2.3.2–2.3.8).
GROUP, TRADITIONAL, REVERSE, SPEED = "group", "traditional", "reverse", "speed"


def default_kind_code(form: MentoringForm, mentee_count: int) -> str | None:
    """The kind a pair of a teachers' form gets when none was chosen (the matching proposes one-to-one pairs):
    «традиционное» for one mentee, «в группе» for several; pupils' forms (Р-145) have no kinds."""
    if form.audience != MentoringForm.Audience.TEACHERS:
        return None
    return TRADITIONAL if mentee_count == 1 else GROUP


def kind_refusals(kinds, mentee_count: int, reverse_area: str = "") -> list[str]:
    """What the chosen kinds forbid: «в группе» needs two or more mentees; «традиционное» is one to one;
    «реверсивное» names the area in which the younger teaches the elder (and only it names one)."""
    by_code = {kind.code: kind for kind in kinds}
    reasons = []
    if GROUP in by_code and mentee_count < 2:
        reasons.append(f"Вид «{by_code[GROUP].name}» — это группа: выберите двух или больше наставляемых.")
    if TRADITIONAL in by_code and mentee_count > 1:
        reasons.append(f"Вид «{by_code[TRADITIONAL].name}» — один наставник и один наставляемый: выберите одного.")
    if REVERSE in by_code and not reverse_area.strip():
        reasons.append(
            f"Для вида «{by_code[REVERSE].name}» укажите, в чём младший по возрасту педагог наставляет опытного "
            "(например, цифровые инструменты урока)."
        )
    if reverse_area.strip() and REVERSE not in by_code:
        reasons.append("Область, в которой младший наставляет старшего, указывается только для реверсивного вида.")
    return reasons


def single_meeting_refusal(pair, held_meetings: int) -> list[str]:
    """«Скоростное» наставничество is a single meeting: the journal refuses a second one."""
    if held_meetings and pair.kinds.filter(code=SPEED).exists():
        return ["Скоростное наставничество — однократная встреча: встреча этой пары уже записана в журнале."]
    return []
