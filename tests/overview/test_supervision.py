"""The supervisor's start page (issue 15, point 5): the late and missing begroting and
jaarrekening of the current cycle per regeling, the regelingen lacking the provisions of
1 July 2024, the overviews one click away; only for the province's supervisors and
administrators; a fixed number of queries."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from partnerships.choices import ExitCostMethod, LegalForm
from partnerships.cycle.choices import DocumentKind
from partnerships.cycle.models import CycleDocument
from partnerships.overview import supervision_views
from partnerships.overview.supervision import build_start_page, cycle_years
from registry import writes
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for, count_queries
from tests.overview.conftest import supervisor

D = datetime.date
K = DocumentKind
TODAY = D(2026, 12, 3)


@pytest.fixture
def on_today(monkeypatch):
    """The page judges on TODAY, whatever the machine's date."""
    monkeypatch.setattr(supervision_views, "timezone", SimpleNamespace(localdate=lambda: TODAY))


def document(party, year, kind, **fields):
    return writes.save(
        user=factories.SERVER, record=CycleDocument(party=party, year=year, kind=kind, **fields)
    )


def test_the_current_cycle_is_what_is_due_this_year():
    # the begroting 2027 is due vóór 15 September 2026, the jaarrekening 2025 vóór 15 July
    assert cycle_years(TODAY) == {K.BUDGET_TO_PROVINCE: 2027, K.ACCOUNTS_TO_PROVINCE: 2025}


@pytest.fixture
def cycle(twente, overijssel, almelo, utrecht_city):
    region, _foundation = twente
    late = document(region, 2027, K.BUDGET_TO_PROVINCE, sent_on=D(2026, 10, 1))
    missing = document(region, 2025, K.ACCOUNTS_TO_PROVINCE)
    document(region, 2026, K.BUDGET_TO_PROVINCE)  # last year's cycle: not on the page
    document(region, 2027, K.FRAMEWORK)  # not a document to the supervisor
    on_time = factories.PartyFactory(name="Op tijd")
    factories.ParticipationFactory(party=on_time, organisation=almelo)
    document(on_time, 2027, K.BUDGET_TO_PROVINCE, sent_on=D(2026, 9, 1))
    left = factories.PartyFactory(name="Verlaten regeling")  # Almelo left at the end of 2024
    factories.ParticipationFactory(party=left, organisation=almelo, end_date=D(2024, 12, 31))
    document(left, 2025, K.ACCOUNTS_TO_PROVINCE)
    leaving = factories.PartyFactory(name="Regeling tot medio 2025")
    factories.ParticipationFactory(party=leaving, organisation=almelo, end_date=D(2025, 6, 30))
    document(leaving, 2027, K.BUDGET_TO_PROVINCE)  # Almelo takes no part in 2027
    accounts_2025 = document(leaving, 2025, K.ACCOUNTS_TO_PROVINCE)  # but did in 2025
    elsewhere = factories.PartyFactory(name="Utrechtse regeling")
    factories.ParticipationFactory(party=elsewhere, organisation=utrecht_city)
    document(elsewhere, 2025, K.ACCOUNTS_TO_PROVINCE)
    provincial = factories.PartyFactory(name="Regeling met de provincie")
    factories.ParticipationFactory(party=provincial, organisation=overijssel)
    to_minister = document(provincial, 2027, K.BUDGET_TO_PROVINCE)
    return late, missing, to_minister, accounts_2025


def test_late_and_missing_documents_of_the_provinces_regelingen(cycle, overijssel):
    late, missing, to_minister, accounts_2025 = cycle
    start = build_start_page(supervisor(overijssel), [overijssel], TODAY)
    (supervision,) = start.provinces
    found = [(d.document.pk, d.days_late, d.recipient) for d in supervision.documents]
    assert found == [
        (accounts_2025.pk, (TODAY - D(2026, 7, 14)).days, "Gedeputeerde Staten"),
        (missing.pk, (TODAY - D(2026, 7, 14)).days, "Gedeputeerde Staten"),  # vóór 15 juli
        (
            to_minister.pk,
            (TODAY - D(2026, 9, 14)).days,
            "Minister van BZK (een provincie neemt deel, Wgr art. 58)",
        ),
        (late.pk, 17, "Gedeputeerde Staten"),  # sent 1 October, due 14 September
    ]


def test_regelingen_lacking_the_provisions_of_1_july_2024(twente, overijssel, almelo):
    region, _foundation = twente
    factories.LegalBasisFactory(
        party=region,
        in_force_from=D(2020, 1, 1),
        regulates_zienswijze=True,
        regulates_participation=False,
    )
    complete = factories.PartyFactory(name="GGD Twente")
    factories.ParticipationFactory(party=complete, organisation=almelo)
    factories.LegalBasisFactory(
        party=complete,
        in_force_from=D(2024, 1, 1),
        regulates_zienswijze=True,
        regulates_participation=True,
        evaluation_interval_years=4,
        exit_cost_method=ExitCostMethod.CONTRIBUTION_MULTIPLE,
        exit_cost_factor=2,
    )
    unrecorded = factories.PartyFactory(name="Zonder regeling", legal_form=LegalForm.JOINT_BODY)
    factories.ParticipationFactory(party=unrecorded, organisation=almelo)
    (supervision,) = build_start_page(supervisor(overijssel), [overijssel], TODAY).provinces
    # failing first, then without a recorded regeling; the complete one and the stichting
    # (no Wgr regeling) are not listed
    assert [(c.party.name, c.status) for c in supervision.checks] == [
        ("Veiligheidsregio Twente", "voldoet_niet"),
        ("Zonder regeling", "geen_regeling"),
    ]


def test_the_page_lists_links_and_is_for_the_provinces_supervisor_only(
    cycle, on_today, overijssel, enschede, utrecht_city
):
    url = reverse("partnerships:supervision")
    html = client_for(supervisor(overijssel)).get(url).content.decode()
    table = html[html.index(f'id="te-laat-{overijssel.pk}"') :]
    assert "Veiligheidsregio Twente" in table and "Regeling met de provincie" in table
    assert "Utrechtse regeling" not in html and "Verlaten regeling" not in html
    for link in (
        reverse("partnerships:overview_comparison", args=[overijssel.pk]),
        reverse("partnerships:overview_map", args=[overijssel.pk]),
        reverse("partnerships:overview_network") + f"?province={overijssel.pk}",
        reverse("admin:partnerships_region_changelist"),
    ):
        assert link in html
    assert utrecht_city.province.name not in html.split('class="supervision"')[1]
    for user in (
        factories.user_with_role(RoleKind.COUNCIL, enschede),
        factories.user_with_role(RoleKind.GRIFFIE, enschede),
    ):
        assert client_for(user).get(url).status_code == 404
    # a supervisor asking for another province gets nothing of it
    other = client_for(supervisor(overijssel)).get(url, {"provincie": utrecht_city.province.pk})
    assert other.status_code == 404
    admin_page = client_for(factories.admin_user()).get(url).content.decode()
    assert f'id="provincie-{overijssel.pk}"' in admin_page
    assert f'id="provincie-{utrecht_city.province.pk}"' in admin_page


def test_the_admin_index_links_the_start_page_first_for_supervisors(overijssel, enschede):
    index = reverse("admin:index")
    html = client_for(supervisor(overijssel)).get(index).content.decode()
    start = html.index(reverse("partnerships:supervision"))
    assert start < html.index(reverse("partnerships:overview_map", args=[overijssel.pk]))
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    assert (
        reverse("partnerships:supervision") not in client_for(griffie).get(index).content.decode()
    )


def _regeling_with_late_documents(province, name):
    municipality = factories.MunicipalityFactory(province=province)
    party = factories.PartyFactory(name=name)
    factories.ParticipationFactory(party=party, organisation=municipality)
    factories.LegalBasisFactory(party=party, in_force_from=D(2020, 1, 1))
    document(party, 2027, K.BUDGET_TO_PROVINCE, sent_on=D(2026, 10, 1))
    document(party, 2025, K.ACCOUNTS_TO_PROVINCE)


def test_the_page_takes_the_same_queries_at_two_sizes(on_today, overijssel):
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:supervision")
    _regeling_with_late_documents(overijssel, "Regeling 1")
    small = count_queries(client, url)
    for n in range(2, 8):
        _regeling_with_late_documents(overijssel, f"Regeling {n}")
    html = client.get(url).content.decode()
    assert html.count("Regeling 7") == 3  # two late documents, one regeling lacking
    assert count_queries(client, url) == small
