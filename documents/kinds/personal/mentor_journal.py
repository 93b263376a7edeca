"""Журнал наставника (seed 000 slide 14; stage 6): the meetings of one pair or group in date order — date, kind
and topic, what was done, the outcome and agreements, the mentee's feedback — as a printable document signed by
the mentor and checked by the curator (inspections ask for it)."""

from django.db.models import Prefetch

from core.inflection import initials_of, name_of, with_number
from mentoring.models import Meeting, Mentee

from ...content import BLANK_DATE, heading, initials_surname, note, paragraph, short_date, table, text_blocks
from .. import Block, kind
from .helpers import SIGN, SIGNATURE_HEAD
from .pair_documents import PairDocument, mentees_of, pair_facts


def meetings_of(pair) -> list[Meeting]:
    """The pair's meetings in date order with who was present (two queries, cached on the pair)."""
    cached = getattr(pair, "_document_meetings", None)
    if cached is None:
        present = Prefetch("present", queryset=Mentee.objects.order_by("last_name", "first_name", "pk"))
        cached = pair._document_meetings = list(
            Meeting.objects.filter(pair=pair).prefetch_related(present).order_by("held_on", "pk")
        )
    return cached


def what_and_how(meeting: Meeting, group: bool) -> str:
    """«Знакомство (знакомство, очно, 45 мин)», and who was present at a group's meeting."""
    text = f"{meeting.topic}\n({meeting.get_kind_display()}, {meeting.get_format_display()}, "
    text += f"{meeting.duration_minutes} мин)"
    if group:
        present = ", ".join(initials_surname(mentee.full_name) for mentee in meeting.present.all())
        text += f"\nПрисутствовали: {present or '—'}"
    return text


def feedback(meeting: Meeting) -> str:
    parts = []
    if meeting.mentee_rating is not None:
        parts.append(f"Оценка встречи: {meeting.mentee_rating} из 10.")
    if meeting.mentee_comment:
        parts.append(meeting.mentee_comment)
    return "\n".join(parts) or "—"


@kind
class MentorJournal(PairDocument):
    code = "mentor_journal"
    name = "Журнал наставника"
    blocks = (
        Block(
            "curator_notes",
            "Отметки куратора",
            "Замечания и выводы куратора по ведению журнала (печатаются после таблицы встреч); можно оставить пустым.",
        ),
    )
    empty_problem = (
        "В журнале пары нет встреч: наставник записывает каждую встречу после неё (страница пары → «Журнал "
        "наставника»)."
    )

    def has_records(self, pair):
        return bool(meetings_of(pair))

    def defaults(self, document):
        return {"curator_notes": ""}

    def build(self, document, texts):
        pair = self.pair(document)
        mentor = pair.mentor
        meetings = meetings_of(pair)
        group = len(mentees_of(pair)) > 1
        rows = [
            [
                str(number),
                short_date(meeting.held_on),
                what_and_how(meeting, group),
                meeting.what_was_done or "—",
                meeting.next_steps or "—",
                feedback(meeting),
            ]
            for number, meeting in enumerate(meetings, start=1)
        ]
        minutes = sum(meeting.duration_minutes for meeting in meetings)
        blocks = [
            *pair_facts(document, pair),
            heading("Встречи"),
            table(
                [
                    "№",
                    "Дата",
                    "Тема, вид и формат встречи",
                    "Что сделано",
                    "Итог, договорённости",
                    "Обратная связь наставляемого",
                ],
                rows,
                widths=[5, 10, 25, 25, 20, 15],
            ),
            paragraph(
                f"Итого: {with_number(len(meetings), 'встреча')}, общая продолжительность — "
                f"{with_number(minutes, 'минута')}."
            ),
        ]
        if texts.get("curator_notes"):
            blocks += [heading("Отметки куратора"), *text_blocks(texts["curator_notes"])]
        blocks.append(table(SIGNATURE_HEAD, [["Наставник", mentor.full_name, SIGN, BLANK_DATE]]))
        curator = pair.programme.curator
        if curator is not None:
            blocks.append(
                note(f"Журнал проверен куратором программы {initials_of(curator, 'ablt')}: {SIGN} {BLANK_DATE}")
            )
        return {
            "kind_title": "ЖУРНАЛ",
            "title": f"наставника {name_of(mentor, 'gent')}",
            "landscape": True,  # six columns of text
            "blocks": blocks,
        }
