"""The pieces the documents about one person share: the subject loaded once, names with their group or
position, the dateline, numbered headings."""

from core.inflection import name_of, position_in

from ...content import (
    heading,
    long_date,
    note,
)
from ..common import default_place

SIGNATURE_HEAD = ["Сторона", "ФИО", "Подпись", "Дата"]
SIGN = "____________"


def subject_of(document, load):
    """The document's subject, loaded once per document object with the tenant-scoped manager (``load``)."""
    cached = getattr(document, "_document_subject", None)
    if cached is None or cached[0] != document.subject_id:
        found = load(document.subject_id) if document.subject_id else None
        document._document_subject = cached = (document.subject_id, found)
    return cached[1]


def with_group(person, case: str = "nomn") -> str:
    """«Петров Илья Сергеевич, 8А»: the name in ``case`` with the mentee's class, group or position."""
    group = getattr(person, "group", "")
    name = name_of(person, case)
    return f"{name}, {group}" if group else name


def mentor_position(mentor, case: str = "nomn") -> str:
    """The mentor's position inside a sentence, in ``case`` («учителю математики»), or the category when the
    position is not filled; a partner's mentor adds the organisation («инженеру, АО «Красмаш»»)."""
    position = position_in(mentor.position, case) if mentor.position else mentor.get_category_display()
    if mentor.partner_id:
        position += f", {mentor.partner.name}"
    return position


def mentor_line(mentor) -> str:
    return f"{mentor.full_name}, {mentor_position(mentor)}"


def dateline(document, texts) -> dict:
    """«пгт Большая Мурта, «01» сентября 2026 г.» above the text of an agreement or a consent."""
    return note(f"{texts.get('place') or default_place(document.tenant)}, {long_date(document.dated)}")


def numbered_headings(sections) -> list[dict]:
    """[(title, blocks)] as «1. Title» headings with their blocks; sections without blocks are left out."""
    blocks = []
    for number, (title, body) in enumerate([s for s in sections if s[1]], start=1):
        blocks += [heading(f"{number}. {title}"), *body]
    return blocks
