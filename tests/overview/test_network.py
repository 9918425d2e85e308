"""The network of cooperation (issue 15, point 4): weighted links on the peildatum, the
border crossing, the filters and the search, what a supervisor reads of other provinces, who
may open the page, the click on a node or a link, and the pinned query count."""

import datetime

import pytest
from django.urls import reverse

from partnerships.choices import LegalForm
from partnerships.models import Theme
from partnerships.overview.network import build_network
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for, count_queries
from tests.overview.conftest import add_municipalities, supervisor

NOW = datetime.date(2026, 1, 1)


@pytest.fixture
def patchwork(twente, overijssel, enschede, almelo, utrecht_city):
    """Besides Twente: Enschede and Almelo in a Regio Twente (Bestuur); Enschede and the
    unpublished Amersfoort (Utrecht) in a stichting; the province Overijssel with Enschede in
    an agreement."""
    bestuur, _new = Theme.objects.get_or_create(name="Bestuur")
    regio = factories.PartyFactory(name="Regio Twente", legal_form=LegalForm.PUBLIC_BODY)
    regio.themes.add(bestuur)
    for municipality in (enschede, almelo):
        factories.ParticipationFactory(party=regio, organisation=municipality)
    amersfoort = factories.MunicipalityFactory(
        name="Amersfoort", province=utrecht_city.province, publishes=False
    )
    hidden = factories.PartyFactory(name="Stichting Verborgen", legal_form=LegalForm.FOUNDATION)
    for municipality in (enschede, amersfoort):
        factories.ParticipationFactory(party=hidden, organisation=municipality)
    agreement = factories.PartyFactory(name="Convenant Grensland", legal_form=LegalForm.AGREEMENT)
    for organisation in (overijssel, enschede):
        factories.ParticipationFactory(party=agreement, organisation=organisation)
    return amersfoort


def _pairs(network):
    return {
        (link.a.name, link.b.name): (link.weight, link.crosses_border) for link in network.links
    }


def test_links_weighted_and_the_border_marked(patchwork, overijssel):
    network = build_network(supervisor(overijssel), NOW)
    pairs = _pairs(network)
    # Almelo left the safety region at the end of 2024: only Regio Twente is shared
    assert pairs[("Almelo", "Enschede")] == (1, False)
    assert pairs[("Enschede", "Utrecht")] == (1, True)  # Utrecht publishes
    assert pairs[("Enschede", "Overijssel")] == (1, False)  # the province with its own
    assert network.crossing == 1


def test_a_supervisor_does_not_read_what_another_province_keeps_unpublished(
    patchwork, overijssel, utrecht_city
):
    names = {n.name for n in build_network(supervisor(overijssel), NOW).nodes.values()}
    assert "Amersfoort" not in names
    # Utrecht's supervisor reads Amersfoort's side, not Enschede's (Overijssel's
    # municipalities do not publish here): a link needs both sides readable
    network = build_network(supervisor(utrecht_city.province), NOW)
    assert ("Amersfoort", "Enschede") not in _pairs(network)
    admin_pairs = _pairs(build_network(factories.admin_user(), NOW))
    assert admin_pairs[("Amersfoort", "Enschede")] == (1, True)


def test_filters_and_search(patchwork, overijssel, enschede):
    user = factories.admin_user()
    bestuur = Theme.objects.get(name="Bestuur")
    assert set(_pairs(build_network(user, NOW, theme_id=bestuur.pk))) == {("Almelo", "Enschede")}
    assert set(_pairs(build_network(user, NOW, code="Stg."))) == {("Amersfoort", "Enschede")}
    in_utrecht = build_network(user, NOW, province_id=patchwork.province_id)
    assert set(_pairs(in_utrecht)) == {("Enschede", "Utrecht"), ("Amersfoort", "Enschede")}
    assert set(_pairs(build_network(user, NOW, search="grensland"))) == {("Enschede", "Overijssel")}
    by_municipality = _pairs(build_network(user, NOW, search="amersf"))
    assert set(by_municipality) == {("Amersfoort", "Enschede")}
    earlier = _pairs(build_network(user, datetime.date(2024, 6, 1)))
    assert earlier[("Almelo", "Enschede")] == (2, False)  # the safety region too, then


def test_only_supervisors_and_administrators(patchwork, enschede):
    url = reverse("partnerships:overview_network")
    for user in (
        factories.user_with_role(RoleKind.COUNCIL, enschede),
        factories.user_with_role(RoleKind.GRIFFIE, enschede),
    ):
        assert client_for(user).get(url).status_code == 404


def test_the_page_draws_and_a_click_lists_the_cooperations(patchwork, overijssel, enschede, almelo):
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:overview_network")
    page = client.get(url, {"date": "2026-01-01", "minimum": 1}).content.decode()
    assert "<svg" in page and 'class="border"' in page
    assert "Amersfoort" not in page and "Stichting Verborgen" not in page
    assert "Getekend: 3 verbindingen met gewicht 1 of meer" in page
    clicked = client.get(
        url, {"date": "2026-01-01", "minimum": 1, "a": almelo.pk, "b": enschede.pk}
    ).content.decode()
    assert "Samenwerkingen van Almelo en Enschede" in clicked
    assert "<li>Regio Twente</li>" in clicked
    node = client.get(url, {"date": "2026-01-01", "knoop": enschede.pk}).content.decode()
    # Enschede's own participations, the stichting too; not with whom it shares it
    for name in ("Regio Twente", "Veiligheidsregio Twente", "Convenant Grensland"):
        assert f"<li>{name}</li>" in node
    assert "<li>Stichting Verborgen</li>" in node and "Amersfoort" not in node


def test_a_guessed_node_of_an_unpublished_municipality_lists_nothing(patchwork, overijssel):
    client = client_for(supervisor(overijssel))
    page = client.get(reverse("partnerships:overview_network"), {"knoop": patchwork.pk})
    assert "Stichting Verborgen" not in page.content.decode()
    assert "Amersfoort" not in page.content.decode()


def test_the_page_takes_the_same_queries_at_two_sizes(patchwork, overijssel):
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:overview_network") + "?date=2026-01-01&minimum=1"
    small = count_queries(client, url)
    add_municipalities(overijssel, 8)
    assert count_queries(client, url) == small


def test_the_admin_index_links_the_network_for_a_supervisor_only(patchwork, overijssel, enschede):
    url = reverse("partnerships:overview_network")
    index = reverse("admin:index")
    assert url in client_for(supervisor(overijssel)).get(index).content.decode()
    council = factories.user_with_role(RoleKind.COUNCIL, enschede)
    assert url not in client_for(council).get(index).content.decode()
