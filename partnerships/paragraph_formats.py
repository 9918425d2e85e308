"""The paragraph in four formats with the same content: DOCX, XLSX, CSV and HTML.

Every format is written from `introduction()`, `sections()`, `table()` and `missing_data()`,
so a figure cannot appear in one format and be missing from another
(tests/partnerships/test_paragraph.py compares them). DOCX and HTML show money the Dutch way
(€ 1.234.567, -€ 12.500); XLSX and CSV keep amounts numbers (XLSX with a euro number format,
CSV with a decimal comma), so finance staff can calculate with them and no amount gets the
formula guard's quote. Text cells that start like a formula (= + - @) are neutralised in XLSX
and CSV. How the DOCX and XLSX look (A4, Dutch, header rows, widths, print set-up, a
municipality's own Word template) is in docx_layout.py and xlsx_layout.py: a new row or
section written here gets that layout.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerships import xlsx_layout
from partnerships.docx_layout import DocxWriter, set_properties
from partnerships.paragraph import Entry, Paragraph, Total
from registry import formatting
from registry.formatting import neutralise

FORMATS = ("docx", "xlsx", "csv", "html")
MISSING = gettext_lazy("Ontbrekende gegevens")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


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


def missing_data(paragraph: Paragraph) -> list[str]:
    """ "Ontbrekende gegevens" (partnerships.paragraph lists them as it builds the paragraph:
    the texts of BBV art. 15 lid 1, every figure shown as unknown, and the participations
    whose status is unknown), in both variants and every format."""
    return list(paragraph.warnings)


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
    """What an XLSX cell holds: an amount as a number, else the text (xlsx_layout.put keeps
    a text that starts like a formula a text, with Excel's quote prefix, no apostrophe)."""
    return cell.amount if cell.amount is not None else cell.text


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
    for line in missing_data(paragraph):
        writer.writerow([str(MISSING), neutralise(line)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(paragraph: Paragraph) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.creator = xlsx_layout.REGISTRY
    workbook.properties.title = paragraph.title
    sheet = workbook.active
    sheet.title = _("Verbonden partijen")
    xlsx_layout.title_row(sheet, paragraph.title)
    heading, *rows = table(paragraph)
    header = xlsx_layout.header_row(sheet, [cell.text for cell in heading])
    for row in rows:
        xlsx_layout.data_row(
            sheet, [spreadsheet_value(cell) for cell in row], bold=row[1].text == _("Totaal")
        )
    xlsx_layout.fit_columns(sheet, first_row=header)
    xlsx_layout.finish(sheet, header=header, title=paragraph.title, frozen_columns=2)
    # BBV art. 15 lid 1 onder a on a sheet of its own: the table above stays one to calculate with
    texts = workbook.create_sheet(_("Visie en beleid"))
    texts_header = xlsx_layout.header_row(texts, [_("Onderdeel"), _("Tekst")])
    for label, text in introduction(paragraph):
        xlsx_layout.data_row(texts, [label, text])
    xlsx_layout.fit_columns(texts, first_row=texts_header)
    xlsx_layout.finish(texts, header=texts_header, title=paragraph.title)
    missing = missing_data(paragraph)
    if missing:
        listing = workbook.create_sheet(str(MISSING)[:31])
        listing_header = xlsx_layout.header_row(listing, [str(MISSING)])
        for line in missing:
            xlsx_layout.data_row(listing, [line])
        xlsx_layout.fit_columns(listing, first_row=listing_header)
        xlsx_layout.finish(listing, header=listing_header, title=paragraph.title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FIELD_SHARES = (0.38, 0.62)  # label | value: of the text column's width


def _field_table(writer: DocxWriter, subject: str, fields: list[tuple[str, Cell]], amounts=False):
    """A table of (label, value) rows under a header naming what they are about."""
    writer.table(
        [_("Onderdeel"), subject],
        [(label, cell.text) for label, cell in fields],
        FIELD_SHARES,
        right=(False, amounts),
    )


def to_docx(paragraph: Paragraph, template: bytes | None = None) -> bytes:
    """`template`: the organisation's own Word template (house style), if it has one."""
    writer = DocxWriter(template)
    set_properties(
        writer.document,
        title=paragraph.title,
        subject=_("Paragraaf verbonden partijen %(year)s") % {"year": paragraph.year},
        organisation=paragraph.organisation.name,
    )
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
            _field_table(writer, name, fields)
        total = _("Totaal %(category)s") % {"category": part["label"]}
        writer.heading(total, 3)
        _field_table(writer, _("Bedrag"), part["totals"], amounts=True)
    writer.heading(_("Totaal alle verbonden partijen"), 2)
    _field_table(writer, _("Bedrag"), total_fields(paragraph, paragraph), amounts=True)
    writer.heading(str(MISSING), 2)
    missing = missing_data(paragraph)
    if not missing:
        writer.text(_("Geen: alle gegevens zijn bekend."))
    for line in missing:
        writer.bullet(line)
    return writer.save()


def to_html(paragraph: Paragraph) -> bytes:
    return render_to_string(
        "partnerships/paragraph.html",
        {
            "paragraph": paragraph,
            "introduction": introduction(paragraph),
            "sections": sections(paragraph),
            "totals": total_fields(paragraph, paragraph),
            "missing": missing_data(paragraph),
        },
    ).encode("utf-8")


RENDERERS = {"docx": to_docx, "xlsx": to_xlsx, "csv": to_csv, "html": to_html}


def file_name(paragraph: Paragraph, file_format: str) -> str:
    code = paragraph.organisation.cbs_code or paragraph.organisation.pk
    return f"verbonden-partijen-{paragraph.variant}-{paragraph.year}-{code}.{file_format}"


def render(paragraph: Paragraph, file_format: str, template: bytes | None = None) -> bytes:
    """`template`: the organisation's Word template, for the DOCX."""
    if file_format == "docx":
        return to_docx(paragraph, template)
    return RENDERERS[file_format](paragraph)
