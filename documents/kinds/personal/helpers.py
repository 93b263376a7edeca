"""The pieces the documents about one person share: the subject loaded once, names with their group or
position, the dateline, numbered headings."""

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


def with_group(person) -> str:
    group = getattr(person, "group", "")
    return f"{person.full_name}, {group}" if group else person.full_name


def mentor_line(mentor) -> str:
    position = mentor.position or mentor.get_category_display()
    if mentor.partner_id:
        position += f", {mentor.partner.name}"
    return f"{mentor.full_name}, {position}"


def dateline(document, texts) -> dict:
    """«пгт Большая Мурта, «01» сентября 2026 г.» above the text of an agreement or a consent."""
    return note(f"{texts.get('place') or default_place(document.tenant)}, {long_date(document.dated)}")


def numbered_headings(sections) -> list[dict]:
    """[(title, blocks)] as «1. Title» headings with their blocks; sections without blocks are left out."""
    blocks = []
    for number, (title, body) in enumerate([s for s in sections if s[1]], start=1):
        blocks += [heading(f"{number}. {title}"), *body]
    return blocks
