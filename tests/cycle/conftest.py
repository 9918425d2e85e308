import pytest

from tests import factories


@pytest.fixture
def regeling(enschede, almelo):
    """An openbaar lichaam with Enschede and Almelo as participants."""
    party = factories.PartyFactory(name="Veiligheidsregio Twente")
    for organisation in (enschede, almelo):
        factories.ParticipationFactory(party=party, organisation=organisation)
    return party
