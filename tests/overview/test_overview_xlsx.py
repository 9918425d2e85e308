"""The overview map as a workbook: the map's shape (merged theme rows, the footer, the
legend), A3 landscape, frozen header and first columns, and the differences sheet."""

import datetime
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from tests.conftest import client_for
from tests.overview.conftest import supervisor


def _workbook(overijssel, **params):
    url = reverse("partnerships:overview_map", args=[overijssel.pk])
    response = client_for(supervisor(overijssel)).get(url, {"format": "xlsx", **params})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return load_workbook(BytesIO(response.content))


def test_the_workbook_has_the_maps_shape(twente, overijssel):
    workbook = _workbook(overijssel, date="2026-01-01", previous="2024-06-01")
    sheet = workbook["Overzichtskaart"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0].startswith("Verbonden partijen Overijssel, peildatum 01-01-2026")
    assert rows[1][:4] == ["Samenwerkingsverband", "Grondslag", "Almelo", "Enschede"]
    assert rows[1][4:7] == ["Provincie", "Andere gemeenten buiten Overijssel", "Andere partners"]
    # a theme row spans the whole width, the parties follow with code and marks
    assert rows[2][0] == "Veiligheid"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A3:G3" in merged
    assert rows[3][:6] == ["Veiligheidsregio Twente", "WGR+OL", "niet meer", "x", None, "x"]
    assert rows[4][0] == "Zorg" and "A5:G5" in merged
    assert rows[5][:3] == ["Stichting Zorgnetwerk", "Stg.", "Nieuw"]
    footer = {row[0]: row[2:4] for row in rows if row[0] and str(row[0]).startswith("Tota")}
    assert footer["Totaal publiek WGR+OL"] == [0, 1]
    assert footer["Totaal"] == [1, 1]
    texts = [row[0] for row in rows if row[0]]
    assert "Legenda" in texts
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A3  # "8": A3
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.freeze_panes == "C3"
    differences = [[c.value for c in row] for row in workbook["Verschillen"].iter_rows()]
    assert differences[2][:3] == ["Almelo", "Stichting Zorgnetwerk", "verbonden partij"]


def test_the_date_is_the_reference_date(twente, overijssel):
    workbook = _workbook(overijssel, date="2024-06-01")
    rows = [[cell.value for cell in row] for row in workbook["Overzichtskaart"].iter_rows()]
    assert datetime.date(2024, 6, 1).strftime("%d-%m-%Y") in rows[0][0]
    assert not any(row[0] == "Stichting Zorgnetwerk" for row in rows)  # it began in 2025
