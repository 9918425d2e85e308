"""The paragraph in four formats with the same content: DOCX, XLSX, CSV and HTML.

Every format is written from `sections()`, `table()` and `missing_data()`, so a figure cannot
appear in one format and be missing from another (tests/partnerships/test_paragraph.py
compares them). Money is formatted the Dutch way (€ 1.234.567, -€ 12.500) except in XLSX,
where it stays a number with a euro number format so finance staff can calculate with it.
How the DOCX and XLSX look (A4, Dutch, header rows, widths, print set-up, a municipality's
own Word template) is in docx_layout.py and xlsx_layout.py: a new row or section written
here gets that layout.
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
from partnerships.paragraph import MONEY_COLUMNS, Entry, Paragraph, Total
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


def missing_data(paragraph: Paragraph) -> list[str]:
    """ "Ontbrekende gegevens": per party every field the document shows as "onbekend" (a
    missing figure is listed, never shown as zero), in both variants and every format; then
    the paragraph's other warnings."""
    lines, names = [], []
    for section in sections(paragraph):
        for name, fields in section["entries"]:
            names.append(name)
            unknown = [label.lower() for label, cell in fields if cell.text == formatting.UNKNOWN]
            if unknown:
                lines.append(
                    _("%(party)s: onbekend: %(fields)s.")
                    % {"party": name, "fields": ", ".join(unknown)}
                )
    listed = tuple(f"{name}: " for name in names)
    return lines + [w for w in paragraph.warnings if not w.startswith(listed)]


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
            sheet,
            [cell.amount if cell.amount is not None else cell.text for cell in row],
            bold=row[1].text == _("Totaal"),
        )
    xlsx_layout.fit_columns(sheet, first_row=header)
    xlsx_layout.finish(sheet, header=header, title=paragraph.title, frozen_columns=2)
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
    overall = _("Totaal alle verbonden partijen")
    writer.heading(overall, 2)
    _field_table(writer, _("Bedrag"), total_fields(paragraph), amounts=True)
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
            "sections": sections(paragraph),
            "totals": total_fields(paragraph),
            "missing": missing_data(paragraph),
        },
    ).encode("utf-8")


RENDERERS = {"docx": to_docx, "xlsx": to_xlsx, "csv": to_csv, "html": to_html}


def render(paragraph: Paragraph, file_format: str, template: bytes | None = None) -> bytes:
    """`template`: the organisation's Word template, for the DOCX."""
    if file_format == "docx":
        return to_docx(paragraph, template)
    return RENDERERS[file_format](paragraph)
