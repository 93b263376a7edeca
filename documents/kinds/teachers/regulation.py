"""The school's «Положение о системе наставничества педагогических работников» (seed 001 is the model; its texts
are data, data/teachers_regulation.txt), the plan of measures (дорожная карта) of its implementation, and the
order approving both as its appendices."""

from pathlib import Path

from core.inflection import organization_name

from .. import Block, Kind, kind
from ..appendices import appended_documents, appendix_of
from ..common import CONTROL, PLACE, approved_stamp, default_place, programme_problems
from ..legal_basis import TEACHERS_BASIS
from ..municipal import plan_content, plan_year
from ..regulation import keyed_texts, numbered_sections
from ..school_orders import BASIS, curator_of, order_content

DATA = Path(__file__).parent.parent / "data"
DEFAULTS = keyed_texts(DATA / "teachers_regulation.txt")
ROADMAP_ITEMS = "\n".join(
    line
    for line in (DATA / "teachers_roadmap.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
)
PLAN_ITEMS = Block(
    "items",
    "Мероприятия",
    "Каждое мероприятие с новой строки, поля через « | »: № | мероприятие | сроки | ответственный | "
    "результат. Строка с номером без точки начинает раздел.",
    max_length=40000,
)

SECTIONS = (
    ("1. Общие положения", ("general", "terms", "principles")),
    ("2. Цель и задачи системы наставничества", ("goal", "tasks")),
    ("3. Формы и виды наставничества", ("forms", "kinds", "forms_choice")),
    ("4. Условия и ресурсы системы наставничества. Стимулирование наставников", ("conditions", "incentives")),
    ("5. Организационная система наставничества: внутренний и внешний контуры", ("contours",)),
    (
        "6. Участники системы наставничества, их права и обязанности",
        ("director", "curator", "council", "mentor_duties", "mentor_rights", "mentee_duties", "mentee_rights"),
    ),
    ("7. Этапы реализации персонализированных программ наставничества", ("stages",)),
    ("8. Мониторинг и оценка результатов", ("monitoring",)),
    ("9. Заключительные положения", ("final",)),
)
LABELS = {
    "general": "Общие положения",
    "terms": "Основные понятия",
    "principles": "Принципы",
    "goal": "Цель",
    "tasks": "Задачи",
    "forms": "Формы наставничества",
    "kinds": "Виды наставничества",
    "forms_choice": "Выбор формы и вида",
    "conditions": "Условия и ресурсы",
    "incentives": "Стимулирование наставников",
    "contours": "Внутренний и внешний контуры",
    "director": "Руководитель школы",
    "curator": "Куратор",
    "council": "Совет наставников",
    "mentor_duties": "Обязанности наставника",
    "mentor_rights": "Права наставника",
    "mentee_duties": "Обязанности наставляемого",
    "mentee_rights": "Права наставляемого",
    "stages": "Этапы",
    "monitoring": "Мониторинг и оценка",
    "final": "Заключительные положения",
}
INTROS = {
    "terms": "В настоящем Положении используются следующие понятия:",
    "principles": "Система наставничества основана на принципах:",
    "goal": "Цель системы наставничества:",
    "tasks": "Задачи системы наставничества:",
    "forms": "В школе применяются формы наставничества:",
    "kinds": "Наставничество осуществляется в следующих видах:",
    "conditions": "Условия и ресурсы системы наставничества:",
    "director": "Руководитель школы:",
    "curator": "Куратор реализации персонализированных программ наставничества назначается руководителем из числа "
    "его заместителей и:",
    "council": "Совет наставников (методическое объединение наставников):",
    "mentor_duties": "Наставник обязан:",
    "mentor_rights": "Наставник имеет право:",
    "mentee_duties": "Наставляемый обязан:",
    "mentee_rights": "Наставляемый имеет право:",
    "stages": "Персонализированная программа наставничества реализуется в семь этапов:",
}


def general_default(document) -> str:
    return (
        "Настоящее Положение о системе наставничества педагогических работников "
        f"{organization_name(document.tenant, 'gent')} (далее — Положение) разработано в соответствии со статьёй "
        "351.8 Трудового кодекса Российской Федерации, Методическими рекомендациями по разработке и внедрению "
        "системы (целевой модели) наставничества педагогических работников в образовательных организациях "
        "(письмо Министерства просвещения Российской Федерации и Общероссийского Профсоюза образования от "
        "21.12.2021 № АЗ-1128/08).\n" + DEFAULTS["general"]
    )


@kind
class TeachersRegulation(Kind):
    code = "teachers_regulation"
    public = True
    unique = True
    name = "Положение о системе наставничества педагогических работников"
    approved_by_order = True
    blocks = tuple(Block(key, label) for key, label in LABELS.items())

    def missing(self, document):
        return programme_problems(document)

    def defaults(self, document):
        return {**{key: DEFAULTS[key] for key in LABELS}, "general": general_default(document)}

    def title(self, document):
        return f"о системе наставничества педагогических работников {organization_name(document.tenant, 'gent')}"

    def content(self, document, texts) -> dict:
        """The regulation without its stamp: as the appendix of the order approving it."""
        return {
            "kind_title": "ПОЛОЖЕНИЕ",
            "title": self.title(document),
            "blocks": numbered_sections(SECTIONS, texts, INTROS),
        }

    def build(self, document, texts):
        year = document.programme.starts_on.year
        return {
            "stamps": [approved_stamp(document)],
            "title_page": True,
            **self.content(document, texts),
            "cover_lines": [default_place(document.tenant), str(year)],
        }


@kind
class TeachersRoadmap(Kind):
    code = "teachers_roadmap"
    public = True
    unique = True
    name = (
        "План мероприятий (дорожная карта) по реализации Положения о системе наставничества педагогических работников"
    )
    approved_by_order = True
    stamp_label = "УТВЕРЖДЁН"
    blocks = (PLAN_ITEMS,)

    def missing(self, document):
        return programme_problems(document)

    def defaults(self, document):
        year = plan_year(document)
        return {"items": ROADMAP_ITEMS.format(year=year, next_year=year + 1).strip()}

    def title(self, document):
        return "по реализации Положения о системе наставничества педагогических работников"

    def content(self, document, texts) -> dict:
        year = plan_year(document)
        note = f"Школа: {document.tenant.name}. Срок реализации: {year}/{year + 1} учебный год."
        return plan_content("ПЛАН МЕРОПРИЯТИЙ (ДОРОЖНАЯ КАРТА)", self.title(document), note, texts.get("items", ""))

    def build(self, document, texts):
        return {"stamps": [approved_stamp(document)], **self.content(document, texts)}


@kind
class TeachersSystemOrder(Kind):
    code = "teachers_system_order"
    public = True
    unique = True
    name = (
        "Приказ об утверждении Положения о системе наставничества педагогических работников и плана мероприятий "
        "(дорожной карты) по его реализации"
    )
    is_order = True
    approves = (TeachersRegulation.code, TeachersRoadmap.code)
    blocks = (PLACE, BASIS)

    def missing(self, document):
        return programme_problems(document)

    def defaults(self, document):
        return {
            "place": default_place(document.tenant),
            "basis": TEACHERS_BASIS + ", в целях профессионального становления, развития и закрепления в "
            "профессии педагогических работников",
        }

    def title(self, document):
        return lower_order_title(self.name)

    def build(self, document, texts):
        appended = appended_documents(document, self.approves)
        appendices = [appendix_of(document, appended[code]) for code in self.approves if appended[code].appended]
        points = []
        number = 1
        if appended[TeachersRegulation.code].appended:
            points.append(
                f"Утвердить Положение о системе наставничества педагогических работников (приложение {number})."
            )
            number += 1
        if appended[TeachersRoadmap.code].appended:
            points.append(
                "Утвердить план мероприятий (дорожную карту) по реализации Положения о системе наставничества "
                f"педагогических работников (приложение {number})."
            )
        points += [
            f"Назначить {curator_of(document.programme, 'accs')} куратором реализации персонализированных программ "
            "наставничества педагогических работников.",
            "Куратору обеспечить создание совета наставников, формирование баз наставников и наставляемых, "
            "диагностику профессиональных затруднений педагогов и разработку персонализированных программ "
            "наставничества в сроки, установленные планом мероприятий.",
            "Назначение наставников производить приказом руководителя с письменного согласия педагогических "
            "работников; содержание, срок и оплату наставничества устанавливать дополнительными соглашениями к "
            "трудовым договорам (статья 351.8 Трудового кодекса Российской Федерации).",
            CONTROL,
        ]
        return order_content(document, texts, self.title(document), points, appendices=appendices)


def lower_order_title(name: str) -> str:
    """«Приказ об утверждении …» → «Об утверждении …»: an order's title is its name without the word."""
    rest = name.removeprefix("Приказ ")
    return rest[:1].upper() + rest[1:]
