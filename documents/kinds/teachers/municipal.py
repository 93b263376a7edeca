"""The department's documents of the system of mentoring of teachers (seed 001's opening order): the order on
implementing it, approving the municipal Regulation and the complex of measures (дорожная карта) as its
appendices and naming the coordinators, with the municipal methodological centre's part (§4.8.2: monitoring,
spreading best practices). The texts are data (data/municipal_teachers.txt; the clauses shared with the school's
Regulation come from data/teachers_regulation.txt)."""

from pathlib import Path

from ...content import command, paragraph, text_blocks
from .. import Block, Kind, kind
from ..appendices import appended_documents, appendix_marks, appendix_of
from ..common import PLACE
from ..legal_basis import TEACHERS_BASIS
from ..municipal import (
    head_signature,
    municipal_place,
    municipal_problems,
    municipal_requisites,
    municipal_stamp,
    plan_content,
    plan_year,
    point,
)
from ..regulation import keyed_texts, numbered_sections
from .regulation import DEFAULTS as SCHOOL_TEXTS
from .regulation import PLAN_ITEMS, lower_order_title

OWN = keyed_texts(Path(__file__).parent.parent / "data" / "municipal_teachers.txt")
CENTRE = Block(
    "centre_name",
    "Муниципальная методическая служба",
    "Наименование муниципального методического центра, как оно пишется в скобках после слов «методическая служба».",
    max_length=300,
)
DEFAULT_CENTRE = "муниципальная методическая служба"

SECTIONS = (
    ("1. Общие положения", ("general", "terms", "principles")),
    ("2. Цель, задачи, формы и виды наставничества", ("goal", "tasks", "forms", "kinds")),
    ("3. Условия и ресурсы. Стимулирование наставников", ("conditions", "incentives")),
    ("4. Этапы реализации программ наставничества", ("stages",)),
    ("5. Организационная система: внутренний контур (образовательная организация)", ("school_level",)),
    ("6. Внешний контур: муниципальный и региональный уровни", ("department", "centre", "regional")),
    ("7. Заключительные положения", ("final",)),
)
INTROS = {
    "terms": "В настоящем Положении используются следующие понятия:",
    "principles": "Система наставничества основана на принципах:",
    "goal": "Цель системы наставничества:",
    "tasks": "Задачи системы наставничества:",
    "forms": "В образовательных организациях применяются формы наставничества:",
    "kinds": "Наставничество осуществляется в следующих видах:",
    "conditions": "Условия и ресурсы системы наставничества:",
    "stages": "Реализация программы наставничества в образовательной организации включает семь этапов:",
    "department": "Муниципальный уровень взаимодействия организуется органом управления образованием через:",
    "centre": "Муниципальный уровень взаимодействия организуется муниципальной методической службой ({centre}) через:",
}
LABELS = {
    "general": "Общие положения",
    "terms": "Основные понятия",
    "principles": "Принципы",
    "goal": "Цель",
    "tasks": "Задачи",
    "forms": "Формы наставничества",
    "kinds": "Виды наставничества",
    "conditions": "Условия и ресурсы",
    "incentives": "Стимулирование наставников",
    "stages": "Этапы",
    "school_level": "Внутренний контур",
    "department": "Орган управления образованием",
    "centre": "Муниципальная методическая служба (мониторинг, распространение лучших практик)",
    "regional": "Региональный уровень",
    "final": "Заключительные положения",
}
SHARED = ("terms", "principles", "forms", "kinds", "conditions", "incentives", "stages")
TITLE = "о системе наставничества педагогических работников в муниципальных образовательных организациях"


def centre_of(texts) -> str:
    return (texts.get("centre_name") or "").strip() or DEFAULT_CENTRE


@kind
class MunicipalTeachersRegulation(Kind):
    code = "municipal_teachers_regulation"
    level = "municipality"
    public = True
    unique = True
    name = "Положение " + TITLE
    approved_by_order = True
    blocks = (CENTRE, *(Block(key, label) for key, label in LABELS.items()))

    def missing(self, document):
        return municipal_problems(document)

    def defaults(self, document):
        return {
            "centre_name": DEFAULT_CENTRE,
            **{key: SCHOOL_TEXTS[key] for key in SHARED},
            **{key: OWN[key] for key in LABELS if key not in SHARED},
        }

    def title(self, document):
        return TITLE

    def content(self, document, texts) -> dict:
        intros = {**INTROS, "centre": INTROS["centre"].format(centre=centre_of(texts))}
        return {"kind_title": "ПОЛОЖЕНИЕ", "title": TITLE, "blocks": numbered_sections(SECTIONS, texts, intros)}

    def build(self, document, texts):
        return {"stamps": [municipal_stamp(document, "УТВЕРЖДЕНО")], **self.content(document, texts)}


@kind
class MunicipalTeachersMeasures(Kind):
    code = "municipal_teachers_measures"
    level = "municipality"
    public = True
    unique = True
    name = "Комплекс мер (дорожная карта) по внедрению системы наставничества педагогических работников"
    approved_by_order = True
    stamp_label = "УТВЕРЖДЁН"
    blocks = (CENTRE, PLAN_ITEMS)

    def missing(self, document):
        return municipal_problems(document)

    def defaults(self, document):
        year = plan_year(document)
        return {
            "centre_name": DEFAULT_CENTRE,
            "items": OWN["measures"].format(year=year, next_year=year + 1, centre="Методическая служба"),
        }

    def title(self, document):
        return "по внедрению системы наставничества педагогических работников"

    def content(self, document, texts) -> dict:
        note = (
            f"Сокращения: УО — {document.tenant.name}; ОО — образовательные организации; методическая служба — "
            f"{centre_of(texts)}."
        )
        return plan_content("КОМПЛЕКС МЕР (ДОРОЖНАЯ КАРТА)", self.title(document), note, texts.get("items", ""))

    def build(self, document, texts):
        return {"stamps": [municipal_stamp(document, self.stamp_label)], **self.content(document, texts)}


@kind
class MunicipalTeachersOrder(Kind):
    code = "municipal_teachers_order"
    level = "municipality"
    public = True
    unique = True
    name = (
        "Приказ о внедрении и реализации системы наставничества педагогических работников в муниципальных "
        "образовательных организациях"
    )
    is_order = True
    approves = (MunicipalTeachersRegulation.code, MunicipalTeachersMeasures.code)
    blocks = (
        PLACE,
        Block("basis", "Основания", "Федеральные и региональные акты с датами и номерами."),
        Block(
            "coordinators",
            "Координаторы",
            "Кого назначить координаторами реализации комплекса мер — каждого с новой строки, начиная с «- », с "
            "тем, для каких педагогов.",
        ),
    )

    def missing(self, document):
        return municipal_problems(document)

    def defaults(self, document):
        return {
            "place": municipal_place(document.tenant),
            "basis": TEACHERS_BASIS + ", в целях профессионального становления и закрепления в профессии "
            "педагогических работников",
            "coordinators": (
                "- муниципальную методическую службу — для педагогических работников общеобразовательных организаций "
                "и организаций дополнительного образования;\n"
                "- специалиста органа управления образованием, курирующего дошкольное образование, — для "
                "педагогических "
                "работников дошкольных образовательных организаций;\n"
                "- центр психолого-педагогической, медицинской и социальной помощи — для методического "
                "сопровождения педагогов-психологов."
            ),
        }

    def title(self, document):
        return lower_order_title(self.name)

    def build(self, document, texts):
        municipality = document.tenant
        appended = appended_documents(document, self.approves)
        basis = (texts.get("basis") or "").strip().rstrip(" ,.;:")
        blocks = [*(text_blocks(basis + ",") if basis else []), command()]
        approved, appendices = [], []
        for code, words in (
            (MunicipalTeachersRegulation.code, "Положение " + TITLE),
            (MunicipalTeachersMeasures.code, "Комплекс мер (дорожную карту) по внедрению системы наставничества "
             "педагогических работников в муниципальных образовательных организациях"),
        ):  # fmt: skip
            if not appended[code].appended:
                continue
            appendices.append(appendix_of(document, appended[code]))
            approved.append(f"{words} (приложение {len(appendices)})")
        number = 1
        if approved:
            blocks += point(number, "Утвердить:")
            blocks += [paragraph(f"{number}.{n}. {line}{';' if n < len(approved) else '.'}")
                       for n, line in enumerate(approved, start=1)]  # fmt: skip
            number += 1
        blocks += point(
            number,
            "Назначить координаторами реализации комплекса мер (дорожной карты) по внедрению системы наставничества "
            "педагогических работников:\n" + (texts.get("coordinators") or ""),
        )
        blocks += point(
            number + 1,
            "Муниципальной методической службе обеспечить мониторинг реализации системы наставничества "
            "педагогических работников в образовательных организациях, изучение, обобщение и распространение "
            "лучших практик наставничества, ведение муниципального банка наставников.",
        )
        blocks += point(
            number + 2,
            "Руководителям муниципальных образовательных организаций обеспечить внедрение системы наставничества "
            "педагогических работников на уровне организации: утвердить положение о системе наставничества и "
            "дорожную карту его реализации, назначать наставников с их письменного согласия и оформлять условия "
            "наставничества дополнительными соглашениями к трудовым договорам.",
        )
        blocks += point(number + 3, "Контроль за исполнением настоящего приказа оставляю за собой.")
        return {
            "requisites": municipal_requisites(document, texts),
            "title": self.title(document),
            "blocks": blocks,
            "signature": head_signature(municipality),
            "appendices": appendix_marks(document, appendices),
        }
