"""`fields` (partial answers) and `expand` (the party in full on a participation), as the
Dutch API Design Rules name them: fewer bytes and fewer calls, the same rows and values."""

import pytest
from django.test import Client

from registry.models import TokenScope
from tests.api.conftest import rows

PARTICIPATIONS = "/api/v1/deelnemingen/"
PARTIES = "/api/v1/samenwerkingsverbanden/"


@pytest.mark.parametrize(
    ("url", "fields"),
    [
        (PARTICIPATIONS, "id,zetels"),
        (PARTIES, "code,themas,naam"),
    ],
)
def test_a_list_gives_only_the_fields_asked_for_with_their_full_values(site_world, url, fields):
    client = Client()
    full = rows(client, url)
    sparse = rows(client, url, fields=fields)
    wanted = fields.split(",")
    assert sparse == [{name: row[name] for name in wanted} for row in full]
    assert all(list(row) == [name for name in full[0] if name in wanted] for row in sparse)


def test_a_detail_gives_only_the_fields_asked_for(site_world):
    client = Client()
    full = client.get(f"{PARTIES}gbt/").json()
    response = client.get(f"{PARTIES}gbt/", {"fields": "naam, rechtsvorm"})
    assert response.status_code == 200
    assert response.json() == {"naam": full["naam"], "rechtsvorm": full["rechtsvorm"]}
    own = rows(client, PARTICIPATIONS)[0]
    detail = client.get(f"{PARTICIPATIONS}{own['id']}/", {"fields": "verbonden_partij"}).json()
    assert detail == {"verbonden_partij": own["verbonden_partij"]}


@pytest.mark.parametrize(
    ("parameter", "value"), [("fields", "id,kleur"), ("expand", "organisatie")]
)
def test_an_unknown_name_is_a_400_problem_in_dutch_naming_the_parameter(
    site_world, parameter, value
):
    response = Client().get(PARTICIPATIONS, {parameter: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["detail"] == "Een of meer parameters zijn ongeldig."
    [param] = body["invalidParams"]
    assert param["name"] == parameter
    assert param["reason"].startswith(f"Onbekend: {value.split(',')[-1]}. Mogelijk zijn: ")


def test_expand_gives_the_party_as_its_own_resource_gives_it(site_world):
    client = Client()
    expanded = rows(client, PARTICIPATIONS, expand="samenwerkingsverband")
    plain = rows(client, PARTICIPATIONS)
    assert [row["id"] for row in expanded] == [row["id"] for row in plain]
    for row in expanded:
        party = row["samenwerkingsverband"]
        assert party == client.get(party["url"]).json()
        assert row["organisatie"] == next(p for p in plain if p["id"] == row["id"])["organisatie"]


def test_expand_and_fields_together(site_world):
    [first, *_] = rows(
        Client(), PARTICIPATIONS, expand="samenwerkingsverband", fields="samenwerkingsverband"
    )
    assert list(first) == ["samenwerkingsverband"]
    assert "juridische_grondslag" in first["samenwerkingsverband"]


def test_a_write_answers_in_full_whatever_the_query(site_world, enschede, issue_token):
    _token, key = issue_token(organisation=enschede, scope=TokenScope.WRITE)
    response = Client().patch(
        f"{PARTIES}vrt/?fields=code",
        {"vestigingsplaats": "Enschede"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 200
    assert response.json()["vestigingsplaats"] == "Enschede"
    assert "naam" in response.json()
