"""The school's orders besides the one on implementation (seed 000 §4.10; DOMAIN «Documents»): appointing the
curator and fixing the pairs and groups (the orders about the mentors are in mentor_orders.py).

Each is requisites + title + basis + «ПРИКАЗЫВАЮ:» + numbered points + the director's signature, with the lists
drawn from live data as appendices. Names, positions and the school's name take the case the sentence needs
(«Назначить Орлову Марину Сергеевну, заместителя директора по УВР, куратором … в Муниципальном бюджетном …
учреждении …»), numbers agree with their nouns («8 пар и 3 группы»); the tables keep the nominative.
"""

from django.db.models import Prefetch

from core.inflection import by_gender, gender_of, initials_of, name_of, organization_name, position_in, with_number
from mentoring.models import Mentee, Pair, PairMember

from ..content import appendix, command, note, short_date, table, text_blocks
from . import Block, Kind, kind
from .common import (
    CONTROL,
    PLACE,
    basis_blocks,
    clauses,
    default_place,
    director_signature,
    list_lines,
    lower_first,
    period,
    programme_problems,
    requisites,
)
from .legal_basis import pupils_basis

BASIS = Block("basis", "Основание", "Акты и решения, на основании которых издаётся приказ (перед «ПРИКАЗЫВАЮ:»).")


def person_line(full_name: str, position: str) -> str:
    return f"{full_name}, {position}" if position else full_name


def mentor_position(mentor) -> str:
    """«учитель математики», «инженер, АО «Красмаш»», or the category when the position is not filled."""
    position = mentor.position or mentor.get_category_display()
    if mentor.partner_id and mentor.partner.name not in position:  # the partner is named once
        position += f", {mentor.partner.name}"
    return position


def acquaintance_sheet(mentors, position_head: str) -> dict:
    """The appendix «Лист ознакомления наставников с приказом»: a row for each of ``mentors`` ((mentor, …) pairs)
    to sign and date."""
    rows = [
        [str(n), mentor.full_name, mentor_position(mentor), "", ""] for n, (mentor, _) in enumerate(mentors, start=1)
    ]
    return {
        "title": "Лист ознакомления наставников с приказом",
        "blocks": [table(["№", "ФИО наставника", position_head, "Подпись", "Дата"], rows, widths=[5, 30, 30, 15, 20])],
    }


def dates(first, last) -> str:
    return f"{short_date(first)}" if first == last else f"в период {period(first, last)}"


def curator_of(programme, case: str) -> str:
    """The programme's curator in ``case`` inside a sentence, the position set off by commas: «Орлову Марину
    Сергеевну, заместителя директора по УВР,» (or the name alone when the position is not filled)."""
    curator = programme.curator
    name = name_of(curator, case)
    return f"{name}, {position_in(curator.position, case)}," if curator.position else name


def order_content(document, texts, title, points, *, appendices=()) -> dict:
    """An order: requisites, title, basis, «ПРИКАЗЫВАЮ:», the points, explanations, signature, appendices."""
    return {
        "requisites": requisites(document, texts),
        "title": title,
        "blocks": [*basis_blocks(texts["basis"]), command(), *clauses(point_list(points))],
        "signature": director_signature(document.tenant),
        "appendices": [
            appendix(number, document.dated, document.number, content)
            for number, content in enumerate(appendices, start=1)
        ],
    }


def point_list(points) -> list[tuple[str, list[str]]]:
    """Points as (text, sub-points); a point given as a plain string has none; empty points are left out."""
    return [point if isinstance(point, tuple) else (point, []) for point in points if point]


def with_details(text: str, label: str, details: str) -> tuple[str, list[str]]:
    """A point that carries the school's own words: one sentence joins it («… Цель обучения — освоение…»),
    several lines become its sub-points."""
    lines = list_lines(details)
    if len(lines) == 1:
        return f"{text} {label} — {lower_first(lines[0])}.", []
    return (f"{text} {label}:" if lines else text), lines


def active_pairs(programme) -> list[Pair]:
    """The programme's working pairs and groups with their mentees (two queries, however many pairs; cached on
    the programme, so that ``missing`` and ``build`` share them)."""
    cached = getattr(programme, "_document_pairs", None)
    if cached is not None:
        return cached
    members = PairMember.objects.filter(active=True).select_related("mentee").order_by("mentee__last_name", "pk")
    programme._document_pairs = list(
        Pair.objects.filter(programme=programme, status=Pair.Status.ACTIVE)
        .select_related("mentor", "mentor__partner", "form")
        .prefetch_related(Prefetch("members", queryset=members, to_attr="active_members"))
        .order_by("form__name", "mentor__last_name", "mentor__first_name", "starts_on", "pk")
    )
    return programme._document_pairs


def acquainted(person) -> str:
    """«ознакомлен» / «ознакомлена» by the person's gender; «ознакомлен(а)» when it is unknown."""
    gender = gender_of(person)
    return by_gender(gender, "ознакомлен", "ознакомлена") if gender else "ознакомлен(а)"


@kind
class CuratorOrder(Kind):
    code = "curator_order"
    public = True  # names only the curator, a member of staff in office
    name = "Приказ о назначении куратора внедрения целевой модели наставничества"
    is_order = True
    blocks = (
        PLACE,
        BASIS,
        Block("duties", "Обязанности куратора (приложение 1)", "Каждая обязанность с новой строки, начиная с «- »."),
        Block("reporting", "Отчётность куратора", "Кому и когда куратор отчитывается о ходе программы."),
    )

    def missing(self, document):
        return programme_problems(document)

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "basis": pupils_basis(document.tenant) + ", в целях внедрения целевой модели наставничества и организации "
            "работы по программе наставничества",
            "duties": (
                "- сбор и работа с базой наставников и наставляемых, персонифицированный учёт участников;\n"
                "- организация обучения наставников, в том числе привлечение экспертов;\n"
                "- формирование наставнических пар и групп, подготовка приказа об их закреплении;\n"
                "- контроль процедуры внедрения целевой модели наставничества и проведения программ "
                "наставничества;\n"
                "- участие в оценке вовлечённости обучающихся в различные формы наставничества;\n"
                "- решение организационных вопросов, возникающих в процессе реализации модели;\n"
                "- мониторинг реализации программы и получение обратной связи от её участников;\n"
                "- внесение данных о количестве участников программ наставничества в формы статистического "
                "наблюдения;\n"
                "- подготовка итогового аналитического отчёта о реализации программы."
            ),
            "reporting": "Куратору ежеквартально информировать руководителя о ходе реализации программы "
            "наставничества, по завершении программы представить итоговый аналитический отчёт.",
        }

    def title(self, document):
        return "О назначении куратора внедрения целевой модели наставничества"

    def build(self, document, texts):
        programme = document.programme
        organization = document.tenant
        curator = programme.curator
        points = [
            f"Назначить {curator_of(programme, 'accs')} куратором внедрения целевой модели наставничества в "
            f"{organization_name(organization, 'loct')} на период реализации программы наставничества "
            f"«{programme.title}» ({period(programme.starts_on, programme.ends_on)}).",
            "Возложить на куратора обязанности согласно приложению 1 к настоящему приказу.",
            texts["reporting"],
            CONTROL,
        ]
        duties = {
            "title": "Обязанности куратора внедрения целевой модели наставничества",
            "blocks": [
                *text_blocks(texts["duties"]),
                note(f"С обязанностями {acquainted(curator)}: ____________ {initials_of(curator)}"),
                note("«___» ____________ 20___ г."),
            ],
        }
        return order_content(document, texts, self.title(document), points, appendices=[duties])


@kind
class PairsOrder(Kind):
    code = "pairs_order"
    name = "Приказ о закреплении наставнических пар и групп"
    is_order = True
    blocks = (
        PLACE,
        BASIS,
        Block("mentor_duties", "Поручение наставникам", "Что наставники делают после закрепления пар и групп."),
        Block("consents", "Отметка о согласии участников", "Текст под таблицей пар и групп (приложение 1)."),
    )

    def missing(self, document):
        problems = programme_problems(document)
        if document.programme is None:
            return problems
        pairs = active_pairs(document.programme)
        if not pairs:
            problems.append(
                "В программе пока нет действующих наставнических пар или групп: сформируйте их (этап 5, "
                "«Пары и группы»)."
            )
        for mentor in {pair.mentor.pk: pair.mentor for pair in pairs}.values():
            if mentor.needs_written_consent and not mentor.has_written_consent:
                problems.append(
                    f"У наставника {name_of(mentor, 'gent')} не указаны номер и дата письменного согласия быть "
                    "наставником (карточка наставника): без него наставник не закрепляется приказом."
                )
        for pair in pairs:
            for member in pair.active_members:
                mentee = member.mentee
                if mentee.is_minor and not mentee.representative_name:
                    problems.append(
                        f"У несовершеннолетнего наставляемого {name_of(mentee, 'gent')} не указан законный "
                        "представитель (карточка наставляемого)."
                    )
        return problems

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "basis": pupils_basis(document.tenant) + ", Положением о программе наставничества, по итогам формирования "
            "наставнических пар и групп и с письменного согласия их участников",
            "mentor_duties": "Наставникам совместно с наставляемыми в течение двух недель составить "
            "персонализированные планы работы, проводить встречи по плану и вести журнал наставника.",
            "consents": "Пары и группы закреплены с письменного согласия наставников и наставляемых, за "
            "несовершеннолетних наставляемых — их законных представителей. Согласия хранятся у куратора программы.",
        }

    def title(self, document):
        return "О закреплении наставнических пар и групп"

    def build(self, document, texts):
        programme = document.programme
        pairs = active_pairs(programme)
        rows = []
        for number, pair in enumerate(pairs, start=1):
            mentees = [person_line(member.mentee.full_name, member.mentee.group) for member in pair.active_members]
            form = f"«{pair.form.name}»" + (" (группа)" if len(mentees) > 1 else "")
            if pair.role_model:
                form += f", {pair.role_model}"
            rows.append(
                [
                    str(number),
                    person_line(pair.mentor.full_name, mentor_position(pair.mentor)),
                    "\n".join(mentees),
                    form,
                    period(pair.starts_on, pair.planned_end_on),
                ]
            )
        groups = sum(1 for pair in pairs if len(pair.active_members) > 1)
        counts = " и ".join(
            with_number(n, noun) for noun, n in (("пара", len(pairs) - groups), ("группа", groups)) if n
        )
        points = [
            f"Закрепить наставнические пары и группы программы наставничества «{programme.title}» "
            f"({counts}) на сроки работы согласно приложению 1 к настоящему "
            "приказу.",
            texts["mentor_duties"],
            f"Куратору программы {curator_of(programme, 'datv')} осуществлять контроль работы наставнических пар и "
            "групп, ознакомить наставников с настоящим приказом.",
        ]
        waiting = Mentee.objects.filter(awaiting_mentor=True, status=Mentee.Status.IN_BASE).count()
        if waiting:
            points.append(
                f"Куратору продолжить подбор наставников для наставляемых, не вошедших в пары и группы "
                f"({with_number(waiting, 'человек')}), и обеспечить им поддержку до закрепления."
            )
        points.append(CONTROL)
        pairs_appendix = {
            "title": "Состав наставнических пар и групп",
            "blocks": [
                table(["№", "Наставник", "Наставляемый(е)", "Форма наставничества", "Срок работы"], rows),
                *text_blocks(texts["consents"]),
            ],
        }
        return order_content(document, texts, self.title(document), points, appendices=[pairs_appendix])
