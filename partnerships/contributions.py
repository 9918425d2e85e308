"""Contributions from the database: a party's key and inputs for a year and the allocation
(storing them is partnerships.services.store_budgeted_contributions). The what-if of a
participant leaving is in partnerships.leaving."""

import calendar
import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from partnerships.allocation import (
    Allocation,
    AllocationError,
    Key,
    Member,
    allocate,
)
from partnerships.choices import FiguresKind, PopulationReference
from partnerships.models import AnnualFigures, CostKey, Participation, Party
from registry import formatting
from registry.models import Organisation, PopulationFigure
from registry.periods import overlaps_q, year_span


def member_key(organisation: Organisation) -> str:
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
                key=member_key(organisation),
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


def _budgets_with_total(party: Party):
    return AnnualFigures.objects.filter(
        party=party, kind__in=[FiguresKind.BUDGET, FiguresKind.BUDGET_AMENDMENT]
    ).exclude(contributions_total=None)


def budget_figures(party: Party, year: int) -> AnnualFigures:
    """The party's latest begroting(swijziging) for `year` that names its contributions total."""
    figures = (
        _budgets_with_total(party)
        .filter(year=year)
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
    return figures


def budget_total(party: Party, year: int) -> Decimal:
    return budget_figures(party, year).contributions_total


def key_and_members(
    party: Party, year: int, participations: list[Participation] | None = None
) -> tuple[Key, list[Member]]:
    """The key in force for `year` and each participant's inputs."""
    if participations is None:
        participations = participations_in(party, year)
    key = key_for(party, year)
    return as_key(key, year), members_for(key, year, participations)


def budget_allocation(
    party: Party,
    year: int,
    total: Decimal | None = None,
    participations: list[Participation] | None = None,
) -> Allocation:
    total = budget_total(party, year) if total is None else total
    return allocate(total, *key_and_members(party, year, participations))


def budget_years(party: Party) -> list[int]:
    """The years for which the party's begroting names a contributions total."""
    years = _budgets_with_total(party).values_list("year", flat=True)
    return sorted(set(years))
