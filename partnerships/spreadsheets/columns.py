"""The columns of a sheet and how a file's header row is matched to them.

Headers are compared after normalising (case, accents, spaces and punctuation do not
count), against the column's Dutch header and its aliases. A header that matches no column
is reported as unknown; a required column that is missing stops the import before any row.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from partnerships.spreadsheets import cells
from partnerships.spreadsheets.cells import normalised
from partnerships.spreadsheets.files import column_letter

HEADER_SEARCH_ROWS = 10  # a title above the header row is allowed


@dataclass(frozen=True)
class Column:
    """One column of a kind of sheet.

    `name` is the attribute the value is written to, or for a reference (a CBS code, a party)
    the name the kind resolves. `parse` turns a cell into a value or raises CellProblem.
    """

    name: str
    header: str
    parse: Callable
    explanation: str
    example: object = None
    allowed: str = ""  # the allowed values, for the explanation sheet
    required: bool = False  # the column must be in the file and every row must have a value
    aliases: tuple[str, ...] = ()
    export: Callable | None = None  # record -> cell value; default: the attribute

    def matches(self, header: str) -> bool:
        wanted = normalised(header)
        return wanted in {normalised(self.header), *(normalised(a) for a in self.aliases)}


@dataclass
class HeaderMatch:
    header_row: int  # the row number in the file
    positions: dict[str, int]  # column name -> index in the row
    unknown: list[str] = field(default_factory=list)  # Dutch notices
    problems: list[str] = field(default_factory=list)  # stop the import

    def index_of(self, name: str) -> int | None:
        return self.positions.get(name)


def match_headers(
    columns: tuple[Column, ...],
    rows: list[tuple[int, list]],
    moved: tuple[Column, ...] = (),
    moved_to: str = "",
) -> HeaderMatch:
    """Find the header row (the first of the first rows with most known headers) and map it.
    A header of a column that moved to the kind `moved_to` is reported as such."""
    candidates = rows[:HEADER_SEARCH_ROWS]
    if not candidates:
        return HeaderMatch(0, {}, problems=[_("Het bestand heeft geen kopregel en geen rijen.")])
    header_row, cells = max(
        candidates, key=lambda row: (sum(_known(columns, cell) for cell in row[1]), -row[0])
    )
    match = HeaderMatch(header_row, {})
    for index, cell in enumerate(cells):
        if cell is None or not str(cell).strip():
            continue
        header = str(cell).strip()
        column = next((c for c in columns if c.matches(header)), None)
        where = column_letter(index)
        if column is None and any(c.matches(header) for c in moved):
            match.unknown.append(
                _(
                    "Kolom %(col)s “%(header)s” hoort nu bij “%(kind)s” en wordt hier niet "
                    "ingelezen."
                )
                % {"col": where, "header": header, "kind": moved_to}
            )
        elif column is None:
            match.unknown.append(
                _("Kolom %(col)s “%(header)s” is onbekend en wordt niet ingelezen.")
                % {"col": where, "header": header}
            )
        elif column.name in match.positions:
            first = column_letter(match.positions[column.name])
            match.problems.append(
                _("Kolom %(col)s “%(header)s” staat er twee keer in (ook kolom %(first)s).")
                % {"col": where, "header": header, "first": first}
            )
        else:
            match.positions[column.name] = index
    missing = [c.header for c in columns if c.required and c.name not in match.positions]
    if missing:
        match.problems.append(
            _("Verplichte kolommen ontbreken: %(columns)s.")
            % {"columns": ", ".join(f"“{m}”" for m in missing)}
        )
    return match


def _known(columns, cell) -> bool:
    return cell is not None and any(c.matches(str(cell)) for c in columns)


# Factories for the usual columns of a kind, so each kind reads as a list of its columns.


def text_column(name, header, explanation, max_length=None, **options) -> Column:
    return Column(name, header, lambda v: cells.text(v, max_length), explanation, **options)


def amount_column(name, header, explanation, places=2, **options) -> Column:
    return Column(
        name,
        header,
        lambda v: cells.decimal(v, places),
        explanation,
        allowed=_("getal, bijvoorbeeld 1.234,56 (punt voor duizendtallen, komma voor decimalen)")
        if places
        else _("geheel getal"),
        **options,
    )


def integer_column(name, header, explanation, **options) -> Column:
    return Column(name, header, cells.integer, explanation, allowed=_("geheel getal"), **options)


def date_column(name, header, explanation, **options) -> Column:
    return Column(
        name, header, cells.date, explanation, allowed=_("datum, zoals 31-12-2026"), **options
    )


def bool_column(name, header, explanation, **options) -> Column:
    return Column(name, header, cells.boolean, explanation, allowed=_("ja of nee"), **options)


def choice_column(name, header, explanation, choices, synonyms=None, **options) -> Column:
    """`synonyms`: other words accepted for a value (word -> value)."""
    return Column(
        name,
        header,
        lambda v: cells.choice(v, choices, synonyms),
        explanation,
        allowed=cells.choice_words(choices, synonyms),
        export=options.pop("export", None) or (lambda r: getattr(r, f"get_{name}_display")()),
        **options,
    )
