"""What-if: one participant leaves a party. How the others' contributions shift under the same
key, and what the exit clause of the legal basis in force implies as exit cost (uittreedsom).

The exit cost is what the registry can compute from the clause, computed exactly and then
rounded once to the cent, a half cent upwards (registry.money.to_cent_half_up), as the page
says:
- "n × the yearly contribution": from the budgeted contribution of the year;
- "share of the running commitments": an indication, the leaving participant's share of the
  contributions times the party's expected debt (vreemd vermogen) at the end of the year from
  the same begroting; the regeling's own settlement decides the real amount;
- not set, or actual costs settled case by case: not computable, said so in words.

Where the law names the participants (a veiligheidsregio under the Wet veiligheidsregio's, the
GGD, an omgevingsdienst: `Party.participation_mandatory`), leaving is not possible at all;
`exit_not_possible` says so, and the page shows the arithmetic only as an illustration.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerships.allocation import ExitEffect, Share, what_if_exit
from partnerships.choices import ExitCostMethod, KeyMethod
from partnerships.contributions import budget_figures, key_and_members, member_key
from partnerships.models import AnnualFigures, LegalBasis, Party
from registry import formatting
from registry.models import Organisation
from registry.money import to_cent_half_up
from registry.periods import overlaps_q

ROUNDING = gettext_lazy("; afgerond op de cent, een halve cent naar boven")


@dataclass(frozen=True)
class ExitCost:
    amount: Decimal | None  # None: not computable from the clause
    explanation: str


def exit_cost(
    basis: LegalBasis | None, leaving: Share, total: Decimal, debt: Decimal | None
) -> ExitCost:
    """What the exit clause implies for the `leaving` share of a budget `total`."""
    method = basis.exit_cost_method if basis else ExitCostMethod.NOT_SET
    if method == ExitCostMethod.NOT_SET:
        return ExitCost(None, _("De regeling regelt de uittreedsom niet."))
    if method == ExitCostMethod.CONTRIBUTION_MULTIPLE:
        return ExitCost(
            to_cent_half_up(leaving.amount * basis.exit_cost_factor),
            _("%(factor)s × de jaarlijkse bijdrage van %(contribution)s")
            % {
                "factor": formatting.number(basis.exit_cost_factor, 2),
                "contribution": formatting.euro(leaving.amount, cents=True),
            }
            + ROUNDING,
        )
    if method == ExitCostMethod.SHARE_OF_COMMITMENTS:
        if debt is None:
            return ExitCost(
                None,
                _(
                    "Aandeel in de lopende verplichtingen; de begroting noemt geen vreemd "
                    "vermogen, dus het bedrag is niet te berekenen."
                ),
            )
        share = Fraction(leaving.amount) / Fraction(total) if total else Fraction(0)
        return ExitCost(
            to_cent_half_up(Fraction(debt) * share),
            _(
                "indicatie: %(share)s (het aandeel in de bijdragen) van het verwachte vreemd "
                "vermogen van %(debt)s; de regeling bepaalt de precieze afrekening"
            )
            % {
                "share": formatting.percentage(Decimal(share.numerator) / share.denominator * 100),
                "debt": formatting.euro(debt),
            }
            + ROUNDING,
        )
    return ExitCost(None, str(ExitCostMethod(method).label))


def exit_not_possible(party: Party) -> str:
    """Why `party` cannot be left, or "" when the regeling's exit clause decides."""
    if not party.participation_mandatory:
        return ""
    return _(
        "Uittreden uit %(party)s is niet mogelijk: de deelname is wettelijk verplicht (de wet "
        "wijst de deelnemers aan, zoals de Wet veiligheidsregio's dat voor een "
        "veiligheidsregio doet). De berekening hieronder is alleen een illustratie van hoe de "
        "bijdragen zouden verschuiven; er is geen uittreedsom verschuldigd zolang de wet de "
        "deelname voorschrijft."
    ) % {"party": party}


def current_legal_basis(party: Party, year: int) -> LegalBasis | None:
    day = datetime.date(year, 1, 1)
    in_force = party.legal_bases.filter(overlaps_q(day, day, "in_force_from", "in_force_until"))
    # the latest version in force; one without a date counts as the oldest
    return in_force.order_by(F("in_force_from").asc(nulls_first=True), "pk").last()


@dataclass(frozen=True)
class ShiftRow:
    """One participant in the what-if table."""

    name: str
    now: Decimal
    after: Decimal | None  # None: the one leaving
    explanation: str

    @property
    def difference(self) -> Decimal | None:
        return None if self.after is None else self.after - self.now


@dataclass(frozen=True)
class ExitWhatIf:
    party: Party
    organisation: Organisation
    year: int
    method_label: str
    figures: AnnualFigures
    effect: ExitEffect
    cost: ExitCost
    basis: LegalBasis | None

    @property
    def rows(self) -> list[ShiftRow]:
        after = {s.member.key: s.amount for s in self.effect.after.shares}
        return [
            ShiftRow(s.member.name, s.amount, after.get(s.member.key), s.explanation)
            for s in self.effect.before.shares
        ]

    @property
    def total(self) -> Decimal:
        return self.effect.before.total


def exit_what_if(party: Party, year: int, organisation: Organisation) -> ExitWhatIf:
    """The shift in contributions and the exit cost when `organisation` leaves `party` in
    `year`. Raises AllocationError (Dutch problems) when the key cannot be applied."""
    figures = budget_figures(party, year)
    key, members = key_and_members(party, year)
    effect = what_if_exit(figures.contributions_total, key, members, member_key(organisation))
    debt = figures.debt_end if figures.debt_end is not None else figures.debt_start
    basis = current_legal_basis(party, year)
    return ExitWhatIf(
        party=party,
        organisation=organisation,
        year=year,
        method_label=str(KeyMethod(key.method).label),
        figures=figures,
        effect=effect,
        cost=exit_cost(basis, effect.leaving, figures.contributions_total, debt),
        basis=basis,
    )
