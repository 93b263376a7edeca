"""What the mentor's plan and the mentor's journal of one pair or group share: the pair loaded once with its
mentees (a closed pair's too), the choice of pairs, the facts about the pair above the table, the title."""

from django.db.models import Prefetch

from core.inflection import by_gender, gender_of, position_in
from mentoring.models import Pair, PairMember

from ...content import initials_surname, paragraph, short_date
from .. import Kind
from ..common import period, school_problems
from ..school_orders import mentor_position
from .helpers import subject_of, with_group


def load_pair(programme_id):
    """A loader for ``subject_of``: the pair of the programme with its mentor, form and every member."""

    def load(pk):
        members = PairMember.objects.select_related("mentee").order_by(
            "mentee__last_name", "mentee__first_name", "mentee__patronymic", "pk"
        )
        return (
            Pair.objects.filter(pk=pk, programme_id=programme_id)
            .select_related("mentor", "mentor__partner", "form", "programme", "programme__curator")
            .prefetch_related(Prefetch("members", queryset=members, to_attr="every_member"))
            .first()
        )

    return load


def mentees_of(pair) -> list:
    """The pair's mentees: those working in it now, or, for a closed pair, those who were in it."""
    closed = pair.status == Pair.Status.CLOSED
    return [member.mentee for member in pair.every_member if member.active or closed]


class PairDocument(Kind):
    """A personal document of one pair or group (its subject), drawn from the pair's records."""

    subject = "pair"
    subject_label = "Наставническая пара или группа"
    empty_problem = ""  # what to fill when the pair has no records for this document

    def subjects(self, programme):
        if programme is None:
            return []
        pairs = (
            Pair.objects.filter(programme=programme)
            .select_related("mentor")
            .prefetch_related(Prefetch("members", queryset=PairMember.objects.select_related("mentee")))
            .order_by("status", "mentor__last_name", "mentor__first_name", "pk")  # working pairs first
        )
        return [(pair.pk, f"{pair} (завершена)" if pair.status == Pair.Status.CLOSED else str(pair)) for pair in pairs]

    def pair(self, document):
        return subject_of(document, load_pair(document.programme_id))

    def has_records(self, pair) -> bool:
        """Whether the pair has what the document lists (plan items, meetings)."""
        return True

    def missing(self, document):
        problems = school_problems(document)
        pair = self.pair(document)
        if pair is None:
            return [*problems, "Выберите наставническую пару или группу программы."]
        if not mentees_of(pair):
            problems.append("В паре нет наставляемых: добавьте наставляемого (страница пары).")
        if not self.has_records(pair):
            problems.append(self.empty_problem)
        return problems

    def title(self, document):
        pair = self.pair(document)
        if pair is None:
            return self.name
        mentees = ", ".join(initials_surname(mentee.full_name) for mentee in mentees_of(pair))
        return f"{self.name}: {initials_surname(pair.mentor.full_name)} — {mentees}"


def mentee_role(mentee) -> str:
    """«Наставляемый» or «Наставляемая»."""
    return by_gender(gender_of(mentee), "Наставляемый", "Наставляемая")


def pair_facts(document, pair) -> list[dict]:
    """The school, the programme, the form, the mentor, the mentee(s), the term and the goals of the pair."""
    mentees = mentees_of(pair)
    form = f"«{pair.form.name}»" + (f", ролевая модель «{pair.role_model}»" if pair.role_model else "")
    term = period(pair.starts_on, pair.planned_end_on)
    if pair.status == Pair.Status.CLOSED:
        outcome = f", итог: {pair.get_outcome_display()}" if pair.outcome else ""
        term += f" (завершена {short_date(pair.closed_on)}{outcome})"
    if len(mentees) == 1:
        who = f"{mentee_role(mentees[0])}: {with_group(mentees[0])}"
    else:
        who = "Наставляемые (группа): " + "; ".join(with_group(mentee) for mentee in mentees)
    facts = [
        f"Образовательная организация: {document.tenant.name}",
        f"Программа наставничества: «{pair.programme.title}»",
        f"Форма наставничества: {form}",
        f"Наставник: {pair.mentor.full_name}, {position_in(mentor_position(pair.mentor))}",
        who,
        f"Срок работы: {term}",
    ]
    if pair.goals:
        facts.append(f"Цели работы: {pair.goals}")
    return [paragraph(fact) for fact in facts]
