"""The paragraph in four formats with the same content: DOCX, XLSX, CSV and HTML.

Every format is written from `introduction()`, `sections()` and `table()`, so a figure cannot
appear in one format and be missing from another (tests/partnerships/test_paragraph.py
compares them). DOCX and HTML show money the Dutch way (€ 1.234.567, -€ 12.500); XLSX and CSV
keep amounts numbers (XLSX with a euro number format, CSV with a decimal comma), so finance
staff can calculate with them and no amount gets the formula guard's quote. Text cells that
start like a formula (= + - @) are neutralised in XLSX and CSV.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from partnerships.paragraph import Entry, Paragraph, Total
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
    amount: Decimal | None = None  # a known amount: the spreadsheets write it as a number
    incomplete: bool = False  # a total over partly unknown amounts


def money(value: Decimal | None) -> Cell:
    return Cell(formatting.euro(value), value)


def total_cell(total: Total) -> Cell:
    if total.complete or total.amount is None:
        return money(total.amount)
    text = _("%(amount)s (onvolledig)") % {"amount": formatting.euro(total.amount)}
    return Cell(text, total.amount, incomplete=True)


def _text(value: str, empty: str = formatting.UNKNOWN) -> Cell:
    return Cell(value or empty)


def entry_fields(entry: Entry, paragraph: Paragraph) -> list[tuple[str, Cell]]:
    """(label, value) of one party, in the order every format shows them."""
    fields = [
        (_("Vestigingsplaats"), _text(entry.seat)),
        (_("Openbaar belang"), _text(entry.public_interest)),
        (_("Verbonden partij omdat"), _text(entry.reason)),
        (_("Bestuurlijk belang"), _text("; ".join(entry.representation))),
        (_("Aandelen"), _text(entry.shares, _("geen"))),
    ]
    fields += [(label, money(entry.amount(name))) for name, label in paragraph.money_columns]
    fields += [
        (_("Risico's"), _text("; ".join(entry.risks))),
        (_("Ontwikkelingen"), _text(entry.developments, _("geen"))),
    ]
    return fields


def total_fields(source, paragraph: Paragraph) -> list[tuple[str, Cell]]:
    return [(label, total_cell(source.total(name))) for name, label in paragraph.money_columns]


def introduction(paragraph: Paragraph) -> list[tuple[str, str]]:
    """BBV art. 15 lid 1 onder a: the visie and the beleidsvoornemens (or that they are missing)."""
    missing = _("ontbreekt")
    return [
        (_("Visie op verbonden partijen"), paragraph.vision or missing),
        (_("Beleidsvoornemens omtrent verbonden partijen"), paragraph.intentions or missing),
    ]


def sections(paragraph: Paragraph) -> list[dict]:
    """Per BBV category: its parties with their fields, and its totals."""
    return [
        {
            "label": category.label,
            "entries": [(entry.name, entry_fields(entry, paragraph)) for entry in category.entries],
            "totals": total_fields(category, paragraph),
        }
        for category in paragraph.categories
    ]


def _empty_entry() -> Entry:
    """An entry without data, to read the field labels for the spreadsheet headings."""
    return Entry("", "", "", "", [], "", {}, [], "")


def _total_row(label: str, totals: list[tuple[str, Cell]], labels: list[str]) -> list[Cell]:
    by_label = dict(totals)
    incomplete = [name for name, cell in totals if cell.incomplete]
    note = _("onvolledig: %(columns)s") % {"columns": ", ".join(incomplete)} if incomplete else ""
    return [
        Cell(label),
        Cell(_("Totaal")),
        *(by_label.get(name, Cell("")) for name in labels),
        Cell(note),
    ]


def table(paragraph: Paragraph) -> list[list[Cell]]:
    """One row per party (and per total) for the spreadsheet formats; first row: headings.
    The last column says which totals are over partly unknown amounts."""
    labels = [label for label, _cell in entry_fields(_empty_entry(), paragraph)]
    heading = [_("Categorie"), _("Verbonden partij"), *labels, _("Opmerking")]
    rows = [[Cell(text) for text in heading]]
    for section in sections(paragraph):
        if not section["entries"]:
            continue
        for name, fields in section["entries"]:
            rows.append(
                [Cell(section["label"]), Cell(name), *(cell for _l, cell in fields), Cell("")]
            )
        rows.append(_total_row(section["label"], section["totals"], labels))
    rows.append(_total_row(_("Alle categorieën"), total_fields(paragraph, paragraph), labels))
    return rows


def spreadsheet_value(cell: Cell):
    """What a spreadsheet cell holds: an amount as a number (never neutralised: it is not
    text), text with the formula guard of registry.formatting.neutralise."""
    return cell.amount if cell.amount is not None else neutralise(cell.text)


def _csv_value(cell: Cell) -> str:
    if cell.amount is not None:
        return f"{cell.amount:f}".replace(".", ",")  # a number as Dutch Excel reads it
    return neutralise(cell.text)


def to_csv(paragraph: Paragraph) -> bytes:
    """UTF-8 with BOM and ';' as separator: what Dutch Excel opens correctly. Amounts are
    numbers with a decimal comma, text cells are neutralised only where they start like a
    formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([neutralise(paragraph.title)])
    for label, text in introduction(paragraph):
        writer.writerow([neutralise(label), neutralise(text)])
    for row in table(paragraph):
        writer.writerow([_csv_value(cell) for cell in row])
    for warning in paragraph.warnings:
        writer.writerow([_("Ontbrekende gegevens"), neutralise(warning)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(paragraph: Paragraph) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Verbonden partijen")
    sheet.append([neutralise(paragraph.title)])
    sheet["A1"].font = Font(bold=True, size=13)
    for label, text in introduction(paragraph):
        sheet.append([neutralise(label), neutralise(text)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    header_row = sheet.max_row + 1
    for index, row in enumerate(table(paragraph)):
        sheet.append([spreadsheet_value(cell) for cell in row])
        for column, cell in enumerate(row, start=1):
            target = sheet.cell(row=sheet.max_row, column=column)
            if cell.amount is not None:
                target.number_format = EXCEL_EURO
            if index == 0 or row[1].text == _("Totaal"):
                target.font = Font(bold=True)
    if paragraph.warnings:
        warnings = workbook.create_sheet(_("Ontbrekende gegevens"))
        for warning in paragraph.warnings:
            warnings.append([neutralise(warning)])
    sheet.freeze_panes = f"C{header_row + 1}"
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
    for label, text in introduction(paragraph):
        writer.heading(label, 2)
        writer.text(text)
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
    writer.table(total_fields(paragraph, paragraph))
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
            "introduction": introduction(paragraph),
            "sections": sections(paragraph),
            "totals": total_fields(paragraph, paragraph),
        },
    ).encode("utf-8")


RENDERERS = {"docx": to_docx, "xlsx": to_xlsx, "csv": to_csv, "html": to_html}


def render(paragraph: Paragraph, file_format: str) -> bytes:
    return RENDERERS[file_format](paragraph)
