"""Open data: anyone downloads what is published (the API's rows for an anonymous reader) as
CSV and JSON, one file per resource, with a DCAT-AP-NL description; the files are cached
per version of the register and rebuilt after a change; ETag and Last-Modified give 304."""

import csv
import io

import pytest
from django.test import Client

from partnerships.api.open_data import SOURCES
from partnerships.models import Participation
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for

BASE = "/api/v1/opendata/"


def _json(client, resource):
    response = client.get(f"{BASE}{resource}.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_files_hold_what_the_api_shows_an_anonymous_reader(site_world, enschede):
    client = Client()
    for resource in ("organisaties", "samenwerkingsverbanden", "deelnemingen"):
        listed = client.get(f"/api/v1/{resource}/", {"pagina_grootte": 100}).json()
        assert _json(client, resource) == listed["resultaten"]
    names = {row["organisatie"]["naam"] for row in _json(client, "deelnemingen")}
    assert names == {"Enschede"}  # Almelo does not publish


def test_a_signed_in_reader_gets_the_same_public_files(site_world, enschede):
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, enschede))
    supervisor = client_for(factories.user_with_role(RoleKind.SUPERVISOR, enschede.province))
    assert _json(supervisor, "deelnemingen") == _json(council, "deelnemingen")
    assert "Almelo" not in {r["organisatie"]["naam"] for r in _json(supervisor, "deelnemingen")}


def test_the_csv_has_a_column_per_field_and_a_row_per_record(site_world):
    response = Client().get(f"{BASE}deelnemingen.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="deelnemingen.csv"'
    table = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {(row["samenwerkingsverband.code"], row["organisatie.naam"]) for row in table} == {
        ("gbt", "Enschede"),
        ("vrt", "Enschede"),
    }
    assert {row["verbonden_partij.omschrijving"] for row in table} <= {"ja", "nee", "onbekend"}
    parties = Client().get(f"{BASE}samenwerkingsverbanden.csv").content.decode("utf-8-sig")
    assert "Gemeentelijk Belastingkantoor Twente" in parties


def test_the_dcat_description_names_licence_publisher_and_each_file(site_world, settings):
    settings.OPEN_DATA_PUBLISHER = "Gemeente Enschede"
    response = Client().get(f"{BASE}catalogus.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    catalogue = response.json()
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["dct:license"]["@id"].startswith(
        "http://creativecommons.org/publicdomain/zero"
    )
    assert catalogue["dct:modified"]
    datasets = {d["dct:title"]: d for d in catalogue["dcat:dataset"]}
    assert set(datasets) == {"Organisaties", "Samenwerkingsverbanden", "Deelnemingen"}
    deelnemingen = datasets["Deelnemingen"]
    assert deelnemingen["dct:publisher"]["foaf:name"] == "Gemeente Enschede"
    urls = [d["dcat:downloadURL"]["@id"] for d in deelnemingen["dcat:distribution"]]
    assert urls == [
        "http://testserver/api/v1/opendata/deelnemingen.csv",
        "http://testserver/api/v1/opendata/deelnemingen.json",
    ]
    for url in urls:
        assert Client().get(url.removeprefix("http://testserver")).status_code == 200


def test_a_file_is_built_once_per_version_and_rebuilt_after_a_change(
    site_world, enschede, django_assert_max_num_queries
):
    client = Client()
    first = client.get(f"{BASE}deelnemingen.json")
    with django_assert_max_num_queries(2 * len(SOURCES)):  # the newest change, a count
        again = client.get(f"{BASE}deelnemingen.json")  # from the cache: the version only
    assert again.content == first.content and again["ETag"] == first["ETag"]

    party = factories.PartyFactory(name="Regio Twente", code="regio-twente")
    factories.ParticipationFactory(party=party, organisation=enschede)
    changed = client.get(f"{BASE}deelnemingen.json")
    assert changed["ETag"] != first["ETag"]
    assert "regio-twente" in {row["samenwerkingsverband"]["code"] for row in changed.json()}


def test_both_formats_of_a_resource_are_built_from_one_reading_of_its_rows(
    site_world, django_assert_num_queries
):
    client = Client()
    client.get(f"{BASE}deelnemingen.json")
    with django_assert_num_queries(2 * len(SOURCES)):  # the version only: the CSV is made
        response = client.get(f"{BASE}deelnemingen.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == [str(row["id"]) for row in _json(client, "deelnemingen")]


def test_a_conditional_download_is_304_until_something_changes(site_world, enschede):
    client = Client()
    first = client.get(f"{BASE}deelnemingen.csv")
    assert first["Last-Modified"]
    assert (
        client.get(f"{BASE}deelnemingen.csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    )
    assert (
        client.get(
            f"{BASE}deelnemingen.csv", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
        ).status_code
        == 304
    )
    own = Participation.objects.filter(organisation=enschede).first()
    own.notes = "Gewijzigd"
    own.save()
    assert (
        client.get(f"{BASE}deelnemingen.csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    )


@pytest.mark.parametrize("url", ["/api/v1/deelnemingen/", "/api/v1/samenwerkingsverbanden/"])
def test_an_api_list_answers_304_to_its_etag(site_world, url):
    client = Client()
    first = client.get(url)
    assert first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert (
        client.get(url, {"pagina_grootte": 1}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    )


def test_an_unknown_file_is_404(site_world):
    assert Client().get(f"{BASE}gebruikers.csv").status_code == 404
