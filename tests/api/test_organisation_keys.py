"""Organisations without a CBS code (waterschappen, other governments, private partners) are
addressable: their key is `org-<id>` (registry.organisation_keys), in paths, filters and
bodies; `org-<id>` names any organisation, the CBS code stays the key of those that have one."""

import pytest
from django.test import Client

from partnerships.models import Participation
from registry.models import Organisation, OrganisationKind, TokenScope
from tests import factories
from tests.api.conftest import auth, rows


@pytest.fixture
def water_board(site_world, overijssel):
    board = Organisation.objects.create(
        name="Waterschap Vechtstromen",
        kind=OrganisationKind.WATER_BOARD,
        province=overijssel,
        publishes=True,
    )
    factories.ParticipationFactory(party=site_world["gbt"], organisation=board)
    return board


def test_an_organisation_without_a_cbs_code_is_listed_with_its_key_and_link(water_board):
    client = Client()
    [listed] = [row for row in rows(client, "/api/v1/organisaties/") if row["cbs_code"] is None]
    key = f"org-{water_board.pk}"
    assert (listed["sleutel"], listed["naam"]) == (key, "Waterschap Vechtstromen")
    assert listed["url"].endswith(f"/api/v1/organisaties/{key}/")
    detail = client.get(listed["url"])
    assert detail.status_code == 200
    assert detail.json() == listed


def test_a_municipality_keeps_its_cbs_code_as_key_and_answers_to_its_number_too(
    site_world, enschede
):
    client = Client()
    by_code = client.get("/api/v1/organisaties/GM0153/").json()
    assert by_code["sleutel"] == "GM0153"
    assert by_code["url"].endswith("/api/v1/organisaties/GM0153/")
    assert client.get(f"/api/v1/organisaties/org-{enschede.pk}/").json() == by_code
    assert client.get("/api/v1/organisaties/gm0153/").json() == by_code
    paragraph = client.get("/api/v1/organisaties/GM0153/paragraaf/2027/").json()
    assert client.get(f"/api/v1/organisaties/org-{enschede.pk}/paragraaf/2027/").json() == (
        paragraph
    )


def test_filters_and_references_use_the_key(water_board):
    client = Client()
    key = f"org-{water_board.pk}"
    [participation] = rows(client, "/api/v1/deelnemingen/", organisatie=key)
    assert participation["organisatie"]["sleutel"] == key
    assert participation["organisatie"]["url"].endswith(f"/organisaties/{key}/")
    parties = rows(client, "/api/v1/samenwerkingsverbanden/", organisatie=key)
    assert [party["code"] for party in parties] == ["gbt"]


@pytest.mark.parametrize(
    "key", ["org-999999", "org-99999999999999999999", "org-", "WS0155", "org-1x"]
)
def test_an_unknown_or_malformed_key_is_not_found(site_world, key):
    response = Client().get(f"/api/v1/organisaties/{key}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_an_organisation_that_does_not_publish_is_not_found_by_its_number(site_world, almelo):
    assert Client().get(f"/api/v1/organisaties/org-{almelo.pk}/").status_code == 404


def test_a_water_boards_write_key_registers_its_participation_by_its_key(water_board, issue_token):
    _token, key = issue_token(organisation=water_board, scope=TokenScope.WRITE)
    party = factories.PartyFactory(code="waterketen", maintainer=water_board)
    response = Client().post(
        "/api/v1/deelnemingen/",
        {"samenwerkingsverband": "waterketen", "organisatie": f"org-{water_board.pk}"},
        content_type="application/json",
        **auth(key),
    )
    assert response.status_code == 201, response.content
    assert Participation.objects.filter(party=party, organisation=water_board).exists()
    unknown = Client().post(
        "/api/v1/deelnemingen/",
        {"samenwerkingsverband": "waterketen", "organisatie": "org-999999"},
        content_type="application/json",
        **auth(key),
    )
    assert unknown.status_code == 400
    [param] = unknown.json()["invalidParams"]
    assert (param["name"], param["reason"]) == (
        "organisatie",
        "Er is geen organisatie met de sleutel “org-999999”.",
    )
