"""Money in the admin's lists reads as money: € and thousands separators, a negative amount
in red with its minus sign, an unknown one "onbekend", and totals over the whole selection
(every page of it) above the list, saying when they are incomplete."""

from decimal import Decimal

import pytest
from django.urls import reverse

from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for


@pytest.fixture
def finance(enschede):
    return client_for(factories.user_with_role(RoleKind.FINANCE, enschede))


def test_contributions_show_euros_and_their_total(enschede, finance):
    for budgeted, realised in ((Decimal("13136670.33"), None), (Decimal("3500698.18"), 10)):
        participation = factories.ParticipationFactory(organisation=enschede)
        factories.ContributionFactory(
            participation=participation, budgeted=budgeted, realised=realised
        )
    page = finance.get(reverse("admin:partnerships_contribution_changelist")).content.decode()
    assert "€ 13.136.670,33" in page and "13136670,33" not in page
    assert "€ 16.637.368,51" in page  # the total of the selection
    assert "onvolledig: 1 regel onbekend" in page  # one realised contribution is unknown
    assert '<span class="amount unknown">onbekend</span>' in page


def test_a_negative_result_is_marked_and_keeps_its_minus(enschede, finance):
    factories.AnnualFiguresFactory(result=Decimal("-70000"))
    page = finance.get(reverse("admin:partnerships_annualfigures_changelist")).content.decode()
    assert '<span class="amount negative">-€ 70.000</span>' in page


def test_totals_cover_every_page_of_the_selection_not_only_the_first(enschede, finance):
    from partnerships.admin_finance import ContributionAdmin

    for _ in range(ContributionAdmin.list_per_page + 5):
        factories.ContributionFactory(
            participation=factories.ParticipationFactory(organisation=enschede),
            budgeted=Decimal("1000"),
        )
    page = finance.get(reverse("admin:partnerships_contribution_changelist")).content.decode()
    assert f"€ {ContributionAdmin.list_per_page + 5}.000" in page


def test_population_figures_carry_thousands_separators(enschede, finance):
    factories.PopulationFigureFactory(organisation=enschede, inhabitants=161000)
    page = finance.get(reverse("admin:registry_populationfigure_changelist")).content.decode()
    assert "161.000" in page
