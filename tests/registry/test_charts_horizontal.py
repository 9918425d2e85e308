"""The horizontal bar chart (registry/charts.py): an image named by its title, described by
its numbers in words and by the table of the same numbers, unknown values written out, the
reference line and the outliers marked."""

from decimal import Decimal

from registry.charts import COLOURS, horizontal_bar_chart


def test_bars_with_the_median_line_and_the_table_that_describes_them():
    svg = horizontal_bar_chart(
        "c",
        "Per inwoner",
        [
            ("Almelo", Decimal("12.50"), ""),
            ("Enschede <script>", Decimal("40"), "uitschieter: hoog"),
            ("Hengelo", None, ""),
        ],
        reference=("Mediaan", Decimal("26.25")),
        described_by="comparison",
    )
    assert 'role="img"' in svg and 'aria-labelledby="c-title"' in svg
    assert 'aria-describedby="c-desc comparison"' in svg
    assert '<title id="c-title">Per inwoner</title>' in svg
    assert "Almelo: € 12,50; Enschede &lt;script&gt;: € 40,00 (uitschieter: hoog)" in svg
    assert "Hengelo: onbekend" in svg and "<script>" not in svg
    assert svg.count("<rect") == 2  # no bar for the unknown value
    assert f'fill="{COLOURS[1]}"' in svg  # the outlier in the second colour
    assert 'stroke-dasharray="6 3"' in svg and "Mediaan: € 26,25" in svg
    # the longest bar ends at the right edge of the plot: 640 - 150
    assert 'x="170.0" y="56" width="320.0"' in svg


def test_no_known_value_no_chart():
    assert horizontal_bar_chart("c", "Leeg", [("Almelo", None, "")]) == ""
    assert horizontal_bar_chart("c", "Leeg", []) == ""
