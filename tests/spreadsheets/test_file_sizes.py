"""Sheets that lie about their size, and files too wide or too big to read: read by the cells
they hold, or refused with a Dutch message; never a quarter of an hour of CPU or a 500."""

import io
import random
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl.utils import get_column_letter

from partnerships.models import ImportRun, Participation
from partnerships.spreadsheets import service
from partnerships.spreadsheets.files import FileRefused, column_letter, read_table
from tests import factories
from tests.conftest import client_for

HEADERS = ["CBS-code deelnemer", "Registercode samenwerkingsverband", "Zetels"]
WHOLE_GRID = "A1:XFD1048576"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TOO_WIDE = (
    "Het bestand heeft meer dan 1.000 kolommen (rij 1.048.576 heeft iets in kolom XFD); haal "
    "weg wat daar niet hoort."
)


def cell(ref: str, value) -> str:
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def row(number: int, *cells: tuple[str, object]) -> str:
    return f'<row r="{number}">{"".join(cell(ref, value) for ref, value in cells)}</row>'


def workbook(*rows: str, dimension: str = WHOLE_GRID, after: str = "", padding: int = 0) -> bytes:
    """A workbook written by hand, as small as Excel accepts: one sheet declaring `dimension`
    whatever it holds; `after` is XML after the sheet data (merged cells); `padding` bytes of
    an incompressible part, as an attacker adds to pass the unpacked/packed ratio."""
    sheet = (
        f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/>'
        f"<sheetData>{''.join(rows)}</sheetData>{after}</worksheet>"
    )
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" '
            f'Type="{DOCUMENT}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{DOCUMENT}"><sheets>'
            '<sheet name="Gegevens" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" '
            f'Type="{DOCUMENT}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if padding:
        parts["xl/media/padding.bin"] = random.Random(1).randbytes(padding)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


HEADER_ROW = row(1, ("A1", HEADERS[0]), ("B1", HEADERS[1]), ("C1", HEADERS[2]))
DATA_ROWS = (
    row(2, ("A2", "GM0153"), ("B2", "ggd-twente"), ("C2", 1)),
    row(3, ("A3", "GM0141"), ("B3", "ggd-twente"), ("C3", 2)),
)


def refused(data: bytes) -> str:
    with pytest.raises(FileRefused) as refusal:
        read_table(data)
    return refusal.value.message


@pytest.fixture
def user(supervisor, enschede, almelo, ggd):
    return supervisor


# Declared dimensions


def test_one_cell_in_the_last_row_and_column_of_a_sheet_declaring_all_of_it_is_refused():
    """The file of the security finding: 1.5 kB, a quarter of an hour of CPU before."""
    data = workbook(row(1_048_576, ("XFD1048576", "x")))
    assert len(data) < 3000
    assert refused(data) == TOO_WIDE


def test_a_first_cell_and_one_far_away_are_refused_by_the_far_one():
    data = workbook(row(1, ("A1", "x")), row(1_048_576, ("XFD1048576", "y")))
    assert len(data) < 3000
    assert refused(data) == TOO_WIDE


def test_a_far_cell_within_the_column_limit_is_read_as_the_two_rows_the_sheet_holds():
    data = workbook(row(1, ("A1", "x")), row(1_048_576, ("ALL1048576", "y")))
    assert len(data) < 3000
    assert read_table(data).rows == [(1, ["x"]), (1_048_576, [None] * 999 + ["y"])]


def test_a_header_and_two_rows_under_a_lying_dimension_import_normally(user):
    data = workbook(HEADER_ROW, *DATA_ROWS)
    assert len(data) < 3000
    assert read_table(data).rows == [
        (1, HEADERS),
        (2, ["GM0153", "ggd-twente", 1]),
        (3, ["GM0141", "ggd-twente", 2]),
    ]
    plan = service.commit(user, "participations", data, "bestand", channel="command")
    assert plan.ok, [str(p) for p in plan.problems]
    assert len(plan.rows) == 2
    assert sorted(Participation.objects.values_list("seats", flat=True)) == [1, 2]


def test_a_sheet_declaring_less_than_it_holds_is_read_whole():
    data = workbook(HEADER_ROW, *DATA_ROWS, dimension="A1:A1")
    assert [values for _number, values in read_table(data).rows][2] == ["GM0141", "ggd-twente", 2]


def test_a_row_beyond_excels_last_row_is_refused_as_corrupt():
    """openpyxl would yield every row up to it; no Excel writes one."""
    data = workbook(HEADER_ROW, row(99_999_999_999, ("A99999999999", "x")))
    assert refused(data).startswith("Het Excel-bestand is beschadigd")


def test_trailing_empty_cells_beyond_the_column_limit_do_not_count(settings):
    settings.IMPORT_MAX_COLUMNS = 3
    data = workbook(HEADER_ROW, '<row r="2"><c r="A2"><v>1</v></c><c r="XFD2" s="1"/></row>')
    assert read_table(data).rows == [(1, HEADERS), (2, [1])]


def test_a_value_beyond_the_column_limit_is_refused(settings):
    settings.IMPORT_MAX_COLUMNS = 3
    data = workbook(HEADER_ROW, row(2, ("A2", "GM0153"), ("D2", "te ver")))
    assert refused(data) == (
        "Het bestand heeft meer dan 3 kolommen (rij 2 heeft iets in kolom D); haal weg wat "
        "daar niet hoort."
    )


def test_more_cells_than_the_limit_are_refused_empty_ones_included(settings):
    """Each far cell makes openpyxl fill its row up to it: that is counted as read."""
    settings.IMPORT_MAX_CELLS = 5000
    far_cells = [row(number, (f"ALL{number}", "x")) for number in range(2, 7)]
    assert refused(workbook(HEADER_ROW, *far_cells)) == (
        "Het bestand heeft meer dan 5.000 cellen; splits het op."
    )
    assert len(read_table(workbook(HEADER_ROW, *far_cells[:4])).rows) == 5


def test_formulas_under_a_lying_dimension_are_found_on_their_cells():
    """Formulas are looked up in a second read of the sheet, which must not pad either."""

    def with_formula(number: int) -> str:
        return row(number, (f"A{number}", "GM0153")).replace(
            "</row>", f'<c r="C{number}"><f>1+1</f></c></row>'
        )

    data = workbook(HEADER_ROW, with_formula(2), with_formula(1_048_576))
    assert read_table(data).formulas_without_value == {(2, 2), (1_048_576, 2)}


# CSV and column letters


def csv_with_columns(count: int) -> bytes:
    header = ";".join(HEADERS + [f"kolom {index}" for index in range(len(HEADERS), count)])
    values = ";".join(["GM0153", "ggd-twente", "1"] + [""] * (count - len(HEADERS)))
    return f"{header}\n{values}\n".encode()


def test_a_csv_of_20000_columns_is_refused_not_a_server_error(user):
    with pytest.raises(FileRefused) as refusal:
        service.commit(user, "participations", csv_with_columns(20_000), "b", channel="command")
    assert refusal.value.message == (
        "Het bestand heeft meer dan 1.000 kolommen (rij 1 heeft iets in kolom ACOF); haal weg "
        "wat daar niet hoort."
    )


def test_a_csv_of_1001_columns_is_refused_and_of_1000_read(user):
    assert "meer dan 1.000 kolommen" in refused(csv_with_columns(1001))
    plan = service.commit(user, "participations", csv_with_columns(1000), "b", channel="command")
    assert plan.ok, [str(p) for p in plan.problems]
    assert plan.notices[-1] == "Kolom ALL “kolom 999” is onbekend en wordt niet ingelezen."


def test_trailing_separators_of_a_csv_do_not_count_as_columns():
    data = ("CBS-code deelnemer;Zetels" + ";" * 5000 + "\nGM0153;1" + ";" * 5000 + "\n").encode()
    assert read_table(data).rows == [(1, ["CBS-code deelnemer", "Zetels"]), (2, ["GM0153", "1"])]


def test_every_column_has_a_letter_also_past_excels_last():
    assert [column_letter(i) for i in (0, 25, 26, 701, 702, 16383)] == [
        "A",
        "Z",
        "AA",
        "ZZ",
        "AAA",
        "XFD",
    ]
    assert all(column_letter(i - 1) == get_column_letter(i) for i in range(1, 18279))
    assert column_letter(18278) == "AAAA"
    assert column_letter(10**9)


# Merged cells


def test_a_merge_claiming_the_whole_sheet_is_listed_on_the_cells_it_holds():
    data = workbook(
        HEADER_ROW, *DATA_ROWS, after=f'<mergeCells><mergeCell ref="{WHOLE_GRID}"/></mergeCells>'
    )
    merged = read_table(data).merged
    assert sorted(merged) == [(1, 1), (1, 2)] + [(r, c) for r in (2, 3) for c in range(3)]
    assert set(merged.values()) == {WHOLE_GRID}


def test_overlapping_merges_over_the_cell_limit_are_refused(settings):
    settings.IMPORT_MAX_CELLS = 100
    merges = '<mergeCell ref="A1:C3"/>' * 12
    data = workbook(HEADER_ROW, *DATA_ROWS, after=f"<mergeCells>{merges}</mergeCells>")
    assert refused(data) == "Het bestand heeft meer dan 100 cellen; splits het op."


# The upload page


def upload(data: bytes, name: str):
    return client_for(factories.admin_user()).post(
        reverse("partnerships:spreadsheets"),
        {"kind": "participations", "file": SimpleUploadedFile(name, data)},
    )


def test_uploading_the_lying_workbook_shows_the_refusal_on_the_form(db):
    response = upload(workbook(row(1_048_576, ("XFD1048576", "x"))), "deelnemingen.xlsx")
    assert response.status_code == 200
    assert TOO_WIDE in response.content.decode()
    assert not ImportRun.objects.exists()


TOO_MANY_COLUMNS = "meer dan 1.000 kolommen (rij 1 heeft iets in kolom ACOF)"


def test_uploading_a_csv_of_20000_columns_shows_the_refusal_on_the_form(db, settings):
    settings.BACKGROUND_IMPORT_FROM_BYTES = 10**9  # read in the request
    response = upload(csv_with_columns(20_000), "deelnemingen.csv")
    assert response.status_code == 200
    assert TOO_MANY_COLUMNS in response.content.decode()


def test_a_csv_of_20000_columns_read_in_the_background_is_refused_on_its_page(db, run_jobs):
    """A file over the background line (200 kB) is read by the worker: the same refusal,
    on the job's page, and the file it held is not kept."""
    admin = factories.admin_user()
    client = client_for(admin)
    response = client.post(
        reverse("partnerships:spreadsheets"),
        {
            "kind": "participations",
            "file": SimpleUploadedFile("deelnemingen.csv", csv_with_columns(20_000)),
        },
    )
    assert response.status_code == 302 and response["Location"].startswith("/admin/taken/")
    assert run_jobs() == 1
    page = client.get(response["Location"]).content.decode()
    assert "mislukt" in page and TOO_MANY_COLUMNS in page
    assert not ImportRun.objects.exists()


# Elements openpyxl builds one by one, whatever the sheet holds


@pytest.mark.parametrize(
    ("element", "what"),
    [
        (
            '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1">'
            "<formula>1</formula></cfRule></conditionalFormatting>",
            "regels voor voorwaardelijke opmaak",
        ),
        ('<hyperlinks><hyperlink ref="A1" display="x"/></hyperlinks>', "hyperlinks"),
        ('<mergeCells><mergeCell ref="A5:B5"/></mergeCells>', "samengevoegde celbereiken"),
    ],
)
def test_a_small_file_full_of_elements_the_register_does_not_read_is_refused(element, what):
    data = workbook(
        HEADER_ROW, *DATA_ROWS, dimension="A1:C3", after=element * 10_001, padding=20_000
    )
    assert len(data) < 100_000
    assert refused(data) == (
        f"Het Excel-bestand bevat meer dan 10.000 {what}; zoveel leest het register niet. Sla "
        "alleen de gegevens op in een nieuwe werkmap."
    )


def test_more_rows_than_the_import_reads_are_refused_before_they_are_read(settings):
    settings.IMPORT_MAX_ROWS = 10
    rows = ("<row/>" for _ in range(1_011))
    data = workbook(HEADER_ROW, *rows, dimension="A1:C3", padding=20_000)
    assert "meer dan 1.010 rijen" in refused(data)


def test_a_workbook_with_a_few_such_elements_is_read():
    formats = '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1">'
    formats += "<formula>1</formula></cfRule></conditionalFormatting>"
    table = read_table(workbook(HEADER_ROW, *DATA_ROWS, dimension="A1:C3", after=formats * 3))
    assert [number for number, _values in table.rows] == [1, 2, 3]
