"""The admin's pickers of organisations and parties are an autocomplete (a list of every
organisation is not rendered on every row), and their search offers only what the user may
pick, through the access module (registry.admin_site.ScopedAutocompleteJsonView)."""

import pytest
from django.urls import reverse

from partnerships.models import LegalBasis, Participation, Party, Seat
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for


def search(client, model, field: str, term: str = ""):
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": model._meta.app_label,
            "model_name": model._meta.model_name,
            "field_name": field,
            "term": term,
        },
    )
    return response


def names(response) -> set[str]:
    assert response.status_code == 200
    return {result["text"] for result in response.json()["results"]}


@pytest.fixture
def two_parties(enschede, almelo):
    ours = factories.PartyFactory(name="Regio Twente")
    factories.ParticipationFactory(party=ours, organisation=enschede)
    theirs = factories.PartyFactory(name="Twentse Afvalbeheer")
    factories.ParticipationFactory(party=theirs, organisation=almelo)
    return ours, theirs


def test_griffie_is_offered_only_its_own_organisation_as_participant(enschede, almelo):
    client = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    for model, field in ((Participation, "organisation"), (Seat, "organisation")):
        assert names(search(client, model, field)) == {"Enschede (GM0153)"}
        assert names(search(client, model, field, "Alm")) == set()


def test_griffie_is_offered_as_party_of_a_legal_basis_only_the_parties_it_keeps(two_parties):
    client = client_for(
        factories.user_with_role(RoleKind.GRIFFIE, two_parties[0].participations.get().organisation)
    )
    assert names(search(client, LegalBasis, "party", "Twent")) == {"Regio Twente"}
    # to join a party, every party of the catalogue may be chosen
    assert names(search(client, Participation, "party", "Twent")) == {
        "Regio Twente",
        "Twentse Afvalbeheer",
    }


def test_dossierhouder_offered_is_the_griffies_own_organisation(enschede, almelo):
    client = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    assert names(search(client, Party, "maintainer")) == {"Enschede (GM0153)"}
    # the centre municipality of a party may be any municipality
    assert names(search(client, Party, "centre_organisation")) == {
        "Almelo (GM0141)",
        "Enschede (GM0153)",
    }


def test_administrator_is_offered_everything(two_parties):
    client = client_for(factories.admin_user())
    assert names(search(client, Participation, "organisation")) == {
        "Almelo (GM0141)",
        "Enschede (GM0153)",
        "Overijssel (PV23)",
    }
    assert names(search(client, LegalBasis, "party")) == {"Regio Twente", "Twentse Afvalbeheer"}


def test_council_member_is_offered_nothing_to_register(enschede, two_parties):
    client = client_for(factories.user_with_role(RoleKind.COUNCIL, enschede))
    assert names(search(client, Participation, "organisation")) == set()
    assert names(search(client, LegalBasis, "party")) == set()


def test_user_without_a_role_gets_no_answer(enschede, two_parties):
    client = client_for(factories.UserFactory())
    response = search(client, Participation, "organisation")
    assert response.status_code in (302, 403)
    assert b"Enschede" not in response.content


def test_a_picker_without_a_policy_is_offered_to_administrators_only(enschede):
    from registry.models import Role

    client = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    assert names(search(client, Role, "organisation")) == set()
