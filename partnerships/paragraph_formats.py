"""The paragraph in four formats with the same content: DOCX, XLSX, CSV and HTML.

Every format is written from `sections()` and `table()`, so a figure cannot appear in one
format and be missing from another (tests/partnerships/test_paragraph.py compares them).
Money is formatted the Dutch way (€ 1.234.567, -€ 12.500) except in XLSX, where it stays a
number with a euro number format so finance staff can calculate with it.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from partnerships.paragraph import MONEY_COLUMNS, Entry, Paragraph, Total
from registry import formatting
from registry.formatting import neutralise

FORMATS = ("docx", "xlsx", "csv", "html")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
EXCEL_EURO = '"€" #,##0;-"€" #,##0'


@dataclass(frozen=True)
class Cell:
    text: str
    amount: Decimal | None = None  # a known amount: XLSX writes it as a number


def money(value: Decimal | None) -> Cell:
    return Cell(formatting.euro(value), value)


def total_cell(total: Total) -> Cell:
    if total.complete or total.amount is None:
        return money(total.amount)
    return Cell(_("%(amount)s (onvolledig)") % {"amount": formatting.euro(total.amount)})


def entry_fields(entry: Entry) -> list[tuple[str, Cell]]:
    """(label, value) of one party, in the order every format shows them."""
    fields = [
        (_("Vestigingsplaats"), Cell(entry.seat or formatting.UNKNOWN)),
        (_("Openbaar belang"), Cell(entry.public_interest or formatting.UNKNOWN)),
        (_("Bestuurlijk belang"), Cell("; ".join(entry.representation) or formatting.UNKNOWN)),
        (_("Aandelen"), Cell(entry.shares or "-")),
    ]
    fields += [(str(label), money(getattr(entry, name))) for name, label in MONEY_COLUMNS]
    fields += [
        (_("Risico's"), Cell("; ".join(entry.risks) or formatting.UNKNOWN)),
        (_("Ontwikkelingen"), Cell(entry.developments or "-")),
    ]
    return fields


def total_fields(source) -> list[tuple[str, Cell]]:
    return [(str(label), total_cell(source.total(name))) for name, label in MONEY_COLUMNS]


def sections(paragraph: Paragraph) -> list[dict]:
    """Per BBV category: its parties with their fields, and its totals."""
    return [
        {
            "label": category.label,
            "entries": [(entry.name, entry_fields(entry)) for entry in category.entries],
            "totals": total_fields(category),
        }
        for category in paragraph.categories
    ]


# An entry without data, to read the field labels for the spreadsheet headings.
_EMPTY = Entry("", "", "", [], "", *(None,) * 8, [], "")


def table(paragraph: Paragraph) -> list[list[Cell]]:
    """One row per party (and per total) for the spreadsheet formats; first row: headings."""
    labels = [label for label, _cell in entry_fields(_EMPTY)]
    rows = [[Cell(_("Categorie")), Cell(_("Verbonden partij")), *(Cell(label) for label in labels)]]
    money_labels = {str(label) for _name, label in MONEY_COLUMNS}
    for section in sections(paragraph):
        if not section["entries"]:
            continue
        for name, fields in section["entries"]:
            rows.append([Cell(section["label"]), Cell(name), *(cell for _l, cell in fields)])
        totals = dict(section["totals"])
        rows.append(
            [Cell(section["label"]), Cell(_("Totaal"))]
            + [totals[label] if label in money_labels else Cell("") for label in labels]
        )
    overall = dict(total_fields(paragraph))
    rows.append(
        [Cell(_("Alle categorieën")), Cell(_("Totaal"))]
        + [overall[label] if label in money_labels else Cell("") for label in labels]
    )
    return rows


def to_csv(paragraph: Paragraph) -> bytes:
    """UTF-8 with BOM and ';' as separator: what Dutch Excel opens correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([paragraph.title])
    for row in table(paragraph):
        writer.writerow([neutralise(cell.text) for cell in row])
    for warning in paragraph.warnings:
        writer.writerow([_("Waarschuwing"), neutralise(warning)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(paragraph: Paragraph) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Verbonden partijen")
    sheet.append([paragraph.title])
    sheet["A1"].font = Font(bold=True, size=13)
    for index, row in enumerate(table(paragraph)):
        sheet.append(
            [cell.amount if cell.amount is not None else neutralise(cell.text) for cell in row]
        )
        for column, cell in enumerate(row, start=1):
            target = sheet.cell(row=sheet.max_row, column=column)
            if cell.amount is not None:
                target.number_format = EXCEL_EURO
            if index == 0 or row[1].text == _("Totaal"):
                target.font = Font(bold=True)
    if paragraph.warnings:
        warnings = workbook.create_sheet(_("Waarschuwingen"))
        for warning in paragraph.warnings:
            warnings.append([neutralise(warning)])
    sheet.freeze_panes = "C3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class _DocxWriter:
    """Adds headings, tables and bullets to a python-docx Document. Style ids are looked up
    once: python-docx resolves a style name on every add by scanning all styles of the
    template, which made the largest paragraph four times slower (bench/paragraph.py)."""

    def __init__(self):
        from docx import Document

        self.document = Document()
        styles = self.document.styles
        self._ids = {
            name: styles[name].style_id
            for name in (
                "Heading 1",
                "Heading 2",
                "Heading 3",
                "List Bullet",
                "Light List Accent 1",
            )
        }

    def _paragraph(self, text: str, style: str | None = None):
        paragraph = self.document.add_paragraph(text)
        if style:  # the id set on the XML directly, see the class docstring
            paragraph._p.get_or_add_pPr().style = self._ids[style]

    def heading(self, text: str, level: int) -> None:
        self._paragraph(text, f"Heading {level}")

    def text(self, text: str) -> None:
        self._paragraph(text)

    def bullet(self, text: str) -> None:
        self._paragraph(text, "List Bullet")

    def table(self, fields: list[tuple[str, Cell]]) -> None:
        grid = self.document.add_table(rows=len(fields), cols=2)
        grid._tbl.tblPr.style = self._ids["Light List Accent 1"]
        for row, (label, cell) in zip(grid.rows, fields, strict=True):
            first, second = row.cells
            first.paragraphs[0].add_run(label)  # a new cell holds one empty paragraph
            second.paragraphs[0].add_run(cell.text)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def to_docx(paragraph: Paragraph) -> bytes:
    writer = _DocxWriter()
    writer.heading(paragraph.title, 1)
    for part in sections(paragraph):
        writer.heading(part["label"], 2)
        if not part["entries"]:
            writer.text(_("Geen verbonden partijen in deze categorie."))
            continue
        for name, fields in part["entries"]:
            writer.heading(name, 3)
            writer.table(fields)
        writer.heading(_("Totaal %(category)s") % {"category": part["label"]}, 3)
        writer.table(part["totals"])
    writer.heading(_("Totaal alle verbonden partijen"), 2)
    writer.table(total_fields(paragraph))
    if paragraph.warnings:
        writer.heading(_("Ontbrekende gegevens"), 2)
        for warning in paragraph.warnings:
            writer.bullet(warning)
    return writer.save()


def to_html(paragraph: Paragraph) -> bytes:
    return render_to_string(
        "partnerships/paragraph.html",
        {
            "paragraph": paragraph,
            "sections": sections(paragraph),
            "totals": total_fields(paragraph),
        },
    ).encode("utf-8")


RENDERERS = {"docx": to_docx, "xlsx": to_xlsx, "csv": to_csv, "html": to_html}


def render(paragraph: Paragraph, file_format: str) -> bytes:
    return RENDERERS[file_format](paragraph)
