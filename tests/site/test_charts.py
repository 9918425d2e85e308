"""The SVG charts: an image with a title and the numbers in words, unknown values shown as
unknown, nothing drawn without numbers (the page's table gives them as well)."""

from decimal import Decimal

from public.charts import Series, bar_chart, line_chart


def test_a_bar_chart_names_its_numbers_for_a_screen_reader():
    svg = bar_chart(
        "k", "Bijdragen", Series("Bijdragen", (("2025", Decimal("1200")), ("2026", None)))
    )
    assert 'role="img"' in svg and '<title id="k-title">Bijdragen</title>' in svg
    assert "Bijdragen: 2025 € 1.200, 2026 onbekend" in svg
    assert svg.count("<rect") == 1  # the unknown year has no bar, but the word "onbekend"
    assert ">onbekend</text>" in svg


def test_a_line_chart_breaks_its_line_at_an_unknown_year_and_escapes_its_labels():
    points = (
        ("2024", Decimal("5")),
        ("2025", None),
        ("2026", Decimal("7")),
        ("2027", Decimal("8")),
    )
    svg = line_chart("c", "Cijfers <van> A & B", [Series("Resultaat", points)])
    assert "Cijfers &lt;van&gt; A &amp; B" in svg
    assert svg.count("<polyline") == 1  # only 2026-2027 join; 2024 stands alone


def test_no_chart_without_numbers():
    assert bar_chart("k", "Leeg", Series("x", (("2025", None),))) == ""
    assert line_chart("c", "Leeg", []) == ""
