"""Writes through the API go through partnerships.services and the one write check: a
participant's griffie (or its organisation's write token) registers, changes and deletes its
participations; anything else is refused with the write check's own Dutch sentence as 403
problem details, naming the field; a read token or no key writes nothing."""

import datetime

from django.test import Client

from partnerships.models import Participation
from registry import access
from registry.models import RoleKind, TokenScope
from tests import factories
from tests.api.conftest import auth, send

LIST = "/api/v1/deelnemingen/"


def _post(key, **body):
    return send("post", LIST, key, body)


def _patch(key, participation, **body):
    return send("patch", f"{LIST}{participation.pk}/", key, body)


def _refused(response, reason, field=None):
    assert response.status_code == 403, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["detail"] == reason
    names = [param["name"] for param in body.get("invalidParams", [])]
    assert names == ([field] if field else [])


def test_a_griffie_registers_its_municipality_in_a_party(griffie_key, enschede):
    griffie, key = griffie_key
    party = factories.PartyFactory(name="Regio Twente", code="regio-twente")
    response = _post(
        key,
        samenwerkingsverband="regio-twente",
        organisatie="GM0153",
        deelname_vanaf="2027-01-01",
        zetels=2,
    )
    assert response.status_code == 201, response.content
    created = Participation.objects.get(party=party, organisation=enschede)
    assert response["Location"].endswith(f"{LIST}{created.pk}/")
    body = response.json()
    assert (body["zetels"], body["deelname_vanaf"]) == (2, "2027-01-01")
    # as in the admin: the party's side has not confirmed yet (partnerships.services)
    assert body["bevestiging"].startswith("Aangemeld")
    history = created.history.get()
    assert history.history_user == griffie
    assert history.history_change_reason.startswith("via API-sleutel ")


def test_an_organisations_write_token_registers_and_changes_only_its_own(
    site_world, enschede, issue_token
):
    _token, key = issue_token(organisation=enschede, scope=TokenScope.WRITE)
    own = Participation.objects.get(party__code="gbt", organisation=enschede)
    response = _patch(key, own, zetels=3, toelichting="Uit de begrotingssoftware")
    assert response.status_code == 200, response.content
    own.refresh_from_db()
    assert (own.seats, own.notes) == (3, "Uit de begrotingssoftware")
    assert own.history.first().history_user is None  # no account: the reason names the key

    _refused(
        _post(key, samenwerkingsverband="vrt", organisatie="GM0141"),
        "U mag geen deelnemingen van Almelo vastleggen of wijzigen.",
        "organisatie",
    )
    almelo = Participation.objects.get(party__code="gbt", organisation__cbs_code="GM0141")
    assert _patch(key, almelo, zetels=9).status_code == 404  # not Enschede's to read
    almelo.refresh_from_db()
    assert almelo.seats != 9


def test_a_participation_does_not_move_to_another_party(griffie_key, enschede):
    _griffie, key = griffie_key
    own = Participation.objects.get(party__code="gbt", organisation=enschede)
    reason = (
        "“samenwerkingsverband” kan niet worden gewijzigd: een deelneming wordt niet "
        "verplaatst. Leg zo nodig een nieuwe vast."
    )
    _refused(_patch(key, own, samenwerkingsverband="vrt", zetels=4), reason, "samenwerkingsverband")
    own.refresh_from_db()
    assert (own.party.code, own.seats) == ("gbt", own.seats)


def test_finance_may_not_change_the_participations_fields(site_world, enschede, issue_token):
    finance = factories.user_with_role(RoleKind.FINANCE, enschede)
    _token, key = issue_token(user=finance, scope=TokenScope.WRITE)
    own = Participation.objects.get(party__code="gbt", organisation=enschede)
    _refused(_patch(key, own, zetels=5), "U mag deze velden niet wijzigen: zetels.", "zetels")


def test_a_broken_rule_is_400_with_the_field(griffie_key, enschede):
    _griffie, key = griffie_key
    own = Participation.objects.get(party__code="gbt", organisation=enschede)
    response = _patch(key, own, deelname_vanaf="2030-01-01", deelname_tot_en_met="2029-12-31")
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] == "De gegevens voldoen niet aan de regels van het register."
    assert body["invalidParams"][0]["reason"]
    response = _post(key, samenwerkingsverband="bestaat-niet", organisatie="GM0153")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "samenwerkingsverband"


def test_a_delete_that_takes_others_records_along_is_refused(griffie_key, enschede):
    _griffie, key = griffie_key
    own = Participation.objects.get(party__code="gbt", organisation=enschede)  # has money
    response = Client().delete(f"{LIST}{own.pk}/", **auth(key))
    _refused(response, access.delete_refusal(_griffie, own))
    assert "bijdrage" in response.json()["detail"]
    lone = factories.ParticipationFactory(
        party=factories.PartyFactory(code="los"),
        organisation=enschede,
        start_date=datetime.date(2020, 1, 1),
    )
    assert Client().delete(f"{LIST}{lone.pk}/", **auth(key)).status_code == 204
    assert not Participation.objects.filter(pk=lone.pk).exists()


def test_a_read_token_or_no_key_writes_nothing(site_world, enschede, issue_token):
    _token, key = issue_token(organisation=enschede, scope=TokenScope.READ)
    own = Participation.objects.get(party__code="gbt", organisation=enschede)
    response = _patch(key, own, zetels=7)
    assert response.status_code == 403
    assert (
        response.json()["detail"] == "Deze API-sleutel heeft bereik lezen: hij mag niets wijzigen."
    )
    anonymous = Client().patch(f"{LIST}{own.pk}/", {"zetels": 7}, content_type="application/json")
    assert anonymous.status_code == 401
    assert anonymous["WWW-Authenticate"] == 'Token realm="api"'
    own.refresh_from_db()
    assert own.seats != 7


def test_organisations_stay_read_only(griffie_key):
    _griffie, key = griffie_key
    response = Client().post(
        "/api/v1/organisaties/", {}, content_type="application/json", **auth(key)
    )
    assert response.status_code == 403
    assert "alleen-lezen" in response.json()["detail"]


def test_a_signed_in_griffie_writes_with_its_session_and_csrf_token(site_world, enschede):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    factories.PartyFactory(code="regio-twente")
    body = {"samenwerkingsverband": "regio-twente", "organisatie": "GM0153"}
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(griffie)
    refused = strict.post(LIST, body, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF-controle" in refused.json()["detail"]
    strict.get("/admin/")  # sets the CSRF cookie, as a page of the register does
    token = strict.cookies["csrftoken"].value
    response = strict.post(LIST, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201, response.content
    assert Participation.objects.filter(party__code="regio-twente", organisation=enschede).exists()
