"""Documents of a municipal education department (seed 004): the order approving the plan of measures (roadmap)
for implementing the target model of mentoring, and the roadmap itself — sections 1–7, each item with its
deadline, responsible executor and result / kind of document.

The roadmap's items are the department's own words: one editable block, one item per line, fields separated by
« | » (``1.1 | Утверждение состава рабочей группы | до 15.09.2026 | Руководитель УО | Приказ УО``). A number
without a dot part (``1 | Нормативное правовое регулирование…``) starts a section; a line starting with «- »
continues the item above it (its list of sub-points). A line that cannot be read is kept as a row with its text
in the item column: the document always renders what the department typed.
"""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from core.inflection import municipality_name
from core.models import Membership, Organization
from core.roles import Role

from ..content import (
    BLANK_NUMBER,
    bullets,
    command,
    initials_surname,
    order_stamp,
    paragraph,
    short_date,
    table,
    text_blocks,
)
from . import Block, Kind, kind
from .appendices import appended_documents, appendix_marks, appendix_of
from .common import PLACE, who
from .legal_basis import pupils_basis

ADMIN_HINT = "обратитесь к администратору портала"
HEAD = ("№ п/п", "Наименование мероприятия", "Сроки", "Ответственный исполнитель", "Результат. Вид документа")
WIDTHS = (8, 40, 16, 18, 18)
SCHOOL_NAMES_IN_ITEM = 12  # item 1.4 names the schools when there are at most this many (the order lists all)
NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?$")
NUMBER_AND_TEXT = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3}|\d{1,2}(?=\.))\.?\s+(\S.*)$")
CONTINUATION = ("- ", "– ", "— ", "• ")


# ---------------------------------------------------------------------------------------------------------------
# The department's items: parsing one line at a time, never failing


@dataclass
class Item:
    number: str
    text: str
    deadline: str = ""
    responsible: str = ""
    result: str = ""
    section: bool = False

    def row(self) -> list[str]:
        return [self.number, self.text, self.deadline, self.responsible, self.result]


def _fields(line: str) -> list[str] | None:
    """The fields of a line: split on «|», or on tabs (a table pasted from Word); None when it has neither."""
    if "|" in line:
        return [field.strip() for field in line.split("|")]
    if "\t" in line:
        return [field.strip() for field in line.split("\t")]
    return None


def parse_item(line: str) -> Item:
    """One line of the block as a row. Never raises: what cannot be read goes, as typed, to the item column."""
    fields = _fields(line)
    if fields is None:
        match = NUMBER_AND_TEXT.match(line)
        if match:  # «2. Организационная поддержка…» typed without separators
            number = match.group(1)
            return Item(number, match.group(2), section="." not in number)
        return Item("", line)
    first = fields[0]
    if NUMBER.match(first):
        number, rest = first.rstrip("."), fields[1:]
    elif match := NUMBER_AND_TEXT.match(first):  # «1.1 Утверждение… | до 15.09 | …»
        number, rest = match.group(1), [match.group(2), *fields[1:]]
    elif not first:  # «| на уровне муниципалитета | …»: an unnumbered row
        number, rest = "", fields[1:]
    else:  # no number at all: the fields keep their order from the item column on
        number, rest = "", fields
    if len(rest) > 4:  # too many separators: the surplus stays in the last column
        rest = [*rest[:3], " | ".join(field for field in rest[3:] if field)]
    rest += [""] * (4 - len(rest))
    if not any(rest) and not number:
        return Item("", line)
    return Item(number, *rest, section=bool(number) and "." not in number)


def parse_items(text: str) -> list[Item]:
    """The block's lines as rows; «- …» lines continue the item above them."""
    items: list[Item] = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line[:2] in CONTINUATION and _fields(line) is None and items:
            items[-1].text += "\n– " + line[2:].strip()
            continue
        items.append(parse_item(line))
    return items


# ---------------------------------------------------------------------------------------------------------------
# Live data of the municipality


def schools_of(document) -> list[Organization]:
    """The municipality's educational organisations (one query; cached on the document)."""
    cached = getattr(document, "_municipal_schools", None)
    if cached is None:
        cached = list(Organization.objects.filter(municipality=document.tenant).order_by("name", "pk"))
        document._municipal_schools = cached
    return cached


def coordinator_of(municipality):
    membership = (
        Membership.objects.filter(municipality=municipality, role=Role.MUNICIPAL_COORDINATOR)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def plan_year(document) -> int:
    """The first calendar year of the school year the plan is for: the current one, or from June on the next."""
    day = document.dated or date.today()
    return day.year if day.month >= 6 else day.year - 1


def municipal_place(municipality) -> str:
    for part in (municipality.address or "").split(","):
        part = part.strip()
        if part[:2] in ("г.", "с.", "п.", "д.") or part.startswith(("пгт", "село", "город", "поселок", "посёлок")):
            return part
    return ""


def organizations_phrase(count: int) -> str:
    """«1 организация», «3 организации», «25 организаций»."""
    if count % 10 == 1 and count % 100 != 11:
        word = "организация"
    elif count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        word = "организации"
    else:
        word = "организаций"
    return f"{count} {word}"


def municipal_problems(document) -> list[str]:
    municipality = document.tenant
    problems = []
    if not (municipality.head_name or "").strip():
        problems.append(
            "Заполните ФИО руководителя органа управления образованием (им подписывается и утверждается документ): "
            f"реквизиты управления образования ведёт администратор портала — {ADMIN_HINT}."
        )
    if not schools_of(document):
        problems.append(
            "В муниципалитете пока нет ни одной образовательной организации, а документ называет школы, внедряющие "
            f"целевую модель наставничества: школы муниципалитета добавляет администратор портала — {ADMIN_HINT}."
        )
    return problems


def head_signature(municipality) -> dict:
    return {"position": municipality.head_position or "Руководитель", "name": initials_surname(municipality.head_name)}


# ---------------------------------------------------------------------------------------------------------------
# The default plan: seed 004 with the dates of the school year and generic responsible persons


DEFAULT_ITEMS = (Path(__file__).parent / "data" / "municipal_roadmap.txt").read_text(encoding="utf-8")


def default_items(document) -> str:
    """Seed 004's lines with the plan's school year and the municipality's schools filled in."""
    year = plan_year(document)
    schools = schools_of(document)
    count = organizations_phrase(len(schools))
    names = "; ".join(school.short_name or school.name for school in schools)
    listed = f"{count}: {names}" if len(schools) <= SCHOOL_NAMES_IN_ITEM else count
    return DEFAULT_ITEMS.format(year=year, next_year=year + 1, count=count, listed=listed).rstrip("\n")


ITEMS = Block(
    "items",
    "Мероприятия дорожной карты",
    "Каждое мероприятие — с новой строки, поля через « | »: № | мероприятие | сроки | ответственный исполнитель | "
    "результат, вид документа. Строка с номером без точки («1 | Нормативное правовое регулирование…») начинает "
    "раздел; строка, начинающаяся с «- », продолжает мероприятие над ней.",
    max_length=40000,
)


# ---------------------------------------------------------------------------------------------------------------
# The kinds


@kind
class MunicipalRoadmap(Kind):
    code = "municipal_roadmap"
    public = True
    unique = True
    name = "План мероприятий (дорожная карта) по внедрению целевой модели наставничества"
    level = "municipality"
    approved_by_order = True
    stamp_label = "УТВЕРЖДЁН"
    blocks = (ITEMS,)

    def missing(self, document):
        return municipal_problems(document)

    def defaults(self, document):
        return {"items": default_items(document)}

    def title(self, document):
        return "по внедрению целевой модели наставничества в образовательных организациях"

    def body(self, document, texts) -> list[dict]:
        return [
            paragraph(
                f"Сокращения: УО — {document.tenant.name}; ОО — образовательные организации; "
                "ЦМН — целевая модель наставничества."
            ),
            items_table(texts.get("items", "")),
        ]

    def content(self, document, texts) -> dict:
        """The roadmap without its approval stamp: as an appendix to the order."""
        return {
            "kind_title": "ПЛАН МЕРОПРИЯТИЙ (ДОРОЖНАЯ КАРТА)",
            "title": self.title(document),
            "blocks": self.body(document, texts),
        }

    def build(self, document, texts):
        return {"stamps": [municipal_stamp(document, self.stamp_label)], **self.content(document, texts)}


@kind
class MunicipalOrder(Kind):
    code = "municipal_order"
    public = True
    unique = True
    name = "Приказ об утверждении плана мероприятий (дорожной карты) по внедрению целевой модели наставничества"
    level = "municipality"
    is_order = True
    approves = ("municipal_roadmap",)
    blocks = (
        PLACE,
        Block("basis", "Основания", "Федеральные и региональные акты с датами и номерами."),
        Block(
            "coordinator",
            "Муниципальный координатор",
            "Кого назначить муниципальным координатором и что на него возложить; обязанности — с новой строки, "
            "начиная с «- ».",
        ),
    )

    def missing(self, document):
        return municipal_problems(document)

    def defaults(self, document):
        municipality = document.tenant
        coordinator = coordinator_of(municipality)
        appointed = who(coordinator) + "," if coordinator is not None else "____________________ (ФИО, должность)"
        return {
            "place": municipal_place(municipality),
            "basis": pupils_basis(municipality, level="municipality") + ", в целях достижения результатов "
            "федерального проекта «Современная школа» национального проекта «Образование»",
            "coordinator": (
                f"Назначить {appointed} муниципальным координатором внедрения целевой модели наставничества "
                "(далее — муниципальный координатор). Возложить на муниципального координатора:\n"
                "- взаимодействие с региональным центром наставничества и представление сводной информации о "
                "реализации целевой модели наставничества;\n"
                "- согласование дорожных карт внедрения целевой модели наставничества, разработанных "
                "образовательными организациями;\n"
                "- сбор и обобщение результатов мониторинга реализации программ наставничества в образовательных "
                "организациях."
            ),
        }

    def title(self, document):
        return "Об утверждении плана мероприятий (дорожной карты) по внедрению целевой модели наставничества"

    def build(self, document, texts):
        municipality = document.tenant
        schools = schools_of(document)
        basis = (texts.get("basis") or "").strip().rstrip(" ,.;:")
        blocks = [*(text_blocks(basis + ",") if basis else []), command()]
        blocks += point(
            1,
            "Утвердить план мероприятий (дорожную карту) по внедрению целевой модели наставничества в "
            "подведомственных образовательных организациях (приложение).",
        )
        blocks += point(
            2,
            "Утвердить перечень образовательных организаций, внедряющих целевую модель наставничества "
            f"({organizations_phrase(len(schools))}):",
        )
        blocks.append(bullets([f"{school.name};" for school in schools[:-1]] + [f"{schools[-1].name}."]))
        blocks += point(3, texts.get("coordinator") or "")
        blocks += point(
            4,
            "Руководителям образовательных организаций, указанных в пункте 2, обеспечить внедрение целевой модели "
            "наставничества в сроки, установленные планом мероприятий (дорожной картой): назначить кураторов "
            "внедрения, утвердить положения о программе наставничества и дорожные карты и представить дорожные "
            f"карты на согласование в {municipality.short_name}.",
        )
        blocks += point(5, "Контроль за исполнением настоящего приказа оставляю за собой.")
        roadmap = appended_documents(document, self.approves)[MunicipalRoadmap.code]
        return {
            "requisites": municipal_requisites(document, texts),
            "title": self.title(document),
            "blocks": blocks,
            "signature": head_signature(municipality),
            "appendices": appendix_marks(document, [appendix_of(document, roadmap)]),
        }


def items_table(text: str) -> dict:
    """The plan's table: its head, the columns' numbers and a row per item of ``text`` (a dash when none)."""
    rows = [item.row() for item in parse_items(text)] or [["", "—", "", "", ""]]
    return table(HEAD, [[str(n) for n in range(1, 6)], *rows], widths=list(WIDTHS))


def plan_content(kind_title: str, title: str, note: str, items: str) -> dict:
    """A plan of measures on landscape pages: its note (the abbreviations, the period) over the items' table."""
    return {
        "kind_title": kind_title,
        "title": title,
        "blocks": [paragraph(note), items_table(items)],
        "landscape": True,
    }


def municipal_stamp(document, label: str) -> dict:
    """«УТВЕРЖДЁН приказом Управления образования … от … № …» over a document the department's order approves."""
    return order_stamp(label, municipality_name(document.tenant, "gent"), document.dated, document.number)


def municipal_requisites(document, texts) -> dict:
    return {
        "issuer": [document.tenant.name],
        "kind": "ПРИКАЗ",
        "date": short_date(document.dated),
        "number": document.number or BLANK_NUMBER,
        "place": texts.get("place", ""),
    }


def point(number: int, text: str) -> list[dict]:
    """A numbered point of the order as paragraphs (a point may carry its own list, e.g. the schools)."""
    blocks = text_blocks(text)
    if blocks and blocks[0]["t"] == "p":
        blocks[0]["text"] = f"{number}. {blocks[0]['text']}"
    else:
        blocks.insert(0, paragraph(f"{number}."))
    return blocks
