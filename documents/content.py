"""The content of a document: one JSON-serialisable tree that the HTML preview, the PDF and the DOCX are
all drawn from (a frozen version stores exactly this tree).

A content is a dict::

    {
      "requisites": {"issuer": [lines], "kind": "ПРИКАЗ", "date": "01.09.2026", "number": "12", "place": "…"},
      "stamps": [{"label": "УТВЕРЖДЕНО", "lines": [...]}],  # top right, ГОСТ Р 7.0.97 approval marks
      "title_page": False,                                  # stamps and title alone on the first page
      "landscape": False,                                   # landscape pages (a wide table)
      "kind_title": "ПОЛОЖЕНИЕ",                            # a document's kind above its title (no requisites)
      "title": "О внедрении целевой модели наставничества",
      "blocks": [block, ...],
      "signature": {"position": "Директор", "name": "О.И. Петрова"},
      "appendices": [{"mark": ["Приложение 1", "к приказу от … № …"], "content": {...}}],
    }

and a block is one of ``{"t": "h", "text"}`` (a section heading), ``{"t": "p", "text"}`` (a paragraph with
first-line indent), ``{"t": "command", "text"}`` (ПРИКАЗЫВАЮ:), ``{"t": "list", "items": [...], "style":
"num" | "bullet"}``, ``{"t": "table", "head": [...], "rows": [[...]], "widths": [...]}`` and
``{"t": "note", "text"}`` (small print, e.g. a line for a signature).
"""

from datetime import date

from core.rendering.columns import percentages

MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
BLANK_DATE = "«__» ________ 20__ г."
BLANK_NUMBER = "______"


def heading(text: str) -> dict:
    return {"t": "h", "text": text}


def paragraph(text: str) -> dict:
    return {"t": "p", "text": text}


def command(text: str = "ПРИКАЗЫВАЮ:") -> dict:
    return {"t": "command", "text": text}


def numbered(items) -> dict:
    return {"t": "list", "style": "num", "items": [item for item in items if item]}


def bullets(items) -> dict:
    return {"t": "list", "style": "bullet", "items": [item for item in items if item]}


def table(head, rows, widths=None) -> dict:
    """A table; ``widths`` are the columns' relative widths, kept as whole percentages adding up to exactly 100.
    The PDF, the preview and the DOCX draw them widened where a column's longest word would not fit
    (``core.rendering.columns``); a table without widths is laid out by the length of its text."""
    return {
        "t": "table",
        "head": list(head),
        "rows": [[str(cell) for cell in row] for row in rows],
        "widths": percentages(widths) if widths else None,
    }


def note(text: str) -> dict:
    return {"t": "note", "text": text}


def text_blocks(text: str) -> list[dict]:
    """A text typed by a user as blocks: each line a paragraph; consecutive lines starting with "- " or "– "
    a bulleted list. Nothing in the text is markup: it is escaped wherever it is drawn."""
    blocks: list[dict] = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line[:2] in ("- ", "– ", "— ", "• "):
            item = line[2:].strip()
            if blocks and blocks[-1]["t"] == "list" and blocks[-1]["style"] == "bullet":
                blocks[-1]["items"].append(item)
            else:
                blocks.append(bullets([item]))
        else:
            blocks.append(paragraph(line))
    return blocks


def long_date(value: date | None) -> str:
    """«24» февраля 2021 г. — or a blank to fill by hand."""
    if value is None:
        return BLANK_DATE
    return f"«{value.day:02d}» {MONTHS[value.month - 1]} {value.year} г."


def short_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else BLANK_DATE


def initials_surname(full_name: str) -> str:
    """«Петрова Ольга Ивановна» → «О.И. Петрова» (the signature form of ГОСТ Р 7.0.97); a name already written
    with initials («Е.В. Смирнова», «Смирнова Е.В.») is kept as it is."""
    if "." in full_name:
        return full_name
    parts = full_name.split()
    if len(parts) < 2:
        return full_name
    surname, *names = parts
    return "".join(f"{name[0]}." for name in names) + " " + surname


def order_stamp(label: str, issuer: str, dated: date | None, number: str) -> dict:
    """«УТВЕРЖДЕНО приказом МБОУ «СШ №40» от 02.12.2026 № 3»: a document approved by an order cites it (a blank
    date and number until the order is signed)."""
    when = f"от {short_date(dated)} № {number}" if dated and number else f"от {BLANK_DATE} № {BLANK_NUMBER}"
    return {"label": label, "lines": [f"приказом {issuer}", when]}


def agreement_stamp(position: str, organization: str, name: str, dated: date | None) -> dict:
    """«СОГЛАСОВАНО» of the municipal department."""
    return {
        "label": "СОГЛАСОВАНО",
        "lines": [
            position,
            organization,
            f"_____________ {initials_surname(name) if name else '______________'}",
            long_date(dated),
        ],
    }


def appendix(number: int, order_date: date | None, order_number: str, content: dict, of: str = "приказу") -> dict:
    """An appendix with its mark: «Приложение 1 к приказу от 01.09.2026 № 12»."""
    return {
        "mark": [f"Приложение {number}", f"к {of} от {short_date(order_date)} № {order_number or BLANK_NUMBER}"],
        "content": content,
    }


def plain_text(content: dict) -> str:
    """Every word of a content, in reading order (for search and for tests that read a preview)."""
    parts: list[str] = []
    requisites = content.get("requisites") or {}
    parts += requisites.get("issuer", [])
    parts += [requisites.get(key, "") for key in ("kind", "date", "number", "place")]
    for stamp in content.get("stamps", []):
        parts += [stamp["label"], *stamp["lines"]]
    parts += [content.get("kind_title", ""), content.get("title", "")]
    for block in content.get("blocks", []):
        if block["t"] == "list":
            parts += block["items"]
        elif block["t"] == "table":
            parts += block["head"] + [cell for row in block["rows"] for cell in row]
        else:
            parts.append(block["text"])
    signature = content.get("signature")
    if signature:
        parts += [signature["position"], signature["name"]]
    for item in content.get("appendices", []):
        parts += item["mark"]
        parts.append(plain_text(item["content"]))
    return "\n".join(part for part in parts if part)
