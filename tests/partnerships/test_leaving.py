"""What-if of a participant leaving: the shift in the others' contributions, the exit cost the
clause implies, and the admin page a council member or finance officer opens before an
uittreding debate."""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships.allocation import Member, Share
from partnerships.choices import ExitCostMethod
from partnerships.leaving import exit_cost, exit_what_if
from partnerships.models import LegalBasis, Participation
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for


def clause(party, method, **fields):
    return factories.LegalBasisFactory(party=party, exit_cost_method=method, **fields)


def test_almelo_leaving_shifts_its_share_to_enschede(gbt, almelo):
    clause(gbt, ExitCostMethod.CONTRIBUTION_MULTIPLE, exit_cost_factor=Decimal("2"))
    what_if = exit_what_if(gbt, 2027, almelo)
    rows = {row.name: (row.now, row.after, row.difference) for row in what_if.rows}
    assert rows["Enschede"] == (
        Decimal("1600000.00"),
        Decimal("2330000.00"),
        Decimal("730000.00"),
    )
    assert rows["Almelo"] == (Decimal("730000.00"), None, None)
    assert what_if.cost.amount == Decimal("1460000.00")
    assert what_if.cost.explanation == (
        "2,00 × de jaarlijkse bijdrage van € 730.000,00; afgerond op de cent, een halve cent "
        "naar boven"
    )


def test_share_of_commitments_is_the_share_of_the_expected_debt(gbt, almelo):
    clause(gbt, ExitCostMethod.SHARE_OF_COMMITMENTS)
    gbt.annual_figures.update(debt_start=Decimal("12000000"), debt_end=Decimal("10000000"))
    cost = exit_what_if(gbt, 2027, almelo).cost
    assert cost.amount == Decimal("3133047.21")  # 10.000.000 × 730.000 / 2.330.000
    assert cost.explanation.startswith("indicatie: 31,33% (het aandeel in de bijdragen)")
    assert "€ 10.000.000" in cost.explanation


def _share(amount: str) -> Share:
    member = Member(key="GM0141", name="Almelo")
    return Share(member, Decimal(amount), Fraction(amount), Fraction(0), None, Fraction(1), "")


def test_exit_cost_is_rounded_half_up_to_the_cent_never_half_to_even():
    """2,5 × € 1.000,01 = € 2.500,025: half up gives ,03 (half to even would give ,02). A
    debt of € 0,05 shared 1 : 10 is € 0,005: half up gives € 0,01 (half to even € 0,00)."""
    multiple = LegalBasis(
        exit_cost_method=ExitCostMethod.CONTRIBUTION_MULTIPLE, exit_cost_factor=Decimal("2.5")
    )
    cost = exit_cost(multiple, _share("1000.01"), Decimal("5000.00"), None)
    assert cost.amount == Decimal("2500.03")
    assert cost.explanation.endswith("afgerond op de cent, een halve cent naar boven")
    share = LegalBasis(exit_cost_method=ExitCostMethod.SHARE_OF_COMMITMENTS)
    assert exit_cost(share, _share("1.00"), Decimal("10.00"), Decimal("0.05")).amount == (
        Decimal("0.01")
    )


def test_share_of_commitments_without_debt_figures_is_not_a_zero(gbt, almelo):
    clause(gbt, ExitCostMethod.SHARE_OF_COMMITMENTS)
    cost = exit_what_if(gbt, 2027, almelo).cost
    assert cost.amount is None
    assert "geen vreemd vermogen" in cost.explanation


@pytest.mark.parametrize(
    ("method", "explanation"),
    [
        (ExitCostMethod.NOT_SET, "De regeling regelt de uittreedsom niet."),
        (ExitCostMethod.ACTUAL_COSTS, "Werkelijke frictiekosten, per geval vastgesteld"),
    ],
)
def test_exit_cost_that_cannot_be_computed_says_why(gbt, almelo, method, explanation):
    clause(gbt, method)
    cost = exit_what_if(gbt, 2027, almelo).cost
    assert (cost.amount, cost.explanation) == (None, explanation)


def page_url(party, organisation, year=2027):
    participation = Participation.objects.get(party=party, organisation=organisation)
    return reverse("partnerships:exit_what_if", args=[participation.pk]) + f"?year={year}"


def test_council_member_sees_the_shift_and_the_exit_cost(gbt, almelo):
    clause(
        gbt,
        ExitCostMethod.CONTRIBUTION_MULTIPLE,
        exit_cost_factor=Decimal("2"),
        exit_notice_months=12,
    )
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, almelo))
    response = council.get(page_url(gbt, almelo))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Uittreding doorrekenen: Almelo uit Gemeentelijk Belastingkantoor Twente" in page
    assert "€ 1.600.000,00" in page and "€ 2.330.000,00" in page
    assert "+€ 730.000,00" in page  # Enschede pays Almelo's share
    assert "treedt uit" in page
    assert "volgens de begroting 2027" in page
    assert "€ 1.460.000,00" in page
    assert "Opzegtermijn: 12 maanden." in page


def test_key_that_cannot_be_applied_is_explained_on_the_page(gbt, almelo):
    gbt.cost_keys.update(valid_until_year=2025)
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, almelo))
    response = finance.get(page_url(gbt, almelo))
    assert response.status_code == 200
    assert "heeft geen verdeelsleutel voor 2027" in response.content.decode()


def test_a_year_without_a_budget_says_so(gbt, almelo):
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, almelo))
    response = finance.get(page_url(gbt, almelo, year=2031))
    assert "De begroting 2031 van Gemeentelijk Belastingkantoor Twente noemt geen totaal" in (
        response.content.decode()
    )


def test_another_municipality_cannot_open_it_by_guessing_the_url(gbt, almelo, utrecht_city):
    outsider = client_for(factories.user_with_role(RoleKind.FINANCE, utrecht_city))
    assert outsider.get(page_url(gbt, almelo)).status_code == 404


def test_participation_list_links_to_the_what_if(gbt, almelo):
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, almelo))
    listing = griffie.get(reverse("admin:partnerships_participation_changelist"))
    assert page_url(gbt, almelo).split("?")[0] in listing.content.decode()


def test_query_count_does_not_grow_with_the_participants(gbt, almelo, overijssel):
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, almelo))
    url = page_url(gbt, almelo)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert council.get(url).status_code == 200
        return len(captured)

    few = queries()
    for number in range(10):
        other = factories.MunicipalityFactory(province=overijssel)
        factories.ParticipationFactory(party=gbt, organisation=other)
        factories.PopulationFigureFactory(organisation=other, year=2026, inhabitants=1000 + number)
    many = queries()
    assert (few, many) == (14, 14)


def test_a_mandatory_participation_says_leaving_is_not_possible_and_still_illustrates(gbt, almelo):
    clause(gbt, ExitCostMethod.CONTRIBUTION_MULTIPLE, exit_cost_factor=Decimal("2"))
    gbt.participation_mandatory = True
    gbt.save()
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, almelo))
    page = council.get(page_url(gbt, almelo)).content.decode()
    assert "Uittreden uit Gemeentelijk Belastingkantoor Twente is niet mogelijk" in page
    assert "wettelijk verplicht" in page and "Wet veiligheidsregio" in page
    assert "alleen ter illustratie" in page
    assert "+€ 730.000,00" in page and "€ 1.460.000,00" in page  # the arithmetic stays


def test_a_voluntary_participation_does_not_say_it_is_impossible(gbt, almelo):
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, almelo))
    page = council.get(page_url(gbt, almelo)).content.decode()
    assert "niet mogelijk" not in page and "illustratie" not in page
