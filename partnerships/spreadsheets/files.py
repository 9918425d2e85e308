"""Reading an uploaded spreadsheet into a Table, refusing what is hostile or broken.

Refused before any row is read, each with a Dutch message (FileRefused):
- larger than IMPORT_MAX_BYTES, or more data rows than IMPORT_MAX_ROWS;
- not a spreadsheet (a PDF, an image, a Word file, binary data);
- an old .xls or a password-protected .xlsx (both are OLE compound files);
- a corrupt .xlsx (a broken zip, missing parts, unreadable XML);
- a zip bomb: unpacked size over IMPORT_MAX_UNPACKED_BYTES, or more than IMPORT_MAX_RATIO
  times the file size (ordinary workbooks pack 5 to 20 times).

Refused while the rows are read, before the work grows out of hand:
- a value beyond column IMPORT_MAX_COLUMNS (a CSV line too; trailing empty cells do not count);
- more than IMPORT_MAX_CELLS cells read in all, empty ones included;
- a row number beyond Excel's last row (1,048,576): no Excel wrote that, the file is corrupt.

The size a sheet declares (<dimension ref="A1:XFD1048576"/>) is not trusted: openpyxl would
pad every row to that width and yield every row up to that height, a quarter of an hour of
CPU for a file of 1.5 kB. The sheet is read by the cells it holds instead: each row as far as
its last cell; a row missing between two others costs one empty row (cheap, and there are no
more of them than Excel has rows). A merge may claim the whole sheet as well: merged cells are
listed only on the rows the sheet holds and within its widest row.

Formulas: the value Excel stored when it last saved the file is used. A formula without a
stored value (a file written by a program that does not calculate) is reported on its cell,
since its outcome is unknown. Merged cells are reported on every cell they cover except the
first, because those rows would silently get no value.

CSV: UTF-8 (with or without BOM) or Windows-1252, separated by ";", "," or tab (the one the
header line uses most).
"""

import csv
import io
import re
import zipfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import range_boundaries

from registry.formatting import number

EXPLANATION_SHEET = "Toelichting"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
NOT_TEXT_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc")
FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")
MERGE_TAG = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
EXCEL_MAX_ROW = 1_048_576


class FileRefused(Exception):
    """The file as a whole cannot be read; nothing has been done with it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    """The cells of one sheet: rows keyed by their row number in the file (1 = first line)."""

    rows: list[tuple[int, list]]
    file_format: str  # "xlsx" or "csv"
    merged: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> "A3:A5"
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)


def column_letter(index: int) -> str:
    """0 -> 'A', 26 -> 'AA', as Excel names columns (also used for CSV, which a user opens in
    Excel). Any index has a name, also past Excel's last column XFD (openpyxl raises there)."""
    letters = ""
    number_ = index + 1
    while number_ > 0:
        number_, rest = divmod(number_ - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_table(data: bytes) -> Table:
    """The first data sheet of an XLSX (not the explanation sheet), or a CSV."""
    check_size(len(data))
    if not data.strip():
        raise FileRefused(_("Het bestand is leeg."))
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise FileRefused(
                _(
                    "Het Excel-bestand is met een wachtwoord beveiligd. Sla het op zonder "
                    "wachtwoord en probeer het opnieuw."
                )
            )
        raise FileRefused(
            _("Dit is een oud Excel-bestand (.xls). Sla het op als .xlsx of als CSV.")
        )
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data)
    return _read_csv(data)


def check_size(size: int) -> None:
    """Refuse a file over the limit; also asked before an upload is read into memory."""
    if size > settings.IMPORT_MAX_BYTES:
        raise FileRefused(
            _("Het bestand is %(size)s; de grens is %(limit)s.")
            % {"size": _megabytes(size), "limit": _megabytes(settings.IMPORT_MAX_BYTES)}
        )


def _megabytes(size: int) -> str:
    """1.5 MB as "1,5 MB", under a megabyte in kB."""
    if size < 1024 * 1024:
        return f"{number(max(1, round(size / 1024)))} kB"
    return f"{number(size / (1024 * 1024), 1)} MB"


def _too_many_rows() -> FileRefused:
    return FileRefused(
        _("Het bestand heeft meer dan %(limit)s rijen; splits het op.")
        % {"limit": number(settings.IMPORT_MAX_ROWS)}
    )


def _is_empty(values) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


class _Reading:
    """Collects the rows of a sheet, counting the work: refuses a file with a value beyond
    IMPORT_MAX_COLUMNS, more than IMPORT_MAX_CELLS cells or more than IMPORT_MAX_ROWS rows."""

    def __init__(self):
        self.rows: list[tuple[int, list]] = []
        self.cells = 0

    def add(self, number_: int, values) -> None:
        """`values`: the row's cells as read, None for an empty one."""
        self.cells += len(values)
        width = len(values)
        while width and values[width - 1] is None:
            width -= 1
        if width > settings.IMPORT_MAX_COLUMNS:
            raise FileRefused(
                _(
                    "Het bestand heeft meer dan %(limit)s kolommen (rij %(row)s heeft iets in "
                    "kolom %(column)s); haal weg wat daar niet hoort."
                )
                % {
                    "limit": number(settings.IMPORT_MAX_COLUMNS),
                    "row": number(number_),
                    "column": column_letter(width - 1),
                }
            )
        if self.cells > settings.IMPORT_MAX_CELLS:
            raise _too_many_cells()
        if _is_empty(values[:width]):
            return
        if len(self.rows) > settings.IMPORT_MAX_ROWS:  # the header row is not a data row
            raise _too_many_rows()
        self.rows.append((number_, list(values[:width])))


def _too_many_cells() -> FileRefused:
    return FileRefused(
        _("Het bestand heeft meer dan %(limit)s cellen; splits het op.")
        % {"limit": number(settings.IMPORT_MAX_CELLS)}
    )


# XLSX


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    corrupt = _corrupt()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise corrupt from None
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        raise FileRefused(
            _("Dit is een zip-bestand maar geen Excel-werkmap (.xlsx); misschien een Word-bestand?")
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > settings.IMPORT_MAX_UNPACKED_BYTES or unpacked > settings.IMPORT_MAX_RATIO * len(
        data
    ):
        raise FileRefused(
            _(
                "Het Excel-bestand pakt uit tot %(size)s uit %(packed)s; dat is niet in "
                "verhouding tot een gewone werkmap en wordt niet gelezen."
            )
            % {"size": _megabytes(unpacked), "packed": _megabytes(len(data))}
        )
    try:
        _count_parts(archive, members)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = _data_sheet(workbook)
        xml = archive.read(sheet._worksheet_path)
        table = Table(rows=_sheet_rows(sheet), file_format="xlsx")
        if FORMULA_TAG.search(xml):
            table.formulas_without_value = _formulas_without_value(data, sheet.title, table)
        table.merged = _merged_cells(xml, table)
    except FileRefused:
        raise
    except Exception:  # openpyxl raises many kinds (KeyError, XML errors, ...) on bad parts
        raise corrupt from None
    finally:
        archive.close()
    return table


# What openpyxl builds one element at a time, whatever the sheet is used for: counted in the
# unpacked XML before openpyxl reads anything, so a small file full of them is refused in
# well under a second instead of tying up a worker for minutes. Far above what a register
# sheet needs; rows, cells and texts have their own limits (IMPORT_MAX_ROWS, _MAX_CELLS).
ELEMENT_LIMIT = 10_000
COUNTED_ELEMENTS = {
    b"cfRule": gettext_lazy("regels voor voorwaardelijke opmaak"),
    b"dataValidation": gettext_lazy("gegevensvalidaties"),
    b"mergeCell": gettext_lazy("samengevoegde celbereiken"),
    b"hyperlink": gettext_lazy("hyperlinks"),
    b"definedName": gettext_lazy("namen"),
    b"xf": gettext_lazy("celopmaken"),
    b"dxf": gettext_lazy("opmaken"),
    b"font": gettext_lazy("lettertypen"),
    b"row": gettext_lazy("rijen"),
    b"c": gettext_lazy("cellen"),
    b"si": gettext_lazy("teksten"),
}
ELEMENT_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(" + b"|".join(COUNTED_ELEMENTS) + rb")[\s/>]")
CHUNK = 4 * 1024 * 1024


def _element_limits() -> dict[bytes, int]:
    rows = settings.IMPORT_MAX_ROWS + 1000  # a title, a header and the explanation sheet
    cells = settings.IMPORT_MAX_CELLS
    return {
        **dict.fromkeys(COUNTED_ELEMENTS, ELEMENT_LIMIT),
        b"row": rows,
        b"c": cells,
        b"si": cells,
    }


def _count_parts(archive: zipfile.ZipFile, members) -> None:
    """Refuse a workbook whose XML holds more of an element than the register reads."""
    limits = _element_limits()
    counts: dict[bytes, int] = dict.fromkeys(COUNTED_ELEMENTS, 0)
    for member in members:
        if not member.filename.endswith(".xml"):
            continue
        with archive.open(member) as part:
            tail = b""
            while chunk := part.read(CHUNK):
                text = tail + chunk
                # a tag cut by the chunk boundary is counted in the next round
                cut = text.rfind(b"<")
                whole, tail = (text[:cut], text[cut:]) if cut > len(text) - 64 else (text, b"")
                for name in ELEMENT_TAG.findall(whole):
                    counts[name] += 1
            for name in ELEMENT_TAG.findall(tail + b" "):
                counts[name] += 1
        for name, count in counts.items():
            if count > limits[name]:
                raise FileRefused(
                    _(
                        "Het Excel-bestand bevat meer dan %(limit)s %(what)s; zoveel leest het "
                        "register niet. Sla alleen de gegevens op in een nieuwe werkmap."
                    )
                    % {"limit": number(limits[name]), "what": COUNTED_ELEMENTS[name]}
                )


def _corrupt() -> FileRefused:
    return FileRefused(
        _(
            "Het Excel-bestand is beschadigd en kan niet worden gelezen. Sla het opnieuw op "
            "in Excel."
        )
    )


def _data_sheet(workbook):
    for sheet in workbook.worksheets:
        if sheet.title.strip().lower() != EXPLANATION_SHEET.lower():
            return sheet
    raise FileRefused(_("De werkmap heeft geen werkblad met gegevens."))


def _sheet_rows(sheet) -> list[tuple[int, list]]:
    """Without its declared dimension, openpyxl's read-only sheet yields each row as far as its
    last cell and an empty one for each row missing in the file, so the count is the row."""
    sheet.reset_dimensions()
    reading = _Reading()
    for number_, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number_ > EXCEL_MAX_ROW:
            raise _corrupt()
        if values:
            reading.add(number_, values)
    return reading.rows


def _formulas_without_value(data: bytes, title: str, table: Table) -> set[tuple[int, int]]:
    """Cells holding a formula whose value Excel did not store (row, column index)."""
    from openpyxl import load_workbook

    formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)[title]
    formulas.reset_dimensions()  # the same rows as _sheet_rows read, which counted them
    values = dict(table.rows)
    missing = set()
    for row in formulas.iter_rows():
        for cell in row:
            if getattr(cell, "data_type", None) != "f":
                continue
            stored = values.get(cell.row, [])
            index = cell.column - 1
            if index >= len(stored) or stored[index] is None:
                missing.add((cell.row, index))
    return missing


def _merged_cells(xml: bytes, table: Table) -> dict[tuple[int, int], str]:
    """Every cell a merge covers except its first: (row, column index) -> 'A3:A5'. Only on the
    rows the table holds and within its widest row, since a merge may claim the whole sheet;
    merges covering more than IMPORT_MAX_CELLS such cells (overlaps counted) refuse the file."""
    numbers = [number_ for number_, _values in table.rows]  # ascending
    width = max((len(values) for _number, values in table.rows), default=0)
    covered = {}
    counted = 0
    for match in MERGE_TAG.finditer(xml):
        ref = match.group(1).decode()
        first_col, first_row, last_col, last_row = range_boundaries(ref)
        columns = range(first_col, min(last_col, width) + 1)
        for row in numbers[bisect_left(numbers, first_row) : bisect_right(numbers, last_row)]:
            counted += len(columns)
            if counted > settings.IMPORT_MAX_CELLS:
                raise _too_many_cells()
            for col in columns:
                if (row, col) != (first_row, first_col):
                    covered[(row, col - 1)] = ref
    return covered


# CSV


def _read_csv(data: bytes) -> Table:
    if data.startswith(NOT_TEXT_MAGIC) or b"\x00" in data[:4096]:
        raise FileRefused(_("Dit is geen spreadsheet: lever een .xlsx- of CSV-bestand aan."))
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reading = _Reading()
    try:
        for number_, values in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            reading.add(number_, [value if value.strip() else None for value in values])
    except csv.Error:
        raise FileRefused(
            _("Het CSV-bestand is niet goed opgebouwd (bijvoorbeeld een aanhalingsteken te veel).")
        ) from None
    return Table(rows=reading.rows, file_format="csv")


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
