"""The Twente of the overview tests: a safety region (Veiligheid) that Almelo left at the end
of 2024 and Utrecht (publishing) joined, a foundation (Zorg) Almelo joined in June 2025."""

import datetime

import pytest

from partnerships.choices import LegalForm
from partnerships.models import Theme
from registry.models import RoleKind
from tests import factories


@pytest.fixture
def twente(enschede, almelo, utrecht_city):
    safety, _new = Theme.objects.get_or_create(name="Veiligheid")
    care, _new = Theme.objects.get_or_create(name="Zorg")
    region = factories.PartyFactory(
        name="Veiligheidsregio Twente", legal_form=LegalForm.PUBLIC_BODY
    )
    region.themes.add(safety)
    factories.ParticipationFactory(party=region, organisation=enschede)
    factories.ParticipationFactory(
        party=region, organisation=almelo, end_date=datetime.date(2024, 12, 31)
    )
    # outside the province: on the map as far as Utrecht publishes its participations
    utrecht_city.publishes = True
    utrecht_city.save()
    factories.ParticipationFactory(party=region, organisation=utrecht_city)
    foundation = factories.PartyFactory(
        name="Stichting Zorgnetwerk", legal_form=LegalForm.FOUNDATION
    )
    foundation.themes.add(care)
    factories.ParticipationFactory(
        party=foundation, organisation=almelo, start_date=datetime.date(2025, 6, 1)
    )
    return region, foundation


def supervisor(province):
    return factories.user_with_role(RoleKind.SUPERVISOR, province)


def add_municipalities(province, count):
    party = factories.PartyFactory(legal_form=LegalForm.PUBLIC_BODY)
    party.themes.add(factories.ThemeFactory())
    for _ in range(count):
        municipality = factories.MunicipalityFactory(province=province)
        factories.ParticipationFactory(party=party, organisation=municipality)
        factories.ParticipationFactory(
            party=factories.PartyFactory(legal_form=LegalForm.FOUNDATION),
            organisation=municipality,
        )
