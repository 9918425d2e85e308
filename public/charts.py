"""Charts as SVG, drawn on the server from plain numbers (no script, nothing from the
internet). Each chart is an image with a title and a description for screen readers; the
page always shows the table of the same numbers beside it, which is what a reader with a
screen reader or a printout uses.

Pure functions: a `Series` of (label, value) points in, SVG markup out.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from registry import formatting
from registry.charts import COLOURS, svg_image

WIDTH, HEIGHT = 640, 280
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 92, 16, 16, 64
LEGEND_COLUMNS, LEGEND_WIDTH, LEGEND_LINE = 2, 270, 18
# Each series is told apart by its colour (registry.charts.COLOURS), its marker shape and the
# legend.
MARKERS = ("circle", "square", "diamond", "triangle")


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[tuple[str, Decimal | None], ...]  # (label on the x axis, value or unknown)


def _scale(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    low = min([*values, Decimal(0)])
    high = max([*values, Decimal(0)])
    if low == high:
        high = low + 1
    return low, high


def _ticks(low: Decimal, high: Decimal, count: int = 4) -> list[Decimal]:
    step = (high - low) / count
    return [low + step * i for i in range(count + 1)]


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "diamond":
        points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "triangle":
        points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def line_chart(chart_id: str, title: str, series: list[Series]) -> SafeString:
    """Lines over the same x labels (years); an unknown value breaks the line."""
    labels = [label for label, _value in series[0].points] if series else []
    known = [v for s in series for _label, v in s.points if v is not None]
    if not labels or not known:
        return mark_safe("")
    low, high = _scale(known)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = plot_w / max(1, len(labels) - 1)

    def x(i):
        return MARGIN_LEFT + (i * step if len(labels) > 1 else plot_w / 2)

    def y(value):
        return MARGIN_TOP + plot_h - float((value - low) / (high - low)) * plot_h

    parts = _grid(low, high, y)
    for i, label in enumerate(labels):
        parts.append(
            f'<text x="{x(i):.1f}" y="{HEIGHT - MARGIN_BOTTOM + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    for index, one in enumerate(series):
        colour, shape = COLOURS[index % len(COLOURS)], MARKERS[index % len(MARKERS)]
        segment: list[str] = []
        for i, (_label, value) in enumerate(one.points):
            if value is None:
                if len(segment) > 1:
                    parts.append(_polyline(segment, colour))
                segment = []
                continue
            segment.append(f"{x(i):.1f},{y(value):.1f}")
            parts.append(_marker(shape, x(i), y(value), colour))
        if len(segment) > 1:
            parts.append(_polyline(segment, colour))
    legend = _legend(series)
    return _svg(chart_id, title, _description(series), "".join(parts) + legend)


def bar_chart(chart_id: str, title: str, series: Series) -> SafeString:
    """One bar per label (a year's total); an unknown value is a gap labelled "onbekend"."""
    known = [v for _label, v in series.points if v is not None]
    if not series.points or not known:
        return mark_safe("")
    low, high = _scale(known)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = plot_w / len(series.points)

    def y(value):
        return MARGIN_TOP + plot_h - float((value - low) / (high - low)) * plot_h

    zero = y(Decimal(0))
    parts = _grid(low, high, y)
    for i, (label, value) in enumerate(series.points):
        left = MARGIN_LEFT + i * slot + slot * 0.2
        centre = MARGIN_LEFT + i * slot + slot / 2
        if value is None:
            parts.append(
                f'<text x="{centre:.1f}" y="{zero - 6:.1f}" text-anchor="middle">onbekend</text>'
            )
        else:
            top = min(y(value), zero)
            height = abs(zero - y(value))
            parts.append(
                f'<rect x="{left:.1f}" y="{top:.1f}" width="{slot * 0.6:.1f}" '
                f'height="{max(height, 1):.1f}" fill="{COLOURS[0]}"/>'
            )
        parts.append(
            f'<text x="{centre:.1f}" y="{HEIGHT - MARGIN_BOTTOM + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    return _svg(chart_id, title, _description([series]), "".join(parts))


def _grid(low: Decimal, high: Decimal, y) -> list[str]:
    """Horizontal lines with their amount, at five even steps from `low` to `high`."""
    parts = []
    for tick in _ticks(low, high):
        ty = y(tick)
        parts.append(
            f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}" '
            'stroke="#767676" stroke-width="0.5"/>'
            f'<text x="{MARGIN_LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">'
            f"{escape(formatting.euro(tick))}</text>"
        )
    return parts


def _polyline(points: list[str], colour: str) -> str:
    return (
        f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
    )


def _legend(series: list[Series]) -> str:
    parts = []
    for index, one in enumerate(series):
        colour, shape = COLOURS[index % len(COLOURS)], MARKERS[index % len(MARKERS)]
        lx = MARGIN_LEFT + (index % LEGEND_COLUMNS) * LEGEND_WIDTH
        ly = HEIGHT - MARGIN_BOTTOM + 40 + (index // LEGEND_COLUMNS) * LEGEND_LINE
        parts.append(_marker(shape, lx, ly - 4, colour))
        parts.append(f'<text x="{lx + 10}" y="{ly}">{escape(one.name)}</text>')
    return "".join(parts)


def _description(series: list[Series]) -> str:
    """The numbers in words, for a screen reader that reads the image (the table beside it
    gives the same)."""
    return "; ".join(
        f"{one.name}: "
        + ", ".join(
            f"{label} {formatting.euro(value) if value is not None else 'onbekend'}"
            for label, value in one.points
        )
        for one in series
    )


def _svg(chart_id: str, title: str, description: str, body: str) -> SafeString:
    return svg_image(chart_id, title, description, body, width=WIDTH, height=HEIGHT)
