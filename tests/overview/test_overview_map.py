"""The generated overview map (issue 15, point 1): marks, Nieuw / niet meer, the footer counts,
the BBV count with the reason for each difference, who may see it, and its query count."""

import datetime

import pytest
from django.urls import reverse

from partnerships.overview.queries import build_map
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for, count_queries
from tests.overview.conftest import add_municipalities, supervisor

NOW = datetime.date(2026, 1, 1)
BEFORE = datetime.date(2024, 6, 1)


def _row(overview, name):
    return next(r for g in overview.groups for r in g.rows if r.party.name == name)


def test_marks_new_and_gone_against_an_earlier_map(twente, overijssel, enschede, almelo):
    overview = build_map(supervisor(overijssel), overijssel, NOW, BEFORE)
    assert [m.name for m in overview.municipalities] == ["Almelo", "Enschede"]
    assert [g.theme for g in overview.groups] == ["Veiligheid", "Zorg"]
    region = _row(overview, "Veiligheidsregio Twente")
    assert region.code == "WGR+OL"
    # Almelo, Enschede, Provincie, buiten de provincie, andere partners
    assert region.cells == ["niet meer", "x", "", "x", ""]
    foundation = _row(overview, "Stichting Zorgnetwerk")
    assert foundation.code == "Stg."
    assert foundation.cells == ["Nieuw", "", "", "", ""]


def test_without_a_second_date_only_todays_marks(twente, overijssel):
    overview = build_map(supervisor(overijssel), overijssel, NOW)
    assert _row(overview, "Veiligheidsregio Twente").cells == ["", "x", "", "x", ""]
    assert _row(overview, "Stichting Zorgnetwerk").cells == ["x", "", "", "", ""]


def test_footer_counts_and_the_bbv_count_with_its_reasons(twente, overijssel, almelo, enschede):
    overview = build_map(supervisor(overijssel), overijssel, NOW)
    lines = dict(overview.footer_lines())
    # Almelo, Enschede
    assert lines["Totaal publiek WGR+OL"] == [0, 1]
    assert lines["Totaal privaat"] == [1, 0]
    assert lines["Subtotaal (= verbonden partijen)"] == [1, 1]
    assert lines["Totaal overig publiek"] == [0, 0]
    assert lines["Totaal"] == [1, 1]
    bbv = lines["Verbonden partijen volgens het register (BBV art. 1 lid 1 sub b)"]
    assert bbv == [0, 1]
    # The stichting counts as a verbonden partij on the map by its form; the register lacks
    # Almelo's financial interest in it, and says why.
    [(municipality, difference)] = overview.differences
    assert municipality == almelo
    assert difference.party.name == "Stichting Zorgnetwerk"
    assert difference.map_says == "verbonden partij"
    assert difference.register_says in ("nee", "onbekend")
    assert "financieel belang" in difference.reason


def test_the_page_shows_the_map_to_the_provinces_supervisor(twente, overijssel):
    url = reverse("partnerships:overview_map", args=[overijssel.pk])
    response = client_for(supervisor(overijssel)).get(url, {"date": "2026-01-01"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Veiligheidsregio Twente" in html
    assert "Subtotaal (= verbonden partijen)" in html
    assert "Andere gemeenten buiten Overijssel" in html


@pytest.mark.parametrize(
    "who", ["supervisor of another province", "council member", "griffie", "no role"]
)
def test_no_one_else_sees_the_map(twente, overijssel, enschede, utrecht_city, who):
    user = {
        "supervisor of another province": lambda: supervisor(utrecht_city.province),
        "council member": lambda: factories.user_with_role(RoleKind.COUNCIL, enschede),
        "griffie": lambda: factories.user_with_role(RoleKind.GRIFFIE, enschede),
        "no role": factories.UserFactory,
    }[who]()
    url = reverse("partnerships:overview_map", args=[overijssel.pk])
    response = client_for(user).get(url)
    # without any role the admin's login page; with another role: not found
    assert response.status_code == (302 if who == "no role" else 404)


def test_an_administrator_sees_every_province(twente, utrecht_city):
    url = reverse("partnerships:overview_map", args=[utrecht_city.province.pk])
    response = client_for(factories.admin_user()).get(url)
    assert response.status_code == 200
    assert "Veiligheidsregio Twente" in response.content.decode()


def test_the_page_takes_the_same_queries_at_two_sizes(twente, overijssel):
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:overview_map", args=[overijssel.pk]) + "?date=2026-01-01"
    small = count_queries(client, url)
    add_municipalities(overijssel, 6)
    assert count_queries(client, url) == small


def test_the_admin_index_links_the_supervisors_own_map_only(overijssel, utrecht_city):
    response = client_for(supervisor(overijssel)).get(reverse("admin:index"))
    html = response.content.decode()
    assert reverse("partnerships:overview_map", args=[overijssel.pk]) in html
    assert reverse("partnerships:overview_map", args=[utrecht_city.province.pk]) not in html
