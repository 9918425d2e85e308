"""Exports and templates, XLSX and CSV, in the columns the import reads back.

XLSX cells keep their type (numbers, dates); CSV is written the way Dutch Excel opens it:
UTF-8 with BOM, ";" between cells, a decimal comma without thousands separators, dates as
31-12-2026. Every text cell starting with = + - @ gets a leading quote so that Excel shows
it as text and runs nothing; the import removes that quote again, so an export read back in
changes nothing.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from partnerships.spreadsheets.files import EXPLANATION_SHEET
from partnerships.spreadsheets.kinds import SheetKind
from registry.formatting import neutralise

DATE_FORMAT = "DD-MM-YYYY"


# Rows read from the database per batch when an export is streamed.
CHUNK = 2000


CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def iter_export_rows(kind: SheetKind, user) -> Iterator[list]:
    """The records `user` may read, one row each, in the kind's columns, read in batches
    (an export of the whole country never holds all its records at once)."""
    columns = kind.columns
    for record in kind.export_queryset(user).iterator(chunk_size=CHUNK):
        yield [_value(column, record) for column in columns]


def export_rows(kind: SheetKind, user) -> list[list]:
    return list(iter_export_rows(kind, user))


def _value(column, record):
    return _cell(column.export(record) if column.export else getattr(record, column.name))


def _cell(value):
    """A value as a spreadsheet cell holds it: yes/no in Dutch, labels as text, "" empty."""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, Promise):  # a lazily translated label
        return str(value)
    return value if value != "" else None


def headers(kind: SheetKind) -> list[str]:
    return [str(column.header) for column in kind.columns]


def write_xlsx(kind: SheetKind, rows: Iterable[list], target) -> None:
    """An export as XLSX into the file `target`, in openpyxl's write-only mode: rows go to
    disk as they come, so memory stays the same whatever the number of rows. The same
    sheet as `to_xlsx` makes: bold headers, column widths, dates as 31-12-2026, the first
    row frozen."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(kind.label))
    titles = headers(kind)
    for index, header in enumerate(titles, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(header) + 2))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in titles:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        cells = []
        for value in row:
            value = _xlsx_cell(value)
            if isinstance(value, datetime.date):
                value = WriteOnlyCell(sheet, value=value)
                value.number_format = DATE_FORMAT
            cells.append(value)
        sheet.append(cells)
    workbook.save(target)


def to_xlsx(kind: SheetKind, rows: Iterable[list], explanation: bool = False) -> bytes:
    if not explanation:
        buffer = io.BytesIO()
        write_xlsx(kind, rows, buffer)
        return buffer.getvalue()
    return _template_workbook(kind, rows)


def _template_workbook(kind: SheetKind, rows: Iterable[list]) -> bytes:
    """A small workbook with the explanation sheet (its cells wrap: not write-only)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = str(kind.label)
    sheet.append(headers(kind))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_xlsx_cell(value) for value in row])
    for column_cells in sheet.iter_cols(min_row=2, max_row=sheet.max_row):
        for cell in column_cells:
            if isinstance(cell.value, datetime.date):
                cell.number_format = DATE_FORMAT
    for index, header in enumerate(headers(kind), start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(
            12, min(40, len(header) + 2)
        )
    sheet.freeze_panes = "A2"
    _explanation_sheet(workbook.create_sheet(EXPLANATION_SHEET), kind)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(value):
    return neutralise(value) if isinstance(value, str) else value


def _explanation_sheet(sheet, kind: SheetKind) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.append([_("Kolom"), _("Verplicht"), _("Toegestane waarden"), _("Uitleg")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in kind.columns:
        sheet.append(
            [
                str(column.header),
                _("ja") if column.required else _("nee"),
                neutralise(str(column.allowed)),
                neutralise(str(column.explanation)),
            ]
        )
    sheet.append([])
    for line in _general_rules():
        sheet.append([line])
    for letter, width in zip("ABCD", (34, 10, 50, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _general_rules() -> list[str]:
    return [
        _(
            "Kolomkoppen mogen in een andere volgorde en schrijfwijze; onbekende kolommen "
            "worden gemeld."
        ),
        _("Bedragen: 1.234,56 of 1234,56; datums: 31-12-2026 (ook 2026-12-31 en Excel-datums)."),
        _(
            "Een lege cel in een bestaand gegeven maakt dat veld leeg; een ontbrekende kolom "
            "laat het ongemoeid."
        ),
        _("Formules: de laatst door Excel berekende uitkomst telt."),
        _("De import slaat alle rijen op of geen: eerst ziet u een voorvertoning."),
    ]


def template_xlsx(kind: SheetKind) -> bytes:
    """The columns, one example row and the explanation sheet."""
    example = [_cell(column.example) for column in kind.columns]
    return to_xlsx(kind, [example], explanation=True)


def csv_chunks(kind: SheetKind, rows: Iterable[list]) -> Iterator[bytes]:
    """An export as CSV, a line at a time (for a streamed response): the BOM and the
    headers first, then one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    def line(cells) -> bytes:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue().encode("utf-8")

    yield "\ufeff".encode() + line(headers(kind))
    for row in rows:
        yield line([_csv_cell(value) for value in row])


def to_csv(kind: SheetKind, rows: Iterable[list]) -> bytes:
    return b"".join(csv_chunks(kind, rows))


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, Decimal):
        return f"{value:f}".replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return neutralise(str(value))
