"""``manage.py render_documents``: every kind of a school or a municipality drawn into a folder as PDF and DOCX
(the approved version where there is one, else the draft, else a new draft from the data); a kind that cannot
be drawn is named with what to fill first, and the command fails."""

import io
import re
from io import StringIO

import docx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from documents.kinds import all_kinds

from .teachers_world import add_teachers_system

pytestmark = pytest.mark.usefixtures("_committed_world")


def run(tmp_path, *args):
    out = StringIO()
    call_command("render_documents", *args, "--out", str(tmp_path), stdout=out)
    return out.getvalue()


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def headline(kind) -> str:
    """The kind's name as its title prints it: «Положение о программе…» under «ПОЛОЖЕНИЕ о программе…», an
    order's «О внедрении…» under «ПРИКАЗ»."""
    return re.sub(r"^Приказ ", "", kind.name).casefold()


@pytest.mark.parametrize("level", ["school", "municipality"])
def test_every_kind_is_drawn_as_pdf_and_docx(world, school, teachers, tmp_path, level):
    tenant = school if level == "school" else world.municipality
    output = run(tmp_path, f"--{level}", tenant.slug)
    lines = output.strip().splitlines()
    kinds = [kind for kind in all_kinds(level) if kind.drafted]  # an approval order only once one was issued
    assert len(lines) == 2 * len(kinds)  # one line per file
    for kind in kinds:
        pdf, word = tmp_path / f"{kind.code}.pdf", tmp_path / f"{kind.code}.docx"
        assert any(line.startswith(f"{pdf}  {kind.name}: ") for line in lines), output
        assert headline(kind) in pdf_text(pdf).casefold()
        paragraphs = " ".join(p.text for p in docx.Document(io.BytesIO(word.read_bytes())).paragraphs)
        assert headline(kind) in " ".join(paragraphs.split()).casefold()


def test_the_approved_version_is_drawn_not_the_live_data(world, tmp_path):
    """The world's school roadmap is approved: its frozen text is drawn even after the data changed."""
    school = world.school
    school.address = "663060, Красноярский край, пгт Большая Мурта, ул. Советская, 1"  # the consent's operator
    school.save(update_fields=["address"])
    add_teachers_system(school, world.people[school.pk]["programme"])  # the teachers' documents need their data
    output = run(tmp_path, "--school", school.slug)
    assert "Дорожная карта внедрения целевой модели наставничества: утверждённая версия 1" in output
    approved_text = pdf_text(tmp_path / "roadmap.pdf")
    assert "приказом Школы А" in approved_text  # the school's name in the stamp when it was approved
    school.short_name = "Новая школа"
    school.save(update_fields=["short_name"])
    run(tmp_path, "--school", school.slug)
    assert pdf_text(tmp_path / "roadmap.pdf") == approved_text
    assert "приказом Новой школы" in pdf_text(tmp_path / "regulation.pdf")  # no regulation yet: a draft from the data


def test_a_missing_requisite_fails_naming_what_to_fill(school, tmp_path):
    school.director_name = ""
    school.save(update_fields=["director_name"])
    out = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("render_documents", "--school", school.slug, "--out", str(tmp_path), stdout=out)
    assert failure.value.returncode == 1  # the exit status of manage.py
    printed = out.getvalue()
    assert "regulation: не сформирован — Положение о программе наставничества." in printed
    assert "Укажите ФИО руководителя школы («Документы» → «Реквизиты школы»)." in printed
    assert "regulation" in str(failure.value)
    assert not (tmp_path / "regulation.pdf").exists()


def test_an_unknown_school_is_an_error(db, tmp_path):
    with pytest.raises(CommandError, match="Нет школы с адресом «nowhere»"):
        run(tmp_path, "--school", "nowhere")
