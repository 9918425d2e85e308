"""Every public page takes a fixed number of queries whatever the data size (issue 14,
point 8): the same count before and after ten more parties, each with participants,
contributions, figures, bodies and seats, evaluations and cycle documents."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.choices import EvaluationStatus
from partnerships.choices import BodyKind
from tests import factories
from tests.conftest import client_for
from tests.site.conftest import YEAR

# (reader, page) -> queries, pinned
PINNED = {
    ("anonymous", "home"): 3,
    ("anonymous", "search"): 5,
    ("anonymous", "municipality"): 13,  # with the financial interest of the year
    ("anonymous", "cooperation"): 15,
    ("council Enschede", "home"): 6,
    ("council Enschede", "search"): 8,
    ("council Enschede", "municipality"): 17,
    ("council Enschede", "cooperation"): 21,
}
PAGES = {
    "home": ("site:home", []),
    "search": ("site:search", []),
    "municipality": ("site:municipality", ["GM0153"]),
    "cooperation": ("site:cooperation", ["gbt"]),
}


def grow(enschede, almelo, times: int) -> None:
    for n in range(times):
        party = factories.PartyFactory(name=f"Regeling {n}", start_date=datetime.date(2015, 1, 1))
        theme = factories.ThemeFactory()
        party.themes.add(theme)
        board = factories.BodyFactory(party=party, kind=BodyKind.GENERAL_BOARD)
        for organisation in (enschede, almelo):
            participation = factories.ParticipationFactory(party=party, organisation=organisation)
            factories.ContributionFactory(participation=participation, year=YEAR)
            factories.SeatFactory(body=board, organisation=organisation, person_name="Lid")
        factories.AnnualFiguresFactory(party=party, year=YEAR, equity_end=Decimal("-1"))
        factories.LegalBasisFactory(party=party, evaluation_interval_years=4)
        factories.EvaluationFactory(
            party=party,
            status=EvaluationStatus.COMPLETED,
            public=True,
            actual_end=datetime.date(2022, 1, 1),
        )
        factories.CycleDocumentFactory(party=party, year=YEAR)


def count(client, page) -> int:
    name, args = PAGES[page]
    params = {"jaar": YEAR} if args else {"q": "e"}
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("reader", "page"), list(PINNED))
def test_each_page_takes_a_fixed_number_of_queries(
    site_world, readers, enschede, almelo, reader, page
):
    user = readers[reader]
    client = Client() if user is None else client_for(user)
    few = count(client, page)
    grow(enschede, almelo, 10)
    many = count(client, page)
    assert (few, many) == (PINNED[(reader, page)], PINNED[(reader, page)])
