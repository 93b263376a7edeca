"""The legal basis an order or a regulation cites: the federal acts (with their dates and numbers, from a data
file), the region's acts (requisites of the region, entered once for all its municipalities and schools) and the
municipality's: its order on the target model approved in the portal when there is one, else the acts the
department entered in its requisites."""

from functools import cache
from pathlib import Path

from core.inflection import municipality_name, phrase
from core.tenancy import own_rows_scope

from ..content import short_date

FEDERAL_ACTS_FILE = Path(__file__).parent / "data" / "federal_acts.txt"
MUNICIPAL_ORDER = "municipal_order"
# The basis of an order on the teachers' system of mentoring, without its purpose (the kind adds it).
TEACHERS_BASIS = (
    "В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации, Методическими рекомендациями по "
    "разработке и внедрению системы (целевой модели) наставничества педагогических работников в образовательных "
    "организациях (письмо Министерства просвещения Российской Федерации от 21.12.2021 № АЗ-1128/08)"
)


@cache
def federal_acts() -> dict[str, str]:
    """The federal acts by key, in the nominative («распоряжение Министерства просвещения … № Р-145 «…»»)."""
    acts = {}
    for line in FEDERAL_ACTS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, act = (part.strip() for part in line.split("|", 1))
            acts[key] = act
    return acts


def federal_act(key: str, case: str = "nomn") -> str:
    return phrase(federal_acts()[key], case)


def act_lines(text: str) -> list[str]:
    """The acts typed in requisites, one per line, without the list marks and trailing punctuation."""
    lines = []
    for raw in (text or "").splitlines():
        line = raw.strip().lstrip("-–—•").strip().rstrip(";,.")
        if line:
            lines.append(line)
    return lines


def regional_acts(region, case: str = "nomn") -> list[str]:
    return [phrase(act, case) for act in act_lines(region.acts)] if region is not None else []


def municipal_order_act(municipality, case: str = "nomn") -> str:
    """The department's order on the target model as approved in the portal, as an act to cite («приказ
    Управления образования … от 24.02.2021 № 38 «Об утверждении …»»), or "" when it has none.

    A school's document reads it from the municipality's own rows: an approved order is a published act, and
    this is the one reviewed read of a municipal row from a school (core/tenancy.py lists it)."""
    from documents.models import Document

    frozen = (Document.Status.APPROVED, Document.Status.AGREED)
    with own_rows_scope(municipality):
        order = (
            Document.owned.filter(kind=MUNICIPAL_ORDER, status__in=frozen, number__gt="")
            .order_by("-dated", "-pk")
            .values("dated", "number", "title")
            .first()
        )
    if order is None:
        return ""
    issuer = municipality_name(municipality, "gent")
    act = f"приказ {issuer} от {short_date(order['dated'])} № {order['number']} «{order['title']}»"
    return phrase(act, case)


def municipal_acts(municipality, case: str = "nomn") -> list[str]:
    """The municipality's approved order from the portal, else the acts typed in its requisites."""
    cited = municipal_order_act(municipality, case)
    if cited:
        return [cited]
    return [phrase(act, case) for act in act_lines(municipality.acts)]


def pupils_basis(tenant, *, level: str = "school") -> str:
    """«В соответствии с распоряжением … № Р-145 «…», приказом министерства образования … края …, приказом
    Управления образования … » — the basis of an order on the pupils' target model, without the closing
    comma (the kind adds the purpose and «ПРИКАЗЫВАЮ:»)."""
    municipality = tenant.municipality if level == "school" else tenant
    acts = [federal_act("R145", "ablt"), *regional_acts(municipality.region, "ablt")]
    if level == "school":
        acts += municipal_acts(municipality, "ablt")
    return "В соответствии с " + ", ".join(acts)
