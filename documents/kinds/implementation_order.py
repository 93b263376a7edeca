"""Приказ о внедрении целевой модели наставничества (seed 000 §4.10.2): the basis, «ПРИКАЗЫВАЮ:» with the points
of the kit (implement and its terms; the curator and those responsible with their duties; material support;
monitoring terms; planned results; approve the regulation and the roadmap; control), signed by the director,
with the regulation, the roadmap and the planned results as appendices."""

from ..content import appendix, command, numbered, paragraph, text_blocks
from . import Block, Kind, kind, kind_of
from .common import PLACE, curator_line, default_place, director_signature, period, programme_problems, requisites


@kind
class ImplementationOrder(Kind):
    code = "implementation_order"
    public = True  # names the curator and staff in office; its appendices are the regulation and roadmap
    unique = True
    name = "Приказ о внедрении целевой модели наставничества"
    is_order = True
    blocks = (
        PLACE,
        Block("basis", "Основания", "Федеральные, региональные и муниципальные акты с датами и номерами."),
        Block("curator_duties", "Обязанности куратора"),
        Block("responsible", "Ответственные за реализацию и их обязанности"),
        Block("material", "Ответственные за материально-техническое обеспечение"),
        Block("monitoring", "Сроки мониторинга эффективности"),
        Block("results", "Планируемые результаты (приложение 3)"),
    )

    def missing(self, document):
        return programme_problems(document, stages_dated=True)

    def defaults(self, document):
        programme = document.programme
        organization = document.tenant
        return {
            "place": default_place(organization),
            "basis": (
                "В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 "
                "«Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, "
                "осуществляющих образовательную деятельность по общеобразовательным, дополнительным "
                "общеобразовательным и программам среднего профессионального образования, в том числе с применением "
                "лучших практик обмена опытом между обучающимися», приказом муниципального органа управления "
                f"образованием ({organization.municipality.name}) о внедрении целевой модели наставничества, в целях "
                "достижения результатов федерального проекта «Современная школа» национального проекта «Образование»"
            ),
            "curator_duties": (
                "- вести базы наставников и наставляемых;\n- организовать обучение наставников;\n"
                "- формировать наставнические пары и группы;\n- контролировать реализацию программы и проводить "
                "мониторинг;\n- вносить данные о количестве участников в формы статистической отчётности."
            ),
            "responsible": programme.responsible
            or "Классных руководителей и педагога-психолога — ответственными за сбор запросов наставляемых и "
            "информирование обучающихся и родителей.",
            "material": "Заместителя директора по административно-хозяйственной работе — ответственным за "
            "материально-техническое обеспечение встреч и мероприятий программы.",
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
        points = [
            f"Внедрить целевую модель наставничества в {organization.name} в период "
            f"{period(programme.starts_on, programme.ends_on)} (программа «{programme.title}»).",
            f"Назначить куратором внедрения целевой модели наставничества {curator_line(programme)} и возложить на "
            "куратора обязанности (пункт 2 и Положение, приложение 1).",
            "Назначить ответственных за реализацию целевой модели наставничества (пункт 3).",
            "Назначить ответственных за материально-техническое обеспечение программы наставничества (пункт 4).",
            texts["monitoring"],
            "Утвердить планируемые результаты внедрения целевой модели наставничества (приложение 3).",
            "Утвердить Положение о программе наставничества (приложение 1).",
            "Утвердить дорожную карту внедрения целевой модели наставничества (приложение 2).",
            "Контроль за исполнением настоящего приказа оставляю за собой.",
        ]
        blocks = [
            *text_blocks(texts["basis"] + ","),
            command(),
            numbered(points),
            paragraph("Обязанности куратора (к пункту 2):"),
            *text_blocks(texts["curator_duties"]),
            paragraph("Ответственные за реализацию (к пункту 3):"),
            *text_blocks(texts["responsible"]),
            paragraph("Ответственные за материально-техническое обеспечение (к пункту 4):"),
            *text_blocks(texts["material"]),
        ]
        regulation, roadmap = kind_of("regulation"), kind_of("roadmap")
        approved, own = _approved_and_own(document)
        appendices = [
            {
                "kind_title": "ПОЛОЖЕНИЕ",
                "title": regulation.title(document),
                "blocks": approved.get("regulation")
                or regulation.body(document, {**regulation.defaults(document), **own.get("regulation", {})}),
            },
            {
                "kind_title": "ДОРОЖНАЯ КАРТА",
                "title": roadmap.title(document),
                "landscape": True,
                "blocks": approved.get("roadmap")
                or roadmap.build(document, {**roadmap.defaults(document), **own.get("roadmap", {})})["blocks"],
            },
            {"kind_title": "", "title": "Планируемые результаты внедрения целевой модели наставничества",
             "blocks": text_blocks(texts["results"])},
        ]  # fmt: skip
        return {
            "requisites": requisites(document, texts),
            "title": self.title(document),
            "blocks": blocks,
            "signature": director_signature(organization),
            "appendices": [
                appendix(number, document.dated, document.number, content)
                for number, content in enumerate(appendices, start=1)
            ],
        }


def _approved_and_own(document) -> tuple[dict[str, list], dict[str, dict]]:
    """What the appendices say: the text of the programme's regulation and roadmap as last approved (their
    frozen versions' blocks), and, for one not approved yet, the school's own texts of its draft. Two queries."""
    from documents.models import Document, DocumentVersion

    kinds = ("regulation", "roadmap")
    approved: dict[str, list] = {}
    versions = DocumentVersion.objects.filter(document__programme=document.programme, document__kind__in=kinds)
    for kind_code, content in versions.order_by("approved_at", "pk").values_list("document__kind", "content"):
        approved[kind_code] = content["blocks"]
    own: dict[str, dict] = {}
    drafts = Document.objects.filter(programme=document.programme, kind__in=[k for k in kinds if k not in approved])
    for kind_code, blocks in drafts.order_by("updated_at").values_list("kind", "blocks"):
        own[kind_code] = blocks or {}
    return approved, own
