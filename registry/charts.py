"""Charts as SVG drawn on the server (no script, nothing from the internet), shared by the
public pages (public/charts.py) and the supervisor's pages in the admin: the colours, the
accessible frame (an image with a title and a description, pointing at the table of the same
numbers) and the horizontal bar chart of a value per organisation with a reference line.

Pure functions: plain labels and numbers in, SVG markup out; every label is escaped.
"""

from decimal import Decimal

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from registry import formatting

# The NL Design System blue (--utrecht-color-blue-35 of the public pages' tokens) first; each
# colour keeps 3:1 against white and against its neighbours (WCAG 1.4.11).
COLOURS = ("#1f4e96", "#b5310b", "#1a6b34", "#6b2c91")
TEXT, GRID = "#1a1a1a", "#767676"

BAR_WIDTH = 640
BAR_LABELS, BAR_VALUES, BAR_TOP, BAR_BOTTOM = 170, 150, 34, 30
BAR_HEIGHT, BAR_GAP = 16, 6


def svg_image(
    chart_id: str,
    title: str,
    description: str,
    body: str,
    *,
    width: int,
    height: int,
    described_by: str = "",
) -> SafeString:
    """The chart as an image for assistive technology: its title names it, its description
    (and `described_by`, e.g. the id of the table of the same numbers) describes it."""
    return format_html(
        '<svg class="site-chart" id="{id}" role="img" viewBox="0 0 {w} {h}" '
        'aria-labelledby="{id}-title" aria-describedby="{described}" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        w=width,
        h=height,
        described=" ".join(filter(None, (f"{chart_id}-desc", described_by))),
        title=title,
        desc=description,
        body=mark_safe(body),  # built by the callers from escaped labels and numbers only
    )


def horizontal_bar_chart(
    chart_id: str,
    title: str,
    bars: list[tuple[str, Decimal | None, str]],
    *,
    reference: tuple[str, Decimal | None] | None = None,
    described_by: str = "",
    cents: bool = True,
) -> SafeString:
    """A bar per (label, amount, note) from the left; an unknown amount is written
    "onbekend" and a note (an outlier, say) is written beside the amount and drawn in the
    second colour. `reference`: (label, amount) drawn as a dashed vertical line (a median)."""
    known = [value for _label, value, _note in bars if value is not None]
    if not bars or not known:
        return mark_safe("")
    median = [reference[1]] if reference and reference[1] is not None else []
    high = max([*known, Decimal(0), *median])
    low = min([*known, Decimal(0)])
    span = (high - low) or Decimal(1)
    plot = BAR_WIDTH - BAR_LABELS - BAR_VALUES
    height = BAR_TOP + len(bars) * (BAR_HEIGHT + BAR_GAP) + BAR_BOTTOM

    def x(value) -> float:
        return BAR_LABELS + float((value - low) / span) * plot

    def amount(value) -> str:
        return formatting.euro(value, cents=cents)

    zero = x(Decimal(0))
    parts = _vertical_grid(low, high, x, height)
    words = []
    for i, (label, value, note) in enumerate(bars):
        top = BAR_TOP + i * (BAR_HEIGHT + BAR_GAP)
        middle = top + BAR_HEIGHT / 2 + 4
        parts.append(
            f'<text x="{BAR_LABELS - 6}" y="{middle:.1f}" text-anchor="end" fill="{TEXT}">'
            f"{escape(label)}</text>"
        )
        text = amount(value) + (f" ({note})" if note else "")
        if value is None:
            end = zero
        else:
            left, right = sorted((zero, x(value)))
            colour = COLOURS[1] if note else COLOURS[0]
            parts.append(
                f'<rect x="{left:.1f}" y="{top}" width="{max(right - left, 1):.1f}" '
                f'height="{BAR_HEIGHT}" fill="{colour}"/>'
            )
            end = right
        parts.append(
            f'<text x="{end + 4:.1f}" y="{middle:.1f}" fill="{TEXT}">{escape(text)}</text>'
        )
        words.append(f"{label}: {text}")
    if reference and reference[1] is not None:
        rx = x(reference[1])
        bottom = height - BAR_BOTTOM
        label = f"{reference[0]}: {amount(reference[1])}"
        parts.append(
            f'<line x1="{rx:.1f}" x2="{rx:.1f}" y1="{BAR_TOP - 8}" y2="{bottom}" '
            f'stroke="{TEXT}" stroke-width="2" stroke-dasharray="6 3"/>'
            f'<text x="{rx:.1f}" y="{BAR_TOP - 12}" text-anchor="middle" fill="{TEXT}">'
            f"{escape(label)}</text>"
        )
        words.append(label)
    return svg_image(
        chart_id,
        title,
        "; ".join(words),
        "".join(parts),
        width=BAR_WIDTH,
        height=height,
        described_by=described_by,
    )


def _vertical_grid(low: Decimal, high: Decimal, x, height: int, count: int = 4) -> list[str]:
    """Vertical lines with their amount under the bars, at even steps from `low` to `high`."""
    parts = []
    bottom = height - BAR_BOTTOM
    for i in range(count + 1):
        tick = low + (high - low) * i / count
        tx = x(tick)
        parts.append(
            f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{BAR_TOP - 4}" y2="{bottom}" '
            f'stroke="{GRID}" stroke-width="0.5"/>'
            f'<text x="{tx:.1f}" y="{bottom + 16}" text-anchor="middle" fill="{TEXT}">'
            f"{escape(formatting.euro(tick))}</text>"
        )
    return parts
