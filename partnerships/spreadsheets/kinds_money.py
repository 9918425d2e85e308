"""The money kinds of sheet: a party's annual figures and the participants' contributions.

Natural keys: annual figures by party, year, kind of document and sequence number (1 when
the column is missing); a contribution by participant (CBS code), party and year, for the
participation that runs in that year (the latest one if the participant left and rejoined).
"""

from django.utils.translation import gettext as _

from partnerships.choices import ContributionBasis, FiguresKind
from partnerships.models import AnnualFigures, Contribution
from partnerships.spreadsheets.columns import (
    amount_column,
    choice_column,
    integer_column,
    text_column,
)
from partnerships.spreadsheets.kinds import (
    OrganisationFinder,
    PartyFinder,
    RowRefused,
    SheetKind,
    field_values,
    participant_columns,
    participations_by_pair,
    party_reference_columns,
    running_participation,
    year_column,
)
from registry import access
from registry.models import RoleKind

FIGURE_AMOUNTS = (
    ("equity_start", _("Eigen vermogen begin jaar"), ("eigen vermogen 1 1",)),
    ("equity_end", _("Eigen vermogen eind jaar"), ("eigen vermogen", "eigen vermogen 31 12")),
    ("debt_start", _("Vreemd vermogen begin jaar"), ("vreemd vermogen 1 1",)),
    ("debt_end", _("Vreemd vermogen eind jaar"), ("vreemd vermogen", "vreemd vermogen 31 12")),
    ("result", _("Resultaat"), ("financieel resultaat", "saldo")),
    ("expenses", _("Totale lasten"), ("lasten",)),
    ("revenues", _("Totale baten"), ("baten",)),
    ("contributions_total", _("Totaal bijdragen deelnemers"), ("bijdragen deelnemers",)),
    ("resilience", _("Weerstandsvermogen"), ()),
)


class AnnualFiguresKind(SheetKind):
    name = "annual_figures"
    label = _("Jaarcijfers")
    model = AnnualFigures
    roles = (RoleKind.FINANCE,)
    columns = (
        *party_reference_columns(),
        year_column(_("Het jaar waarover de cijfers gaan.")),
        choice_column(
            "kind",
            _("Soort document"),
            _("Uit welk document de cijfers komen."),
            FiguresKind,
            required=True,
            example=FiguresKind.BUDGET.label,
            aliases=("soort", "document"),
        ),
        integer_column(
            "version",
            _("Volgnummer"),
            _("Bij meer begrotingswijzigingen in een jaar; leeg: 1."),
            aliases=("versie", "wijziging"),
        ),
        *(
            amount_column(
                name, header, _("In euro's; leeg is onbekend (niet nul)."), aliases=aliases
            )
            for name, header, aliases in FIGURE_AMOUNTS
        ),
        text_column("developments", _("Ontwikkelingen"), _("Vrije tekst voor de paragraaf.")),
        text_column("source_document", _("Brondocument"), _("Naam van het document."), 300),
        text_column(
            "source_url", _("Link naar het document"), _("Webadres."), 200, aliases=("link", "url")
        ),
    )

    def prepare(self, rows, context):
        parties = PartyFinder(chosen=context.party_choices)
        context.lookups["parties"] = parties
        existing = AnnualFigures.objects.filter(party_id__in=_named_parties(rows, parties))
        context.lookups["existing"] = {(f.party_id, f.year, f.kind, f.version): f for f in existing}

    def locate(self, row, context):
        party = context.lookups["parties"].find(row)
        version = row.get("version") or 1
        key = (party.pk, row["year"], row["kind"], version)
        record = context.lookups["existing"].get(key) or AnnualFigures(
            party=party, year=row["year"], kind=row["kind"], version=version
        )
        record.party = party
        names = [name for name, _header, _aliases in FIGURE_AMOUNTS]
        values = field_values(
            row, AnnualFigures, (*names, "developments", "source_document", "source_url")
        )
        return record, values

    def identity(self, record, row):
        return (record.party_id, record.year, record.kind, record.version)

    def export_queryset(self, user):
        return access.scope(user, AnnualFigures.objects.select_related("party"))


def _named_parties(rows, parties: PartyFinder) -> set[int]:
    found = set()
    for row in rows:
        try:
            found.add(parties.find(row).pk)
        except RowRefused:
            continue  # reported when the row itself is judged
    return found


class ContributionsKind(SheetKind):
    name = "contributions"
    label = _("Bijdragen")
    model = Contribution
    roles = (RoleKind.FINANCE,)
    columns = (
        *participant_columns("participation.organisation"),
        *party_reference_columns("participation"),
        year_column(_("Het begrotingsjaar.")),
        amount_column(
            "budgeted",
            _("Begrote bijdrage"),
            _("In euro's."),
            example="1.234.567,00",
            aliases=("bijdrage", "begroot", "begrote bijdrage gemeente"),
        ),
        amount_column(
            "realised",
            _("Gerealiseerde bijdrage"),
            _("In euro's, uit de jaarrekening."),
            aliases=("realisatie", "gerealiseerd", "werkelijke bijdrage"),
        ),
        text_column(
            "explanation",
            _("Berekening"),
            _("Hoe de bijdrage tot stand kwam."),
            300,
            aliases=("toelichting",),
        ),
        choice_column(
            "basis",
            _("Grondslag"),
            _("Leeg: ingevoerd. Een ingelezen bedrag is altijd ingevoerd, niet berekend."),
            ContributionBasis,
        ),
    )

    def prepare(self, rows, context):
        organisations = OrganisationFinder()
        parties = PartyFinder(chosen=context.party_choices)
        ids = organisations.participant_pks(rows)
        participations = participations_by_pair(ids, organisations, parties)
        existing = Contribution.objects.filter(participation__organisation_id__in=ids)
        context.lookups.update(
            organisations=organisations,
            parties=parties,
            participations=participations,
            existing={(c.participation_id, c.year): c for c in existing},
        )

    def locate(self, row, context):
        lookups = context.lookups
        participation = running_participation(row, context)
        record = lookups["existing"].get((participation.pk, row["year"])) or Contribution(
            participation=participation, year=row["year"]
        )
        record.participation = participation
        values = field_values(row, Contribution, ("budgeted", "realised", "explanation"))
        if row.get("basis"):
            values["basis"] = row["basis"]
        elif record.pk is None or values.get("budgeted", record.budgeted) != record.budgeted:
            values["basis"] = ContributionBasis.ENTERED
        return record, values

    def identity(self, record, row):
        return (record.participation_id, record.year)

    def export_queryset(self, user):
        return access.scope(
            user,
            Contribution.objects.select_related(
                "participation__organisation", "participation__party"
            ),
        )
