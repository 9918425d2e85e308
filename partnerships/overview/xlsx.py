"""The overview map as a workbook in the map's own shape (seed 002, appendices A and B), for a
supervisor to send on: a title, the header of columns, per theme a merged row with the theme's
name, the parties with their legal-basis code and marks, the footer counts with the register's
BBV count, the legend, and a sheet with the reason for each difference. House style of
partnerships.xlsx_layout, printed on A3 landscape with the header and first columns frozen."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from partnerships import xlsx_layout as layout
from partnerships.overview.codes import MAP_CODE_OF
from partnerships.overview.queries import GONE, MARK, NEW

CENTRED = Alignment(horizontal="center", vertical="top")
MARK_WIDTH = 7  # characters: "Nieuw", "niet meer" wraps
HEADER_HEIGHT = 130  # points: an upright municipality name


def map_title(overview) -> str:
    title = _("Verbonden partijen %(province)s, peildatum %(date)s") % {
        "province": overview.place,
        "date": overview.date.strftime("%d-%m-%Y"),
    }
    if overview.previous:
        title += " " + _("(vergeleken met %(date)s)") % {
            "date": overview.previous.strftime("%d-%m-%Y")
        }
    return title


def legend_lines() -> list[str]:
    codes = ", ".join(sorted(set(MAP_CODE_OF.values())))
    return [
        _("Legenda"),
        _("%(mark)s = neemt deel op de peildatum") % {"mark": MARK},
        _("%(new)s = neemt deel op de peildatum, niet op de vergelijkingsdatum") % {"new": NEW},
        _("%(gone)s = nam deel op de vergelijkingsdatum, niet meer op de peildatum")
        % {"gone": GONE},
        _("Grondslag: %(codes)s") % {"codes": codes},
        _(
            "Subtotaal (= verbonden partijen) telt naar rechtsvorm; het register telt naar BBV "
            "art. 1 lid 1 sub b (bestuurlijk én financieel belang), zie het blad Verschillen."
        ),
    ]


def render(overview) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Overzichtskaart")
    title = map_title(overview)
    layout.title_row(sheet, title)
    headings = [_("Samenwerkingsverband"), _("Grondslag")] + [h for _k, h in overview.columns]
    width = len(headings)
    header = layout.header_row(sheet, headings)
    row = header  # counted here: openpyxl's max_row looks at every cell of the sheet
    for group in overview.groups:
        row += 1
        layout.put(sheet.cell(row=row, column=1), group.theme)
        sheet.cell(row=row, column=1).font = Font(bold=True)
        sheet.cell(row=row, column=1).fill = layout.HEADER_FILL
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        for map_row in group.rows:
            row += 1
            layout.data_row(sheet, [map_row.party.name, map_row.code, *map_row.cells], row=row)
            for column in range(3, width + 1):
                sheet.cell(row=row, column=column).alignment = CENTRED
    for label, counts in overview.footer_lines():
        row += 1
        layout.data_row(sheet, [label, "", *counts], bold=True, row=row)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        for column in range(3, 3 + len(counts)):
            sheet.cell(row=row, column=column).number_format = "0"
    layout.fit_columns(sheet, header)
    _narrow_mark_columns(sheet, header, width)
    legend = sheet.max_row + 2  # written after fitting: a line runs on over the empty cells
    for offset, line in enumerate(legend_lines()):
        layout.put(sheet.cell(row=legend + offset, column=1), line)
    sheet.cell(row=legend, column=1).font = Font(bold=True)
    layout.finish(sheet, header=header, title=title, frozen_columns=2, a3=True)
    _differences_sheet(workbook, overview)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _narrow_mark_columns(sheet, header: int, width: int) -> None:
    """As the maps print them: a narrow column per municipality, its name turned upright."""
    for column in range(3, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = MARK_WIDTH
        sheet.cell(row=header, column=column).alignment = Alignment(
            text_rotation=90, vertical="bottom", horizontal="center", wrap_text=True
        )
    sheet.row_dimensions[header].height = HEADER_HEIGHT


def _differences_sheet(workbook, overview) -> None:
    sheet = workbook.create_sheet(_("Verschillen"))
    title = _("Verschillen tussen de kaart en het register (BBV art. 1 lid 1 sub b)")
    layout.title_row(sheet, title)
    header = layout.header_row(
        sheet,
        [_("Gemeente"), _("Samenwerkingsverband"), _("Kaart"), _("Register"), _("Reden")],
    )
    for municipality, difference in overview.differences:
        layout.data_row(
            sheet,
            [
                municipality.name,
                difference.party.name,
                difference.map_says,
                difference.register_says,
                difference.reason,
            ],
        )
    layout.fit_columns(sheet, header)
    layout.finish(sheet, header=header, title=title)
