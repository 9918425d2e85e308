"""Every Wgr regeling had to regulate four things by 1 July 2024; supervisors see which do,
and a regeling without an evaluation clause is shown with the interval the registry assumes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from evaluations.schedule import schedule_for
from partnerships import compliance
from partnerships.choices import ExitCostMethod, LegalForm
from partnerships.models import Party
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for

D = datetime.date
TODAY = D(2026, 11, 1)


@pytest.fixture
def regelingen(enschede, almelo):
    complete = factories.PartyFactory(name="GGD Twente")
    factories.LegalBasisFactory(
        party=complete,
        in_force_from=D(2024, 1, 1),
        regulates_zienswijze=True,
        regulates_participation=True,
        evaluation_interval_years=4,  # an evaluation clause counts as regulated
        exit_cost_method=ExitCostMethod.CONTRIBUTION_MULTIPLE,
        exit_cost_factor=2,
    )
    lacking = factories.PartyFactory(name="Regio Twente")
    factories.LegalBasisFactory(
        party=lacking, in_force_from=D(2010, 1, 1), regulates_zienswijze=True
    )
    factories.LegalBasisFactory(  # the older version is no longer in force
        party=lacking,
        in_force_from=D(2000, 1, 1),
        in_force_until=D(2009, 12, 31),
        regulates_participation=True,
    )
    without = factories.PartyFactory(name="Stadsbank Oost-Nederland")
    factories.PartyFactory(name="Stichting", legal_form=LegalForm.FOUNDATION)  # not a Wgr form
    for party in (complete, lacking, without):
        factories.ParticipationFactory(party=party, organisation=enschede)
    return complete, lacking, without


@pytest.mark.usefixtures("regelingen")
def test_each_regeling_is_checked_against_its_version_in_force():
    checks = {c.party.name: c for c in compliance.checks(Party.objects.all(), TODAY)}
    assert set(checks) == {"GGD Twente", "Regio Twente", "Stadsbank Oost-Nederland"}
    assert checks["GGD Twente"].status == compliance.Status.COMPLIES
    assert checks["Regio Twente"].provisions == {
        "zienswijze": True,
        "participation": None,
        "evaluation": None,
        "exit": None,
    }
    assert checks["Regio Twente"].status == compliance.Status.UNKNOWN
    assert checks["Regio Twente"].interval_assumed and checks["Regio Twente"].evaluation_years == 4
    assert checks["Stadsbank Oost-Nederland"].status == compliance.Status.NO_BASIS


def test_a_provision_known_to_be_missing_fails_the_check(regelingen):
    _complete, lacking, _without = regelingen
    basis = lacking.legal_bases.get(in_force_until=None)
    basis.regulates_exit = False
    basis.save()
    check = next(
        c for c in compliance.checks(type(lacking).objects.all(), TODAY) if c.party == lacking
    )
    assert check.status == compliance.Status.FAILS


def test_the_supervisor_sees_the_list_and_filters_the_parties(regelingen, overijssel):
    supervisor = client_for(factories.user_with_role(RoleKind.SUPERVISOR, overijssel))
    page = supervisor.get(reverse("partnerships:wgr_compliance")).content.decode()
    assert "GGD Twente" in page and "Stadsbank Oost-Nederland" in page
    assert "geen; het register neemt 4 jaar aan" in page
    assert "elke 4 jaar" in page
    listing = supervisor.get(reverse("admin:partnerships_party_changelist"), {"wgr2024": "voldoet"})
    assert [p.name for p in listing.context["cl"].result_list] == ["GGD Twente"]


def test_the_evaluation_schedule_says_when_it_assumes_the_interval(regelingen, enschede):
    complete, lacking, _without = regelingen
    for party in (complete, lacking):
        party.start_date = D(2020, 1, 1)
        party.save()
    participations = list(enschede.participations.select_related("party"))
    dues = {d.party.name: d for d in schedule_for(participations, TODAY)}
    assert (dues["GGD Twente"].interval_years, dues["GGD Twente"].interval_assumed) == (4, False)
    assert (dues["Regio Twente"].interval_years, dues["Regio Twente"].interval_assumed) == (4, True)


def test_the_centre_of_a_centrumgemeenteregeling_takes_part_itself(enschede, almelo):
    party = factories.PartyFactory(
        legal_form=LegalForm.CENTRE_MUNICIPALITY, centre_organisation=enschede
    )
    party.full_clean()  # no participants registered yet
    factories.ParticipationFactory(party=party, organisation=almelo)
    with pytest.raises(ValidationError, match="neemt zelf deel aan de regeling"):
        party.full_clean()
    factories.ParticipationFactory(party=party, organisation=enschede)
    party.full_clean()


def test_the_agenda_shows_the_assumed_interval_as_an_assumption(regelingen, enschede):
    from evaluations.agenda.items import agenda_for

    _complete, lacking, _without = regelingen
    lacking.start_date = D(2020, 1, 1)
    lacking.save()
    items = [i for i in agenda_for(enschede.pk, TODAY) if i.title == "Evaluatie van Regio Twente"]
    assert [i.detail for i in items] == [
        "elke 4 jaar (aanname: de regeling noemt geen evaluatietermijn); start van de "
        "samenwerking: 01-01-2020"
    ]
