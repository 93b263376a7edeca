"""The mentor's written consent to mentoring (Labour Code art. 351.8)."""

from core.inflection import organization_name
from mentoring.models import Mentor, PairMember

from ...content import (
    BLANK_DATE,
    heading,
    initials_surname,
    note,
    paragraph,
    short_date,
    table,
    text_blocks,
)
from .. import Block, Kind, kind
from ..common import PLACE, default_place, period, school_problems
from .helpers import SIGN, SIGNATURE_HEAD, dateline, mentor_line, mentor_position, subject_of, with_group


@kind
class MentorConsent(Kind):
    code = "mentor_consent"
    name = "Согласие на осуществление наставничества"
    subject = "mentor"
    subject_label = "Наставник"
    blocks = (
        PLACE,
        Block("content", "Содержание наставничества", "Что наставник делает; строки с «- » — пункты списка."),
        Block("terms", "Условия наставничества"),
    )

    def subjects(self, programme):
        mentors = Mentor.objects.filter(status=Mentor.Status.ACTIVE, anonymized_at__isnull=True)
        return [
            (mentor.pk, f"{mentor.full_name} ({mentor.get_category_display()})")
            for mentor in mentors.order_by("last_name", "first_name", "pk")
        ]

    def mentor(self, document):
        return subject_of(document, lambda pk: Mentor.objects.filter(pk=pk).select_related("partner").first())

    def missing(self, document):
        problems = school_problems(document)
        mentor = self.mentor(document)
        if mentor is None:
            return [*problems, "Выберите наставника."]
        if mentor.anonymized_at:
            problems.append("Персональные данные этого наставника удалены: согласие не составляется.")
        if document.programme is None:
            problems.append("Выберите программу наставничества, к которой относится согласие.")
        return problems

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "content": (
                "- составление совместно с наставляемым персонализированного плана работы и его выполнение;\n"
                "- проведение встреч с наставляемым (наставляемыми), консультирование, помощь в адаптации и "
                "достижении целей плана;\n"
                "- ведение журнала наставника, участие в анкетировании и мониторинге программы;\n"
                "- отчёт куратору о результатах работы пары или группы."
            ),
            "terms": "Условия осуществления наставничества, в том числе размер доплаты за наставничество, "
            "устанавливаются трудовым договором или дополнительным соглашением к нему. Мне известно, что я и "
            "работодатель вправе досрочно прекратить выполнение работы по наставничеству, предупредив другую "
            "сторону в письменной форме не позднее чем за три рабочих дня.",
        }

    def title(self, document):
        mentor = self.mentor(document)
        return f"{self.name}: {initials_surname(mentor.full_name)}" if mentor else self.name

    def mentees_and_period(self, document, mentor):
        """The mentees of the mentor's working pairs in the programme and their period, or the programme's."""
        programme = document.programme
        members = list(
            PairMember.objects.filter(pair__mentor=mentor, pair__programme=programme, active=True)
            .select_related("mentee", "pair")
            .order_by("pair__starts_on", "mentee__last_name", "pk")
        )
        if not members:
            return [], period(programme.starts_on, programme.ends_on)
        starts = min(member.pair.starts_on for member in members)
        ends = max(member.pair.planned_end_on for member in members)
        return [with_group(member.mentee) for member in members], period(starts, ends)

    def build(self, document, texts):
        organization = document.tenant
        programme = document.programme
        mentor = self.mentor(document)
        employee = mentor.category == Mentor.Category.TEACHER
        mentees, term = self.mentees_and_period(document, mentor)
        whom = (
            "в отношении наставляемого (наставляемых): " + "; ".join(mentees)
            if mentees
            else "в отношении наставляемых, закрепляемых приказом руководителя о закреплении наставнических пар и групп"
        )
        if employee:
            position = mentor_position(mentor) if mentor.position else "педагогический работник"
            intro = (
                f"Я, {mentor.full_name}, {position} {organization_name(organization, 'gent')}, в соответствии "
                "со статьёй 351.8 Трудового кодекса Российской Федерации даю согласие на осуществление "
                f"наставничества в рамках программы наставничества «{programme.title}» {whom}."
            )
        else:
            intro = (
                f"Я, {mentor_line(mentor)}, добровольно даю согласие на участие в программе наставничества "
                f"«{programme.title}» ({organization.name}) в качестве наставника {whom}."
            )
        rows = [["Наставник", mentor.full_name, SIGN, BLANK_DATE]]
        if mentor.is_minor:
            rows.append(["Законный представитель наставника", "_______________________", SIGN, BLANK_DATE])
        rows.append(
            [
                "Согласие получено",
                f"{organization.director_position} {initials_surname(organization.director_name)}",
                SIGN,
                BLANK_DATE,
            ]
        )
        blocks = [
            dateline(document, texts),
            paragraph(intro),
            heading("Содержание наставничества"),
            *text_blocks(texts["content"]),
            heading("Срок наставничества"),
            paragraph(f"Наставничество осуществляется в период {term}."),
            heading("Условия"),
            *text_blocks(texts["terms"] if employee else _without_labour_terms(texts["terms"])),
            table(SIGNATURE_HEAD, rows),
        ]
        if mentor.has_written_consent:
            blocks.append(note(f"Зарегистрировано: № {mentor.consent_number} от {short_date(mentor.consent_date)}"))
        else:
            blocks.append(note("Зарегистрировано: № ______ от «___» ____________ 20___ г."))
        return {"kind_title": "СОГЛАСИЕ", "title": "на осуществление наставничества", "blocks": blocks}


def _without_labour_terms(text: str) -> str:
    """For a mentor who is not the school's employee the labour-contract terms do not apply; the school's own
    words are kept when it changed them."""
    if text.startswith("Условия осуществления наставничества, в том числе размер доплаты"):
        return (
            "Наставничество осуществляется на добровольной и безвозмездной основе. Мне известно, что я вправе "
            "досрочно прекратить участие в программе, письменно предупредив куратора программы."
        )
    return text
