"""Reading an overview map: the matrix a provincial supervisor keeps (seed 002, appendices A
and B), recognised by its shape, whatever its title rows.

The shape, top to bottom:
- title rows (skipped);
- the header row: the first row within MAP_HEAD_ROWS that names at least MIN_MUNICIPALITIES
  organisations of the register by name ("Enschede", "Rijssen/Holten", "Zwartew. Land":
  kinds.OrganisationFinder.written). Beside them: the arrangement name (the first column),
  the legal-basis code ("Jur. Basis"), and the columns for partners that are no municipality
  column of the map ("Provincie", "Andere gemeenten in OV.", "Andere gemeenten buiten OV",
  "Andere partners", "Regio"): recognised, not read, with a notice;
- theme rows: a name and nothing else (often merged across the row), the theme of the rows
  below; a row without marks whose code is no legal basis ("Divers") is one too;
- arrangement rows: name, code, a mark per municipality (MARKS: x, X, 1, ja, Nieuw; empty,
  nee, niet meer, 0 or - for none);
- then footer rows (a first cell starting with Totaal, Subtotaal or Totalen; the row
  "Totaal per gemeente" is checked against the marks read, column by column), the
  "Intenties" block (from its heading to its own total) and the legend (a "Legenda" row, or
  whatever follows the footer): each row skipped with a notice.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerships.choices import LegalForm
from partnerships.legal_forms import MAP_CODES
from partnerships.spreadsheets import cells
from partnerships.spreadsheets.cells import CellProblem, is_empty, normalised
from partnerships.spreadsheets.files import Table, column_letter

MAP_HEAD_ROWS = 15
MIN_MUNICIPALITIES = 2
CODE_HEADS = (
    "jur basis",
    "juridische basis",
    "jur grondslag",
    "juridische grondslag",
    "grondslag",
    "rechtsvorm",
    "juridische vorm",
)
# Heads of the columns for partners outside the map's municipality columns, and what the
# import does with them (normalised head -> what the notice says).
OTHER_PARTNER_HEADS = {
    "provincie": gettext_lazy("de provincie als partner"),
    "andere gemeenten in ov": gettext_lazy("andere gemeenten in Overijssel"),
    "andere gemeenten buiten ov": gettext_lazy("gemeenten buiten Overijssel"),
    "andere partners": gettext_lazy("andere partners"),
    "regio": gettext_lazy("de regio"),
}
MARKS = {"x", "1", "ja", "j", "nieuw", "v"}
MARK_SIGNS = {"✓", "✔", "●", "•"}
NO_MARKS = {"nee", "n", "niet meer", "0"}
NEW_MARK = "nieuw"
FOOTER_WORDS = ("totaal", "subtotaal", "totalen")
GRAND_TOTAL = "totaal per gemeente"


@dataclass(frozen=True)
class MapColumn:
    index: int
    header: str
    organisation: object

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass
class MapArrangement:
    """One arrangement row of the map."""

    row: int
    name: str
    theme: str
    code: str  # the legal-basis code as written
    legal_form: str | None  # what the code means (MAP_CODES), None when it means nothing known
    marks: dict[int, bool] = field(default_factory=dict)  # column index -> new on this map
    bad_cells: list[tuple[int, object, str]] = field(default_factory=list)  # index, raw, why


@dataclass
class OverviewMap:
    header_row: int
    name_index: int
    name_header: str
    municipalities: list[MapColumn]
    arrangements: list[MapArrangement] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def recognise(table: Table, organisations) -> OverviewMap | None:
    """The map in `table`, or None when the sheet is no map (a long list)."""
    best = None
    for number, values in table.rows[:MAP_HEAD_ROWS]:
        named = _municipality_columns(values, organisations)
        if len(named) >= MIN_MUNICIPALITIES and (best is None or len(named) > len(best[2])):
            best = (number, values, named)
    if best is None:
        return None
    number, header, named = best
    first = named[0].index
    name_index = next((i for i in range(first) if not is_empty(header[i])), 0)
    overview = OverviewMap(
        header_row=number,
        name_index=name_index,
        name_header=cells.text(header[name_index]) or _("Regeling"),
        municipalities=named,
    )
    code_index = _read_header(overview, header, organisations)
    _read_rows(overview, table, code_index)
    overview.notices.insert(0, _summary(overview))
    return overview


def _municipality_columns(values, organisations) -> list[MapColumn]:
    named, seen = [], set()
    for index, value in enumerate(values):
        if index == 0 or is_empty(value) or not isinstance(value, str):
            continue
        organisation = organisations.written(value.strip())
        if organisation is not None and organisation.pk not in seen:
            seen.add(organisation.pk)
            named.append(MapColumn(index, value.strip(), organisation))
    return named


def _read_header(overview: OverviewMap, header, organisations) -> int | None:
    """The notices about the header's other columns; returns the code column's index."""
    code_index = None
    municipal = {column.index for column in overview.municipalities}
    for index, value in enumerate(header):
        if index == overview.name_index or index in municipal or is_empty(value):
            continue
        head = str(value).strip()
        key = normalised(head)
        letter = column_letter(index)
        if key in CODE_HEADS and code_index is None:
            code_index = index
        elif other := next((w for h, w in OTHER_PARTNER_HEADS.items() if key.startswith(h)), None):
            overview.notices.append(
                _(
                    "Kolom %(col)s “%(header)s” (%(what)s) wordt niet ingelezen: de kaart noemt "
                    "daar geen gemeente van het register. Leg zulke deelnemers vast met een "
                    "lijst per deelnemer."
                )
                % {"col": letter, "header": head, "what": other}
            )
        elif (organisation := organisations.written(head)) is not None:
            overview.problems.append(
                _("Kolom %(col)s “%(header)s” is %(name)s, die al een kolom heeft.")
                % {"col": letter, "header": head, "name": organisation.name}
            )
        else:
            overview.notices.append(
                _("Kolom %(col)s “%(header)s” is onbekend en wordt niet ingelezen.")
                % {"col": letter, "header": head}
            )
    return code_index


def _read_rows(overview: OverviewMap, table: Table, code_index: int | None) -> None:
    section = "body"  # then "footer", "intentions", "legend"
    theme = ""
    for number, values in table.rows:
        if number <= overview.header_row:
            continue
        lead = next((str(v).strip() for v in values if not is_empty(v)), "")
        key = normalised(lead)
        if key.startswith(FOOTER_WORDS):
            if key.startswith(GRAND_TOTAL) and section in ("body", "footer"):
                _check_total(overview, number, lead, values)
            section = "legend" if section == "intentions" else "footer"
            _skip(overview, number, lead, _("een telling"))
        elif key.startswith("legenda"):
            section = "legend"
            _skip(overview, number, lead, _("de legenda"))
        elif key.startswith("intentie") and section != "legend":
            section = "intentions"
            _skip(overview, number, lead, _("het kopje van de intenties"))
        elif section == "intentions":
            _skip(overview, number, lead, _("een intentie, geen deelneming"))
        elif section != "body":
            _skip(overview, number, lead, _("de legenda"))
        else:
            theme = _read_body_row(overview, table, number, values, code_index, theme)


def _check_total(overview: OverviewMap, number: int, lead: str, values) -> None:
    """Compare the map's own total per municipality with the marks read in its column."""
    differences = []
    for column in overview.municipalities:
        try:
            stated = cells.integer(_cell(values, column.index))
        except CellProblem:
            stated = None
        counted = sum(1 for a in overview.arrangements if column.index in a.marks)
        if stated is not None and stated != counted:
            differences.append(
                _("%(name)s %(stated)d, gelezen %(counted)d (kolom %(col)s)")
                % {
                    "name": column.organisation.name,
                    "stated": stated,
                    "counted": counted,
                    "col": column.letter,
                }
            )
    if differences:
        overview.notices.append(
            _(
                "Rij %(row)d “%(text)s” telt anders dan de markeringen die zijn gelezen: "
                "%(differences)s. Kijk na of elke markering in een gemeentekolom staat."
            )
            % {"row": number, "text": lead, "differences": "; ".join(differences)}
        )
    else:
        overview.notices.append(
            _("Rij %(row)d “%(text)s” klopt met de gelezen markeringen.")
            % {"row": number, "text": lead}
        )


def _skip(overview: OverviewMap, number: int, lead: str, what: str) -> None:
    overview.notices.append(
        _("Rij %(row)d “%(text)s” is %(what)s en wordt overgeslagen.")
        % {"row": number, "text": lead, "what": what}
    )


def _cell(values, index):
    return values[index] if index is not None and index < len(values) else None


def _read_body_row(overview, table, number, values, code_index, theme) -> str:
    """Reads one row between the header and the footer; returns the theme for the next rows."""
    name = cells.text(_cell(values, overview.name_index))
    code = cells.text(_cell(values, code_index)) or ""
    marks = {c.index: _cell(values, c.index) for c in overview.municipalities}
    marked = {index: raw for index, raw in marks.items() if not is_empty(raw)}
    legal_form = _legal_form(code)
    others = [
        v
        for i, v in enumerate(values)
        if i not in (overview.name_index, code_index) and i not in marks and not is_empty(v)
    ]
    if name and not marked and not others and (not code or legal_form is None):
        overview.themes.append(name)
        return name
    if not name:
        if marked:
            overview.problems.append(
                _("Rij %(row)d heeft markeringen maar geen naam in kolom %(col)s.")
                % {"row": number, "col": column_letter(overview.name_index)}
            )
        else:
            _skip(overview, number, str(others[0] if others else code), _("zonder naam"))
        return theme
    arrangement = MapArrangement(number, name, theme, code, legal_form)
    if code and legal_form is None:
        overview.notices.append(
            _(
                "Rij %(row)d “%(name)s”: juridische basis “%(code)s” is geen bekende code "
                "van de kaart; de rechtsvorm in het register blijft zoals hij is."
            )
            % {"row": number, "name": name, "code": code}
        )
    for column in overview.municipalities:
        raw = marks[column.index]
        merge = table.merged.get((number, column.index))
        if merge and is_empty(raw):
            arrangement.bad_cells.append(
                (
                    column.index,
                    "",
                    _("samengevoegde cel (%(range)s): zet de markering in elke gemeentekolom")
                    % {"range": merge},
                )
            )
            continue
        try:
            mark = read_mark(raw)
        except CellProblem as problem:
            arrangement.bad_cells.append(
                (column.index, raw, _("verwacht %(expected)s") % {"expected": problem.expected})
            )
            continue
        if mark is not None:
            arrangement.marks[column.index] = mark
    overview.arrangements.append(arrangement)
    return theme


def _legal_form(code: str) -> str | None:
    if not code:
        return None
    try:
        return cells.choice(code, LegalForm, MAP_CODES)
    except CellProblem:
        return None


def read_mark(raw) -> bool | None:
    """A mark: None for no participation, else whether it is marked new ("Nieuw")."""
    if is_empty(raw):
        return None
    if isinstance(raw, bool):
        return False if raw else None
    text = str(raw).strip()
    if text in MARK_SIGNS:
        return False
    word = normalised(text)
    if word in NO_MARKS or text == "-":
        return None
    if word in MARKS:
        return word == NEW_MARK
    raise CellProblem(_("een markering: x, X, 1, ja of Nieuw (leeg of nee: geen deelname)"))


def _summary(overview: OverviewMap) -> str:
    return _(
        "Overzichtskaart herkend: kopregel op rij %(row)d, %(count)d gemeentekolommen "
        "(%(names)s), %(arrangements)d regelingen in %(themes)d thema's."
    ) % {
        "row": overview.header_row,
        "count": len(overview.municipalities),
        "names": ", ".join(c.organisation.name for c in overview.municipalities),
        "arrangements": len(overview.arrangements),
        "themes": len(overview.themes),
    }
