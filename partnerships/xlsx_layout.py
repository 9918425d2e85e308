"""Excel layout of the paragraph's workbook, whatever its rows (paragraph_formats.py says
what goes in): columns wide enough for what they hold, amounts as numbers in euros with
thousands separators, the header row frozen and repeated on every printed page, A4
landscape fitted to the page width, and text that starts like a formula stored as text
(Excel runs nothing, and no apostrophe shows)."""

from collections.abc import Sequence

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from registry.formatting import FORMULA_PREFIXES

REGISTRY = "Register verbonden partijen"
EURO = '"€" #,##0;[Red]-"€" #,##0'  # Excel shows it with the reader's separators: € 1.234.567
AMOUNT_WIDTH = 14  # € 999.999.999
NARROWEST, WIDEST = 10, 32  # characters; a longer text wraps, so the print stays legible
LINE_HEIGHT = 15  # points, a line of 11-point text
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
WRAP = Alignment(wrap_text=True, vertical="top")


def put(cell, value) -> None:
    """A number or a text in `cell`. openpyxl would take "=..." as a formula: a text stays a
    text (its type set after the value), with Excel's own marker for text that looks like
    a formula (quotePrefix) instead of an apostrophe in the value."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True


def _next_row(sheet) -> int:
    """The first empty row (openpyxl counts an empty sheet as one row long)."""
    empty = sheet.max_row == 1 and all(cell.value is None for cell in sheet[1])
    return 1 if empty else sheet.max_row + 1


def title_row(sheet, title: str) -> None:
    cell = sheet.cell(row=_next_row(sheet), column=1)
    put(cell, title)
    cell.font = Font(bold=True, size=13)


def header_row(sheet, labels: Sequence[str]) -> int:
    """The header row; returns its number (frozen and printed on every page by `finish`)."""
    row = _next_row(sheet)
    for column, label in enumerate(labels, start=1):
        cell = sheet.cell(row=row, column=column)
        put(cell, label)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    return row


def data_row(sheet, values: Sequence, *, bold: bool = False, row: int | None = None) -> int:
    """One row (at `row`, else after the last): numbers get the euro format, texts wrap at
    the column's width; returns its number. Give `row` when writing many rows: finding the
    last row makes openpyxl look at every cell of the sheet."""
    row = row or _next_row(sheet)
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        put(cell, value)
        if isinstance(value, str):
            cell.alignment = WRAP
        else:
            cell.number_format = EURO
            cell.alignment = Alignment(vertical="top")
        if bold:
            cell.font = Font(bold=True)
    return row


def _text_width(text: str, *, header: bool) -> int:
    """Characters a text needs: a header wraps between words, so its longest word."""
    parts = text.split() if header else text.splitlines()
    return max((len(part) for part in parts), default=0) + 2


def fit_columns(sheet, first_row: int) -> None:
    """Each column as wide as its longest text (within bounds; longer texts wrap), amount
    columns wide enough for € 999.999.999, so no amount shows as ###. `first_row`: the
    header row."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is None:
                continue
            if isinstance(cell.value, str):
                needed = _text_width(cell.value, header=cell.row == first_row)
                width = min(max(needed, NARROWEST), WIDEST)
            else:
                width = AMOUNT_WIDTH
            widths[cell.column] = max(widths.get(cell.column, NARROWEST), width)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    _fit_rows(sheet, first_row, widths)


def _lines(text: str, room: int) -> int:
    """How many lines `text` takes when wrapped between words at `room` characters."""
    count = 0
    for paragraph in text.splitlines() or [""]:
        count, used = count + 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > room:
                count, used = count + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
    return count


def _fit_rows(sheet, first_row: int, widths: dict[int, int]) -> None:
    """Rows tall enough for their wrapped texts (Excel and LibreOffice do not grow a row
    they did not lay out themselves)."""
    for row in sheet.iter_rows(min_row=first_row):
        lines = max(
            (
                _lines(cell.value, max(widths[cell.column] - 2, 1))
                for cell in row
                if isinstance(cell.value, str) and cell.column in widths
            ),
            default=1,
        )
        sheet.row_dimensions[row[0].row].height = LINE_HEIGHT * lines


def finish(sheet, *, header: int, title: str, frozen_columns: int = 0, a3: bool = False) -> None:
    """Frozen header (and the first columns), printed on A4 (or A3) landscape, fitted to the
    width of the page, the header row on every page, the title and page numbers in the
    margins."""
    sheet.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{header + 1}"
    sheet.print_title_rows = f"{header}:{header}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3 if a3 else sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.gridLines = True
    sheet.oddHeader.center.text = title.replace("&", "&&")
    sheet.oddFooter.right.text = "Pagina &P van &N"
