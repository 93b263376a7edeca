"""Charts drawn once, server-side, as SVG: the same markup goes into the HTML dashboards and the PDFs.

Only presentation attributes (``fill=``, ``stroke=``…) are used, never ``style=``, so the pages keep their strict
Content-Security-Policy and WeasyPrint draws them as they are. Every chart has a ``<title>`` for screen readers.
"""

from html import escape

from django.utils.safestring import SafeString, mark_safe

from core.rendering.metrics import text_width

FONT = "Liberation Sans, Arial, sans-serif"
COLORS = ["#1f4e79", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"]
PLAN_COLOR = "#c0392b"
GRID = "#d9dee4"
TEXT = "#333333"


def _text(x, y, content, *, size=11, anchor="start", weight="normal", fill=TEXT) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{fill}">{escape(str(content))}</text>'
    )


def _svg(width, height, title, body) -> SafeString:
    return mark_safe(  # noqa: S308 - every text inside went through html.escape
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f"{''.join(body)}</svg>"
    )


def wrap(text: str, width: float, *, size=11, max_lines=3) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (in the units of ``size``), at most ``max_lines``; the
    last line ends with «…» if the text goes on. A single word wider than the line is cut with «…»."""
    lines: list[str] = []
    for word in str(text).split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size, family="sans") <= width:
            lines[-1] = candidate
        elif len(lines) == max_lines:
            lines[-1] = _fit(lines[-1] + " " + word, width, size)
            break
        else:
            lines.append(_fit(word, width, size) if text_width(word, size, family="sans") > width else word)
    return lines or [""]


def _fit(text: str, width: float, size: float) -> str:
    """``text`` cut to ``width`` with «…» (unchanged if it fits)."""
    if text_width(text, size, family="sans") <= width:
        return text
    while text and text_width(text + "…", size, family="sans") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _label(x, middle, lines, *, size=11, anchor="end") -> list[str]:
    """Lines of a label, vertically centred on ``middle``."""
    step = size * 1.2
    first = middle - step * (len(lines) - 1) / 2 + size * 0.35
    return [_text(x, first + n * step, line, size=size, anchor=anchor) for n, line in enumerate(lines)]


def _number(value) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",") if isinstance(value, float) else str(value)


LABEL_WIDTH = 270  # the labels' column of a 640 wide chart: long questions wrap on up to three lines in it
LINE = 11 * 1.2


def bars(title: str, rows: list[tuple], *, maximum=None, unit="", plan: dict | None = None, width=640) -> SafeString:
    """Horizontal bars: ``rows`` of (label, value); ``plan`` maps a label to its plan (a red tick). Long labels
    wrap and their row grows to hold them."""
    label_width, bar_height, gap, top = LABEL_WIDTH, 18, 8, 30
    labels = [wrap(str(label), label_width - 10) for label, _ in rows]
    heights = [max(bar_height, len(lines) * LINE) for lines in labels]
    height = top + sum(h + gap for h in heights) + 20
    values = [v for _, v in rows if v is not None] + list((plan or {}).values())
    maximum = maximum or max([*values, 1])
    span = width - label_width - 60
    body = [_text(0, 16, title, size=13, weight="bold")]
    if not rows:
        body.append(_text(0, top + 14, "Нет данных"))
    y_row = top
    for (label, value), lines, row_height in zip(rows, labels, heights, strict=True):
        y = y_row + (row_height - bar_height) / 2
        y_row += row_height + gap
        body.extend(_label(label_width - 6, y + bar_height / 2, lines))
        body.append(
            f'<rect x="{label_width}" y="{y:.1f}" width="{span}" height="{bar_height}" fill="#f1f3f5" stroke="{GRID}"/>'
        )
        if value is not None:
            length = span * min(float(value), float(maximum)) / float(maximum)
            color = COLORS[0]
            body.append(
                f'<rect x="{label_width}" y="{y:.1f}" width="{length:.1f}" height="{bar_height}" fill="{color}"/>'
            )
            body.append(_text(label_width + span + 6, y + 13, f"{_number(value)}{unit}"))
        else:
            body.append(_text(label_width + span + 6, y + 13, "—"))
        if plan and plan.get(label) is not None:
            x = label_width + span * min(float(plan[label]), float(maximum)) / float(maximum)
            body.append(
                f'<line x1="{x:.1f}" y1="{y - 3:.1f}" x2="{x:.1f}" y2="{y + bar_height + 3:.1f}" '
                f'stroke="{PLAN_COLOR}" stroke-width="2"/>'
            )
    if plan:
        body.append(
            f'<line x1="{label_width}" y1="{height - 10}" x2="{label_width + 14}" y2="{height - 10}" '
            f'stroke="{PLAN_COLOR}" stroke-width="2"/>'
        )
        body.append(_text(label_width + 20, height - 6, "план"))
    return _svg(width, round(height), title, body)


def paired_bars(title: str, rows: list[tuple], legend: tuple[str, str], *, maximum=10, width=640) -> SafeString:
    """Two bars per label (e.g. entry and exit): ``rows`` of (label, first, second). Long labels wrap."""
    label_width, bar_height, gap, top = LABEL_WIDTH, 11, 10, 44
    labels = [wrap(str(label), label_width - 10) for label, *_ in rows]
    heights = [max(2 * bar_height, len(lines) * LINE) for lines in labels]
    height = top + sum(h + gap for h in heights)
    span = width - label_width - 60
    body = [_text(0, 16, title, size=13, weight="bold")]
    for n, name in enumerate(legend):
        x = label_width + n * 150
        body.append(f'<rect x="{x}" y="24" width="12" height="10" fill="{COLORS[n]}"/>')
        body.append(_text(x + 16, 33, name))
    if not rows:
        body.append(_text(0, top + 14, "Нет данных"))
    y_row = top
    for (_, *pair), lines, row_height in zip(rows, labels, heights, strict=True):
        y = y_row + (row_height - 2 * bar_height) / 2
        y_row += row_height + gap
        body.extend(_label(label_width - 6, y + bar_height, lines))
        for k, value in enumerate(pair):
            if value is None:
                continue
            length = span * min(float(value), float(maximum)) / float(maximum)
            yy = y + k * bar_height
            body.append(
                f'<rect x="{label_width}" y="{yy:.1f}" width="{length:.1f}" height="{bar_height - 1}" '
                f'fill="{COLORS[k]}"/>'
            )
            body.append(_text(label_width + length + 4, yy + 9, _number(value), size=9))
    return _svg(width, round(height), title, body)


def lines(title: str, series: dict[str, list[tuple]], *, unit="%", maximum=100, width=640, height=240) -> SafeString:
    """Trends: ``series`` maps a name to its (x label, value) points, all on the same x labels."""
    left, right, top, bottom = 40, 170, 28, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    labels = sorted({x for points in series.values() for x, _ in points})
    body = [_text(0, 16, title, size=13, weight="bold")]
    for tick in range(0, 101, 25):
        y = top + plot_h - plot_h * tick / 100
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(_text(left - 4, y + 4, f"{round(maximum * tick / 100)}{unit}", size=9, anchor="end"))
    if not labels:
        body.append(_text(left + 8, top + plot_h / 2, "Пока нет ежемесячных значений"))
        return _svg(width, height, title, body)
    step = plot_w / max(len(labels) - 1, 1)
    position = {label: left + n * step for n, label in enumerate(labels)}
    for label in labels:
        text = label.strftime("%m.%y") if hasattr(label, "strftime") else str(label)
        body.append(_text(position[label], top + plot_h + 16, text, size=9, anchor="middle"))
    legend_y = top
    for n, (name, points) in enumerate(series.items()):
        color = COLORS[n % len(COLORS)]
        coords = [
            (position[x], top + plot_h - plot_h * min(float(v), maximum) / maximum) for x, v in points if v is not None
        ]
        if coords:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            body.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
            body.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>' for x, y in coords)
        # The legend on the right: a name wraps on two lines, and the next one comes below it.
        names = wrap(name, right - 30, size=10, max_lines=2)
        body.append(f'<rect x="{left + plot_w + 12}" y="{legend_y}" width="10" height="10" fill="{color}"/>')
        body.extend(_label(left + plot_w + 26, legend_y + 6 * len(names), names, size=10, anchor="start"))
        legend_y += 12 * len(names) + 6
    return _svg(width, height, title, body)
