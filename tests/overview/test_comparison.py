"""The comparison of a province's municipalities (issue 15, point 3): counts, verbonden
partijen, contributions per inhabitant, who may see it, and its pinned query count."""

from decimal import Decimal

from django.urls import reverse

from partnerships.models import Contribution, Participation
from partnerships.overview.comparison import build_comparison
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for, count_queries
from tests.overview.conftest import add_municipalities, supervisor


def test_counts_and_contributions_per_inhabitant(twente, overijssel, enschede, almelo):
    region = Participation.objects.get(party__name="Veiligheidsregio Twente", organisation=enschede)
    Contribution.objects.create(participation=region, year=2026, budgeted=Decimal("1600000"))
    factories.PopulationFigureFactory(organisation=enschede, year=2026, inhabitants=160_000)
    comparison = build_comparison(supervisor(overijssel), overijssel, 2026)
    almelo_line, enschede_line = comparison.lines
    assert almelo_line.municipality == almelo
    # Almelo: the stichting from June 2025 (the safety region ended in 2024)
    assert (almelo_line.participations, almelo_line.contributions) == (1, None)
    assert almelo_line.per_inhabitant is None
    assert enschede_line.participations == 1
    assert enschede_line.contributions == Decimal("1600000")
    assert enschede_line.per_inhabitant == Decimal("10.00")
    assert comparison.theme_rows()[1] == (enschede_line, [1, 0])  # Veiligheid, Zorg
    assert comparison.codes == ["Stg.", "WGR+OL"]


def test_only_the_provinces_supervisor_and_administrators(
    twente, overijssel, utrecht_city, enschede
):
    url = reverse("partnerships:overview_comparison", args=[overijssel.pk])
    assert client_for(supervisor(overijssel)).get(url, {"year": 2026}).status_code == 200
    assert client_for(factories.admin_user()).get(url).status_code == 200
    for user in (
        supervisor(utrecht_city.province),
        factories.user_with_role(RoleKind.COUNCIL, enschede),
    ):
        assert client_for(user).get(url).status_code == 404


def test_the_page_takes_the_same_queries_at_two_sizes(twente, overijssel):
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:overview_comparison", args=[overijssel.pk]) + "?year=2026"
    small = count_queries(client, url)
    add_municipalities(overijssel, 6)
    assert count_queries(client, url) == small
