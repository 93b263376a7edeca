"""The layout of the PDF as a reader checks it with a ruler: the text starts at the ГОСТ Р 7.0.97 margin, a
landscape appendix carries its mark on its own landscape page, every page after the first has its number, and a
table's columns fill the text width exactly and hold their longest words."""

import io

import pytest
from pypdf import PdfReader

from core.rendering import renderer_for
from core.rendering.columns import layout_of
from documents.content import table
from documents.kinds import content_of
from documents.services import drafting

MM = 72 / 25.4
MUNICIPAL_HEAD = ("№ п/п", "Наименование мероприятия", "Сроки", "Ответственный исполнитель", "Результат. Вид документа")


@pytest.fixture
def pages(school, programme, curator, in_school):
    def pages(kind):
        document = drafting.create(tenant=school, kind_code=kind, actor=curator, programme=programme)
        pdf = renderer_for(kind).render({"content": content_of(document), "name": kind}, "pdf").content
        return PdfReader(io.BytesIO(pdf)).pages

    return pages


def text_left_edge(page) -> float:
    """The leftmost start of a line of text on the page, in millimetres from the paper's edge."""
    starts = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            starts.append(tm[4] * cm[0] + cm[4])

    page.extract_text(visitor_text=visit)
    return min(starts) / MM


def test_the_text_starts_at_the_left_margin_of_30_mm(pages):
    regulation = pages("regulation")
    assert text_left_edge(regulation[1]) == pytest.approx(30, abs=0.3)


def test_the_roadmap_appendix_has_its_mark_on_its_landscape_page_and_every_page_its_number(pages):
    order = pages("implementation_order")
    texts = [page.extract_text() for page in order]
    marked = [n for n, text in enumerate(texts) if "Приложение 2" in text]
    assert len(marked) == 1
    page = order[marked[0]]
    assert page.mediabox.width > page.mediabox.height  # the mark is on the landscape page itself
    assert "ДОРОЖНАЯ КАРТА" in texts[marked[0]] and "Этапы реализации" in texts[marked[0]]
    assert "Приложение 2" not in texts[marked[0] - 1]
    for number, text in enumerate(texts[1:], start=2):
        assert str(number) in text.split(), number  # the page number, centred at the top


def test_widths_are_kept_exactly_and_add_up_to_100():
    assert table(MUNICIPAL_HEAD, [], widths=(8, 40, 16, 18, 18))["widths"] == [8, 40, 16, 18, 18]  # was 105 %
    assert table(["a", "b", "c"], [], widths=(1, 1, 1))["widths"] == [34, 33, 33]
    assert table(["a", "b"], [])["widths"] is None


def test_a_column_is_widened_to_hold_its_longest_word_and_the_type_shrinks_when_they_cannot_all_fit():
    roomy = layout_of(MUNICIPAL_HEAD, [["1.1", "Утверждение состава группы", "до 15.09", "УО", "Приказ УО"]],
                      [8, 40, 16, 18, 18])  # fmt: skip
    assert sum(roomy.widths) == 100 and roomy.size == 12
    assert roomy.widths[3] > 18  # «Ответственный» in bold needs about 21 % of 165 mm
    crowded = layout_of(MUNICIPAL_HEAD, [["5.2", "Персонифицированный учёт", "установленные Минпросвещения",
                                          "Кураторы", "Профессиональные сообщества"]], [8, 40, 16, 18, 18])  # fmt: skip
    assert sum(crowded.widths) == 100 and crowded.size == 11
    landscape = layout_of(MUNICIPAL_HEAD, [["5.2", "Персонифицированный учёт", "установленные Минпросвещения",
                                            "Кураторы", "Профессиональные сообщества"]], [8, 40, 16, 18, 18],
                          landscape=True)  # fmt: skip
    assert landscape.size == 12  # a landscape page has room for them at 12 pt
