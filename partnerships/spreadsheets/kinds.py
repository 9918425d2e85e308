"""The base of a kind of sheet: which columns, how a row finds its record, who may write it.

A kind works on plain model instances: `prepare` loads everything the rows refer to in a
few queries, `locate` finds the record a row is about (or makes a new one), and the model's
own `clean()` and constraints judge the result, so an import obeys the same rules as the
admin. The six kinds live in kinds_register.py and kinds_money.py.
"""

import re
from dataclasses import dataclass, field

from django.db.models import F, Model, QuerySet
from django.utils.translation import gettext as _

from partnerships.models import Participation, Party
from partnerships.spreadsheets import cells
from partnerships.spreadsheets.columns import Column
from partnerships.spreadsheets.party_names import CloseNames
from registry import access, writes
from registry.models import Organisation
from registry.periods import overlaps, year_span


class RowRefused(Exception):
    """A row cannot be used: `column` is the column's name, or "" for the row as a whole."""

    def __init__(self, message: str, column: str = ""):
        super().__init__(message)
        self.message = message
        self.column = column


class PartyUnknown(RowRefused):
    """A party named by a name the register does not hold, with the parties close to it
    (party_names.py) for the user to choose from: never taken without that choice."""

    def __init__(self, name: str, candidates: list, column: str = "party_name"):
        shown = "; ".join(f"{party.name} ({party.code})" for party in candidates)
        super().__init__(
            _("onbekende partij “%(name)s” — bedoelt u: %(candidates)s? Kies in de voorvertoning.")
            % {"name": name, "candidates": shown},
            column,
        )
        self.name = name
        self.candidates = candidates


class RowSkipped(Exception):
    """A row that says there is nothing to record (a participation column with "nee" where
    the register holds none): written nowhere, shown in the preview with the reason."""

    def __init__(self, record: str, message: str):
        super().__init__(message)
        self.record = record
        self.message = message


class RowHidden(Exception):
    """A row about a record of an organisation the user may not read."""

    def __init__(self, organisation):
        message = _(
            "geen toegang: u mag de gegevens van %(organisation)s niet inzien of wijzigen"
        ) % {"organisation": organisation.name}
        super().__init__(message)
        self.message = message


def ensure_readable(organisation, context) -> None:
    """Stop at once (before anything about its records is looked at) for a row of an
    organisation the acting user may not read."""
    g = access.grants(context.acting)
    if not g.is_admin and organisation.pk not in g.readable:
        raise RowHidden(organisation)


@dataclass
class Context:
    """What a kind loaded for the rows of one file, shared by all its rows."""

    acting: object  # the user, with the rights an import gives (registry.access.for_import)
    # The parties the user chose for names the register does not hold: name as written ->
    # registry code (PartyFinder, the preview's choices).
    party_choices: dict[str, str] = field(default_factory=dict)
    lookups: dict = field(default_factory=dict)
    writable: set[int] = field(default_factory=set)  # pks of existing records the user may change
    planned: dict = field(default_factory=dict)  # what earlier rows of the file will write


class SheetKind:
    name: str
    label: str
    model: type[Model]
    columns: tuple[Column, ...]
    # The user must hold one of these roles (for some organisation) to import this kind.
    roles: tuple[str, ...] = ()
    # Columns this kind had before that now belong to the kind `moved_to` (a notice says so).
    moved_columns: tuple[Column, ...] = ()
    moved_to: str = ""
    # Whether a matrix-shaped sheet (an overview map, overview_map.py) is read as this kind.
    reads_overview_maps: bool = False

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def header_problems(self, present: set[str]) -> list[str]:
        """Problems with the set of columns beyond required ones: a kind that names a party
        needs one of the three columns that can name it, one that names a participant its
        CBS code or its name."""
        names = {column.name for column in self.columns}
        problems = []
        if names & set(PARTY_REFERENCE) and not present & set(PARTY_REFERENCE):
            problems.append(
                _(
                    "Geef het samenwerkingsverband aan met een kolom “Registercode "
                    "samenwerkingsverband”, “KvK-nummer samenwerkingsverband” of “Naam "
                    "samenwerkingsverband”."
                )
            )
        if names >= PARTICIPANT and not present & PARTICIPANT:
            problems.append(
                _("Geef de deelnemer aan met een kolom “CBS-code deelnemer” of “Deelnemer”.")
            )
        return problems

    def prepare(self, rows: list[dict], context: Context) -> None:
        """Load what the rows refer to and the existing records, into context.lookups."""
        raise NotImplementedError

    def locate(self, row: dict, context: Context) -> tuple[Model, dict]:
        """The record the row is about (saved, or new) and the values to set on it."""
        raise NotImplementedError

    def identity(self, record: Model, row: dict) -> tuple:
        """What makes two rows of a file the same record (for the duplicate check)."""
        raise NotImplementedError

    def prepare_record(self, record: Model, changed: set[str], context: Context) -> None:
        """What the record's service fills in before it is judged (registry.writes hooks)."""
        writes.prepare(context.acting, record, changed)

    def refusal(self, record: Model, changed: set[str], context: Context, stored) -> str | None:
        """Why the acting user may not write this record, or None: the one write check,
        given the record as it was before the row (`stored`, None for a new one)."""
        return access.save_refusal(context.acting, record, changed, stored=stored)

    def clean(self, record: Model, context: Context) -> None:
        record.clean()

    def describe(self, record: Model) -> str:
        return str(record)

    def note(self, record: Model, context: Context) -> str:
        """What the preview says about the record as it will be, besides its changes."""
        return ""

    def export_queryset(self, user) -> QuerySet:
        raise NotImplementedError


def field_values(row: dict, model, names) -> dict:
    """The values of the columns the file has (a column that is not there changes nothing);
    an empty cell gives the field's empty value ("" for text, the default for a number)."""
    values = {}
    for name in names:
        if name in row:
            model_field = model._meta.get_field(name)
            empty = row[name] is None and not model_field.null
            values[name] = model_field.get_default() if empty else row[name]
    return values


def year_column(explanation) -> Column:
    return Column(
        "year",
        _("Jaar"),
        cells.year,
        explanation,
        example=2027,
        allowed=_("jaartal"),
        required=True,
    )


def running_participation(row: dict, context: Context):
    """The participation the row's organisation has in the row's party during the row's year
    (the latest, when it left and rejoined); RowRefused when there is none, RowHidden for an
    organisation the user may not read. The kind's prepare() put the finders and
    `participations` (participations_by_pair) in the lookups."""
    lookups = context.lookups
    organisation = lookups["organisations"].participant(row)
    ensure_readable(organisation, context)
    party = lookups["parties"].find(row)
    first, last = year_span(row["year"])
    running = [
        p
        for p in lookups["participations"].get((organisation.pk, party.pk), [])
        if overlaps(p.start_date, p.end_date, first, last)
    ]
    if not running:
        raise RowRefused(
            _(
                "%(organisation)s neemt in %(year)d niet deel aan %(party)s; leg eerst de "
                "deelneming vast"
            )
            % {"organisation": organisation.name, "year": row["year"], "party": party.name},
            "year",
        )
    return running[0]


def organisation_column(name="organisation", header=None, bare="GM", **options) -> Column:
    """A CBS code; digits alone (153, 0153: Excel drops the leading zero) get the prefix `bare`."""
    return Column(
        name,
        header or _("CBS-code"),
        lambda v: cells.cbs_code(v, bare),
        _(
            "GM + 4 cijfers voor een gemeente (GM0153), PV + 2 cijfers voor een provincie "
            "(PV23); alleen cijfers (153 of 0153) is de gemeente GM0153."
        )
        if bare == "GM"
        else _("PV + 2 cijfers (PV23); alleen cijfers (23) is de provincie PV23."),
        example="GM0153",
        **options,
    )


def _at(record, path: str):
    """The record at the end of a dotted path of relations ("participation.party"), or None."""
    for step in filter(None, path.split(".")):
        record = getattr(record, step)
        if record is None:
            return None
    return record


def related_cbs_code(record, path="organisation", attribute="cbs_code"):
    """The CBS code (or another attribute) of the organisation at `path` ("a.b"), if any."""
    related = _at(record, path)
    return None if related is None else getattr(related, attribute)


def kvk_column(
    explanation,
    name="kvk_number",
    header=None,
    path="",
    aliases=("kvk", "kvk nummer", "handelsregister"),
) -> Column:
    """A KvK number: of the record itself, or of the record at `path` (an export only)."""
    return Column(
        name,
        header or _("KvK-nummer"),
        cells.kvk_number,
        explanation,
        allowed=_("8 cijfers"),
        aliases=aliases,
        export=lambda r: _at(r, path).kvk_number or None,
    )


def organisation_name_column(header, path="organisation") -> Column:
    """The organisation's name beside its CBS code: for the reader, not read back in."""
    return Column(
        "organisation_name",
        header,
        cells.text,
        _("Ter herkenning; wordt niet ingelezen (de CBS-code telt)."),
        example="Enschede",
        aliases=("naam", "gemeente", "naam deelnemer", "deelnemer", "organisatie", "gemeentenaam"),
        export=lambda r: related_cbs_code(r, path, "name"),
    )


# The participant of a row: its CBS code, or else its name.
PARTICIPANT = {"organisation", "organisation_name"}


def participant_columns(path="organisation") -> tuple[Column, Column]:
    """The participant of a participation or contribution: its CBS code, or else its name
    (a long list of the overview maps names municipalities only by name)."""
    return (
        organisation_column(
            header=_("CBS-code deelnemer"),
            aliases=(
                "cbs code",
                "cbscode",
                "gemeentecode",
                "cbs code gemeente",
                "deelnemer cbs code",
            ),
            export=lambda r: related_cbs_code(r, path),
        ),
        Column(
            "organisation_name",
            _("Deelnemer"),
            cells.text,
            _(
                "De naam van de deelnemer; gebruikt als de CBS-code ontbreekt (ook zoals de "
                "overzichtskaarten hem schrijven: “Rijssen/Holten”, “Zwartew. Land”)."
            ),
            example="Enschede",
            aliases=("naam", "gemeente", "naam deelnemer", "organisatie", "gemeentenaam"),
            export=lambda r: related_cbs_code(r, path, "name"),
        ),
    )


# Party references, shared by the kinds that name a party.

PARTY_REFERENCE = ("party_code", "party_kvk", "party_name")


def party_reference_columns(prefix: str = "") -> tuple[Column, ...]:
    """The party a row is about, by code, KvK number or name; `prefix` is the path to the
    record holding the party, for the export ("participation" for a contribution)."""
    party = f"{prefix}.party" if prefix else "party"
    return (
        Column(
            "party_code",
            _("Registercode samenwerkingsverband"),
            lambda v: cells.text(v, 80),
            _(
                "De vaste sleutel van het samenwerkingsverband in het register (zie de export "
                "van samenwerkingsverbanden). Zonder code wordt gezocht op KvK-nummer, dan op "
                "naam."
            ),
            example="ggd-twente",
            aliases=("registercode", "code samenwerkingsverband", "code partij", "partijcode"),
            export=lambda r: _at(r, party).code,
        ),
        kvk_column(
            _("Gebruikt als de registercode ontbreekt."),
            "party_kvk",
            _("KvK-nummer samenwerkingsverband"),
            party,
            ("kvk samenwerkingsverband", "kvk partij", "kvk nummer partij"),
        ),
        Column(
            "party_name",
            _("Naam samenwerkingsverband"),
            lambda v: cells.text(v, 200),
            _(
                "Gebruikt als registercode en KvK-nummer ontbreken; moet dan precies één "
                "samenwerkingsverband aanwijzen."
            ),
            example="GGD Twente",
            aliases=(
                "samenwerkingsverband",
                "naam verbonden partij",
                "verbonden partij",
                "naam partij",
                "partij",
                "naam regeling",
                "regeling",
            ),
            export=lambda r: _at(r, party).name,
        ),
    )


class PartyFinder:
    """Finds a party by registry code, else KvK number, else exact name (normalised), else by
    the user's choice for that name (`chosen`: name as written -> registry code). A name it
    does not hold raises PartyUnknown with the close names as candidates when there are
    any. Without `parties`, all parties are loaded (one query; a few thousand nationally)."""

    def __init__(self, parties=None, chosen: dict[str, str] | None = None):
        parties = list(Party.objects.all() if parties is None else parties)
        self.parties = parties
        self.chosen = {cells.normalised(name): code for name, code in (chosen or {}).items()}
        self._close_names = None
        self.by_pk = {party.pk: party for party in parties}
        self.by_code = {party.code.upper(): party for party in parties}
        self.by_kvk: dict[str, list] = {}
        self.by_name: dict[str, list] = {}
        for party in parties:
            if party.kvk_number:
                self.by_kvk.setdefault(party.kvk_number, []).append(party)
            self.by_name.setdefault(cells.normalised(party.name), []).append(party)

    def find(self, row: dict, *, required: bool = True):
        """The party a row names; None when it names one that is not there and not required."""
        if row.get("party_code"):
            return self._one(
                [self.by_code[row["party_code"].upper()]]
                if row["party_code"].upper() in self.by_code
                else [],
                "party_code",
                row["party_code"],
                required,
            )
        if row.get("party_kvk"):
            return self._one(
                self.by_kvk.get(row["party_kvk"], []), "party_kvk", row["party_kvk"], required
            )
        if row.get("party_name"):
            found = self.by_name.get(cells.normalised(row["party_name"]), [])
            if not found and required:  # a parties sheet makes a new party instead
                found = self._chosen_or_candidates(row["party_name"], row.get("legal_form"))
            return self._one(found, "party_name", row["party_name"], required)
        if required:
            raise RowRefused(_("Geef het samenwerkingsverband op."), "party_code")
        return None

    def _chosen_or_candidates(self, name: str, legal_form: str | None) -> list:
        """The party the user chose for `name`; else PartyUnknown with the close names, or
        nothing when no name is close."""
        code = self.chosen.get(cells.normalised(name))
        if code is not None:
            chosen = self.by_code.get(code.upper())
            if chosen is None:
                raise RowRefused(
                    _("gekozen samenwerkingsverband “%(code)s” bestaat niet") % {"code": code},
                    "party_name",
                )
            return [chosen]
        if self._close_names is None:
            self._close_names = CloseNames(self.parties)
        candidates = self._close_names.candidates(name, legal_form)
        if candidates:
            raise PartyUnknown(name, candidates)
        return []

    @staticmethod
    def _one(found, column, value, required):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise RowRefused(
                _("“%(value)s” past bij %(count)d samenwerkingsverbanden; gebruik de registercode.")
                % {"value": value, "count": len(found)},
                column,
            )
        if required:
            raise RowRefused(
                _("Onbekend samenwerkingsverband “%(value)s”.") % {"value": value}, column
            )
        return None


class OrganisationFinder:
    """Finds an organisation by CBS code, or a participant by its name; loads all
    organisations (one query, a few hundred)."""

    def __init__(self):
        organisations = list(Organisation.objects.all())
        self.by_pk = {o.pk: o for o in organisations}
        self.by_code = {o.cbs_code: o for o in organisations if o.cbs_code}
        self.by_name: dict[str, list] = {}
        for organisation in organisations:
            self.by_name.setdefault(_name_key(organisation.name), []).append(organisation)

    def pks(self, codes) -> list[int]:
        """The pks of the organisations with these codes (unknown codes are left out)."""
        return [self.by_code[code].pk for code in set(codes) if code in self.by_code]

    def participant_pks(self, rows) -> list[int]:
        """The pks of the participants the rows name (by code or name; unknown ones left out)."""
        found = (self._named(row, required=False) for row in rows)
        return list({organisation.pk for organisation in found if organisation is not None})

    def written(self, name: str):
        """The one organisation `name` names as a map writes it (“Rijssen/Holten”), or None."""
        return self._named({"organisation_name": name}, required=False)

    def participant(self, row: dict):
        """The participant a row names: by CBS code, or else by name."""
        return self._named(row, required=True)

    def _named(self, row: dict, *, required: bool):
        if row.get("organisation"):
            return self.find(row["organisation"], "organisation", required=required)
        name = row.get("organisation_name")
        if not name:
            if required:
                raise RowRefused(_("Geef de deelnemer op: een CBS-code of een naam."))
            return None
        found = self.by_name.get(_name_key(name)) or self._abbreviated(name)
        if len(found) == 1:
            return found[0]
        if not required:
            return None
        if found:
            raise RowRefused(
                _("“%(name)s” past bij %(names)s; gebruik de CBS-code.")
                % {"name": name, "names": ", ".join(sorted(o.name for o in found))},
                "organisation_name",
            )
        raise RowRefused(_("Onbekende deelnemer “%(name)s”.") % {"name": name}, "organisation_name")

    def _abbreviated(self, name: str) -> list:
        """A name as the overview maps shorten it: “Zwartew. Land” is a name that starts
        with “zwartew” and ends with “land” (Zwartewaterland); only one may fit."""
        if "." not in name:
            return []
        parts = [_name_key(part) for part in name.split(".")]
        pattern = re.compile(".*".join(re.escape(part) for part in parts if part) + "$")
        return [o for key, found in self.by_name.items() if pattern.match(key) for o in found]

    def find(self, code: str | None, column: str, *, required: bool = True):
        if not code:
            return None
        if code not in self.by_code:
            if not required:
                return None
            raise RowRefused(_("Onbekende CBS-code “%(code)s”.") % {"code": code}, column)
        return self.by_code[code]


def _name_key(name: str) -> str:
    """A name compared without case, accents, punctuation, spaces or “Gemeente” before it:
    “Rijssen/Holten” and “Rijssen-Holten” alike."""
    return cells.normalised(name).removeprefix("gemeente ").replace(" ", "")


def participations_by_pair(
    organisation_ids, organisations: OrganisationFinder, parties: PartyFinder
) -> dict[tuple[int, int], list[Participation]]:
    """The participations of these organisations by (organisation, party), latest start first,
    with their organisation and party taken from the finders instead of a query each."""
    by_pair: dict[tuple[int, int], list[Participation]] = {}
    latest_first = Participation.objects.filter(organisation_id__in=organisation_ids).order_by(
        F("start_date").desc(nulls_last=True)
    )
    for participation in latest_first:
        participation.organisation = organisations.by_pk[participation.organisation_id]
        participation.party = parties.by_pk[participation.party_id]
        key = (participation.organisation_id, participation.party_id)
        by_pair.setdefault(key, []).append(participation)
    return by_pair
