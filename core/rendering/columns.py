"""Column widths of a document's tables, one answer for the PDF, the preview and the DOCX.

A table of the content tree (documents/content.py) may give its columns' relative widths; the widths drawn are
whole percentages of the text width that add up to exactly 100, and no column is narrower than its longest
word (measured in Liberation Serif, the font of the documents, bold in the header), so that no word is broken
inside — neither by WeasyPrint nor by Word or LibreOffice, which draw the same widths from the DOCX grid. A table
whose longest words do not all fit at 12 pt is set in 11 or 10 pt. A table without widths gets the widths a
browser's automatic layout would give it: every column at least its longest word, the rest shared in proportion
to how long its text runs.
"""

import math
import re
from functools import lru_cache
from typing import NamedTuple

from .metrics import text_width

# The text width of an A4 page with the margins of ГОСТ Р 7.0.97 (20/15/20/30 mm), in points.
MM = 72 / 25.4
PORTRAIT_WIDTH = (210 - 30 - 15) * MM
LANDSCAPE_WIDTH = (297 - 30 - 15) * MM
# Table text: 12 pt in the DOCX (0.85 × 14 pt = 11.9 pt in the PDF), smaller in a table whose longest words do
# not fit otherwise; a cell's padding is 4 pt each side, its border 0.5 pt, and 1.5 pt more keeps a word that
# just fits from wrapping on a rounding.
SIZES = (12, 11, 10)
EM = 1000  # words are measured in thousandths of a point per point of type size
CELL_EXTRA = 4 + 4 + 0.5 + 1.5
# Words: text between spaces; a hyphenated word may wrap after its hyphen.
WORD = re.compile(r"[^\s-]*-+|[^\s-]+")


class Layout(NamedTuple):
    """How a table is drawn: its columns' widths in whole percent of the text width (adding up to 100) and the
    size of its type in points."""

    widths: list[int]
    size: int


def layout_of(head, rows, widths=None, *, landscape=False) -> Layout:
    """The table in the largest of ``SIZES`` at which every column holds its longest word."""
    columns = len(head)
    if not columns:
        return Layout([], SIZES[0])
    available = LANDSCAPE_WIDTH if landscape else PORTRAIT_WIDTH
    cells = [[row[n] if n < len(row) else "" for row in rows] for n in range(columns)]
    words = [
        max(_longest_word(head[n], bold=True), *(_longest_word(text) for text in cells[n]), 0) for n in range(columns)
    ]
    size = next((size for size in SIZES if _least(words, size, available) <= 100), SIZES[-1])
    scale = size / EM
    least = [width * scale + CELL_EXTRA for width in words]
    if widths and len(widths) == columns and sum(widths) > 0:
        points = _share(available, least, [max(float(w), 0.0) for w in widths])
    else:
        most = [
            max(_longest_line(head[n], bold=True), *(_longest_line(text) for text in cells[n]), 0) * scale + CELL_EXTRA
            for n in range(columns)
        ]
        points = _auto(available, least, most)
    return Layout(percentages(points, least=[100 * width / available for width in least]), size)


def _least(words: list[float], size: int, available: float) -> int:
    """The whole percentages the columns need at ``size`` points to hold their longest words."""
    return sum(math.ceil(100 * (width * size / EM + CELL_EXTRA) / available) for width in words)


def _share(available: float, least: list[float], wanted: list[float]) -> list[float]:
    """The wanted proportions; a column that would be narrower than its longest word gets exactly that width,
    and the others share what is left in their proportions."""
    if sum(least) >= available:
        return [available * width / sum(least) for width in least]
    fixed: set[int] = set()
    while True:
        free = [n for n in range(len(least)) if n not in fixed]
        rest = available - sum(least[n] for n in fixed)
        total = sum(wanted[n] for n in free)
        points = [
            least[n] if n in fixed else (rest * wanted[n] / total if total else rest / len(free))
            for n in range(len(least))
        ]
        narrow = [n for n in free if points[n] < least[n]]
        if not narrow:
            return points
        fixed.update(narrow)


def _auto(available: float, least: list[float], most: list[float]) -> list[float]:
    """The automatic table layout of CSS 2.1 for a table as wide as the text."""
    if sum(most) <= available:
        return [available * width / sum(most) for width in most]
    if sum(least) >= available:
        return [available * width / sum(least) for width in least]
    room = (available - sum(least)) / (sum(most) - sum(least))
    return [low + (high - low) * room for low, high in zip(least, most, strict=True)]


def percentages(values, least=()) -> list[int]:
    """``values`` as whole percentages of their sum adding up to exactly 100 (largest remainders); none below
    its ``least`` percentage when the least ones fit."""
    values = [max(float(value), 0.0) for value in values]
    if not values:
        return []
    total = sum(values)
    exact = [100 * value / total for value in values] if total else [100 / len(values)] * len(values)
    percents = [math.floor(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda n: exact[n] - percents[n], reverse=True)
    for n in by_remainder[: 100 - sum(percents)]:
        percents[n] += 1
    needed = [math.ceil(value) for value in least]
    if needed and sum(needed) <= 100:
        for n, value in enumerate(percents):
            while value < needed[n]:
                donor = max(range(len(percents)), key=lambda k: percents[k] - needed[k])
                percents[donor] -= 1
                value += 1
            percents[n] = value
    return percents


@lru_cache(maxsize=4096)  # a document's cells, drawn as PDF and as DOCX
def _longest_word(text: str, *, bold=False) -> float:
    return max((_measure(word, bold) for word in WORD.findall(str(text))), default=0.0)


@lru_cache(maxsize=4096)
def _longest_line(text: str, *, bold=False) -> float:
    return max((_measure(line.strip(), bold) for line in str(text).splitlines()), default=0.0)


@lru_cache(maxsize=16384)  # documents repeat their words: a worker measures each once
def _measure(text: str, bold: bool) -> float:
    """The advance of ``text`` at a type size of ``EM`` points (scaled to a size by ``size / EM``)."""
    return text_width(text, EM, bold=bold)
