"""The preview: what every row of a file would do, with every problem found in one pass.

Nothing is written here. Each row is new, changed (with the old and new value of every
changed field), unchanged, skipped (it asks for nothing to be recorded, with the reason), an
unknown party with the close names for the user to choose from, or an error (with row,
column, the value found and what was expected). An overview map (map_plan.py) adds "niet
meer op de kaart". The plan's digest lets the commit check that nothing moved since the
preview.
"""

import copy
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from partnerships.spreadsheets.cells import CellProblem, is_empty
from partnerships.spreadsheets.columns import match_headers
from partnerships.spreadsheets.files import Table, column_letter
from partnerships.spreadsheets.kinds import (
    Context,
    PartyUnknown,
    RowHidden,
    RowRefused,
    RowSkipped,
    SheetKind,
)
from registry import formatting
from registry.constraints import broken_constraints

NEW, CHANGED, UNCHANGED, ERROR = "new", "changed", "unchanged", "error"
# A row that asks for nothing to be recorded (e.g. "Deelname: nee" without a participation).
SKIPPED = "skipped"
# A row about a record the user may not read: nothing about it is said (whether it exists,
# what it holds, whether the row would change it), so the preview is no oracle.
NO_ACCESS = "no_access"
# A row naming a party the register does not hold by that name, with close names offered: it
# stops the commit until the user chooses one (Context.party_choices).
UNKNOWN_PARTY = "unknown_party"
# An overview map without a mark where the register holds a running participation: reported,
# nothing ended (the map gives no date of leaving; README "Spreadsheets in and out").
NOT_ON_MAP = "not_on_map"
BLOCKING = (ERROR, NO_ACCESS, UNKNOWN_PARTY)
STATUS_LABELS = {
    NEW: _("nieuw"),
    CHANGED: _("gewijzigd"),
    UNCHANGED: _("ongewijzigd"),
    ERROR: _("fout"),
    NO_ACCESS: _("geen toegang"),
    SKIPPED: _("overgeslagen"),
    UNKNOWN_PARTY: _("onbekende partij"),
    NOT_ON_MAP: _("niet meer op de kaart"),
}


@dataclass(frozen=True)
class Problem:
    row: int
    column: str  # a letter, or "" for the row as a whole
    header: str
    value: str
    message: str

    def __str__(self):
        where = _("rij %(row)d") % {"row": self.row}
        if self.column:
            where += _(", kolom %(col)s (%(header)s)") % {"col": self.column, "header": self.header}
        found = _(": gevonden “%(value)s”") % {"value": self.value} if self.value else ""
        return f"{where}{found} – {self.message}"


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass
class RowOutcome:
    row: int
    status: str
    record: str = ""
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    instance: models.Model | None = None
    changed_fields: set[str] = field(default_factory=set)
    values: dict = field(default_factory=dict)  # the parsed cells, by column name
    raw: dict = field(default_factory=dict)  # the cells as found, by column name
    many_to_many: dict = field(default_factory=dict)  # set after the record is saved
    note: str = ""  # what the kind says about the record as it will be (kinds.SheetKind.note)
    column: str = ""  # the cell's column letter, when a row of the file makes several rows
    party_written: str = ""  # an unknown party's name as written (the key of a choice)
    candidates: list = field(default_factory=list)  # the parties close to that name

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class Plan:
    kind: SheetKind
    rows: list[RowOutcome] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # unknown columns: reported, not fatal
    file_problems: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def ok(self) -> bool:
        return not self.file_problems and not any(r.status in BLOCKING for r in self.rows)

    @property
    def unknown_parties(self) -> list[RowOutcome]:
        """The rows waiting for the user to choose a party, one per name as written."""
        rows: dict[str, RowOutcome] = {}
        for row in self.rows:
            if row.status == UNKNOWN_PARTY:
                rows.setdefault(row.party_written, row)
        return list(rows.values())

    @property
    def awaits_choices(self) -> bool:
        """Only the choice of parties stands between this plan and a commit."""
        return (
            not self.file_problems
            and bool(self.unknown_parties)
            and not any(r.status in (ERROR, NO_ACCESS) for r in self.rows)
        )

    @property
    def changes_anything(self) -> bool:
        return any(row.status in (NEW, CHANGED) for row in self.rows)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in STATUS_LABELS}

    def summary(self) -> str:
        text = _(
            "%(rows)d rijen: %(new)d nieuw, %(changed)d gewijzigd, %(unchanged)d ongewijzigd, "
            "%(error)d met fouten"
        ) % {"rows": len(self.rows), **self.counts}
        if self.count(NO_ACCESS):
            text += _(", %(count)d zonder toegang") % {"count": self.count(NO_ACCESS)}
        if self.count(SKIPPED):
            text += _(", %(count)d overgeslagen") % {"count": self.count(SKIPPED)}
        if self.count(UNKNOWN_PARTY):
            text += _(", %(count)d met een onbekende partij") % {"count": self.count(UNKNOWN_PARTY)}
        if self.count(NOT_ON_MAP):
            text += _(", %(count)d niet meer op de kaart") % {"count": self.count(NOT_ON_MAP)}
        return text + "."

    def digest(self) -> str:
        """Changes to the register this plan stands for; equal plans, equal digests."""
        hashed = hashlib.sha256(self.kind.name.encode())
        for row in self.rows:
            hashed.update(f"{row.row}{row.column}|{row.status}|{row.record}".encode())
            for change in row.changes:
                hashed.update(f"|{change.label}|{change.old}|{change.new}".encode())
        return hashed.hexdigest()


def make_plan(
    kind: SheetKind,
    table: Table,
    acting,
    progress: Callable[[int, int], None] | None = None,
    party_choices: dict[str, str] | None = None,
) -> Plan:
    plan = Plan(kind)
    header = match_headers(kind.columns, table.rows, kind.moved_columns, kind.moved_to)
    plan.notices = header.unknown
    plan.file_problems = header.problems or kind.header_problems(set(header.positions))
    if plan.file_problems:
        return plan
    present = [c for c in kind.columns if c.name in header.positions]
    data_rows = [(n, values) for n, values in table.rows if n > header.header_row]
    parsed = []
    for number, values in data_rows:
        outcome = RowOutcome(number, UNCHANGED)
        outcome.values = _parse_row(present, header.positions, number, values, table, outcome)
        parsed.append(outcome)
    context = Context(acting=acting, party_choices=party_choices or {})
    kind.prepare([o.values for o in parsed if not o.problems], context)
    seen: dict[tuple, int] = {}
    letters = {name: column_letter(index) for name, index in header.positions.items()}
    for done, outcome in enumerate(parsed, start=1):
        if not outcome.problems:
            judge(kind, outcome, context, seen, letters)
        if outcome.problems and outcome.status not in (NO_ACCESS, UNKNOWN_PARTY):
            outcome.status = ERROR
        if progress:
            progress(done, len(parsed))
    plan.rows = parsed
    return plan


def _parse_row(columns, positions, number, values, table: Table, outcome: RowOutcome) -> dict:
    row = {}
    for column in columns:
        index = positions[column.name]
        raw = values[index] if index < len(values) else None
        letter = column_letter(index)
        outcome.raw[column.name] = raw

        def problem(message, raw=raw, letter=letter, column=column):
            outcome.problems.append(Problem(number, letter, column.header, _found(raw), message))

        merge = table.merged.get((number, index))
        formula = (number, index) in table.formulas_without_value
        if formula:
            problem(_("formule zonder opgeslagen uitkomst; open en bewaar het bestand in Excel"))
        elif merge and is_empty(raw):
            problem(
                _("samengevoegde cel (%(range)s): vul de waarde op elke rij in") % {"range": merge}
            )
        try:
            row[column.name] = column.parse(raw)
        except CellProblem as cell_problem:
            problem(_("verwacht %(expected)s") % {"expected": cell_problem.expected})
            continue
        if column.required and row[column.name] is None and not (merge or formula):
            problem(_("lege cel; deze kolom is verplicht"))
    return row


def judge(kind: SheetKind, outcome: RowOutcome, context: Context, seen, letters, headers=None):
    """Locate the row's record, set its values and judge it; `letters`: column name -> "C";
    `headers`: column name -> the header as the file has it, when not the kind's own."""

    def refuse(message: str, column: str = "") -> None:
        letter = letters.get(column, "")
        header = ((headers or {}).get(column) or kind.column(column).header) if letter else ""
        found = _found(outcome.raw.get(column)) if letter else ""
        outcome.problems.append(Problem(outcome.row, letter, header, found, message))

    try:
        record, values = kind.locate(outcome.values, context)
    except RowHidden as hidden:
        outcome.status = NO_ACCESS
        outcome.problems.append(Problem(outcome.row, "", "", "", hidden.message))
        return
    except PartyUnknown as unknown:
        outcome.status, outcome.record = UNKNOWN_PARTY, unknown.name
        outcome.party_written, outcome.candidates = unknown.name, unknown.candidates
        refuse(unknown.message, unknown.column)
        return
    except RowRefused as refused:
        refuse(refused.message, refused.column)
        return
    except RowSkipped as skipped:
        outcome.status, outcome.record, outcome.note = SKIPPED, skipped.record, skipped.message
        return
    stored = copy.copy(record) if record.pk else None  # as it is, before the row's values
    identity = kind.identity(record, outcome.values)
    if identity in seen:
        refuse(
            _("dit gegeven staat ook op rij %(row)d; elk gegeven hoort één keer in het bestand")
            % {"row": seen[identity]}
        )
        return
    seen[identity] = outcome.row
    is_new = record.pk is None
    for name, value in values.items():
        model_field = record._meta.get_field(name)
        if model_field.many_to_many:  # set after the record is saved (bulk_writes.write)
            old = [] if is_new else list(getattr(record, name).all())
        else:
            old = getattr(record, name)
        if is_new or _comparable(old) != _comparable(value):
            if not is_new:
                outcome.changes.append(
                    Change(
                        str(model_field.verbose_name),
                        _display(old, model_field),
                        _display(value, model_field),
                    )
                )
            outcome.changed_fields.add(name)
            if model_field.many_to_many:
                outcome.many_to_many[name] = value
            else:
                setattr(record, name, value)
    outcome.instance = record
    outcome.record = kind.describe(record)
    outcome.note = kind.note(record, context)
    outcome.status = NEW if is_new else CHANGED if outcome.changed_fields else UNCHANGED
    if outcome.status == UNCHANGED:
        return
    kind.prepare_record(record, outcome.changed_fields, context)
    refusal = kind.refusal(record, outcome.changed_fields, context, stored)
    if refusal:
        refuse(refusal)
        return
    for name, messages in _model_errors(kind, record, context).items():
        column = name if name in letters else ""  # a field error on a column of the file
        for message in messages:
            if column:
                refuse(message, column)
            else:
                label = (
                    record._meta.get_field(name).verbose_name if name != NON_FIELD_ERRORS else ""
                )
                refuse(f"{label}: {message}" if label else message)


def _model_errors(kind: SheetKind, record, context: Context) -> dict[str, list[str]]:
    """The model's own rules: field validation (without queries), clean(), constraints."""
    relations = [f.name for f in record._meta.concrete_fields if f.is_relation]
    errors: dict[str, list[str]] = {}
    for step in (
        lambda: record.clean_fields(exclude=relations),
        lambda: kind.clean(record, context),
    ):
        try:
            step()
        except ValidationError as error:
            for name, messages in error.update_error_dict({}).items():
                errors.setdefault(name, []).extend(str(m) for e in messages for m in e)
    for message in broken_constraints(record):
        errors.setdefault(NON_FIELD_ERRORS, []).append(message)
    return errors


def _found(raw) -> str:
    """A cell as the user sees it in Excel, for "gevonden ..." in a problem."""
    if is_empty(raw):
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if hasattr(raw, "strftime"):
        return formatting.date(raw)
    return str(raw)


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | set | tuple):
        return sorted(_comparable(v) for v in value)
    return value


def _display(value, model_field=None) -> str:
    if value is None or value == "":
        return _("(leeg)")
    if model_field is not None and model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if hasattr(value, "strftime"):
        return formatting.date(value)
    if isinstance(value, list | tuple):
        return "; ".join(_display(v) for v in value)
    if hasattr(value, "as_tuple"):  # Decimal
        places = max(0, -value.as_tuple().exponent)
        return formatting.number(value, places)
    return str(value)
