"""Reading an uploaded spreadsheet into a Table, refusing what is hostile or broken.

Refused before any row is read, each with a Dutch message (FileRefused):
- larger than IMPORT_MAX_BYTES, or more data rows than IMPORT_MAX_ROWS;
- not a spreadsheet (a PDF, an image, a Word file, binary data);
- an old .xls or a password-protected .xlsx (both are OLE compound files);
- a corrupt .xlsx (a broken zip, missing parts, unreadable XML);
- a zip bomb: unpacked size over IMPORT_MAX_UNPACKED_BYTES, or more than IMPORT_MAX_RATIO
  times the file size (ordinary workbooks pack 5 to 20 times).

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
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter, range_boundaries

from registry.formatting import number

EXPLANATION_SHEET = "Toelichting"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
NOT_TEXT_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc")
FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")
MERGE_TAG = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


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
    """0 -> 'A', as Excel names columns (also used for CSV, which a user opens in Excel)."""
    return get_column_letter(index + 1)


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


# XLSX


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    corrupt = FileRefused(
        _(
            "Het Excel-bestand is beschadigd en kan niet worden gelezen. Sla het opnieuw op "
            "in Excel."
        )
    )
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
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = _data_sheet(workbook)
        xml = archive.read(sheet._worksheet_path)
        table = Table(rows=_sheet_rows(sheet), file_format="xlsx")
        if FORMULA_TAG.search(xml):
            table.formulas_without_value = _formulas_without_value(data, sheet.title, table)
        table.merged = _merged_cells(xml)
    except FileRefused:
        raise
    except Exception:  # openpyxl raises many kinds (KeyError, XML errors, ...) on bad parts
        raise corrupt from None
    finally:
        archive.close()
    return table


def _data_sheet(workbook):
    for sheet in workbook.worksheets:
        if sheet.title.strip().lower() != EXPLANATION_SHEET.lower():
            return sheet
    raise FileRefused(_("De werkmap heeft geen werkblad met gegevens."))


def _sheet_rows(sheet) -> list[tuple[int, list]]:
    rows = []
    for number_, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if _is_empty(values):
            continue
        if len(rows) > settings.IMPORT_MAX_ROWS:  # the header row is not a data row
            raise _too_many_rows()
        rows.append((number_, list(values)))
    return rows


def _formulas_without_value(data: bytes, title: str, table: Table) -> set[tuple[int, int]]:
    """Cells holding a formula whose value Excel did not store (row, column index)."""
    from openpyxl import load_workbook

    formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)[title]
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


def _merged_cells(xml: bytes) -> dict[tuple[int, int], str]:
    """Every cell a merge covers except its first: (row, column index) -> 'A3:A5'."""
    covered = {}
    for match in MERGE_TAG.finditer(xml):
        ref = match.group(1).decode()
        first_col, first_row, last_col, last_row = range_boundaries(ref)
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
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
    rows = []
    try:
        for number_, values in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            if _is_empty(values):
                continue
            if len(rows) > settings.IMPORT_MAX_ROWS:
                raise _too_many_rows()
            rows.append((number_, [value if value.strip() else None for value in values]))
    except csv.Error:
        raise FileRefused(
            _("Het CSV-bestand is niet goed opgebouwd (bijvoorbeeld een aanhalingsteken te veel).")
        ) from None
    return Table(rows=rows, file_format="csv")


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
