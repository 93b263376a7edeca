"""Приказ о назначении наставников (seed 000 slide 14, seed 001 §4.6): the director appoints each mentor of the
programme's working pairs and groups — with the position, the mentee(s) or the group, the form and the term — on
the basis of the mentor's written consent (Labour Code art. 351.8, since 2025-03-01). A mentor without a written
consent is not appointed: the order cannot be drawn until each mentor has one.

The consent cited is the mentor's approved «Согласие на осуществление наставничества» in the programme (the date
of its approval, and its number where it has one); where there is none, the signed consent registered on the
mentor's card (its number and date).
"""

from dataclasses import dataclass
from datetime import date

from core.inflection import by_gender, gender_of, name_of, position_in
from documents.models import Document
from mentoring.models import Mentor

from ..content import short_date
from . import Block, Kind, kind
from .common import CONTROL, PLACE, default_place, programme_problems
from .legal_basis import federal_act, pupils_basis
from .school_orders import BASIS, acquaintance_sheet, active_pairs, curator_of, mentor_position, order_content

CONSENT_KIND = "mentor_consent"
CONSENT_HINT = (
    "составьте его («Документы» → «Создать документ» → «Согласие на осуществление наставничества») и передайте "
    "на утверждение руководителю — или укажите номер и дату подписанного согласия в карточке наставника"
)


@dataclass(frozen=True)
class WrittenConsent:
    """The mentor's written consent as the order cites it."""

    number: str
    dated: date

    def __str__(self):
        return f"от {short_date(self.dated)}" + (f" № {self.number}" if self.number else "")


def written_consents(document, mentors) -> dict[int, WrittenConsent]:
    """Each mentor's written consent by mentor pk: the approved consent document of the programme (the latest),
    else the consent registered on the card; a mentor without either is absent. One query, cached on the
    document so that ``missing`` and ``build`` share it."""
    key = (document.programme_id, tuple(sorted(mentor.pk for mentor in mentors)))
    cached = getattr(document, "_document_consents", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    approved = (
        Document.objects.filter(
            kind=CONSENT_KIND,
            programme_id=document.programme_id,
            status=Document.Status.APPROVED,
            subject_id__in=key[1],
        )
        .exclude(dated__isnull=True)
        .order_by("dated", "pk")
        .values_list("subject_id", "number", "dated")
    )
    consents = {subject_id: WrittenConsent(number, dated) for subject_id, number, dated in approved}
    for mentor in mentors:
        if mentor.pk not in consents and mentor.has_written_consent:
            consents[mentor.pk] = WrittenConsent(mentor.consent_number, mentor.consent_date)
    document._document_consents = (key, consents)
    return consents


def mentors_with_pairs(programme) -> list[tuple[Mentor, list]]:
    """The mentors of the programme's working pairs and groups, by name, each with their pairs."""
    by_mentor: dict[int, tuple[Mentor, list]] = {}
    for pair in active_pairs(programme):
        by_mentor.setdefault(pair.mentor.pk, (pair.mentor, []))[1].append(pair)
    return sorted(
        by_mentor.values(), key=lambda item: (item[0].last_name, item[0].first_name, item[0].patronymic, item[0].pk)
    )


def mentee_in_genitive(mentee) -> str:
    name = name_of(mentee, "gent")
    return f"{name} ({mentee.group})" if mentee.group else name


def whom(pairs) -> str:
    """«наставляемого Петрова Ильи Сергеевича (8А)» (or «наставляемой …»), «группы наставляемых в составе: …»,
    «наставляемых: …»."""
    mentees = [member.mentee for pair in pairs for member in pair.active_members]
    names = [mentee_in_genitive(mentee) for mentee in mentees]
    if len(names) == 1:
        return f"{by_gender(gender_of(mentees[0]), 'наставляемого', 'наставляемой')} {names[0]}"
    if len(pairs) == 1:
        return "группы наставляемых в составе: " + ", ".join(names)
    return "наставляемых: " + ", ".join(names)


def forms(pairs) -> str:
    names = list(dict.fromkeys(f"«{pair.form.name}»" for pair in pairs))
    return ("в форме " if len(names) == 1 else "в формах ") + ", ".join(names)


def appointment(mentor, pairs, consent: WrittenConsent | None) -> tuple[str, str]:
    """Whom («Сидорову Марию Павловну, учителя математики,») and as whose mentor, in which form, for which term, on
    which consent («наставником наставляемого … на основании письменного согласия от … № …», no closing stop)."""
    starts = min(pair.starts_on for pair in pairs)
    ends = max(pair.planned_end_on for pair in pairs)
    who = f"{name_of(mentor, 'accs')}, {position_in(mentor_position(mentor), 'accs')},"
    basis = (
        f"на основании письменного согласия {consent}"
        if consent is not None
        else "с согласия законного представителя"  # a minor pupil mentors with the representative's consent
    )
    return (
        who,
        f"наставником {whom(pairs)} {forms(pairs)} на период с {short_date(starts)} по {short_date(ends)} {basis}",
    )


def appointments(programme, mentors, consents) -> str | tuple[str, list[str]]:
    """The first point of the order: one mentor in a sentence, several as its sub-points («1.1. …, — наставником
    …;»)."""
    found = [appointment(mentor, pairs, consents.get(mentor.pk)) for mentor, pairs in mentors]
    if len(found) == 1:
        who, as_what = found[0]
        return f"Назначить {who} {as_what}."
    return (
        f"Назначить наставниками программы наставничества «{programme.title}»:",
        [f"{who} — {as_what}" for who, as_what in found],
    )


@kind
class MentorAppointmentOrder(Kind):
    code = "mentor_appointment_order"
    name = "Приказ о назначении наставников"
    is_order = True
    blocks = (
        PLACE,
        BASIS,
        Block(
            "labour_terms",
            "Оформление условий наставничества",
            "Поручение о дополнительных соглашениях к трудовым договорам наставников — работников школы.",
        ),
        Block("mentor_duties", "Поручение наставникам", "Что наставники делают после назначения."),
    )

    def missing(self, document):
        problems = programme_problems(document)
        if document.programme is None:
            return problems
        mentors = mentors_with_pairs(document.programme)
        if not mentors:
            problems.append(
                "В программе пока нет действующих наставнических пар или групп: наставники назначаются к своим "
                "наставляемым — сформируйте пары и группы (этап 5, «Пары и группы»)."
            )
        consents = written_consents(document, [mentor for mentor, _ in mentors])
        for mentor, _ in mentors:
            if mentor.pk not in consents and mentor.needs_written_consent:
                problems.append(
                    f"Нет письменного согласия наставника {name_of(mentor, 'gent')} на осуществление "
                    f"наставничества: {CONSENT_HINT}. Без письменного согласия наставник приказом не назначается "
                    "(статья 351.8 Трудового кодекса Российской Федерации)."
                )
        return problems

    def defaults(self, document):
        programme = document.programme
        return {
            "place": default_place(document.tenant),
            "basis": f"{pupils_basis(document.tenant)}, {federal_act('LABOUR_CODE', 'ablt')}, Положением о "
            "программе наставничества, в целях реализации программы наставничества "
            f"«{programme.title if programme else ''}» и на основании письменного согласия наставников",
            "labour_terms": "Специалисту по кадрам оформить с наставниками — работниками школы дополнительные "
            "соглашения к трудовым договорам, определяющие содержание, срок и условия наставничества, в том числе "
            "размер доплаты за наставничество.",
            "mentor_duties": "Наставникам совместно с наставляемыми в течение двух недель составить "
            "персонализированные планы работы, проводить встречи по плану, вести журнал наставника и отчитываться "
            "куратору программы о результатах работы.",
        }

    def title(self, document):
        return "О назначении наставников"

    def build(self, document, texts):
        programme = document.programme
        mentors = mentors_with_pairs(programme)
        consents = written_consents(document, [mentor for mentor, _ in mentors])
        points = [appointments(programme, mentors, consents)]
        if any(mentor.category == Mentor.Category.TEACHER for mentor, _ in mentors):
            points.append(texts["labour_terms"])
        points += [
            texts["mentor_duties"],
            f"Куратору программы {curator_of(programme, 'datv')} ознакомить наставников с настоящим приказом под "
            "подпись (приложение 1 к настоящему приказу), оказывать им методическую поддержку и контролировать "
            "работу наставнических пар и групп.",
            CONTROL,
        ]
        acquainted = acquaintance_sheet(mentors, "Должность / место работы или учёбы")
        return order_content(document, texts, self.title(document), points, appendices=[acquainted])
