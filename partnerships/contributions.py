"""Contributions from the database: a party's key and inputs for a year, the allocation,
storing the budgeted contributions, and the what-if of one participant leaving."""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from partnerships.allocation import (
    Allocation,
    AllocationError,
    ExitEffect,
    Key,
    Member,
    allocate,
    what_if_exit,
)
from partnerships.choices import (
    ContributionBasis,
    ExitCostMethod,
    FiguresKind,
    PopulationReference,
)
from partnerships.models import (
    AnnualFigures,
    Contribution,
    CostKey,
    LegalBasis,
    Participation,
    Party,
)
from registry import formatting
from registry.models import Organisation, PopulationFigure
from registry.periods import overlaps_q, year_span


def _member_key(organisation: Organisation) -> str:
    return organisation.cbs_code or f"org-{organisation.pk}"


def key_for(party: Party, year: int) -> CostKey:
    for key in party.cost_keys.all():
        if key.covers(year):
            return key
    raise AllocationError(
        [_("%(party)s heeft geen verdeelsleutel voor %(year)s.") % {"party": party, "year": year}]
    )


def participations_in(party: Party, year: int) -> list[Participation]:
    return list(
        party.participations.filter(overlaps_q(*year_span(year))).select_related("organisation")
    )


def _days_in(participation: Participation, year: int) -> int | None:
    first, last = year_span(year)
    start = max(participation.start_date or first, first)
    end = min(participation.end_date or last, last)
    if (start, end) == (first, last):
        return None
    return (end - start).days + 1


def population_year(key: CostKey, year: int) -> int:
    return year - 1 if key.population_reference == PopulationReference.PREVIOUS_YEAR else year


def members_for(key: CostKey, year: int, participations: list[Participation]) -> list[Member]:
    organisation_ids = [p.organisation_id for p in participations]
    figures = {
        f.organisation_id: f
        for f in PopulationFigure.objects.filter(
            organisation_id__in=organisation_ids, year=population_year(key, year)
        )
    }
    percentages = {p.organisation_id: p.percentage for p in key.percentages.all()}
    units = {
        u.organisation_id: u.units
        for u in key.party.usage_figures.filter(year=year, organisation_id__in=organisation_ids)
    }
    members = []
    for participation in participations:
        organisation: Organisation = participation.organisation
        figure = figures.get(organisation.pk)
        members.append(
            Member(
                key=_member_key(organisation),
                name=organisation.name,
                inhabitants=figure.inhabitants if figure else None,
                households=figure.households if figure else None,
                units=units.get(organisation.pk),
                percentage=percentages.get(organisation.pk),
                days=_days_in(participation, year),
            )
        )
    return members


def as_key(key: CostKey, year: int) -> Key:
    return Key(
        method=key.method,
        base_amount=key.base_amount or Decimal(0),
        rest_method=key.rest_method,
        pro_rata=key.pro_rata,
        days_in_year=366 if calendar.isleap(year) else 365,
        reference=formatting.date(datetime.date(population_year(key, year), 1, 1)),
    )


def budget_total(party: Party, year: int) -> Decimal:
    """The total of the contributions in the party's latest begroting(swijziging) for `year`."""
    figures = (
        AnnualFigures.objects.filter(
            party=party, year=year, kind__in=[FiguresKind.BUDGET, FiguresKind.BUDGET_AMENDMENT]
        )
        .exclude(contributions_total=None)
        .order_by("-kind", "-version")  # an amendment ("budget_amendment") before the budget
        .first()
    )
    if figures is None:
        raise AllocationError(
            [
                _("De begroting %(year)s van %(party)s noemt geen totaal aan bijdragen.")
                % {"year": year, "party": party}
            ]
        )
    return figures.contributions_total


def _key_and_members(
    party: Party, year: int, participations: list[Participation]
) -> tuple[Key, list[Member]]:
    key = key_for(party, year)
    return as_key(key, year), members_for(key, year, participations)


def budget_allocation(
    party: Party,
    year: int,
    total: Decimal | None = None,
    participations: list[Participation] | None = None,
) -> Allocation:
    if participations is None:
        participations = participations_in(party, year)
    total = budget_total(party, year) if total is None else total
    return allocate(total, *_key_and_members(party, year, participations))


@transaction.atomic
def store_budgeted_contributions(
    party: Party, year: int, organisation_ids: set[int] | None = None
) -> list[Contribution]:
    """Write the computed contribution for `year` of each participant, or only of
    `organisation_ids` (finance staff store their own), in one transaction."""
    participations = participations_in(party, year)
    allocation = budget_allocation(party, year, participations=participations)
    by_code = {s.member.key: s for s in allocation.shares}
    stored = []
    for participation in participations:
        if organisation_ids is not None and participation.organisation_id not in organisation_ids:
            continue
        share = by_code[_member_key(participation.organisation)]
        contribution, _created = Contribution.objects.update_or_create(
            participation=participation,
            year=year,
            defaults={
                "budgeted": share.amount,
                "basis": ContributionBasis.COMPUTED,
                "explanation": share.explanation[:300],
            },
        )
        stored.append(contribution)
    return stored


@dataclass(frozen=True)
class ExitCost:
    amount: Decimal | None  # None: not computable from the clause
    explanation: str


def exit_cost(basis: LegalBasis | None, contribution: Decimal) -> ExitCost:
    """What the exit clause implies for a participant paying `contribution` a year."""
    if basis is None or basis.exit_cost_method == ExitCostMethod.NOT_SET:
        return ExitCost(None, _("De regeling regelt de uittreedsom niet."))
    if basis.exit_cost_method == ExitCostMethod.CONTRIBUTION_MULTIPLE:
        amount = (contribution * basis.exit_cost_factor).quantize(Decimal("0.01"))
        return ExitCost(
            amount,
            _("%(factor)s × de jaarlijkse bijdrage van %(contribution)s")
            % {
                "factor": formatting.number(basis.exit_cost_factor, 2),
                "contribution": formatting.euro(contribution, cents=True),
            },
        )
    return ExitCost(None, str(ExitCostMethod(basis.exit_cost_method).label))


def current_legal_basis(party: Party, year: int) -> LegalBasis | None:
    day = datetime.date(year, 1, 1)
    in_force = party.legal_bases.filter(overlaps_q(day, day, "in_force_from", "in_force_until"))
    # the latest version in force; one without a date counts as the oldest
    return in_force.order_by(F("in_force_from").asc(nulls_first=True), "pk").last()


def exit_what_if(party: Party, year: int, organisation: Organisation):
    """The shift in contributions and the exit cost when `organisation` leaves `party`."""
    key, members = _key_and_members(party, year, participations_in(party, year))
    effect: ExitEffect = what_if_exit(
        budget_total(party, year), key, members, _member_key(organisation)
    )
    return effect, exit_cost(current_legal_basis(party, year), effect.leaving.amount)
