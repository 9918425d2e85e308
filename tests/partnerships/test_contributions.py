"""Contributions computed from the registry: key per year, population at the key's reference
date, pro rata participation, storing, and who may keep the money records."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerships.allocation import AllocationError
from partnerships.choices import (
    ContributionBasis,
    KeyMethod,
    PopulationReference,
)
from partnerships.contributions import budget_allocation
from partnerships.models import Contribution, CostKey
from partnerships.services import store_budgeted_contributions
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for


def test_contributions_follow_the_population_of_the_year_before(gbt):
    allocation = budget_allocation(gbt, 2027)
    assert allocation.amount_of("GM0153") == Decimal("1600000.00")
    assert allocation.amount_of("GM0141") == Decimal("730000.00")
    assert allocation.shares[1].explanation.startswith("160.000 van 233.000 inwoners")


def test_reference_date_of_the_same_year_uses_that_years_figures(gbt):
    gbt.cost_keys.update(population_reference=PopulationReference.SAME_YEAR)
    allocation = budget_allocation(gbt, 2027)
    assert allocation.amount_of("GM0153") == Decimal("1596297.87")  # 2.330.000 × 161/235
    assert sum(s.amount for s in allocation.shares) == Decimal("2330000")


def test_missing_population_figure_is_an_error_naming_the_municipality(gbt, overijssel):
    late = factories.MunicipalityFactory(name="Losser", province=overijssel)
    factories.ParticipationFactory(party=gbt, organisation=late)
    with pytest.raises(AllocationError) as refused:
        budget_allocation(gbt, 2027)
    assert refused.value.problems == ["Geen inwonertal op peildatum 01-01-2026 voor: Losser."]


def test_participant_joining_on_1_july_pays_for_its_days(gbt, overijssel):
    late = factories.MunicipalityFactory(name="Losser", province=overijssel)
    factories.PopulationFigureFactory(organisation=late, year=2026, inhabitants=160_000)
    factories.ParticipationFactory(
        party=gbt, organisation=late, start_date=datetime.date(2027, 7, 1)
    )
    allocation = budget_allocation(gbt, 2027)
    losser = next(s for s in allocation.shares if s.member.name == "Losser")
    assert losser.member.days == 184
    expected = allocation.amount_of("GM0153") * 184 / 365  # same inhabitants, 184 days
    assert abs(losser.amount - expected) <= Decimal("0.01")


def test_no_key_for_the_year_is_refused(gbt):
    gbt.cost_keys.update(valid_until_year=2025)
    with pytest.raises(AllocationError, match="heeft geen verdeelsleutel voor 2027"):
        budget_allocation(gbt, 2027)


def test_overlapping_keys_are_refused(gbt):
    key = CostKey(party=gbt, valid_from_year=2024, method=KeyMethod.EQUAL)
    with pytest.raises(ValidationError) as refused:
        key.full_clean()
    assert "overlapt" in str(refused.value)


def test_composite_key_needs_base_amount_and_rest_method(gbt):
    key = CostKey(
        party=gbt, valid_from_year=2010, valid_until_year=2015, method=KeyMethod.COMPOSITE
    )
    with pytest.raises(ValidationError) as refused:
        key.full_clean()
    assert set(refused.value.message_dict) == {"base_amount", "rest_method"}


def test_finance_stores_only_its_own_contribution(gbt, enschede):
    finance = factories.user_with_role(RoleKind.FINANCE, enschede)
    stored = store_budgeted_contributions(gbt, 2027, user=finance)
    assert [(c.participation.organisation.name, c.budgeted) for c in stored] == [
        ("Enschede", Decimal("1600000.00"))
    ]
    assert stored[0].basis == ContributionBasis.COMPUTED
    store_budgeted_contributions(gbt, 2027, user=finance)
    assert Contribution.objects.count() == 1


def test_annual_figures_are_kept_by_finance_of_participants_only(gbt, enschede, utrecht_city):
    figures = gbt.annual_figures.get()
    url = reverse("admin:partnerships_annualfigures_change", args=[figures.pk])

    def saves(user):
        return b'name="_save"' in client_for(user).get(url).content

    assert saves(factories.user_with_role(RoleKind.FINANCE, enschede)) is True
    assert saves(factories.user_with_role(RoleKind.GRIFFIE, enschede)) is False
    assert saves(factories.user_with_role(RoleKind.FINANCE, utrecht_city)) is False


def test_finance_sees_and_changes_only_its_own_contributions(gbt, enschede, almelo):
    store_budgeted_contributions(gbt, 2027, user=factories.SERVER)
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    listing = finance.get(reverse("admin:partnerships_contribution_changelist"))
    assert {c.participation.organisation for c in listing.context["cl"].result_list} == {enschede}
    almelo_contribution = Contribution.objects.get(participation__organisation=almelo)
    url = reverse("admin:partnerships_contribution_change", args=[almelo_contribution.pk])
    assert finance.get(url).status_code != 200


def key_form(key, percentages):
    """The POST of the key's change form in the admin, with its percentages inline."""
    data = {
        "party": key.party_id,
        "valid_from_year": key.valid_from_year,
        "valid_until_year": "",
        "method": KeyMethod.FIXED_PERCENTAGES,
        "population_reference": key.population_reference,
        "pro_rata": "on",
        "percentages-TOTAL_FORMS": len(percentages),
        "percentages-INITIAL_FORMS": 0,
    }
    for number, (organisation, percentage) in enumerate(percentages):
        data[f"percentages-{number}-organisation"] = organisation.pk
        data[f"percentages-{number}-percentage"] = percentage
    return data


def test_fixed_percentages_are_saved_only_when_they_add_up_to_100(gbt, enschede, almelo):
    key = gbt.cost_keys.get()
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    url = reverse("admin:partnerships_costkey_change", args=[key.pk])

    refused = finance.post(url, key_form(key, [(enschede, "60"), (almelo, "30")]))
    assert refused.status_code == 200
    assert "De percentages tellen op tot 90,00% in plaats van 100%." in refused.content.decode()
    key.refresh_from_db()
    assert (key.method, key.percentages.count()) == (KeyMethod.INHABITANTS, 0)

    saved = finance.post(url, key_form(key, [(enschede, "60"), (almelo, "40")]))
    assert saved.status_code == 302
    key.refresh_from_db()
    assert key.method == KeyMethod.FIXED_PERCENTAGES
    assert budget_allocation(gbt, 2027).amount_of("GM0153") == Decimal("1398000.00")


def test_percentages_on_a_key_of_another_method_are_refused(gbt, enschede, almelo):
    key = gbt.cost_keys.get()
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    data = key_form(key, [(enschede, "60"), (almelo, "40")]) | {"method": KeyMethod.EQUAL}
    response = finance.post(reverse("admin:partnerships_costkey_change", args=[key.pk]), data)
    assert "Alleen een sleutel met vaste percentages heeft percentages" in (
        response.content.decode()
    )
    assert key.percentages.count() == 0
