"""The comparison sorted (`?sorteer=`), with the median per column and the outliers marked
(Tukey's fences: beyond 1.5 × the interquartile range)."""

from decimal import Decimal
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from partnerships.choices import LegalForm
from partnerships.overview.comparison import HIGH, LOW, column_stats, sorted_lines
from tests import factories
from tests.conftest import client_for, count_queries
from tests.overview.conftest import supervisor


def test_the_median_and_tukeys_fences():
    stats = column_stats([1, 2, 2, 3, 3, 3, 20, None])
    assert stats.median == 3
    assert stats.outlier(20) == HIGH
    assert stats.outlier(3) is None
    assert stats.outlier(-10) == LOW
    assert stats.outlier(None) is None
    # fewer than four known values: a median, no outliers
    few = column_stats([1, 100, None])
    assert few.median == Decimal("50.5") or few.median == 50.5
    assert few.outlier(100) is None


def _province_with_counts(counts):
    province = factories.ProvinceFactory(name="Drenthe", cbs_code="PV22")
    for index, count in enumerate(counts):
        municipality = factories.MunicipalityFactory(
            name=f"Gemeente {chr(65 + index)}", province=province
        )
        for _ in range(count):
            factories.ParticipationFactory(
                party=factories.PartyFactory(legal_form=LegalForm.FOUNDATION),
                organisation=municipality,
            )
    return province


def test_the_page_sorts_marks_the_outlier_and_gives_the_median(db):
    province = _province_with_counts([2, 3, 2, 3, 12])
    client = client_for(supervisor(province))
    url = reverse("partnerships:overview_comparison", args=[province.pk])
    html = client.get(url, {"sorteer": "-deelnemingen"}).content.decode()
    table = html[html.index('id="comparison"') :]
    order = [table.index(f"Gemeente {c}<") for c in "EBDAC"]
    assert order == sorted(order)  # 12, 3, 3 (B before D), 2, 2
    assert "uitschieter: hoog" in table  # Gemeente E's twelve
    assert table.count("uitschieter: hoog") == 1
    assert "Mediaan van de provincie" in table
    assert 'aria-sort="descending"' in table
    # an unknown sort key falls back to the names
    html = client.get(url, {"sorteer": "wachtwoord"}).content.decode()
    table = html[html.index('id="comparison"') :]
    assert table.index("Gemeente A<") < table.index("Gemeente E<")


def test_unknown_values_sort_last(db):
    class Line:
        def __init__(self, name, value):
            self.municipality = type("M", (), {"name": name})()
            self.per_inhabitant = value

    lines = [Line("A", None), Line("B", Decimal("2")), Line("C", Decimal("1"))]
    assert [line.municipality.name for line in sorted_lines(lines, "per-inwoner")] == [
        "C",
        "B",
        "A",
    ]
    assert [line.municipality.name for line in sorted_lines(lines, "-per-inwoner")] == [
        "B",
        "C",
        "A",
    ]


def test_the_xlsx_has_the_pages_order_outliers_and_medians(db):
    province = _province_with_counts([2, 3, 2, 3, 12])
    client = client_for(supervisor(province))
    url = reverse("partnerships:overview_comparison", args=[province.pk])
    response = client.get(url, {"sorteer": "-deelnemingen", "format": "xlsx"})
    assert "gemeenten-vergeleken-drenthe-" in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    rows = list(workbook["Vergelijking"].iter_rows(values_only=True))
    header = rows[1]
    assert header[0] == "Gemeente" and header[2] == "Deelnemingen" and header[-1] == "Uitschieters"
    body = rows[2:7]
    assert [r[0] for r in body] == [f"Gemeente {c}" for c in "EBDAC"]
    assert body[0][2] == 12 and body[0][-1] == "Deelnemingen: hoog"
    assert rows[7][0] == "Mediaan van de provincie" and rows[7][2] == 3
    assert workbook.sheetnames == [
        "Vergelijking",
        "Per thema",
        "Per grondslag",
        "Bijdragen per thema",
    ]


def test_the_xlsx_takes_the_same_queries_at_two_sizes(db):
    province = _province_with_counts([1, 2])
    client = client_for(supervisor(province))
    url = reverse("partnerships:overview_comparison", args=[province.pk]) + "?format=xlsx"
    small = count_queries(client, url)
    for _ in range(4):
        municipality = factories.MunicipalityFactory(province=province)
        factories.ParticipationFactory(organisation=municipality)
    assert count_queries(client, url) == small
