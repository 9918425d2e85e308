"""Regions (issue 15): a named set of a province's municipalities, kept by the province's
supervisors through the write check, and the overview map and comparison built for one."""

import datetime
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from partnerships import services
from partnerships.models import Region
from partnerships.overview.comparison import build_comparison
from partnerships.overview.queries import build_map
from registry import access
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for, count_queries
from tests.overview.conftest import add_municipalities, supervisor

NOW = datetime.date(2026, 1, 1)


@pytest.fixture
def region(twente, overijssel, enschede):
    """A region of Enschede only: Almelo is "another municipality in Overijssel"."""
    region = Region.objects.create(name="Twente-Zuid", province=overijssel)
    region.municipalities.set([enschede])
    return region


@pytest.fixture
def gelderland_region(db):
    gelderland = factories.ProvinceFactory(name="Gelderland", cbs_code="PV25")
    region = Region.objects.create(name="Achterhoek", province=gelderland)
    region.municipalities.set([factories.MunicipalityFactory(province=gelderland)])
    return region


def _row(overview, name):
    return next(r for g in overview.groups for r in g.rows if r.party.name == name)


def test_the_region_map_has_the_columns_of_the_real_maps(region, overijssel):
    overview = build_map(supervisor(overijssel), overijssel, NOW, region=region)
    assert [m.name for m in overview.municipalities] == ["Enschede"]
    assert [heading for _key, heading in overview.columns] == [
        "Enschede",
        "Provincie",
        "Andere gemeenten in Overijssel",
        "Andere gemeenten buiten Overijssel",
        "Andere partners",
    ]
    # Enschede and Utrecht (outside) take part; Almelo left at the end of 2024
    assert _row(overview, "Veiligheidsregio Twente").cells == ["x", "", "", "x", ""]
    # Almelo's foundation has no member of the region: not a row of the region's map
    assert [r.party.name for g in overview.groups for r in g.rows] == ["Veiligheidsregio Twente"]
    assert overview.place == "Twente-Zuid (Overijssel)"


def test_the_rest_of_the_province_has_its_own_column(region, overijssel, almelo):
    overview = build_map(
        supervisor(overijssel), overijssel, datetime.date(2024, 6, 1), region=region
    )
    # on 1 June 2024 Almelo still took part: in "Andere gemeenten in Overijssel"
    assert _row(overview, "Veiligheidsregio Twente").cells == ["x", "", "x", "x", ""]


def test_the_page_and_the_xlsx_for_a_region(region, overijssel):
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:overview_map", args=[overijssel.pk])
    response = client.get(url, {"date": "2026-01-01", "region": region.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Andere gemeenten in Overijssel" in html
    assert "Twente-Zuid" in html
    response = client.get(url, {"date": "2026-01-01", "region": region.pk, "format": "xlsx"})
    assert "overzichtskaart-twente-zuid-2026-01-01.xlsx" in response["Content-Disposition"]

    sheet = load_workbook(BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "Andere gemeenten in Overijssel" in values
    assert any("Twente-Zuid" in str(v) for v in values)


def test_a_region_of_another_province_is_refused_on_the_page(region, gelderland_region, overijssel):
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:overview_map", args=[overijssel.pk])
    response = client.get(url, {"date": "2026-01-01", "region": gelderland_region.pk})
    # the form refuses the guessed id: the province's map, not Gelderland's region
    assert "Achterhoek" not in response.content.decode()
    comparison = reverse("partnerships:overview_comparison", args=[overijssel.pk])
    assert client.get(comparison, {"regio": gelderland_region.pk}).status_code == 404
    assert client.get(comparison, {"regio": region.pk}).status_code == 200


def test_the_region_map_takes_the_same_queries_at_two_sizes(region, overijssel):
    client = client_for(supervisor(overijssel))
    url = (
        reverse("partnerships:overview_map", args=[overijssel.pk])
        + f"?date=2026-01-01&region={region.pk}"
    )
    small = count_queries(client, url), count_queries(client, url + "&format=xlsx")
    add_municipalities(overijssel, 4)
    region.municipalities.add(*overijssel.members.exclude(pk=region.municipalities.get().pk)[:3])
    assert region.municipalities.count() == 4
    assert (count_queries(client, url), count_queries(client, url + "&format=xlsx")) == small


def test_the_comparison_of_a_region(region, overijssel):
    comparison = build_comparison(supervisor(overijssel), overijssel, 2026, region=region)
    assert [line.municipality.name for line in comparison.lines] == ["Enschede"]


def test_the_region_comparison_takes_the_same_queries_at_two_sizes(region, overijssel):
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:overview_comparison", args=[overijssel.pk]) + f"?regio={region.pk}"
    small = count_queries(client, url)
    add_municipalities(overijssel, 4)
    region.municipalities.add(*overijssel.members.exclude(pk=region.municipalities.get().pk)[:3])
    assert count_queries(client, url) == small


# Rights: kept by the province's supervisors, through the write check.


def test_a_supervisor_keeps_the_regions_of_its_province(overijssel, enschede, almelo):
    user = supervisor(overijssel)
    region = services.save_region(
        user=user,
        region=Region(name="Twente", province=overijssel),
        municipalities=[enschede, almelo],
    )
    assert set(region.municipalities.all()) == {enschede, almelo}
    assert region.history.first().history_user == user


def test_a_municipality_of_another_province_is_refused(overijssel, utrecht_city):
    with pytest.raises(ValidationError, match="Utrecht"):
        services.save_region(
            user=supervisor(overijssel),
            region=Region(name="Twente", province=overijssel),
            municipalities=[utrecht_city],
        )
    assert not Region.objects.exists()


def test_a_supervisor_of_overijssel_can_not_keep_gelderlands_regions(overijssel, gelderland_region):
    user = supervisor(overijssel)
    with pytest.raises(access.WriteRefused):
        services.save_region(
            user=user, region=Region(name="X", province=gelderland_region.province)
        )
    gelderland_region.name = "Overgenomen"
    with pytest.raises(access.WriteRefused):
        services.save_region(user=user, region=gelderland_region)
    assert not access.scope(user, Region.objects.all()).exists()


@pytest.mark.parametrize("who", ["supervisor of Overijssel", "griffie of Enschede"])
def test_guessing_the_id_of_gelderlands_region_in_the_admin(
    who, overijssel, enschede, gelderland_region
):
    user = (
        supervisor(overijssel)
        if who.startswith("supervisor")
        else factories.user_with_role(RoleKind.GRIFFIE, enschede)
    )
    client = client_for(user)
    change = reverse("admin:partnerships_region_change", args=[gelderland_region.pk])
    response = client.get(change)
    # the admin's "does not exist" (a redirect to the index), as for an id that does not exist
    assert response.status_code == 302
    response = client.post(change, {"name": "Overgenomen", "municipalities": []})
    gelderland_region.refresh_from_db()
    assert gelderland_region.name == "Achterhoek"
    listing = client.get(reverse("admin:partnerships_region_changelist"))
    assert "Achterhoek" not in listing.content.decode()


def test_the_supervisor_adds_a_region_in_the_admin(overijssel, enschede, almelo, utrecht_city):
    client = client_for(supervisor(overijssel))
    add = reverse("admin:partnerships_region_add")
    page = client.get(add).content.decode()
    assert "Enschede" in page
    assert "Utrecht" not in page  # neither the other province nor its municipalities offered
    response = client.post(
        add,
        {"name": "Twente", "province": overijssel.pk, "municipalities": [enschede.pk, almelo.pk]},
    )
    assert response.status_code == 302
    region = Region.objects.get()
    assert set(region.municipalities.all()) == {enschede, almelo}
