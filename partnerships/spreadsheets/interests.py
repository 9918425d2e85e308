"""The financial interest per year as a kind of sheet, and the verbonden-partij status the
preview of a participations sheet shows per row.

Natural key: participant (CBS code), party and year, for the participation that runs in that
year (as for contributions). The amounts are the position on 31 December of the year; an
empty cell is unknown, never zero (partnerships.models.interests).
"""

from django.utils.translation import gettext as _

from partnerships import bbv
from partnerships.legal_forms import GOVERNING_BODIES
from partnerships.models import FinancialInterest, Seat
from partnerships.models.interests import INTEREST_FIELDS
from partnerships.spreadsheets.columns import amount_column, integer_column, text_column
from partnerships.spreadsheets.kinds import (
    OrganisationFinder,
    PartyFinder,
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
from registry.periods import overlaps_q, year_span

FINANCIAL_INTEREST_COLUMNS = (
    integer_column(
        "shares_count",
        _("Aantal aandelen"),
        _("Bij een vennootschap; leeg is onbekend, 0 is geen aandelen."),
        aliases=("aandelen",),
    ),
    amount_column("share_nominal_value", _("Nominale waarde per aandeel"), _("In euro's.")),
    amount_column(
        "guarantees",
        _("Garanties en borgstellingen"),
        _("In euro's; leeg is onbekend, 0 is geen."),
        aliases=("garanties", "borgstellingen"),
    ),
    amount_column(
        "loans",
        _("Verstrekte leningen"),
        _("In euro's; leeg is onbekend, 0 is geen."),
        aliases=("leningen",),
    ),
    amount_column(
        "amount_at_risk",
        _("Bedrag bij faillissement"),
        _("Wat verloren gaat als de partij failliet gaat, in euro's; leeg is onbekend."),
        aliases=("financieel belang", "risico bij faillissement"),
    ),
)


class FinancialInterestsKind(SheetKind):
    name = "financial_interests"
    label = _("Financieel belang per jaar")
    model = FinancialInterest
    roles = (RoleKind.FINANCE,)
    columns = (
        *participant_columns("participation.organisation"),
        *party_reference_columns("participation"),
        year_column(_("De stand op 31 december van dit jaar (verwacht, voor een komend jaar).")),
        *FINANCIAL_INTEREST_COLUMNS,
        text_column("notes", _("Toelichting"), _("Vrije tekst."), 300, aliases=("opmerking",)),
    )

    def prepare(self, rows, context):
        organisations = OrganisationFinder()
        parties = PartyFinder(chosen=context.party_choices)
        ids = organisations.participant_pks(rows)
        existing = FinancialInterest.objects.filter(participation__organisation_id__in=ids)
        context.lookups.update(
            organisations=organisations,
            parties=parties,
            participations=participations_by_pair(ids, organisations, parties),
            existing={(i.participation_id, i.year): i for i in existing},
        )

    def locate(self, row, context):
        participation = running_participation(row, context)
        key = (participation.pk, row["year"])
        record = context.lookups["existing"].get(key) or FinancialInterest(
            participation=participation, year=row["year"]
        )
        record.participation = participation
        return record, field_values(row, FinancialInterest, (*INTEREST_FIELDS, "notes"))

    def identity(self, record, row):
        return (record.participation_id, record.year)

    def export_queryset(self, user):
        return access.scope(
            user,
            FinancialInterest.objects.select_related(
                "participation__organisation", "participation__party"
            ),
        )


class VerdictReader:
    """The verbonden-partij status of participations in memory (a row of a participations
    sheet, as it will be), from what the register holds for `year`: the organisations' seats
    in governing bodies and their financial interest, read in two queries for the file."""

    def __init__(self, organisation_ids, year: int):
        self.year = year
        seats = Seat.objects.filter(
            overlaps_q(*year_span(year)),
            organisation_id__in=organisation_ids,
            body__kind__in=GOVERNING_BODIES,
        )
        self.seats = set(seats.values_list("organisation_id", "body__party_id"))
        self.interests = {
            i.participation_id: bbv.Interest(
                i.shares_count, i.guarantees, i.loans, i.amount_at_risk
            )
            for i in FinancialInterest.objects.filter(
                year=year, participation__organisation_id__in=organisation_ids
            )
        }

    def verdict(self, participation) -> bbv.Verdict:
        pair = (participation.organisation_id, participation.party_id)
        inputs = bbv.inputs_for(
            participation,
            self.year,
            seat_in_board=pair in self.seats,
            interest=self.interests.get(participation.pk),
        )
        return bbv.verdict(inputs)

    def note(self, participation) -> str:
        return _("verbonden partij %(year)s: %(verdict)s") % {
            "year": self.year,
            "verdict": self.verdict(participation).text,
        }
