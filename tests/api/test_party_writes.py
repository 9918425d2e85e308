"""Writes on `samenwerkingsverbanden` go through partnerships.services.save_party and the one
write check, as in the admin: any griffie registers a party (its organisation becomes the
dossierhouder), the griffie of a participant keeps it, a party another organisation takes
part in is not deleted; refusals are 403 problem details with the write check's sentence."""

from django.test import Client

from partnerships.models import Party, Theme
from registry import access
from registry.models import TokenScope
from tests import factories
from tests.api.conftest import auth, problem_of, send

LIST = "/api/v1/samenwerkingsverbanden/"


def _post(key, **body):
    return send("post", LIST, key, body)


def _patch(key, code, **body):
    return send("patch", f"{LIST}{code}/", key, body)


_problem = problem_of


def test_a_griffie_registers_a_party_its_organisation_keeps(griffie_key, enschede):
    griffie, key = griffie_key
    Theme.objects.get_or_create(name="Veiligheid")
    response = _post(
        key,
        naam="Regionaal Archief Twente",
        korte_naam="RAT",
        rechtsvorm="public_body",
        soort_regeling="mixed",
        themas=["Veiligheid"],
        begindatum="2027-01-01",
    )
    assert response.status_code == 201, response.content
    party = Party.objects.get(name="Regionaal Archief Twente")
    assert party.code == "rat"  # derived from the short name, as in the admin
    assert response["Location"].endswith(f"{LIST}rat/")
    body = response.json()
    assert body["dossierhouder"]["cbs_code"] == "GM0153"
    assert body["themas"] == ["Veiligheid"]
    assert party.maintainer == enschede
    history = party.history.first()
    assert history.history_user == griffie
    assert history.history_change_reason.startswith("via API-sleutel ")


def test_a_participants_griffie_changes_the_party_and_its_themes(griffie_key, site_world):
    _griffie, key = griffie_key
    Theme.objects.get_or_create(name="Financiën")
    response = _patch(key, "gbt", openbaar_belang="Heffen en innen", themas=["Financiën"])
    assert response.status_code == 200, response.content
    assert response.json()["openbaar_belang"] == "Heffen en innen"
    gbt = Party.objects.get(code="gbt")
    assert gbt.public_interest == "Heffen en innen"
    assert [theme.name for theme in gbt.themes.all()] == ["Financiën"]


def test_a_party_the_griffie_does_not_keep_is_refused_with_the_write_checks_sentence(
    griffie_key, utrecht_city
):
    griffie, key = griffie_key
    other = factories.PartyFactory(name="Regio Utrecht", code="regio-utrecht")
    factories.ParticipationFactory(party=other, organisation=utrecht_city)
    other.name = "Overgenomen"
    reason = access.save_refusal(griffie, other, {"name"}, stored=Party.objects.get(pk=other.pk))
    assert reason
    # the record as a whole is refused: no field to name
    body = _problem(_patch(key, "regio-utrecht", naam="Overgenomen"), 403, [])
    assert body["detail"] == reason
    assert Party.objects.get(pk=other.pk).name == "Regio Utrecht"


def test_another_municipality_as_dossierhouder_is_refused_naming_the_field(griffie_key):
    _griffie, key = griffie_key
    response = _post(key, naam="Stichting X", rechtsvorm="foundation", dossierhouder="GM0141")
    body = _problem(response, 403, ["dossierhouder"])
    assert body["detail"] == "Kies als dossierhouder een organisatie waarvoor u de griffie bent."
    assert not Party.objects.filter(name="Stichting X").exists()


def test_a_broken_rule_of_the_party_is_400_with_the_field(griffie_key):
    _griffie, key = griffie_key
    response = _post(
        key, naam="Gemeenschappelijk orgaan X", rechtsvorm="joint_body", kvk_nummer="12345678"
    )
    body = _problem(response, 400, ["kvk_nummer"])
    assert "geen rechtspersoonlijkheid" in body["invalidParams"][0]["reason"]
    assert body["detail"] == "De gegevens voldoen niet aan de regels van het register."


def test_an_unknown_theme_is_400_naming_themas(griffie_key):
    _griffie, key = griffie_key
    response = _post(key, naam="Stichting Y", rechtsvorm="foundation", themas=["Onbekend"])
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["themas"]


def test_a_party_is_deleted_only_when_no_other_organisation_takes_part(griffie_key, enschede):
    griffie, key = griffie_key
    gbt = Party.objects.get(code="gbt")  # Almelo takes part too
    response = Client().delete(f"{LIST}gbt/", **auth(key))
    assert _problem(response, 403, [])["detail"] == access.delete_refusal(griffie, gbt)
    own = factories.PartyFactory(name="Eigen stichting", code="eigen", maintainer=enschede)
    assert Client().delete(f"{LIST}eigen/", **auth(key)).status_code == 204
    assert Party.objects.filter(code="gbt").exists()
    assert not Party.objects.filter(pk=own.pk).exists()


def test_a_read_key_or_no_key_changes_no_party(site_world, enschede, issue_token):
    _token, key = issue_token(organisation=enschede, scope=TokenScope.READ)
    assert _patch(key, "gbt", naam="X").status_code == 403
    anonymous = Client().patch(f"{LIST}gbt/", {"naam": "X"}, content_type="application/json")
    assert anonymous.status_code == 401
    assert Party.objects.get(code="gbt").name == "Gemeentelijk Belastingkantoor Twente"


def test_an_organisations_write_key_keeps_the_parties_it_takes_part_in(
    site_world, enschede, issue_token
):
    _token, key = issue_token(organisation=enschede, scope=TokenScope.WRITE)
    assert _patch(key, "vrt", vestigingsplaats="Enschede").status_code == 200
    party = Party.objects.get(code="vrt")
    assert party.seat == "Enschede"
    assert party.history.first().history_user is None  # no account: the reason names the key


def test_a_derived_code_that_is_taken_is_400_naming_code(griffie_key):
    _griffie, key = griffie_key
    response = _post(key, naam="GBT", rechtsvorm="foundation")  # code "gbt" is taken
    body = _problem(response, 400, ["code"])
    assert "Registercode" in body["invalidParams"][0]["reason"]
    assert Party.objects.filter(code="gbt").count() == 1
