"""DOCX from a document's content tree (documents/content.py), for those who must still edit in Word.

It draws the same tree the PDF does, with the same ГОСТ Р 7.0.97 layout: A4, margins 20/15/20/30 mm, Times New
Roman 14 pt, first-line indent 1.25 cm, page numbers centred at the top, approval stamps on the right.
"""

import io

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"


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
    style.paragraph_format.line_spacing = 1.15
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.different_first_page_header_footer = True
    _page_number(section.header.paragraphs[0])


def _landscape(section) -> None:
    if section.orientation != WD_ORIENT.LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width


def _portrait(section) -> None:
    if section.orientation != WD_ORIENT.PORTRAIT:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = section.page_height, section.page_width


def _page_number(paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _para(word, text="", *, align=None, bold=False, indent=False, size=None, spacing=None):
    paragraph = word.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if spacing:
            element = OxmlElement("w:spacing")
            element.set(qn("w:val"), str(spacing))
            run._r.get_or_add_rPr().append(element)
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.25)
    return paragraph


def _draw(word, content: dict) -> None:
    if content.get("landscape"):
        _landscape(word.sections[-1])
    requisites = content.get("requisites")
    if requisites:
        for line in requisites.get("issuer", []):
            _para(word, line, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        if requisites.get("kind"):
            _para(word)
            _para(word, requisites["kind"], align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, spacing=40)
        dateline = word.add_table(rows=1, cols=3)
        number = f"№ {requisites['number']}" if requisites.get("number") else ""
        for cell, text, align in zip(
            dateline.rows[0].cells,
            (requisites.get("date", ""), requisites.get("place", ""), number),
            (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT),
            strict=True,
        ):
            cell.paragraphs[0].text = text
            cell.paragraphs[0].alignment = align
        _para(word)
    for stamp in content.get("stamps", []):
        paragraph = _para(word, stamp["label"], bold=True)
        paragraph.paragraph_format.left_indent = Cm(9)
        for line in stamp["lines"]:
            _para(word, line).paragraph_format.left_indent = Cm(9)
        _para(word)
    if content.get("kind_title"):
        if content.get("title_page"):
            for _ in range(8):
                _para(word)
        _para(word, content["kind_title"], align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, spacing=20)
    _para(word, content.get("title", ""), align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    if content.get("title_page"):
        for _ in range(10):
            _para(word)
        for line in content.get("cover_lines", []):
            _para(word, line, align=WD_ALIGN_PARAGRAPH.CENTER)
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    else:
        _para(word)
    for block in content.get("blocks", []):
        _block(word, block)
    signature = content.get("signature")
    if signature:
        _para(word)
        table = word.add_table(rows=1, cols=2)
        table.rows[0].cells[0].paragraphs[0].text = signature["position"]
        table.rows[0].cells[1].paragraphs[0].text = signature["name"]
        table.rows[0].cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for item in content.get("appendices", []):
        section = word.add_section(WD_SECTION.NEW_PAGE)
        _portrait(section)
        for line in item["mark"]:
            _para(word, line).paragraph_format.left_indent = Cm(9)
        _para(word)
        _draw(word, item["content"])


def _block(word, block: dict) -> None:
    section = word.sections[-1]
    text_width = (section.page_width - section.left_margin - section.right_margin) / Cm(1)
    kind = block["t"]
    if kind == "h":
        _para(word, block["text"], align=WD_ALIGN_PARAGRAPH.CENTER, bold=True).paragraph_format.keep_with_next = True
    elif kind == "p":
        _para(word, block["text"], align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
    elif kind == "command":
        _para(word, block["text"], bold=True, spacing=20)
    elif kind == "note":
        _para(word, block["text"], size=11)
    elif kind == "list":
        for number, item in enumerate(block["items"], start=1):
            marker = f"{number}. " if block["style"] == "num" else "– "
            _para(word, marker + item, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
    elif kind == "table":
        table = word.add_table(rows=1, cols=len(block["head"]))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, block["head"], strict=True):
            cell.paragraphs[0].text = text
            cell.paragraphs[0].runs[0].bold = True
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for row in block["rows"]:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.paragraphs[0].text = text
        widths = block.get("widths")
        if widths:
            table.autofit = False
            for row in table.rows:
                for cell, width in zip(row.cells, widths, strict=True):
                    cell.width = Cm(text_width * width / sum(widths))
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(12)
        _para(word)
