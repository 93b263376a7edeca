"""«Протокол заседания совета наставников» (seed 001 §4.6.3): the meeting's date and number, the chair, the
secretary, who was present, the agenda, and for each question what was heard and decided — a pair proposed to
the curator, a decision about a pair's personalised programme or difficulties, a mentor nominated for a reward."""

from core.inflection import name_of, organization_name, with_number

from ...content import heading, initials_surname, note, numbered, paragraph, short_date, table, text_blocks
from .. import Kind, kind
from ..common import school_problems
from ..personal.helpers import subject_of


def sentence(text: str) -> str:
    """The text with one closing stop, whether the curator typed it or not («…Ковалёвым А.И.» stays as it is)."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def pair_words(pair) -> str:
    mentees = ", ".join(member.mentee.full_name for member in pair.members.all())
    return f"наставник {pair.mentor.full_name}, наставляемый(ые): {mentees}, форма «{pair.form.name}»"


def item_details(item) -> list[str]:
    from teaching_staff.models import AgendaItem

    lines = []
    if item.kind == AgendaItem.Kind.PAIR_PROPOSAL and item.mentor and item.mentee:
        lines.append(
            f"Предложение куратору: пара «{item.mentor.full_name} — {item.mentee.full_name}», форма "
            f"«{item.form.name if item.form else ''}» ({item.get_proposal_display()})."
        )
    if item.pair is not None:
        lines.append(f"Пара: {pair_words(item.pair)}.")
    if item.kind == AgendaItem.Kind.REWARD and item.mentor:
        lines.append(f"Представить к поощрению: {name_of(item.mentor, 'accs')}.")
    return lines


@kind
class CouncilProtocol(Kind):
    code = "council_protocol"
    name = "Протокол заседания совета наставников"
    registered = False  # numbered by the council's meetings
    subject = "council_meeting"
    subject_label = "Заседание совета наставников"

    def subjects(self, programme):
        from teaching_staff.models import CouncilMeeting

        return [(meeting.pk, str(meeting)) for meeting in CouncilMeeting.objects.order_by("-held_on", "-number")]

    def meeting(self, document):
        from teaching_staff.models import CouncilMeeting

        return subject_of(
            document,
            lambda pk: (
                CouncilMeeting.objects.filter(pk=pk).select_related("council__chair", "council__secretary").first()
            ),
        )

    def missing(self, document):
        problems = school_problems(document)
        meeting = self.meeting(document)
        if meeting is None:
            return [*problems, "Выберите заседание совета наставников."]
        if meeting.council.chair_id is None:
            problems.append("Изберите председателя совета наставников: он подписывает протокол.")
        return problems

    def title(self, document):
        meeting = self.meeting(document)
        return f"{self.name} № {meeting.number} от {short_date(meeting.held_on)}" if meeting else self.name

    def build(self, document, texts):
        meeting = self.meeting(document)
        council = meeting.council
        present = list(meeting.present.order_by("last_name", "first_name"))
        items = list(
            meeting.items.select_related("pair__mentor", "pair__form", "mentor", "mentee", "form").prefetch_related(
                "pair__members__mentee"
            )
        )
        blocks = [
            note(document.tenant.name),
            note(f"{short_date(meeting.held_on)} № {meeting.number}"),
            paragraph(f"Председатель: {council.chair.full_name}."),
        ]
        if council.secretary_id:
            blocks.append(paragraph(f"Секретарь: {council.secretary.full_name}."))
        blocks.append(
            paragraph(
                f"Присутствовали: {with_number(len(present), 'член')} совета — "
                + ", ".join(mentor.full_name for mentor in present)
                + "."
            )
        )
        if meeting.invited:
            blocks.append(paragraph(f"Приглашённые: {meeting.invited}."))
        blocks += [heading("Повестка дня"), numbered([sentence(item.question) for item in items])]
        for item in items:
            blocks.append(heading(f"{item.position}. {item.question}"))
            if item.heard:
                blocks += [paragraph("СЛУШАЛИ:"), *text_blocks(item.heard)]
            blocks += [paragraph("РЕШИЛИ:"), *text_blocks(sentence(item.decision))]
            blocks += [paragraph(line) for line in item_details(item)]
        signers = [["Председатель", "____________", initials_surname(council.chair.full_name)]]
        if council.secretary_id:
            signers.append(["Секретарь", "____________", initials_surname(council.secretary.full_name)])
        blocks.append(table(["", "Подпись", "Расшифровка"], signers, widths=[30, 30, 40]))
        return {
            "kind_title": "ПРОТОКОЛ",
            "title": f"заседания совета наставников {organization_name(document.tenant, 'gent', short=True)}",
            "blocks": blocks,
        }
