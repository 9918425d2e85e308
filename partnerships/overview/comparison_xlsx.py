"""The comparison of municipalities as a workbook (issue 15, point 3): the main table in the
order of the page (`?sorteer=`), the outliers named in their own column, the medians under
it; the participations per theme and per legal-basis code, and the budgeted contributions per
theme in euros, on three more sheets. House style
of partnerships.xlsx_layout."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook

from partnerships import xlsx_layout as layout
from partnerships.overview.comparison import COLUMNS, HIGH


def render(comparison, title: str, sort: str = "naam") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Vergelijking")
    layout.title_row(sheet, title)
    headings = [_("Gemeente"), *(str(heading) for _k, heading, _a, _m in COLUMNS)]
    header = layout.header_row(sheet, [*headings, _("Uitschieters")])
    rows, medians = comparison.table(sort)
    for line, cells in rows:
        values = [line.municipality.name]
        outliers = []
        for (_key, heading, _attribute, money), (value, _money, outlier) in zip(
            COLUMNS, cells, strict=True
        ):
            values.append(_number(value, money))
            if outlier:
                word = _("hoog") if outlier == HIGH else _("laag")
                outliers.append(f"{heading}: {word}")
        layout.data_row(sheet, [*values, "; ".join(outliers)])
        _counts_format(sheet)
    median_label = _("Mediaan van de regio") if comparison.region else _("Mediaan van de provincie")
    layout.data_row(sheet, [median_label, *(_number(v, m) for v, m in medians), ""], bold=True)
    _counts_format(sheet)
    layout.fit_columns(sheet, header)
    note = sheet.max_row + 2
    layout.put(
        sheet.cell(row=note, column=1),
        _(
            "Uitschieter: meer dan 1,5 × de interkwartielafstand boven het derde of onder het "
            "eerste kwartiel (Tukey), vanaf vier bekende waarden."
        ),
    )
    layout.finish(sheet, header=header, title=title, frozen_columns=1)
    _matrix_sheet(workbook, _("Per thema"), comparison.themes, comparison.theme_rows())
    _matrix_sheet(workbook, _("Per grondslag"), comparison.codes, comparison.code_rows())
    _matrix_sheet(
        workbook,
        _("Bijdragen per thema"),
        comparison.contribution_themes(),
        comparison.contribution_rows(),
        title=_("Begrote bijdragen per thema"),
        number_format=layout.EURO,
    )
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _number(value, money):
    if value is None:
        return _("onbekend")
    return value if money else float(value) if value != int(value) else int(value)


def _counts_format(sheet) -> None:
    """Counts are whole numbers, not euros (data_row gives every number the euro format)."""
    row = sheet.max_row
    for column, (_key, _heading, _attribute, money) in enumerate(COLUMNS, start=2):
        if not money:
            sheet.cell(row=row, column=column).number_format = "0.#"


def _matrix_sheet(workbook, name: str, keys, rows, *, title=None, number_format="0") -> None:
    """A municipality per row, a key per column; an empty cell where a value is None."""
    sheet = workbook.create_sheet(name)
    title = title or _("Deelnemingen %(what)s") % {"what": name.lower()}
    layout.title_row(sheet, title)
    header = layout.header_row(sheet, [_("Gemeente"), *keys])
    for line, values in rows:
        row = layout.data_row(sheet, [line.municipality.name, *values])
        for column in range(2, len(keys) + 2):
            sheet.cell(row=row, column=column).number_format = number_format
    layout.fit_columns(sheet, header)
    layout.finish(sheet, header=header, title=title, frozen_columns=1)
