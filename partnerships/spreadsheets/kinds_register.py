"""The register's kinds of sheet: organisations, population figures, parties, participations.

Natural keys (a re-import updates instead of duplicating):
- organisations: the CBS code (GM0153, PV23);
- population figures: CBS code and year;
- parties: the registry code; without one the KvK number, without that the exact name
  (case, accents and punctuation aside); a row that matches nothing is a new party;
- participations: organisation (CBS code), party, and start date; when the file has one row
  for an organisation and party that has one participation, that one (so its dates can be
  corrected), also when the sheet has no start date column. The financial interest is kept
  per year since issue 12: its columns (shares, guarantees, ...) belong to the kind
  "financial interest per year" (kinds_money.py), and a participations sheet that still has
  them is told so.
"""

import datetime
from collections import Counter

from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships import services
from partnerships.choices import BBVCategory, LegalForm, PartyStatus, RegelingType
from partnerships.legal_forms import MAP_CODES, profile
from partnerships.models import Participation, Party, Theme
from partnerships.models.participations import REGISTER_FIELDS
from partnerships.models.parties import party_code
from partnerships.spreadsheets import cells
from partnerships.spreadsheets.columns import (
    Column,
    amount_column,
    bool_column,
    choice_column,
    date_column,
    integer_column,
    text_column,
)
from partnerships.spreadsheets.interests import FINANCIAL_INTEREST_COLUMNS, VerdictReader
from partnerships.spreadsheets.kinds import (
    PARTY_REFERENCE,
    OrganisationFinder,
    PartyFinder,
    RowRefused,
    RowSkipped,
    SheetKind,
    ensure_readable,
    field_values,
    kvk_column,
    organisation_column,
    organisation_name_column,
    participant_columns,
    participations_by_pair,
    party_reference_columns,
    related_cbs_code,
)
from registry import access, formatting
from registry.models import Organisation, OrganisationKind, PopulationFigure, RoleKind


def _reference_data_refusal(acting, province_id) -> str | None:
    if access.supervises(acting, province_id):
        return None
    return _(
        "Organisaties en bevolkingscijfers importeert de provinciaal toezichthouder voor de "
        "organisaties in zijn provincie (of een beheerder)."
    )


class OrganisationsKind(SheetKind):
    name = "organisations"
    label = _("Organisaties")
    model = Organisation
    roles = (RoleKind.SUPERVISOR,)
    columns = (
        organisation_column(
            "cbs_code",
            required=True,
            aliases=("cbs code", "cbscode", "gemeentecode", "code"),
            export=lambda r: r.cbs_code,
        ),
        text_column(
            "name",
            _("Naam"),
            _("De officiële naam."),
            200,
            required=True,
            example="Enschede",
            aliases=("naam organisatie", "organisatie", "gemeente", "gemeentenaam"),
        ),
        choice_column(
            "kind",
            _("Soort"),
            _("Verplicht bij een nieuwe organisatie."),
            OrganisationKind,
            example=OrganisationKind.MUNICIPALITY.label,
        ),
        organisation_column(
            "province",
            _("Provincie (CBS-code)"),
            bare="PV",
            aliases=("provincie", "provinciecode", "cbs code provincie"),
            export=lambda r: related_cbs_code(r, "province"),
        ),
        kvk_column(_("Het nummer in het Handelsregister, als de organisatie er een heeft.")),
        date_column("start_date", _("Ontstaan op"), _("Bijvoorbeeld bij een herindeling.")),
        date_column("end_date", _("Opgeheven op"), _("De laatste dag vóór een herindeling.")),
    )

    def prepare(self, rows, context):
        context.lookups["organisations"] = finder = OrganisationFinder()
        context.lookups["original_province"] = {pk: o.province_id for pk, o in finder.by_pk.items()}

    def locate(self, row, context):
        finder = context.lookups["organisations"]
        record = finder.find(row["cbs_code"], "cbs_code", required=False) or Organisation(
            cbs_code=row["cbs_code"]
        )
        values = field_values(
            row, Organisation, ("name", "kind", "kvk_number", "start_date", "end_date")
        )
        if "province" in row:
            province = finder.find(row["province"], "province")
            if province is not None and province.kind != OrganisationKind.PROVINCE:
                raise RowRefused(_("Dit is geen provincie."), "province")
            values["province"] = province
        return record, values

    def identity(self, record, row):
        return (row["cbs_code"],)

    def refusal(self, record, changed, context, stored):
        original = context.lookups["original_province"].get(record.pk, record.province_id)
        return _reference_data_refusal(context.acting, original) or _reference_data_refusal(
            context.acting, record.province_id
        )

    def export_queryset(self, user):
        return access.scope(
            user, Organisation.objects.filter(cbs_code__isnull=False)
        ).select_related("province")


class PopulationKind(SheetKind):
    name = "population"
    label = _("Bevolkingscijfers")
    model = PopulationFigure
    roles = (RoleKind.SUPERVISOR,)
    columns = (
        organisation_column(
            required=True,
            aliases=("cbs code", "cbscode", "gemeentecode", "code"),
            export=related_cbs_code,
        ),
        organisation_name_column(_("Naam")),
        Column(
            "year",
            _("Jaar"),
            cells.year,
            _("Het jaar van de telling."),
            example=2026,
            allowed=_("jaartal"),
            required=True,
        ),
        date_column(
            "reference_date",
            _("Peildatum"),
            _("Leeg: 1 januari van het jaar (zoals CBS telt)."),
            example=datetime.date(2026, 1, 1),
        ),
        integer_column(
            "inhabitants",
            _("Inwoners"),
            _("Aantal inwoners op de peildatum."),
            required=True,
            example=158000,
            aliases=("inwonertal", "aantal inwoners"),
        ),
        integer_column(
            "households",
            _("Huishoudens"),
            _("Aantal huishoudens."),
            aliases=("aantal huishoudens",),
        ),
    )

    def prepare(self, rows, context):
        context.lookups["organisations"] = OrganisationFinder()
        codes = {row["organisation"] for row in rows}
        context.lookups["existing"] = {
            (f.organisation_id, f.year): f
            for f in PopulationFigure.objects.filter(organisation__cbs_code__in=codes)
        }

    def locate(self, row, context):
        organisation = context.lookups["organisations"].find(row["organisation"], "organisation")
        record = context.lookups["existing"].get((organisation.pk, row["year"]))
        if record is None:
            record = PopulationFigure(organisation=organisation, year=row["year"])
        record.organisation = organisation
        values = field_values(row, PopulationFigure, ("inhabitants", "households"))
        if "reference_date" in row or record.pk is None:
            values["reference_date"] = row.get("reference_date") or datetime.date(row["year"], 1, 1)
        return record, values

    def identity(self, record, row):
        return (row["organisation"], row["year"])

    def refusal(self, record, changed, context, stored):
        return _reference_data_refusal(context.acting, record.organisation.province_id)

    def export_queryset(self, user):
        return access.scope(user, PopulationFigure.objects.select_related("organisation"))


def _themes_column() -> Column:
    return Column(
        "themes",
        _("Thema's"),
        cells.list_of_text,
        _("Beleidsthema's, gescheiden door een puntkomma."),
        example="Sociaal domein; Veiligheid",
        allowed=_("thema's uit het register (zie hieronder)"),
        aliases=("thema", "themas", "beleidsthema", "beleidsveld"),
        export=lambda r: "; ".join(t.name for t in r.themes.all()) or None,
    )


PARTY_FIELDS = (
    "name",
    "short_name",
    "legal_form",
    "regeling_type",
    "seat",
    "kvk_number",
    "start_date",
    "end_date",
    "participation_mandatory",
    "public_interest",
    "website",
)


class PartiesKind(SheetKind):
    name = "parties"
    label = _("Samenwerkingsverbanden")
    model = Party
    roles = (RoleKind.GRIFFIE,)
    columns = (
        text_column(
            "code",
            _("Registercode"),
            _(
                "De vaste sleutel in het register. Leeg bij een nieuw samenwerkingsverband: dan "
                "wordt gezocht op KvK-nummer en naam, en anders een code gemaakt van de "
                "(korte) naam."
            ),
            80,
            example="ggd-twente",
            aliases=("code", "code samenwerkingsverband"),
        ),
        text_column(
            "name",
            _("Naam"),
            _("De volledige naam."),
            200,
            required=True,
            example="GGD Twente",
            aliases=(
                "naam samenwerkingsverband",
                "samenwerkingsverband",
                "verbonden partij",
                "naam verbonden partij",
                "naam regeling",
                "regeling",
            ),
        ),
        text_column("short_name", _("Korte naam"), _("Afkorting."), 60, aliases=("afkorting",)),
        choice_column(
            "legal_form",
            _("Rechtsvorm"),
            _(
                "Verplicht bij een nieuw samenwerkingsverband. De codes van de provinciale "
                "overzichtskaarten (WGR+OL, WGR BVO, WGR cg, Ovk, Coöp., …) worden herkend."
            ),
            LegalForm,
            synonyms=MAP_CODES,
            example=LegalForm.PUBLIC_BODY.label,
            aliases=("juridische vorm", "vorm"),
        ),
        choice_column(
            "bbv_category",
            _("BBV-categorie"),
            _("Volgt uit de rechtsvorm; een afwijkende waarde wordt gemeld."),
            BBVCategory,
            aliases=("categorie bbv", "categorie"),
            export=lambda r: r.get_bbv_category_display(),
        ),
        choice_column(
            "regeling_type",
            _("Soort regeling"),
            _("Alleen bij een Wgr-vorm."),
            RegelingType,
            example=RegelingType.COLLEGES.label,
            aliases=("soort gr", "type regeling"),
        ),
        _themes_column(),
        text_column(
            "seat",
            _("Vestigingsplaats"),
            _("Plaats van vestiging."),
            100,
            example="Enschede",
            aliases=("vestiging", "zetel", "plaats"),
        ),
        kvk_column(_("Alleen bij een rechtspersoon.")),
        date_column("start_date", _("Begindatum"), _("Datum van oprichting of inwerkingtreding.")),
        date_column("end_date", _("Einddatum"), _("Datum van opheffing.")),
        choice_column("status", _("Status"), _("Leeg bij nieuw: actief."), PartyStatus),
        organisation_column(
            "centre_organisation",
            _("Centrumgemeente (CBS-code)"),
            aliases=("centrumgemeente", "gastheer", "gastheergemeente"),
            export=lambda r: related_cbs_code(r, "centre_organisation"),
        ),
        organisation_column(
            "maintainer",
            _("Dossierhouder (CBS-code)"),
            aliases=("dossierhouder",),
            export=lambda r: related_cbs_code(r, "maintainer"),
        ),
        bool_column(
            "participation_mandatory",
            _("Deelname wettelijk verplicht"),
            _("Bijvoorbeeld veiligheidsregio of GGD."),
            aliases=("verplicht",),
        ),
        text_column(
            "public_interest",
            _("Openbaar belang"),
            _("Welk publiek belang de partij dient."),
            aliases=("publiek belang",),
        ),
        text_column("website", _("Website"), _("Adres van de website."), 200),
    )

    def prepare(self, rows, context):
        parties = list(Party.objects.prefetch_related("bodies", "themes"))
        context.lookups["parties"] = PartyFinder(parties)
        context.lookups["organisations"] = OrganisationFinder()
        context.lookups["themes"] = {cells.normalised(t.name): t for t in Theme.objects.all()}
        context.lookups["codes"] = set(context.lookups["parties"].by_code)

    def locate(self, row, context):
        finder = context.lookups["parties"]
        reference = {
            "party_code": row.get("code"),
            "party_kvk": None if row.get("code") else row.get("kvk_number"),
            "party_name": None if row.get("code") or row.get("kvk_number") else row.get("name"),
        }
        record = finder.find(reference, required=False)
        if record is None:
            record = self._new_party(row, context)
        values = field_values(row, Party, PARTY_FIELDS)
        if row.get("status") or record.pk is None:
            values["status"] = row.get("status") or PartyStatus.ACTIVE
        organisations = context.lookups["organisations"]
        for name in ("centre_organisation", "maintainer"):
            if name in row:
                values[name] = organisations.find(row[name], name)
        if "themes" in row:
            values["themes"] = self._themes(row["themes"] or [], context)
        legal_form = values.get("legal_form") or record.legal_form
        if row.get("bbv_category") and legal_form:
            expected = profile(legal_form).bbv_category
            if row["bbv_category"] != expected:
                raise RowRefused(
                    _("past niet bij de rechtsvorm; een %(form)s valt onder “%(category)s”")
                    % {
                        "form": LegalForm(legal_form).label.lower(),
                        "category": BBVCategory(expected).label,
                    },
                    "bbv_category",
                )
        return record, values

    @staticmethod
    def _new_party(row, context) -> Party:
        code = (row.get("code") or party_code(row.get("short_name") or "", row["name"])).lower()
        if row.get("code") is None and code.upper() in context.lookups["codes"]:
            raise RowRefused(
                _(
                    "er is al een samenwerkingsverband met de registercode “%(code)s”; geef de "
                    "registercode op (bijwerken) of een eigen code (nieuw)"
                )
                % {"code": code},
                "name",
            )
        if row.get("kvk_number") and row["kvk_number"] in context.lookups["parties"].by_kvk:
            other = context.lookups["parties"].by_kvk[row["kvk_number"]][0]
            raise RowRefused(
                _("dit KvK-nummer hoort bij “%(name)s” (registercode %(code)s)")
                % {"name": other.name, "code": other.code},
                "kvk_number",
            )
        context.lookups["codes"].add(code.upper())
        return Party(code=code)

    @staticmethod
    def _themes(names, context) -> list[Theme]:
        known = context.lookups["themes"]
        unknown = [n for n in names if cells.normalised(n) not in known]
        if unknown:
            raise RowRefused(
                _("onbekend thema “%(theme)s”; kies uit: %(known)s")
                % {"theme": unknown[0], "known": "; ".join(t.name for t in known.values())},
                "themes",
            )
        return [known[cells.normalised(n)] for n in names]

    def identity(self, record, row):
        return ("saved", record.pk) if record.pk else ("new", record.code)

    def export_queryset(self, user):
        return access.scope(
            user,
            Party.objects.select_related("centre_organisation", "maintainer").prefetch_related(
                "themes"
            ),
        )


def _pair_as_written(row: dict) -> tuple:
    """The organisation and party as the row names them (before they are looked up)."""
    participant = row.get("organisation") or row.get("organisation_name")
    return (participant, *(row.get(name) for name in PARTY_REFERENCE))


PARTICIPATION_FIELDS = tuple(
    name for name in REGISTER_FIELDS if name not in ("party", "organisation")
)


class ParticipationsKind(SheetKind):
    name = "participations"
    label = _("Deelnemingen")
    model = Participation
    roles = (RoleKind.GRIFFIE, RoleKind.FINANCE)
    columns = (
        *participant_columns(),
        *party_reference_columns(),
        date_column(
            "start_date",
            _("Deelname vanaf"),
            _("Eerste dag van de deelname; leeg: onbekend."),
            aliases=("begindatum", "vanaf", "toetreding"),
        ),
        date_column(
            "end_date",
            _("Deelname tot en met"),
            _("Laatste dag; leeg: loopt nog."),
            aliases=("einddatum", "tot en met", "uittreding"),
        ),
        integer_column(
            "seats",
            _("Zetels"),
            _("Zetels in het hoogste bestuursorgaan; leeg is onbekend, 0 is geen zetel."),
            example=1,
            aliases=("aantal zetels", "zetels ab"),
        ),
        amount_column(
            "voting_weight",
            _("Stemgewicht"),
            _(
                "Stemmen of percentage volgens de regeling; leeg is onbekend, 0 bij aandelen of "
                "een lidmaatschap zonder stemrecht."
            ),
            places=3,
            aliases=("stemmen", "aantal stemmen"),
        ),
        text_column(
            "notes", _("Toelichting"), _("Vrije tekst."), aliases=("opmerking", "opmerkingen")
        ),
        bool_column(
            "participates",
            _("Deelname"),
            _(
                "Ja (of leeg): de organisatie neemt deel. Nee: zij neemt niet deel; zo'n rij "
                "wordt overgeslagen, en als het register een lopende deelname kent, moet "
                "“Deelname tot en met” zeggen wanneer die eindigde."
            ),
            aliases=("deelname ja nee", "neemt deel", "deelnemer ja nee", "deelname j n"),
            export=lambda r: True,
        ),
    )

    moved_columns = FINANCIAL_INTEREST_COLUMNS
    moved_to = _("Financieel belang per jaar")

    # An overview map (a matrix of arrangements × municipalities) is read by this kind too.
    reads_overview_maps = True

    def prepare(self, rows, context):
        organisations = context.lookups.get("organisations") or OrganisationFinder()
        parties = PartyFinder(chosen=context.party_choices)
        ids = organisations.participant_pks(rows)
        existing = participations_by_pair(ids, organisations, parties)
        context.lookups.update(
            organisations=organisations,
            parties=parties,
            existing=existing,
            rows_per_pair=Counter(_pair_as_written(row) for row in rows),
            verdicts=VerdictReader(ids, timezone.localdate().year),
        )

    def locate(self, row, context):
        lookups = context.lookups
        organisation = lookups["organisations"].participant(row)
        ensure_readable(organisation, context)
        party = lookups["parties"].find(row)
        siblings = lookups["existing"].get((organisation.pk, party.pk), [])
        if row.get("on_map"):
            return self._marked_on_map(organisation, party, siblings), {}
        if row.get("participates") is False and not row.get("end_date"):
            self._nothing_to_record(organisation, party, siblings)
        record = self._match(row, siblings, lookups)
        if record is None:
            record = Participation(organisation=organisation, party=party)
        return record, field_values(row, Participation, PARTICIPATION_FIELDS)

    @staticmethod
    def _marked_on_map(organisation, party, siblings) -> Participation:
        """A mark on an overview map: the participation that still runs (unchanged; the map
        says nothing of dates or seats), or a new one from an unknown date; refused when the
        register holds only ended ones (a new period needs its start date)."""
        today = timezone.localdate()
        running = [p for p in siblings if p.end_date is None or p.end_date >= today]
        if running:
            return running[0]
        if siblings:
            raise RowRefused(
                _(
                    "volgens het register eindigde de deelname van %(organisation)s aan "
                    "%(party)s op %(date)s; leg een nieuwe deelname vast met een lijst met "
                    "“Deelname vanaf”"
                )
                % {
                    "organisation": organisation.name,
                    "party": party.name,
                    "date": formatting.date(siblings[0].end_date),
                },
                "participates",
            )
        return Participation(organisation=organisation, party=party)

    @staticmethod
    def _nothing_to_record(organisation, party, siblings):
        """A "nee" row without an end date: skipped, unless the register holds a participation
        that still runs (then the row contradicts it, and only an end date can settle that)."""
        today = timezone.localdate()
        running = [p for p in siblings if p.end_date is None or p.end_date >= today]
        if running:
            raise RowRefused(
                _(
                    "volgens het register neemt %(organisation)s deel aan %(party)s; vul "
                    "“Deelname tot en met” in om die deelname te beëindigen"
                )
                % {"organisation": organisation.name, "party": party.name},
                "participates",
            )
        raise RowSkipped(
            str(Participation(organisation=organisation, party=party)),
            _("geen deelname; er wordt niets vastgelegd"),
        )

    @staticmethod
    def _match(row, siblings, lookups):
        if "start_date" in row:
            same_start = [p for p in siblings if p.start_date == row["start_date"]]
            if same_start:
                return same_start[0]
        if len(siblings) == 1 and lookups["rows_per_pair"][_pair_as_written(row)] == 1:
            return siblings[0]
        if "start_date" not in row and siblings:
            raise RowRefused(
                _("deze deelnemer neemt meer dan eens deel; voeg de kolom “Deelname vanaf” toe")
            )
        return None

    def identity(self, record, row):
        if record.pk:
            return ("saved", record.pk)
        return ("new", record.organisation_id, record.party_id, row.get("start_date"))

    def prepare_record(self, record, changed, context):
        if record.pk is None:  # confirmed or waiting, as partnerships.services decides
            pair = (record.organisation_id, record.party_id)
            siblings = context.lookups["existing"].get(pair, [])
            record.confirmation = services.confirmation_on_registering(
                context.acting, record, siblings
            )

    def clean(self, record, context):
        pair = (record.organisation_id, record.party_id)
        planned = context.planned.setdefault(pair, [])
        others = [p for p in context.lookups["existing"].get(pair, []) if p.pk != record.pk]
        others += [p for p in planned if p is not record]
        planned.append(record)
        record.check_against(others)

    def note(self, record, context) -> str:
        """Shown in the preview: the participation as a verbonden partij this year."""
        return context.lookups["verdicts"].note(record)

    def export_queryset(self, user):
        return access.scope(user, Participation.objects.select_related("organisation", "party"))
