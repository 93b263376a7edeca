"""Every document kind as LibreOffice opens its DOCX: the same number of pages as our PDF (±1), tables that keep
their widths (a grid, cell widths, a repeated header row), page numbers in every section, and no word broken
inside a table cell.

Every registered kind is composed from the test world (School A's programme, the Bolshaya Murta department), drawn
as PDF and DOCX, and all the DOCX files are converted to PDF by one ``soffice --headless`` call with a private
user profile (parallel runs do not share one).

How a broken word is found: a word that does not fit its column is split across two lines of the cell
(«Ответственны» / «й»), so the PDF's text no longer holds it whole. For every word of every table cell we count
its occurrences (as a substring) in the whole text of the DOCX and in the text of the PDF as pypdf extracts it
(line by line): the PDF must hold each at least as often (a repeated header row only adds to it). A hyphenated
word may wrap after its hyphen, so its parts are counted apart. This checks what a reader sees on the page, in
LibreOffice's PDF and in ours, whatever the fonts and the widths that led to it.
"""

import io
import re
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from core.rendering import renderer_for
from core.roles import Role
from core.tenancy import tenant_scope
from documents.kinds import MissingData, all_kinds, content_of, kind_of
from documents.models import Document
from documents.services import drafting, workflow

pytestmark = pytest.mark.usefixtures("_committed_world")

SOFFICE = shutil.which("soffice") or "soffice"
WORD = re.compile(r"[^\W\d_]+-?", re.UNICODE)  # letters, with a hyphen after which the word may wrap


def compose_every_kind(world, school, programme) -> tuple[dict[str, dict], list[str]]:
    """The content of every registered kind, drawn from the test world; and what refused to be drawn."""
    contents, refused = {}, []
    for kind in all_kinds():
        if kind.level == "school":
            tenant, of_programme, actor = school, programme, world.users[Role.CURATOR]
        else:
            tenant, of_programme, actor = world.municipality, None, world.users[Role.MUNICIPAL_SPECIALIST]
        with tenant_scope(tenant):
            if not kind.drafted:  # an order the portal issues when a document is approved on its own
                contents[kind.code] = content_of(issued_order(world, tenant, kind, of_programme))
                continue
            try:
                subjects = kind.subjects(of_programme) if kind.subject else []
                subject = subjects[0][0] if subjects else None
                try:
                    document = drafting.create(
                        tenant=tenant, kind_code=kind.code, actor=actor, programme=of_programme, subject_id=subject
                    )
                except drafting.DocumentExists as exists:
                    document = exists.document
                contents[kind.code] = content_of(document)
            except (MissingData, drafting.DocumentRefused) as error:
                refused.append(f"{kind.code}: {error}")
    return contents, refused


def issued_order(world, tenant, kind, programme) -> Document:
    """The tenant's order of ``kind`` (an order approving a regulation or a roadmap on its own): the one the world
    has, else one issued by approving a new version of the tenant's first approved document of such a kind."""
    issued = Document.owned.filter(kind=kind.code).first()
    if issued is not None:
        return issued
    school = kind.level == "school"
    author = world.users[Role.CURATOR if school else Role.MUNICIPAL_SPECIALIST]
    approver, role = (world.users[Role.DIRECTOR], Role.DIRECTOR) if school else (
        world.users[Role.MUNICIPAL_COORDINATOR], Role.MUNICIPAL_COORDINATOR
    )  # fmt: skip
    codes = [other.code for other in all_kinds(kind.level) if other.approved_by_order]
    approved = Document.owned.filter(kind__in=codes, versions__isnull=False).order_by("pk").first()
    if approved is None:  # approve the order that has such a document as its appendix first
        order_kind = next(other for other in all_kinds(kind.level) if set(other.approves) & set(codes))
        order = drafting.create(tenant=tenant, kind_code=order_kind.code, actor=author, programme=programme)
        workflow.send_for_approval(order, actor=author)
        workflow.approve(order, actor=approver, roles=frozenset({role}))
        approved = Document.owned.filter(kind__in=codes, versions__isnull=False).order_by("pk").first()
    first_block = kind_of(approved.kind).blocks[0].key
    approved = drafting.update_texts(approved, {first_block: "Новая редакция."}, actor=author)
    workflow.send_for_approval(approved, actor=author)
    workflow.approve(approved, actor=approver, roles=frozenset({role}))
    return Document.owned.get(kind=kind.code)


def pdf_pages_and_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def docx_text_and_table_words(data: bytes) -> tuple[str, set[str]]:
    word = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in word.paragraphs]
    table_words: set[str] = set()
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
                table_words.update(WORD.findall(cell.text))
    return "\n".join(parts), table_words


def broken_words(source_text: str, words: set[str], pdf_text: str) -> list[str]:
    """The table words the PDF holds whole fewer times than the source does."""
    return sorted(word_ for word_ in words if pdf_text.count(word_) < source_text.count(word_))


def table_layout_problems(data: bytes) -> list[str]:
    """What LibreOffice would have to guess: a table without its grid, a cell without its width, a header row
    that does not repeat; and a section without its page number."""
    word = docx.Document(io.BytesIO(data))
    problems = []
    for n, table in enumerate(word.tables):
        tbl = table._tbl
        grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
        if not grid or len(grid) != len(table.columns):
            problems.append(f"table {n}: no grid")
        widths = tbl.xpath("./w:tr/w:tc/w:tcPr/w:tcW/@w:w")
        if len(widths) != len(tbl.xpath("./w:tr/w:tc")):
            problems.append(f"table {n}: a cell without its width")
        if tbl.xpath("./w:tblPr/w:tblStyle") and not tbl.xpath("./w:tr[1]/w:trPr/w:tblHeader"):
            problems.append(f"table {n}: the header row does not repeat")
    for n, section in enumerate(word.sections):
        if "PAGE" not in "".join(section.header._element.xpath(".//w:instrText/text()")):
            problems.append(f"section {n}: no page number")
    return problems


def test_every_kind_opens_in_libreoffice_as_our_pdf(world, school, programme, teachers, tmp_path):
    contents, refused = compose_every_kind(world, school, programme)
    assert not refused, "Kinds the test world cannot draw (give the world their data): " + "; ".join(refused)
    assert {"regulation", "implementation_order", "roadmap", "municipal_order", "municipal_roadmap"} <= set(contents)
    ours, converted = tmp_path / "ours", tmp_path / "libreoffice"
    ours.mkdir()
    for code, content in contents.items():
        for fmt in ("pdf", "docx"):
            rendered = renderer_for(code).render({"content": content, "name": code}, fmt)
            (ours / f"{code}.{fmt}").write_bytes(rendered.content)

    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(converted), *sorted(str(path) for path in ours.glob("*.docx"))],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip

    failures = []
    for code in sorted(contents):
        word = (ours / f"{code}.docx").read_bytes()
        our_pages, our_text = pdf_pages_and_text((ours / f"{code}.pdf").read_bytes())
        their_pages, their_text = pdf_pages_and_text((converted / f"{code}.pdf").read_bytes())
        if abs(our_pages - their_pages) > 1:
            failures.append(f"{code}: {our_pages} pages in our PDF, {their_pages} in LibreOffice")
        source_text, table_words = docx_text_and_table_words(word)
        for drawn_by, text in (("LibreOffice", their_text), ("our PDF", our_text)):
            broken = broken_words(source_text, table_words, text)
            if broken:
                failures.append(f"{code}: words broken inside a table cell in {drawn_by}: {', '.join(broken[:10])}")
        failures += [f"{code}: {problem}" for problem in table_layout_problems(word)]
    assert not failures, "\n".join(failures)
