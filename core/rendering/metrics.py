"""How wide a text is drawn in the fonts of our files: Liberation Serif (documents) and Liberation Sans (reports
and charts), the metric twins of Times New Roman and Arial that fonts-liberation2 installs (scripts/
system-packages.sh). Advance widths are read once per process from the font files; kerning is left out, so a
measure errs on the wide side."""

from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/liberation2")
FAMILIES = {"serif": "LiberationSerif", "sans": "LiberationSans"}
FALLBACK_EM = 0.6  # the mean advance of a Cyrillic letter, wide side, should a font file be missing


def text_width(text: str, size: float, *, family: str = "serif", bold: bool = False) -> float:
    """The advance of ``text`` set in ``size`` points (the result in points; in pixels for a size in pixels)."""
    advances, default, per_em = _metrics(family, bold)
    return size * sum(advances.get(char, default) for char in text) / per_em


@lru_cache(maxsize=4)
def _metrics(family: str, bold: bool) -> tuple[dict[str, int], int, int]:
    """Advance widths by character, in font units, the advance of a missing glyph, and the units per em."""
    path = FONTS / f"{FAMILIES[family]}-{'Bold' if bold else 'Regular'}.ttf"
    if not path.exists():
        return {}, round(FALLBACK_EM * 1000), 1000
    font = TTFont(path, lazy=True)
    metrics = font["hmtx"].metrics
    advances = {chr(code): metrics[glyph][0] for code, glyph in font.getBestCmap().items()}
    return advances, metrics[".notdef"][0], font["head"].unitsPerEm
