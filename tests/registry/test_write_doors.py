"""One write check behind every door (issue "One write path", points 1, 4, 5, 8).

Each forbidden change of the hostile review is tried through the doors that reach it (the
admin form, an inline, the delete page, the history's revert, the import, the service, the
API) and refused the same way: nothing changes, and where a reason is shown it is the write
check's own Dutch sentence. The world is the review's: the GBT with Enschede, Almelo (same province)
and Utrecht (another province) as participants, and a party of Utrecht alone.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from partnerships import services
from partnerships.choices import BodyKind, Confirmation, LegalForm
from partnerships.cycle.choices import DocumentKind, ZienswijzeStatus
from partnerships.models import Body, Contribution, FinancialInterest, Participation, Party, Seat
from partnerships.spreadsheets import service as spreadsheets
from registry import access, tokens, writes
from registry.models import APIToken, RoleKind, TokenScope
from tests import factories
from tests.admin_forms import form_data, inline_index, inline_prefix
from tests.conftest import client_for
from tests.spreadsheets.conftest import xlsx


@pytest.fixture
def world(enschede, almelo, utrecht_city):
    gbt = factories.PartyFactory(name="GBT", code="gbt", legal_form=LegalForm.PUBLIC_BODY)
    participations = {
        org.name: factories.ParticipationFactory(party=gbt, organisation=org)
        for org in (enschede, almelo, utrecht_city)
    }
    board = factories.BodyFactory(party=gbt, kind=BodyKind.GENERAL_BOARD)
    for org in (enschede, almelo, utrecht_city):
        factories.SeatFactory(body=board, organisation=org, person_name=f"Wethouder {org.name}")
    utrecht_party = factories.PartyFactory(name="Regio Utrecht", code="regio-utrecht")
    factories.ParticipationFactory(party=utrecht_party, organisation=utrecht_city)
    return {
        "gbt": gbt,
        "board": board,
        "utrecht_party": utrecht_party,
        "participations": participations,
        "griffie": factories.user_with_role(RoleKind.GRIFFIE, enschede),
        "finance": factories.user_with_role(RoleKind.FINANCE, enschede),
        "council": factories.user_with_role(RoleKind.COUNCIL, enschede),
        "utrecht_griffie": factories.user_with_role(RoleKind.GRIFFIE, utrecht_city),
        "supervisor": factories.user_with_role(RoleKind.SUPERVISOR, enschede.province),
    }


def page(response) -> str:
    return response.content.decode()


# Inline deletes judge what they cascade to.


def test_deleting_a_body_with_seats_of_other_municipalities_is_refused_at_every_door(world):
    griffie, board, gbt = world["griffie"], world["board"], world["gbt"]
    reason = access.delete_refusal(griffie, board)
    assert reason == (
        "Verwijderen kan niet: dan verdwijnen ook gegevens die u niet mag verwijderen (2 zetels)."
    )
    client = client_for(griffie)

    # the inline on the party's form
    url = reverse("admin:partnerships_party_change", args=[gbt.pk])
    shown = client.get(url)
    data = form_data(shown)
    data[f"{inline_prefix(shown, Body)}-{inline_index(shown, board)}-DELETE"] = "on"
    response = client.post(url, data)
    assert response.status_code == 200 and reason in page(response)

    # the body's own delete page
    delete_url = reverse("admin:partnerships_body_delete", args=[board.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403

    # the service
    with pytest.raises(access.WriteRefused) as refused:
        writes.delete(user=griffie, record=board)
    assert refused.value.reason == reason

    assert Body.objects.filter(pk=board.pk).exists()
    assert Seat.objects.filter(body=board).count() == 3


def test_a_body_with_only_shared_and_own_seats_is_deleted_by_the_griffie(world, enschede):
    griffie = world["griffie"]
    body = factories.BodyFactory(party=world["gbt"], kind=BodyKind.EXECUTIVE_BOARD)
    factories.SeatFactory(body=body, organisation=enschede)
    factories.SeatFactory(body=body, organisation=None, person_name="Onafhankelijk voorzitter")
    writes.delete(user=griffie, record=body)
    assert not Body.objects.filter(pk=body.pk).exists()


# A record never moves to a parent the user could not have created it under.


def _move_cases(world, enschede, utrecht_city):
    gbt, other = world["gbt"], world["utrecht_party"]
    own = world["participations"]["Enschede"]
    utrecht = world["participations"]["Utrecht"]
    return {
        "contribution onto Utrecht's participation": (
            "finance",
            factories.ContributionFactory(participation=own),
            "participation",
            utrecht,
            "admin:partnerships_contribution_change",
        ),
        "annual figures onto a party of Utrecht": (
            "finance",
            factories.AnnualFiguresFactory(party=gbt),
            "party",
            other,
            "admin:partnerships_annualfigures_change",
        ),
        "legal basis into another party": (
            "griffie",
            factories.LegalBasisFactory(party=gbt),
            "party",
            other,
            "admin:partnerships_legalbasis_change",
        ),
        "body into another party": (
            "griffie",
            factories.BodyFactory(party=gbt, kind=BodyKind.EXECUTIVE_BOARD),
            "party",
            other,
            "admin:partnerships_body_change",
        ),
        "cycle document into another party": (
            "griffie",
            factories.CycleDocumentFactory(party=gbt, kind=DocumentKind.FRAMEWORK),
            "party",
            other,
            "admin:cycle_cycledocument_change",
        ),
        "evaluation into another party": (
            "griffie",
            factories.EvaluationFactory(party=gbt),
            "party",
            other,
            "admin:evaluations_evaluation_change",
        ),
        "shared evaluation made Enschede's own": (
            "griffie",
            factories.EvaluationFactory(party=gbt),
            "organisation",
            enschede,
            "admin:evaluations_evaluation_change",
        ),
        "usage figure onto Utrecht": (
            "finance",
            factories.UsageFigureFactory(party=gbt, organisation=enschede),
            "organisation",
            utrecht_city,
            "admin:partnerships_usagefigure_change",
        ),
    }


MOVES = [
    "contribution onto Utrecht's participation",
    "annual figures onto a party of Utrecht",
    "legal basis into another party",
    "body into another party",
    "cycle document into another party",
    "evaluation into another party",
    "shared evaluation made Enschede's own",
    "usage figure onto Utrecht",
]


@pytest.mark.parametrize("case", MOVES)
def test_a_record_is_not_moved_through_the_form_or_the_service(world, enschede, utrecht_city, case):
    role, record, field, target, url_name = _move_cases(world, enschede, utrecht_city)[case]
    user = world[role]
    before = getattr(type(record).objects.get(pk=record.pk), f"{field}_id")

    # the admin's change form, with the parent changed in the posted data
    client = client_for(user)
    url = reverse(url_name, args=[record.pk])
    data = form_data(client.get(url))
    data[field] = str(target.pk)
    client.post(url, data)
    assert getattr(type(record).objects.get(pk=record.pk), f"{field}_id") == before

    # the service
    setattr(record, field, target)
    with pytest.raises(access.WriteRefused) as refused:
        writes.save(user=user, record=record)
    assert refused.value.reason
    assert getattr(type(record).objects.get(pk=record.pk), f"{field}_id") == before


def test_adding_the_same_records_under_another_parent_is_refused_too(world):
    finance = world["finance"]
    utrecht = world["participations"]["Utrecht"]
    with pytest.raises(access.WriteRefused) as refused:
        writes.save(user=finance, record=factories.ContributionFactory.build(participation=utrecht))
    assert refused.value.reason == (
        "U mag geen gegevens van deze organisatie vastleggen of wijzigen."
    )


# Who takes part is not self-declared.


def test_a_griffie_registering_its_municipality_in_a_party_gets_no_rights_until_confirmed(
    world, enschede
):
    griffie, party = world["griffie"], world["utrecht_party"]
    client = client_for(griffie)
    response = client.post(
        reverse("admin:partnerships_participation_add"),
        {"party": party.pk, "organisation": enschede.pk, "seats": 1, "notes": ""},
    )
    assert response.status_code == 302
    registered = Participation.objects.get(party=party, organisation=enschede)
    assert registered.confirmation == Confirmation.PENDING

    # still no rights on the shared party: its form offers no save, the service refuses
    form = client.get(reverse("admin:partnerships_party_change", args=[party.pk]))
    assert b'name="_save"' not in form.content
    party.name = "Overgenomen"
    with pytest.raises(access.WriteRefused):
        writes.save(user=griffie, record=party, changed={"name"})

    # Utrecht's griffie confirms on the Aanmeldingen page; then Enschede keeps the party too
    utrecht = client_for(world["utrecht_griffie"])
    listing = utrecht.get(reverse("partnerships:confirmations"))
    assert "Enschede" in page(listing)
    utrecht.post(
        reverse("partnerships:confirmations"),
        {"participation": registered.pk, "decision": "confirm", "note": ""},
    )
    registered.refresh_from_db()
    assert registered.confirmation == Confirmation.CONFIRMED
    griffie = factories.UserFactory._meta.model.objects.get(pk=griffie.pk)  # fresh grants
    party.refresh_from_db()
    party.name = "Regio Utrecht en Enschede"
    writes.save(user=griffie, record=party, changed={"name"})
    assert Party.objects.get(pk=party.pk).name == "Regio Utrecht en Enschede"


def test_a_registration_is_declined_only_with_a_reason(world, enschede):
    pending = factories.ParticipationFactory(
        party=world["utrecht_party"], organisation=enschede, confirmation=Confirmation.PENDING
    )
    client = client_for(world["utrecht_griffie"])
    url = reverse("partnerships:confirmations")
    response = client.post(url, {"participation": pending.pk, "decision": "decline", "note": ""})
    assert "Geef de reden waarom de aanmelding wordt afgewezen." in page(response)
    pending.refresh_from_db()
    assert pending.confirmation == Confirmation.PENDING
    client.post(url, {"participation": pending.pk, "decision": "decline", "note": "Geen deelnemer"})
    pending.refresh_from_db()
    assert (pending.confirmation, pending.confirmation_note) == (
        Confirmation.DECLINED,
        "Geen deelnemer",
    )


def test_a_municipality_cannot_confirm_its_own_registration(world, enschede):
    pending = factories.ParticipationFactory(
        party=world["utrecht_party"], organisation=enschede, confirmation=Confirmation.PENDING
    )
    client = client_for(world["griffie"])
    assert "Regio Utrecht" not in page(client.get(reverse("partnerships:confirmations")))
    response = client.post(
        reverse("partnerships:confirmations"),
        {"participation": pending.pk, "decision": "confirm", "note": ""},
    )
    assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.confirmation == Confirmation.PENDING


def test_a_participation_that_has_not_started_gives_no_rights_on_the_party(world, enschede):
    future = factories.PartyFactory(name="Nieuwe regeling")
    factories.ParticipationFactory(
        party=future, organisation=enschede, start_date=datetime.date(2030, 1, 1)
    )
    assert future.pk not in access.grants(world["griffie"]).parties(RoleKind.GRIFFIE)
    future.name = "Hernoemd"
    with pytest.raises(access.WriteRefused):
        writes.save(user=world["griffie"], record=future, changed={"name"})


def test_a_supervisors_import_registers_confirmed_participations(world, enschede):
    party = factories.PartyFactory(name="Stichting Nieuw", code="stichting-nieuw")
    data = xlsx(
        [["CBS-code deelnemer", "Registercode samenwerkingsverband"], ["GM0153", "stichting-nieuw"]]
    )
    plan = spreadsheets.commit(
        world["supervisor"], "participations", data, "a.xlsx", channel="admin"
    )
    assert plan.ok
    assert Participation.objects.get(party=party, organisation=enschede).confirmation == (
        Confirmation.CONFIRMED
    )


def test_a_griffies_import_registers_a_participation_that_waits_for_confirmation(world, enschede):
    data = xlsx(
        [["CBS-code deelnemer", "Registercode samenwerkingsverband"], ["GM0153", "regio-utrecht"]]
    )
    plan = spreadsheets.commit(world["griffie"], "participations", data, "a.xlsx", channel="admin")
    assert plan.ok
    registered = Participation.objects.get(party=world["utrecht_party"], organisation=enschede)
    assert registered.confirmation == Confirmation.PENDING


# History: read, never reverted around the write check and the workflow.


def test_revert_is_refused_and_a_history_out_of_scope_is_not_found(world):
    own = world["participations"]["Enschede"]
    own.notes = "Na de wijziging"
    writes.save(user=world["griffie"], record=own, changed={"notes"})
    first = own.history.earliest()
    client = client_for(world["griffie"])
    revert = reverse(
        "admin:partnerships_participation_simple_history", args=[own.pk, first.history_id]
    )
    response = client.post(revert, {"party": own.party_id, "organisation": own.organisation_id})
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.notes == "Na de wijziging"

    almelo = world["participations"]["Almelo"]
    history = "admin:partnerships_participation_history"
    assert client.get(reverse(history, args=[almelo.pk])).status_code == 404
    assert client.get(reverse(history, args=[999_999])).status_code == 404


def test_a_zienswijze_status_is_set_only_by_its_steps(world, enschede):
    zienswijze = factories.ZienswijzeFactory(
        document=factories.CycleDocumentFactory(party=world["gbt"]), organisation=enschede
    )
    zienswijze.status = ZienswijzeStatus.SENT
    with pytest.raises(access.WriteRefused) as refused:
        writes.save(user=world["griffie"], record=zienswijze)
    assert refused.value.reason == "“status” wordt alleen door een stap in de werkstroom gezet."
    zienswijze.refresh_from_db()
    assert zienswijze.status == ZienswijzeStatus.RECEIVED


# Filters and counts apply only what the user could have been offered.


def test_a_typed_in_participant_filter_shows_nothing_of_another_municipality(world, utrecht_city):
    client = client_for(world["council"])
    url = reverse("admin:partnerships_party_changelist")
    listing = client.get(url, {"deelnemer": utrecht_city.pk})
    assert list(listing.context["cl"].result_list) == []


def test_a_typed_in_province_filter_of_cycle_documents_is_not_applied(world, utrecht_city):
    """Cycle documents are shared; which parties have a participant in Utrecht is not."""
    factories.CycleDocumentFactory(party=world["utrecht_party"])
    factories.CycleDocumentFactory(party=world["gbt"])
    client = client_for(world["griffie"])
    url = reverse("admin:cycle_cycledocument_changelist")
    everything = list(client.get(url).context["cl"].result_list)
    filtered = client.get(url, {"provincie": utrecht_city.province_id})
    assert list(filtered.context["cl"].result_list) == everything
    assert "provincie van een deelnemer" not in filtered.content.decode()


def test_the_participant_count_counts_only_what_the_user_reads(world):
    listing = client_for(world["griffie"]).get(reverse("admin:partnerships_party_changelist"))
    counts = {party.name: party.participant_count for party in listing.context["cl"].result_list}
    assert counts["GBT"] == 1 and counts["Regio Utrecht"] == 0
    supervisor = client_for(world["supervisor"]).get(reverse("admin:partnerships_party_changelist"))
    counts = {p.name: p.participant_count for p in supervisor.context["cl"].result_list}
    assert counts["GBT"] == 2  # Enschede and Almelo lie in Overijssel; Utrecht does not


# The import is as strict as the admin.

PARTICIPATION_HEADER = [
    "CBS-code deelnemer",
    "Registercode samenwerkingsverband",
    "Deelname vanaf",
    "Garanties en borgstellingen",
]


def test_a_griffie_cannot_set_the_financial_interest_through_a_sheet(world):
    party = factories.PartyFactory(name="Stichting Eigen", code="eigen", maintainer=None)
    data = xlsx([PARTICIPATION_HEADER, ["GM0153", party.code, None, "1.000.000"]])
    plan = spreadsheets.commit(world["griffie"], "participations", data, "a.xlsx", channel="admin")
    assert plan.notices == [
        "Kolom D “Garanties en borgstellingen” hoort nu bij “Financieel belang per jaar” en "
        "wordt hier niet ingelezen."
    ]
    assert not FinancialInterest.objects.exists()
    interest = xlsx([["CBS-code deelnemer", "Registercode", "Jaar", "Garanties"]])
    with pytest.raises(spreadsheets.ImportRefused, match="financieel belang per jaar"):
        spreadsheets.commit(world["griffie"], "financial_interests", interest, "b", channel="c")


def test_a_new_party_from_a_griffies_sheet_is_kept_by_its_own_organisation(world, enschede):
    data = xlsx([["Naam", "Rechtsvorm"], ["Stichting Nieuw Overleg", "Stichting"]])
    plan = spreadsheets.commit(world["griffie"], "parties", data, "a.xlsx", channel="admin")
    assert plan.ok
    assert Party.objects.get(name="Stichting Nieuw Overleg").maintainer == enschede


def test_a_griffie_cannot_make_another_municipality_dossierhouder_through_a_sheet(world):
    data = xlsx(
        [["Naam", "Rechtsvorm", "Dossierhouder (CBS-code)"], ["Stichting X", "Stichting", "GM0344"]]
    )
    plan = spreadsheets.commit(world["griffie"], "parties", data, "a.xlsx", channel="admin")
    assert [str(p) for p in plan.problems] == [
        "rij 2 – Kies als dossierhouder een organisatie waarvoor u de griffie bent."
    ]
    assert not Party.objects.filter(name="Stichting X").exists()


def test_a_supervisor_cannot_rename_a_party_shared_with_another_province(world):
    data = xlsx([["Registercode", "Naam"], ["gbt", "Gemeentelijk Belastingkantoor Twente"]])
    plan = spreadsheets.commit(world["supervisor"], "parties", data, "a.xlsx", channel="admin")
    assert not plan.ok
    assert Party.objects.get(code="gbt").name == "GBT"


def test_the_preview_says_the_same_for_existing_and_missing_records_of_others(world):
    """Almelo takes part in the GBT, not in Regio Utrecht: a griffie of Enschede cannot
    tell the two apart from the preview."""
    data = xlsx(
        [
            [*PARTICIPATION_HEADER[:3], "Zetels"],
            ["GM0141", "gbt", None, 1],
            ["GM0141", "regio-utrecht", None, 1],
        ]
    )
    plan = spreadsheets.plan_file(world["griffie"], "participations", data)
    assert [(row.status, [str(p) for p in row.problems]) for row in plan.rows] == [
        (
            "no_access",
            ["rij 2 – geen toegang: u mag de gegevens van Almelo niet inzien of wijzigen"],
        ),
        (
            "no_access",
            ["rij 3 – geen toegang: u mag de gegevens van Almelo niet inzien of wijzigen"],
        ),
    ]


def test_a_shared_party_changed_by_one_participant_shows_its_history_to_all(world, almelo):
    gbt = world["gbt"]
    gbt.public_interest = "Belastingheffing voor de deelnemers"
    writes.save(user=world["griffie"], record=gbt, changed={"public_interest"})
    other = client_for(factories.user_with_role(RoleKind.COUNCIL, almelo))
    history = other.get(reverse("admin:partnerships_party_history", args=[gbt.pk]))
    assert history.status_code == 200
    assert world["griffie"].username in page(history)


def test_the_history_of_a_theme_is_shown(world):
    theme = factories.ThemeFactory(name="Veiligheid en handhaving")
    response = client_for(world["council"]).get(
        reverse("admin:partnerships_theme_history", args=[theme.pk])
    )
    assert response.status_code == 200


def test_the_budget_cycle_action_is_refused_with_the_write_checks_reason(world):
    other = world["utrecht_party"]
    client = client_for(world["griffie"])
    response = client.post(
        reverse("admin:partnerships_party_changelist"),
        {"action": "create_next_budget_cycle", "_selected_action": [other.pk]},
        follow=True,
    )
    assert "wijzigt de griffie van een (bevestigde, lopende) deelnemer" in page(response)
    assert not other.cycle_documents.exists()


# The API is one more door: the same refusal, the same sentence.


def _write_key(user) -> str:
    token = APIToken(name="Systeem", user=user, scope=TokenScope.WRITE)
    key = tokens.issue(token)
    token.save()
    return key


def test_registering_another_municipality_is_refused_alike_in_the_admin_and_the_api(world, almelo):
    """The admin's picker does not offer Almelo (the policy's choices); the service and the
    API refuse it with the write check's sentence, the API naming the field."""
    griffie, party = world["griffie"], world["utrecht_party"]
    response = client_for(griffie).post(
        reverse("admin:partnerships_participation_add"),
        {"party": party.pk, "organisation": almelo.pk, "seats": 1, "notes": ""},
    )
    assert response.status_code == 200
    assert "organisation" in response.context["adminform"].form.errors
    with pytest.raises(access.WriteRefused) as refused:
        services.save_participation(
            user=griffie, participation=Participation(party=party, organisation=almelo)
        )
    reason = refused.value.reason
    assert reason == "U mag geen deelnemingen van Almelo vastleggen of wijzigen."

    response = Client().post(
        "/api/v1/deelnemingen/",
        {"samenwerkingsverband": party.code, "organisatie": almelo.cbs_code, "zetels": 1},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {_write_key(griffie)}",
    )
    assert response.status_code == 403
    body = response.json()
    assert body["detail"] == reason
    assert body["invalidParams"] == [{"name": "organisatie", "code": "refused", "reason": reason}]
    assert not Participation.objects.filter(party=party, organisation=almelo).exists()


def test_finance_changing_a_participation_is_refused_alike_by_the_service_and_the_api(world):
    finance = world["finance"]
    own = world["participations"]["Enschede"]
    own.seats = 7
    with pytest.raises(access.WriteRefused) as refused:
        writes.save(user=finance, record=own, changed={"seats"})
    response = Client().patch(
        f"/api/v1/deelnemingen/{own.pk}/",
        {"zetels": 7},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {_write_key(finance)}",
    )
    assert response.status_code == 403
    assert response.json()["detail"] == refused.value.reason
    assert response.json()["invalidParams"][0]["name"] == "zetels"


def test_deleting_a_participation_with_money_is_refused_alike_at_every_door(world):
    griffie = world["griffie"]
    own = world["participations"]["Enschede"]
    factories.ContributionFactory(participation=own)
    reason = access.delete_refusal(griffie, own)
    assert reason == (
        "Verwijderen kan niet: dan verdwijnen ook gegevens die u niet mag verwijderen (1 bijdrage)."
    )
    client = client_for(griffie)
    delete_url = reverse("admin:partnerships_participation_delete", args=[own.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    with pytest.raises(access.WriteRefused) as refused:
        writes.delete(user=griffie, record=own)
    assert refused.value.reason == reason
    response = Client().delete(
        f"/api/v1/deelnemingen/{own.pk}/", HTTP_AUTHORIZATION=f"Token {_write_key(griffie)}"
    )
    assert response.status_code == 403 and response.json()["detail"] == reason
    assert Participation.objects.filter(pk=own.pk).exists()


def test_changing_a_party_of_utrecht_is_refused_alike_in_the_admin_the_service_and_the_api(world):
    griffie, other = world["griffie"], world["utrecht_party"]
    client = client_for(griffie)
    url = reverse("admin:partnerships_party_change", args=[other.pk])
    data = form_data(client.get(url))
    data["name"] = "Overgenomen"
    assert client.post(url, data).status_code == 403
    other.name = "Overgenomen"
    with pytest.raises(access.WriteRefused) as refused:
        services.save_party(user=griffie, party=other, changed={"name"})
    response = Client().patch(
        f"/api/v1/samenwerkingsverbanden/{other.code}/",
        {"naam": "Overgenomen"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {_write_key(griffie)}",
    )
    assert response.status_code == 403
    assert response.json()["detail"] == refused.value.reason
    assert Party.objects.get(pk=other.pk).name == "Regio Utrecht"


def test_another_dossierhouder_for_a_new_party_is_refused_alike_at_every_door(world, almelo):
    """The admin's picker does not offer Almelo; service and API give the same sentence."""
    griffie = world["griffie"]
    response = client_for(griffie).post(
        reverse("admin:partnerships_party_add"),
        {
            **form_data(client_for(griffie).get(reverse("admin:partnerships_party_add"))),
            "name": "Stichting X",
            "legal_form": "foundation",
            "maintainer": almelo.pk,
        },
    )
    assert response.status_code == 200
    assert "maintainer" in response.context["adminform"].form.errors
    with pytest.raises(access.WriteRefused) as refused:
        services.save_party(
            user=griffie,
            party=Party(name="Stichting X", legal_form="foundation", maintainer=almelo),
        )
    reason = refused.value.reason
    assert reason == "Kies als dossierhouder een organisatie waarvoor u de griffie bent."
    response = Client().post(
        "/api/v1/samenwerkingsverbanden/",
        {"naam": "Stichting X", "rechtsvorm": "foundation", "dossierhouder": almelo.cbs_code},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {_write_key(griffie)}",
    )
    assert response.status_code == 403
    assert response.json()["invalidParams"] == [
        {"name": "dossierhouder", "code": "refused", "reason": reason}
    ]
    assert not Party.objects.filter(name="Stichting X").exists()


def test_deleting_a_party_others_take_part_in_is_refused_alike_at_every_door(world):
    griffie, gbt = world["griffie"], world["gbt"]
    reason = access.delete_refusal(griffie, gbt)
    assert reason
    client = client_for(griffie)
    delete_url = reverse("admin:partnerships_party_delete", args=[gbt.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    with pytest.raises(access.WriteRefused) as refused:
        writes.delete(user=griffie, record=gbt)
    assert refused.value.reason == reason
    response = Client().delete(
        f"/api/v1/samenwerkingsverbanden/{gbt.code}/",
        HTTP_AUTHORIZATION=f"Token {_write_key(griffie)}",
    )
    assert response.status_code == 403 and response.json()["detail"] == reason
    assert Party.objects.filter(pk=gbt.pk).exists()


def test_a_contribution_of_another_municipality_is_refused_alike_at_every_door(world, almelo):
    """Finance of Enschede records Almelo's contribution: the admin's form, the service and
    the API give the same sentence, the API naming the field."""
    finance = world["finance"]
    theirs = world["participations"]["Almelo"]
    with pytest.raises(access.WriteRefused) as refused:
        writes.save(user=finance, record=Contribution(participation=theirs, year=2027))
    reason = refused.value.reason
    assert reason == "U mag geen gegevens van deze organisatie vastleggen of wijzigen."
    response = client_for(finance).post(
        reverse("admin:partnerships_contribution_add"),
        {"participation": theirs.pk, "year": 2027, "budgeted": "1000", "basis": "entered"},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"__all__": [reason]}

    response = Client().post(
        "/api/v1/bijdragen/",
        {"deelneming": theirs.pk, "jaar": 2027, "begroot": "1000.00"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {_write_key(finance)}",
    )
    assert response.status_code == 403
    body = response.json()
    assert body["detail"] == reason
    assert body["invalidParams"] == [{"name": "deelneming", "code": "refused", "reason": reason}]
    assert not Contribution.objects.filter(participation=theirs).exists()


def test_moving_a_contribution_onto_utrechts_participation_is_refused_alike_by_service_and_api(
    world,
):
    finance = world["finance"]
    own = factories.ContributionFactory(participation=world["participations"]["Enschede"])
    utrecht = world["participations"]["Utrecht"]
    moved = Contribution.objects.get(pk=own.pk)
    moved.participation = utrecht
    with pytest.raises(access.WriteRefused) as refused:
        writes.save(user=finance, record=moved, changed={"participation"})
    response = Client().patch(
        f"/api/v1/bijdragen/{own.pk}/",
        {"deelneming": utrecht.pk},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {_write_key(finance)}",
    )
    assert response.status_code == 403
    assert response.json()["detail"] == refused.value.reason
    assert [p["name"] for p in response.json()["invalidParams"]] == ["deelneming"]
    assert Contribution.objects.get(pk=own.pk).participation == world["participations"]["Enschede"]
