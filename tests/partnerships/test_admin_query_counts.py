"""Admin changelists take a fixed number of queries whatever the number of rows (point 7)."""

import pytest
from django.urls import reverse

from partnerships.choices import BodyKind
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for, count_queries

# Pinned: a change that adds a query per row, or an extra query per page, shows up here.
PINNED = {
    ("griffie", "partnerships_party"): 10,
    ("griffie", "partnerships_participation"): 8,
    ("griffie", "partnerships_seat"): 7,
    ("supervisor", "partnerships_party"): 11,
    ("supervisor", "partnerships_participation"): 9,
}


def populate(enschede, rows: int):
    themes = [factories.ThemeFactory() for _ in range(3)]
    for _ in range(rows):
        party = factories.PartyFactory()
        party.themes.set(themes)
        participation = factories.ParticipationFactory(party=party, organisation=enschede)
        other = factories.ParticipationFactory(
            party=party, organisation=factories.MunicipalityFactory(province=enschede.province)
        )
        board = factories.BodyFactory(party=party, kind=BodyKind.GENERAL_BOARD)
        factories.SeatFactory(body=board, organisation=participation.organisation)
        factories.SeatFactory(body=board, organisation=other.organisation)


@pytest.mark.parametrize(("role", "changelist"), list(PINNED))
def test_changelist_query_count_does_not_grow_with_rows(enschede, role, changelist):
    kind = RoleKind.GRIFFIE if role == "griffie" else RoleKind.SUPERVISOR
    organisation = enschede if role == "griffie" else enschede.province
    client = client_for(factories.user_with_role(kind, organisation))
    url = reverse(f"admin:{changelist}_changelist")

    populate(enschede, 3)
    few = count_queries(client, url)
    populate(enschede, 30)
    many = count_queries(client, url)

    assert few == many == PINNED[(role, changelist)]


def populate_money(enschede, rows: int):
    """Parties with a budget and the contribution of each participant, some unknown."""
    for number in range(rows):
        party = factories.PartyFactory()
        participation = factories.ParticipationFactory(party=party, organisation=enschede)
        factories.AnnualFiguresFactory(party=party, result=-1000 * number)
        factories.ContributionFactory(
            participation=participation, budgeted=1000 + number, realised=None
        )


@pytest.mark.parametrize(
    ("changelist", "pinned"),
    [("partnerships_contribution", 9), ("partnerships_annualfigures", 9)],
)
def test_lists_with_amounts_and_totals_take_fixed_queries(enschede, changelist, pinned):
    client = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    url = reverse(f"admin:{changelist}_changelist")
    populate_money(enschede, 3)
    few = count_queries(client, url)
    populate_money(enschede, 30)
    assert (few, count_queries(client, url)) == (pinned, pinned)
