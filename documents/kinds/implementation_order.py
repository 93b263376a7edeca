"""Приказ о внедрении целевой модели наставничества (seed 000 §4.10.2): the basis, «ПРИКАЗЫВАЮ:» with the points
of the kit (implement and its terms; the curator and those responsible with their duties; material support;
monitoring terms; planned results; approve the regulation and the roadmap; control), signed by the director,
with the regulation, the roadmap and the planned results as appendices."""

from core.inflection import organization_name, phrase

from ..content import appendix, command, short_date, text_blocks
from . import Block, Kind, kind, kind_of
from .appendices import appended_documents, appendix_content
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
    staff_with_position,
    who,
)
from .legal_basis import pupils_basis

BLANK_PERSON = "____________________ (ФИО, должность)"


def responsible_default(document) -> str:
    """Those responsible for the implementation, named where the school's staff has them."""
    psychologists = staff_with_position(document, "психолог")
    psychologist = who(psychologists[0]) if psychologists else "педагога-психолога"
    return (
        "- классных руководителей — за сбор запросов наставляемых и информирование обучающихся и их родителей "
        "(законных представителей);\n"
        f"- {psychologist} — за психолого-педагогическое сопровождение наставляемых и диагностику их запросов;\n"
        "- ответственного за официальный сайт — за размещение сведений о программе в разделе «Наставничество»"
    )


def material_default(document) -> str:
    """The person responsible for material support: the school's deputy for administration where the portal knows
    them, else a line to write the name on."""
    deputies = staff_with_position(document, "хозяйств", "ахр", "ахч")
    return who(deputies[0]) if deputies else BLANK_PERSON


@kind
class ImplementationOrder(Kind):
    code = "implementation_order"
    public = True  # names the curator and staff in office; its appendices are the regulation and roadmap
    unique = True
    name = "Приказ о внедрении целевой модели наставничества"
    is_order = True
    approves = ("regulation", "roadmap")
    blocks = (
        PLACE,
        Block("basis", "Основания", "Федеральные, региональные и муниципальные акты с датами и номерами."),
        Block("curator_duties", "Обязанности куратора"),
        Block(
            "responsible",
            "Ответственные за реализацию и их обязанности",
            "Каждый с новой строки, в винительном падеже: «- Иванову Ирину Петровну, педагога-психолога — за …».",
        ),
        Block(
            "material", "Ответственный за материально-техническое обеспечение", "ФИО и должность в винительном падеже."
        ),
        Block("monitoring", "Сроки мониторинга эффективности"),
        Block("results", "Планируемые результаты (последнее приложение)"),
    )

    def missing(self, document):
        return programme_problems(document, stages_dated=True)

    def defaults(self, document):
        programme = document.programme
        organization = document.tenant
        return {
            "place": default_place(organization),
            "basis": pupils_basis(organization) + ", в целях достижения результатов федерального проекта «Современная "
            "школа» национального проекта «Образование»",
            "curator_duties": (
                "- вести базы наставников и наставляемых;\n- организовать обучение наставников;\n"
                "- формировать наставнические пары и группы;\n- контролировать реализацию программы и проводить "
                "мониторинг;\n- вносить данные о количестве участников в формы статистической отчётности"
            ),
            "responsible": responsible_default(document),
            "material": material_default(document),
            "monitoring": "Проводить мониторинг эффективности программы наставничества два раза в год: "
            "промежуточный — в декабре, итоговый — по завершении программы.",
            "results": programme.expected_results
            or "- не менее 70% обучающихся вовлечены в различные формы наставничества и сопровождения;\n"
            "- повышение успеваемости и удовлетворённости участников программы;\n"
            "- снижение числа обучающихся, испытывающих трудности в обучении и адаптации.",
        }

    def title(self, document):
        return "О внедрении целевой модели наставничества"

    def build(self, document, texts):
        programme = document.programme
        organization = document.tenant
        appended = appended_documents(document, self.approves)
        appendices, approvals = [], []
        for code, content in (("regulation", self.regulation), ("roadmap", self.roadmap)):
            item = appended[code]
            noun = lower_first(phrase(kind_of(code).name, "accs"))
            if item.appended:
                appendices.append(appendix_content(item.approved_here or content(document, item)))
                approvals.append((f"Утвердить {noun} (приложение {len(appendices)}).", []))
            else:
                day, number = item.approved_before
                name = lower_first(phrase(kind_of(code).name, "ablt"))
                approvals.append((f"Руководствоваться {name} в редакции приказа от {short_date(day)} № {number}.", []))
        appendices.append(
            {"title": "Планируемые результаты внедрения целевой модели наставничества",
             "blocks": text_blocks(texts["results"])}
        )  # fmt: skip
        results = (
            f"Утвердить планируемые результаты внедрения целевой модели наставничества (приложение {len(appendices)})."
        )
        approvals.append((results, []))
        curator = programme.curator
        curator_who = who(curator)
        points = [
            (f"Внедрить целевую модель наставничества в {organization_name(organization, 'loct')} в период "
             f"{period(programme.starts_on, programme.ends_on)} (программа наставничества «{programme.title}»).", []),
            (f"Назначить куратором внедрения целевой модели наставничества {curator_who}"
             f"{',' if curator.position else ''} и возложить на куратора "
             "следующие обязанности:", list_lines(texts["curator_duties"])),
            ("Назначить ответственными за реализацию целевой модели наставничества:", list_lines(texts["responsible"])),
            ("Назначить ответственным за материально-техническое обеспечение программы наставничества "
             f"{texts['material'].rstrip('.')}.", []),
            (texts["monitoring"], []),
            *approvals,
            (CONTROL, []),
        ]  # fmt: skip
        return {
            "requisites": requisites(document, texts),
            "title": self.title(document),
            "blocks": [*basis_blocks(texts["basis"]), command(), *clauses(points)],
            "signature": director_signature(organization),
            "appendices": [
                appendix(number, document.dated, document.number, content)
                for number, content in enumerate(appendices, start=1)
            ],
        }

    @staticmethod
    def regulation(document, item) -> dict:
        """The regulation as it will be approved: its draft's own words over the defaults."""
        regulation = kind_of("regulation")
        texts = {**regulation.defaults(document), **item.own}
        return {
            "kind_title": "ПОЛОЖЕНИЕ",
            "title": regulation.title(document),
            "blocks": regulation.body(document, texts),
        }

    @staticmethod
    def roadmap(document, item) -> dict:
        roadmap = kind_of("roadmap")
        content = roadmap.build(document, {**roadmap.defaults(document), **item.own})
        return appendix_content(content)
