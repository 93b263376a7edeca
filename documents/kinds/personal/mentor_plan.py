"""План работы наставника (seed 000 slide 14): the personalised plan of one pair or group as a printable
document — the pair's plan items with their dates, goals and marks of completion, signed by the mentor, the
mentee(s) and, for a minor, the legal representative (inspections ask for it)."""

from django.utils import timezone

from core.inflection import by_gender, gender_of, name_of, with_number
from mentoring.models import PlanItem

from ...content import BLANK_DATE, heading, initials_surname, paragraph, short_date, table, text_blocks
from .. import Block, kind
from .helpers import SIGN, SIGNATURE_HEAD
from .pair_documents import PairDocument, mentee_role, mentees_of, pair_facts


def plan_items(pair) -> list[PlanItem]:
    """The pair's plan by date (one query, cached on the pair so that ``missing`` and ``build`` share it)."""
    cached = getattr(pair, "_document_plan", None)
    if cached is None:
        cached = pair._document_plan = list(PlanItem.objects.filter(pair=pair).order_by("due_on", "pk"))
    return cached


def mark_of(item: PlanItem, today) -> str:
    """«выполнено», «отменено», «запланировано» — and a planned item past its date says so."""
    if item.status == PlanItem.Status.PLANNED and item.due_on < today:
        return "не выполнено, срок прошёл"
    return item.get_status_display()


def with_whom(mentees) -> str:
    """«с наставляемым Петровым Ильёй Сергеевичем», «с наставляемой …», «с группой наставляемых»."""
    if len(mentees) > 1:
        return "с группой наставляемых"
    mentee = mentees[0]
    return f"{by_gender(gender_of(mentee), 'с наставляемым', 'с наставляемой')} {name_of(mentee, 'ablt')}"


@kind
class MentorPlan(PairDocument):
    code = "mentor_plan"
    name = "План работы наставника"
    blocks = (
        Block(
            "procedure",
            "Порядок работы",
            "Как часто и где проходят встречи, как отмечается выполнение плана; строки с «- » — пункты списка.",
        ),
    )
    empty_problem = "В плане пары нет мероприятий: внесите их (страница пары → «План работы»)."

    def has_records(self, pair):
        return bool(plan_items(pair))

    def missing(self, document):
        problems = super().missing(document)
        pair = self.pair(document)
        for mentee in mentees_of(pair) if pair else ():
            if mentee.is_minor and not mentee.representative_name:
                problems.append(
                    f"Наставляемый {mentee.full_name} несовершеннолетний: укажите его законного представителя "
                    "(карточка наставляемого) — с планом знакомится и подписывает его представитель."
                )
        return problems

    def defaults(self, document):
        return {
            "procedure": "Встречи наставника и наставляемого проводятся по плану, не реже одного раза в две недели. "
            "По итогам каждой встречи наставник делает запись в журнале наставника и отмечает выполнение "
            "мероприятий плана. Изменения в план вносятся по согласованию сторон и с ведома куратора программы."
        }

    def build(self, document, texts):
        pair = self.pair(document)
        mentor = pair.mentor
        mentees = mentees_of(pair)
        items = plan_items(pair)
        today = document.dated or timezone.localdate()
        rows = [
            [str(number), short_date(item.due_on), item.title, item.goal or "—", mark_of(item, today)]
            for number, item in enumerate(items, start=1)
        ]
        done = sum(1 for item in items if item.status == PlanItem.Status.DONE)
        signatures = [["Наставник", mentor.full_name, SIGN, BLANK_DATE]]
        for mentee in mentees:
            signatures.append([mentee_role(mentee), mentee.full_name, SIGN, BLANK_DATE])
            if mentee.is_minor:
                relation = f" ({mentee.representative_relation})" if mentee.representative_relation else ""
                signatures.append(
                    ["Законный представитель наставляемого", mentee.representative_name + relation, SIGN, BLANK_DATE]
                )
        curator = pair.programme.curator
        if curator is not None:
            signatures.append(["Согласовано: куратор программы", initials_surname(curator.full_name), SIGN, BLANK_DATE])
        blocks = [
            *pair_facts(document, pair),
            heading("Мероприятия плана"),
            table(
                ["№", "Срок", "Мероприятие", "Цель, ожидаемый результат", "Отметка о выполнении"],
                rows,
                widths=[5, 15, 30, 30, 20],
            ),
            paragraph(f"В плане {with_number(len(items), 'мероприятие')}, из них выполнено — {done}."),
            heading("Порядок работы"),
            *text_blocks(texts["procedure"]),
            heading("Подписи"),
            table(SIGNATURE_HEAD, signatures),
        ]
        return {
            "kind_title": "ПЛАН",
            "title": f"работы наставника {name_of(mentor, 'gent')} {with_whom(mentees)}",
            "blocks": blocks,
        }
