"""DOCX from a document's content tree (documents/content.py), for those who must still edit in Word.

It draws the same tree the PDF does, with the same ГОСТ Р 7.0.97 layout: A4, margins 20/15/20/30 mm, Times New
Roman 14 pt, first-line indent 1.25 cm, page numbers centred at the top from the second page (appendices
included), approval stamps on the right, landscape sections for wide tables.

Word, LibreOffice, Р7-Офис and МойОфис must all draw it alike, so nothing is left to an application's
automatic layout: every table has its grid (``w:tblGrid``) and each cell its width (``w:tcW``) from
``core.rendering.columns`` — the widths the PDF uses —, a fixed layout, and a header row that repeats on every
page (``w:tblHeader``). Tables are written as XML directly: python-docx's table objects cost more than the rest
of the document.
"""

import io

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .columns import layout_of

FONT = "Times New Roman"
TWIPS_PER_CM = 1440 / 2.54
STAMP_WIDTH = Cm(8.5)
APPENDIX_MARK_AT = 0.55  # of the text width, as the PDF's margin-left: 55%
CENTER, LEFT, RIGHT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)


def content_to_docx(content: dict) -> bytes:
    word = WordDocument()
    _setup(word)
    _draw(word, content)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _setup(word) -> None:
    style = word.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(0)
    # Single spacing: the line height of Times New Roman is 1.15 em, the PDF's line-height.
    style.paragraph_format.line_spacing = 1.0
    style.paragraph_format.widow_control = True
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.header_distance = Cm(1)
    section.different_first_page_header_footer = True  # the first page carries no number
    _page_number(section)


def _page_number(section) -> None:
    """The section's own header: the page number, centred (a landscape section is a page style of its own in
    LibreOffice, so every section gets its header rather than inheriting one)."""
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = CENTER
    run = paragraph.add_run()
    run.font.size = Pt(12)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar", {qn("w:fldCharType"): kind})
        else:
            element = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
            element.text = text
        run._r.append(element)


def _new_section(word, *, landscape: bool):
    """A section from a new page for an appendix: numbered on every page, portrait or landscape. The break is
    carried by the last paragraph of the section before, so no empty line is added at its end."""
    body = word.element.body
    sentinel = body.get_or_add_sectPr()
    last = body[-2] if len(body) > 1 else None
    if last is None or last.tag != qn("w:p"):
        last = _spacer(word)._p
    last.get_or_add_pPr().append(sentinel.clone())
    for reference in sentinel.xpath("w:headerReference|w:footerReference"):
        sentinel.remove(reference)
    section = word.sections[-1]
    section.different_first_page_header_footer = False
    width, height = sorted((section.page_width, section.page_height), reverse=landscape)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    _page_number(section)
    return section


def _spacer(word):
    """An empty paragraph one point high (after a table, where a paragraph must follow)."""
    paragraph = word.add_paragraph()
    paragraph.paragraph_format.line_spacing = Pt(1)
    mark = OxmlElement("w:rPr")
    mark.append(OxmlElement("w:sz", {qn("w:val"): "2"}))
    paragraph._p.get_or_add_pPr().append(mark)
    return paragraph


def _para(word, text="", *, align=None, bold=False, indent=False, size=None, spacing=None, keep=False):
    paragraph = word.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        if spacing:  # letter spacing, in twentieths of a point (before w:sz in the run's properties)
            run._r.get_or_add_rPr().append(OxmlElement("w:spacing", {qn("w:val"): str(spacing)}))
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.25)
    if keep:
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _text_width(word) -> int:
    section = word.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def _draw(word, content: dict) -> None:
    if content.get("landscape") and word.sections[-1].orientation != WD_ORIENT.LANDSCAPE:
        section = word.sections[-1]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    requisites = content.get("requisites")
    if requisites:
        for line in requisites.get("issuer", []):
            _para(word, line, align=CENTER, bold=True)
        if requisites.get("kind"):
            _para(word, requisites["kind"], align=CENTER, bold=True, spacing=40).paragraph_format.space_before = Pt(11)
        number = f"№ {requisites['number']}" if requisites.get("number") else ""
        cells = [requisites.get("date", ""), requisites.get("place", ""), number]
        _grid(word, [cells], [33, 34, 33], aligns=(LEFT, CENTER, RIGHT), size=14)
        _para(word)
    stamp_indent = _text_width(word) - STAMP_WIDTH
    for stamp in content.get("stamps", []):
        _para(word, stamp["label"], bold=True).paragraph_format.left_indent = stamp_indent
        for line in stamp["lines"]:
            _para(word, line).paragraph_format.left_indent = stamp_indent
        _para(word)
    if content.get("kind_title"):
        kind_title = _para(word, content["kind_title"], align=CENTER, bold=True, spacing=20, keep=True)
        if content.get("title_page"):
            kind_title.paragraph_format.space_before = Cm(6)
            kind_title.runs[0].font.size = Pt(18)
    title = _para(word, content.get("title", ""), align=CENTER, bold=True, keep=True)
    title.paragraph_format.space_after = Pt(14)
    if content.get("title_page"):
        lines = content.get("cover_lines", [])
        for n, line in enumerate(lines):
            cover = _para(word, line, align=CENTER)
            if n == 0:
                cover.paragraph_format.space_before = Cm(10)
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for block in content.get("blocks", []):
        _block(word, block, landscape=bool(content.get("landscape")))
    signature = content.get("signature")
    if signature:
        last = word.element.body[-2]
        if last.tag == qn("w:p"):  # the signature is not left alone on a page
            last.get_or_add_pPr().get_or_add_keepNext()
        _para(word, keep=True)
        _grid(word, [[signature["position"], "", signature["name"]]], [33, 34, 33], aligns=(LEFT, LEFT, RIGHT), size=14)
    for item in content.get("appendices", []):
        _new_section(word, landscape=bool(item["content"].get("landscape")))
        mark_indent = int(_text_width(word) * APPENDIX_MARK_AT)
        for line in item["mark"]:
            _para(word, line, keep=True).paragraph_format.left_indent = mark_indent
        _para(word, keep=True)
        _draw(word, item["content"])


def _block(word, block: dict, *, landscape: bool) -> None:
    kind = block["t"]
    if kind == "h":
        heading = _para(word, block["text"], align=CENTER, bold=True, keep=True)
        heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(14), Pt(7)
    elif kind == "p":
        text = block["text"]
        paragraph = _para(word, text, align=JUSTIFY, indent=True, keep=text.endswith(":"))
        paragraph.paragraph_format.space_after = Pt(3.5)
    elif kind == "command":
        command = _para(word, block["text"], bold=True, spacing=20, keep=True)
        command.paragraph_format.space_before = command.paragraph_format.space_after = Pt(8)
    elif kind == "note":
        _para(word, block["text"], size=11)
    elif kind == "list":
        items = block["items"]
        for number, text in enumerate(items, start=1):
            marker = f"{number}. " if block["style"] == "num" else "– "
            # Neither the first item nor the last is left alone on a page.
            item = _para(word, marker + text, align=JUSTIFY, indent=True, keep=number in (1, len(items) - 1))
            if number == len(items):
                item.paragraph_format.space_after = Pt(5.5)
    elif kind == "table":
        layout = layout_of(block["head"], block["rows"], block.get("widths"), landscape=landscape)
        _grid(word, [block["head"], *block["rows"]], layout.widths, head=True, borders=True, size=layout.size)
        _para(word)


def _grid(word, rows, percents, *, head=False, borders=False, aligns=(), size=14):
    """A table as wide as the text: its grid and every cell's width in twips, a fixed layout, the first row a
    bold centred header repeated on each page (``head``); without ``borders`` the cells have no padding either."""
    total = round(_text_width(word) / 635)  # EMU to twips
    widths = [total * percent // 100 for percent in percents]
    widths[-1] += total - sum(widths)
    margins = (_el(f"w:{side}", w=value if borders else 0, type="dxa") for side, value in CELL_MARGINS)
    properties = _el(
        "w:tblPr",
        *([_el("w:tblStyle", val="TableGrid")] if borders else []),
        _el("w:tblW", w=total, type="dxa"),
        _el("w:jc", val="center"),
        _el("w:tblLayout", type="fixed"),
        _el("w:tblCellMar", *margins),
        _el("w:tblLook", val="0000"),
    )
    table = _el("w:tbl", properties, _el("w:tblGrid", *(_el("w:gridCol", w=width) for width in widths)))
    columns = len(widths)
    for n, cells in enumerate(rows):
        is_head = head and n == 0
        row = _el("w:tr", _el("w:trPr", _el("w:tblHeader"))) if is_head else _el("w:tr")
        for k in range(columns):
            text = cells[k] if k < len(cells) else ""
            align = "center" if is_head else _JC.get(aligns[k] if k < len(aligns) else LEFT, "left")
            row.append(
                _el(
                    "w:tc",
                    _el("w:tcPr", _el("w:tcW", w=widths[k], type="dxa")),
                    *_cell_paragraphs(str(text), align, bold=is_head, size=size),
                )
            )
        table.append(row)
    word.element.body._insert_tbl(table)


CELL_MARGINS = (("top", 40), ("left", 80), ("bottom", 40), ("right", 80))  # 2 pt and 4 pt, as the PDF's padding
_JC = {LEFT: "left", CENTER: "center", RIGHT: "right", JUSTIFY: "both"}


def _cell_paragraphs(text: str, align: str, *, bold: bool, size: float) -> list:
    """A cell's text, a paragraph per line: each item of a roadmap stage's activities is a paragraph of its own,
    which widow control keeps whole where a row runs onto the next page (Word; LibreOffice 7.4 does not apply
    widow control inside a table cell)."""
    paragraphs = []
    for line in text.split("\n"):
        paragraph = _el("w:p", _el("w:pPr", _el("w:jc", val=align), _run_properties(bold, size)))
        if line:
            piece = _el("w:t")
            piece.set(qn("xml:space"), "preserve")
            piece.text = line
            paragraph.append(_el("w:r", _run_properties(bold, size), piece))
        paragraphs.append(paragraph)
    return paragraphs


def _run_properties(bold: bool, size: float):
    return _el("w:rPr", *([_el("w:b")] if bold else []), *([_el("w:sz", val=round(size * 2))] if size != 14 else []))


def _el(tag: str, *children, **attributes):
    """A WordprocessingML element: ``_el("w:tcW", w=2000, type="dxa")``."""
    element = OxmlElement(tag, {qn(f"w:{key}"): str(value) for key, value in attributes.items()})
    element.extend(children)
    return element
