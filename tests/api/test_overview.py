"""The computed endpoints (issue 16): the what-if of an exit for whoever may read the
participation (as the admin page), a province's overview map and comparison for its
supervisors and administrators only; another municipality or province is "not found", errors
are Dutch problem details, and the query counts do not grow with the data."""

import pytest
from django.test import Client

from partnerships.choices import ExitCostMethod
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for, count_queries
from tests.overview.conftest import add_municipalities, supervisor, twente  # noqa: F401
from tests.partnerships.conftest import gbt  # noqa: F401 (fixture)

PROBLEM = "application/problem+json"


def what_if_url(party, organisation, year=2027):
    return f"/api/v1/samenwerkingsverbanden/{party.code}/uittreden/{organisation.cbs_code}/{year}/"


def test_the_what_if_gives_the_shift_and_the_exit_cost(gbt, almelo):  # noqa: F811
    factories.LegalBasisFactory(
        party=gbt, exit_cost_method=ExitCostMethod.CONTRIBUTION_MULTIPLE, exit_cost_factor=2
    )
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, almelo))
    response = council.get(what_if_url(gbt, almelo))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["organisatie"]["cbs_code"] == "GM0141"
    assert body["samenwerkingsverband"]["code"] == gbt.code
    rows = {row["naam"]: row for row in body["bijdragen"]}
    assert rows["Enschede"]["nu"] == "1600000.00"
    assert rows["Enschede"]["na_uittreden"] == "2330000.00"
    assert rows["Enschede"]["verschil"] == "730000.00"
    assert rows["Almelo"]["na_uittreden"] is None
    assert body["bijdrage_uittreder"] == "730000.00"
    assert body["uittreedsom"]["bedrag"] == "1460000.00"
    assert body["uittreedsom"]["toelichting"].startswith("2,00 × de jaarlijkse bijdrage")
    assert body["uittreden_niet_mogelijk"] == ""


@pytest.mark.parametrize("who", ["finance elsewhere", "anonymous", "supervisor elsewhere"])
def test_someone_who_may_not_read_the_participation_gets_not_found(
    gbt,  # noqa: F811
    almelo,
    utrecht_city,
    who,
):
    client = {
        "finance elsewhere": lambda: client_for(
            factories.user_with_role(RoleKind.FINANCE, utrecht_city)
        ),
        "anonymous": Client,
        "supervisor elsewhere": lambda: client_for(supervisor(utrecht_city.province)),
    }[who]()
    response = client.get(what_if_url(gbt, almelo))
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["title"] == "Niet gevonden"


def test_a_key_that_cannot_be_applied_is_a_dutch_problem(gbt, almelo):  # noqa: F811
    gbt.cost_keys.update(valid_until_year=2025)
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, almelo))
    response = finance.get(what_if_url(gbt, almelo))
    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["title"] == "Niet te verwerken"
    assert "niet door te rekenen" in body["detail"]
    assert any("heeft geen verdeelsleutel voor 2027" in p for p in body["problemen"])


def test_a_year_out_of_range_is_an_invalid_parameter(gbt, almelo):  # noqa: F811
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, almelo))
    response = finance.get(what_if_url(gbt, almelo, year=1999))
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "jaar"


def test_the_what_if_query_count_does_not_grow_with_the_participants(
    gbt,  # noqa: F811
    almelo,
    overijssel,
):
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, almelo))
    url = what_if_url(gbt, almelo)
    few = count_queries(council, url)
    for number in range(10):
        other = factories.MunicipalityFactory(province=overijssel)
        factories.ParticipationFactory(party=gbt, organisation=other)
        factories.PopulationFigureFactory(organisation=other, year=2026, inhabitants=1000 + number)
    many = count_queries(council, url)
    assert (few, many) == (11, 11)


# --- a province's overview -----------------------------------------------------------------


def map_url(province, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/api/v1/provincies/{province.cbs_code}/overzichtskaart/" + (
        f"?{query}" if query else ""
    )


def test_the_supervisor_gets_the_map_with_new_and_gone(twente, overijssel):  # noqa: F811
    client = client_for(supervisor(overijssel))
    response = client.get(map_url(overijssel, peildatum="2026-01-01", vergelijk_met="2024-06-01"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["provincie"]["cbs_code"] == overijssel.cbs_code
    assert [m["naam"] for m in body["gemeenten"]] == ["Almelo", "Enschede"]
    assert [g["thema"] for g in body["themas"]] == ["Veiligheid", "Zorg"]
    rows = {r["samenwerkingsverband"]["naam"]: r for g in body["themas"] for r in g["rijen"]}
    assert rows["Veiligheidsregio Twente"]["markeringen"] == ["niet meer", "x", "", "x", ""]
    assert rows["Stichting Zorgnetwerk"]["markeringen"] == ["Nieuw", "", "", "", ""]
    footer = {line["omschrijving"]: line["aantallen"] for line in body["voettekst"]}
    assert footer["Subtotaal (= verbonden partijen)"] == [1, 1]
    [difference] = body["verschillen"]
    assert difference["gemeente"]["naam"] == "Almelo"
    assert "financieel belang" in difference["reden"]


def test_an_invalid_date_is_a_dutch_problem(twente, overijssel):  # noqa: F811
    response = client_for(supervisor(overijssel)).get(map_url(overijssel, peildatum="gisteren"))
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["invalidParams"][0]["name"] == "peildatum"


@pytest.mark.parametrize(
    "who", ["supervisor of another province", "council member", "finance", "anonymous"]
)
@pytest.mark.parametrize("page", ["overzichtskaart", "vergelijking/2026"])
def test_no_one_else_gets_the_provinces_overview(
    twente,  # noqa: F811
    overijssel,
    enschede,
    utrecht_city,
    who,
    page,
):
    client = {
        "supervisor of another province": lambda: client_for(supervisor(utrecht_city.province)),
        "council member": lambda: client_for(factories.user_with_role(RoleKind.COUNCIL, enschede)),
        "finance": lambda: client_for(factories.user_with_role(RoleKind.FINANCE, enschede)),
        "anonymous": Client,
    }[who]()
    response = client.get(f"/api/v1/provincies/{overijssel.cbs_code}/{page}/")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM


def test_the_comparison_counts_per_municipality(twente, overijssel, almelo):  # noqa: F811
    factories.PopulationFigureFactory(organisation=almelo, year=2026, inhabitants=73000)
    url = f"/api/v1/provincies/{overijssel.cbs_code}/vergelijking/2026/"
    response = client_for(supervisor(overijssel)).get(url)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["jaar"] == 2026
    lines = {line["gemeente"]["naam"]: line for line in body["gemeenten"]}
    assert set(lines) == {"Almelo", "Enschede"}
    assert lines["Almelo"]["deelnemingen"] == 1  # only the stichting in 2026
    assert lines["Enschede"]["deelnemingen"] == 1
    assert lines["Enschede"]["per_thema"] == {"Veiligheid": 1}


def test_the_comparisons_money_and_deadlines_are_the_admins(twente, overijssel, enschede):  # noqa: F811
    """The API reads the same builder as the admin's page: every column it shows."""
    from decimal import Decimal

    from partnerships.models import Participation
    from partnerships.overview.comparison import build_comparison

    own = Participation.objects.filter(organisation=enschede).first()
    factories.FinancialInterestFactory(
        participation=own, year=2026, guarantees=Decimal("250000"), amount_at_risk=Decimal("10")
    )
    user = supervisor(overijssel)
    url = f"/api/v1/provincies/{overijssel.cbs_code}/vergelijking/2026/"
    body = client_for(user).get(url).json()
    api = {line["gemeente"]["naam"]: line for line in body["gemeenten"]}
    for line in build_comparison(user, overijssel, 2026).lines:
        shown = api[line.municipality.name]
        assert shown["garanties"] == (None if line.guarantees is None else f"{line.guarantees:.2f}")
        assert shown["bedrag_bij_faillissement"] == (
            None if line.amount_at_risk is None else f"{line.amount_at_risk:.2f}"
        )
        assert shown["te_late_documenten"] == line.late_documents
        assert shown["te_late_zienswijzen"] == line.late_zienswijzen
        assert shown["achterstallige_evaluaties"] == line.overdue_evaluations
        assert set(shown["bijdragen_per_thema"]) == set(line.contributions_by_theme)
    assert api["Enschede"]["garanties"] == "250000.00"


@pytest.mark.parametrize(
    ("page", "queries"), [("overzichtskaart/?peildatum=2026-01-01", 8), ("vergelijking/2026/", 17)]
)
def test_the_overview_query_counts_do_not_grow_with_the_province(
    twente,  # noqa: F811
    overijssel,
    page,
    queries,
):
    client = client_for(supervisor(overijssel))
    url = f"/api/v1/provincies/{overijssel.cbs_code}/{page}"
    few = count_queries(client, url)
    add_municipalities(overijssel, 8)
    many = count_queries(client, url)
    assert (few, many) == (queries, queries)
