from decimal import Decimal

import pytest

from partnerships.choices import FiguresKind, KeyMethod
from partnerships.models import AnnualFigures, CostKey
from tests import factories


@pytest.fixture
def gbt(enschede, almelo):
    party = factories.PartyFactory(name="Gemeentelijk Belastingkantoor Twente")
    for organisation, inhabitants in ((enschede, 160_000), (almelo, 73_000)):
        factories.ParticipationFactory(party=party, organisation=organisation)
        factories.PopulationFigureFactory(
            organisation=organisation, year=2026, inhabitants=inhabitants
        )
        factories.PopulationFigureFactory(
            organisation=organisation, year=2027, inhabitants=inhabitants + 1000
        )
    CostKey.objects.create(party=party, valid_from_year=2020, method=KeyMethod.INHABITANTS)
    AnnualFigures.objects.create(
        party=party, year=2027, kind=FiguresKind.BUDGET, contributions_total=Decimal("2330000")
    )
    return party
