"""Writes on `bijdragen` go through registry.writes and the one write check, as in the admin:
the finance department of the participant records the budgeted and realised contribution of
its own participation, not another municipality's; a council member or a read key records
nothing; the model's rules are 400 with the field."""

from decimal import Decimal

from django.test import Client

from partnerships.choices import ContributionBasis, FiguresKind
from partnerships.models import AnnualFigures, Contribution, Participation
from registry import access
from registry.models import RoleKind, TokenScope
from tests import factories
from tests.api.conftest import auth, problem_of, send
from tests.site.conftest import YEAR

LIST = "/api/v1/bijdragen/"
OTHER_MUNICIPALITY = "U mag geen gegevens van deze organisatie vastleggen of wijzigen."


def _participation(organisation) -> Participation:
    return Participation.objects.get(party__code="gbt", organisation=organisation)


def _post(key, **body):
    return send("post", LIST, key, body)


def _patch(key, pk, **body):
    return send("patch", f"{LIST}{pk}/", key, body)


_problem = problem_of


def test_finance_records_the_contribution_of_its_own_participation(finance_key, enschede):
    finance, key = finance_key
    own = _participation(enschede)
    response = _post(
        key,
        deelneming=own.pk,
        jaar=YEAR + 1,
        begroot="104500.25",
        berekening="Begroting 2027, bijlage 3",
    )
    assert response.status_code == 201, response.content
    contribution = Contribution.objects.get(participation=own, year=YEAR + 1)
    assert contribution.budgeted == Decimal("104500.25")
    assert contribution.realised is None
    assert contribution.basis == ContributionBasis.ENTERED  # the admin's default
    body = response.json()
    assert body["begroot"] == "104500.25"
    assert body["organisatie"]["cbs_code"] == "GM0153"
    assert response["Location"].endswith(f"{LIST}{contribution.pk}/")
    history = contribution.history.first()
    assert history.history_user == finance
    assert history.history_change_reason.startswith("via API-sleutel ")


def test_finance_records_the_realised_contribution_and_deletes_one(finance_key, enschede):
    _finance, key = finance_key
    contribution = Contribution.objects.get(participation=_participation(enschede), year=YEAR)
    response = _patch(key, contribution.pk, gerealiseerd="98000.00")
    assert response.status_code == 200, response.content
    assert response.json()["gerealiseerd"] == "98000.00"
    contribution.refresh_from_db()
    assert contribution.realised == Decimal("98000.00")
    assert contribution.budgeted == Decimal("100000")  # not sent, not changed
    assert Client().delete(f"{LIST}{contribution.pk}/", **auth(key)).status_code == 204
    assert not Contribution.objects.filter(pk=contribution.pk).exists()


def test_another_municipalitys_participation_is_refused_naming_deelneming(finance_key, almelo):
    finance, key = finance_key
    other = _participation(almelo)
    # not read by Enschede either: refused by the write check, as any participation of another
    assert not access.scope(finance, Participation.objects.filter(pk=other.pk)).exists()
    response = _post(key, deelneming=other.pk, jaar=YEAR + 1, begroot="1.00")
    body = _problem(response, 403, ["deelneming"])
    assert body["detail"] == OTHER_MUNICIPALITY
    assert body["invalidParams"][0] == {
        "name": "deelneming",
        "code": "refused",
        "reason": OTHER_MUNICIPALITY,
    }
    assert not Contribution.objects.filter(participation=other, year=YEAR + 1).exists()


def test_another_municipalitys_contribution_is_not_changed_nor_deleted(finance_key, almelo):
    _finance, key = finance_key
    theirs = Contribution.objects.get(participation=_participation(almelo), year=YEAR)
    refused = _patch(key, theirs.pk, begroot="1.00")
    deleted = Client().delete(f"{LIST}{theirs.pk}/", **auth(key))
    # Almelo does not publish: its contribution is not read by Enschede, so not found
    assert refused.status_code == 404 and deleted.status_code == 404
    theirs.refresh_from_db()
    assert theirs.budgeted == Decimal("200000")


def test_moving_a_contribution_to_another_participation_is_refused_naming_deelneming(
    finance_key, enschede, almelo
):
    _finance, key = finance_key
    own = Contribution.objects.get(participation=_participation(enschede), year=YEAR)
    body = _problem(_patch(key, own.pk, deelneming=_participation(almelo).pk), 403, ["deelneming"])
    assert body["invalidParams"][0]["reason"] == body["detail"]
    own.refresh_from_db()
    assert own.participation == _participation(enschede)


def test_a_council_member_with_a_write_key_is_refused_by_the_write_check(
    site_world, enschede, issue_token
):
    council = factories.user_with_role(RoleKind.COUNCIL, enschede)
    _token, key = issue_token(user=council, scope=TokenScope.WRITE)
    own = _participation(enschede)
    record = Contribution(participation=own, year=YEAR + 1)
    reason = access.save_refusal(council, record, {"participation", "year"})
    assert reason
    # the admin's picker offers a council member no participation: the field is named
    body = _problem(_post(key, deelneming=own.pk, jaar=YEAR + 1), 403, ["deelneming"])
    assert body["detail"] == reason
    assert not Contribution.objects.filter(participation=own, year=YEAR + 1).exists()


def test_a_read_key_records_no_contribution(site_world, enschede, issue_token):
    _token, key = issue_token(organisation=enschede, scope=TokenScope.READ)
    own = Contribution.objects.get(participation=_participation(enschede), year=YEAR)
    response = _patch(key, own.pk, begroot="1.00")
    assert response.status_code == 403
    assert "lezen" in response.json()["detail"]
    own.refresh_from_db()
    assert own.budgeted == Decimal("100000")


def test_an_organisations_write_key_records_its_own_contribution(site_world, enschede, issue_token):
    _token, key = issue_token(organisation=enschede, scope=TokenScope.WRITE)
    response = _post(key, deelneming=_participation(enschede).pk, jaar=YEAR + 2, begroot="5")
    assert response.status_code == 201, response.content
    contribution = Contribution.objects.get(pk=response.json()["id"])
    assert contribution.history.first().history_user is None  # no account: the reason names it


def test_an_amount_with_three_decimals_is_400_naming_begroot(finance_key, enschede):
    _finance, key = finance_key
    response = _post(key, deelneming=_participation(enschede).pk, jaar=YEAR + 1, begroot="1.005")
    _problem(response, 400, ["begroot"])
    assert not Contribution.objects.filter(year=YEAR + 1).exists()


def test_a_year_out_of_the_models_range_is_400_naming_jaar(finance_key, enschede):
    _finance, key = finance_key
    response = _post(key, deelneming=_participation(enschede).pk, jaar=1850, begroot="10.00")
    body = _problem(response, 400, ["jaar"])
    assert body["detail"] == "De gegevens voldoen niet aan de regels van het register."
    assert not Contribution.objects.filter(year=1850).exists()


def test_a_second_contribution_for_the_same_year_is_400(finance_key, enschede):
    _finance, key = finance_key
    response = _post(key, deelneming=_participation(enschede).pk, jaar=YEAR, begroot="10.00")
    body = _problem(response, 400, [""])
    assert "bijdrage" in body["invalidParams"][0]["reason"].lower()
    assert Contribution.objects.filter(participation__organisation=enschede, year=YEAR).count() == 1


def test_an_unknown_participation_is_400_naming_deelneming(finance_key):
    _finance, key = finance_key
    missing = Participation.objects.order_by("pk").last().pk + 1
    _problem(_post(key, deelneming=missing, jaar=YEAR, begroot="10.00"), 400, ["deelneming"])
    assert not Contribution.objects.filter(participation_id=missing).exists()


# Annual figures (without their risks): kept by the finance department of a participant.

FIGURES = "/api/v1/jaarcijfers/"


def test_finance_of_a_participant_records_changes_and_deletes_the_figures(finance_key):
    finance, key = finance_key
    response = Client().post(
        FIGURES,
        {
            "samenwerkingsverband": "gbt",
            "jaar": YEAR + 1,
            "soort": FiguresKind.BUDGET,
            "lasten": "2500000.00",
            "resultaat": "-12000.50",
            "brondocument": "Begroting 2027",
        },
        content_type="application/json",
        **auth(key),
    )
    assert response.status_code == 201, response.content
    figures = AnnualFigures.objects.get(party__code="gbt", year=YEAR + 1)
    assert (figures.expenses, figures.result) == (Decimal("2500000.00"), Decimal("-12000.50"))
    assert figures.version == 1  # the admin's default
    assert response.json()["risicos"] == []
    assert figures.history.first().history_user == finance
    factories.RiskFactory(figures=figures)  # the risks go along: the same party's figures

    url = f"{FIGURES}{figures.pk}/"
    response = Client().patch(
        url, {"baten": "2490000"}, content_type="application/json", **auth(key)
    )
    assert response.status_code == 200, response.content
    assert response.json()["baten"] == "2490000.00"
    assert Client().delete(url, **auth(key)).status_code == 204
    assert not AnnualFigures.objects.filter(pk=figures.pk).exists()


def test_figures_of_a_party_finance_does_not_take_part_in_are_refused_naming_the_party(
    finance_key, utrecht_city
):
    finance, key = finance_key
    other = factories.PartyFactory(name="Regio Utrecht", code="regio-utrecht")
    factories.ParticipationFactory(party=other, organisation=utrecht_city)
    reason = access.save_refusal(finance, AnnualFigures(party=other, year=YEAR, kind="budget"))
    response = Client().post(
        FIGURES,
        {"samenwerkingsverband": "regio-utrecht", "jaar": YEAR, "soort": FiguresKind.BUDGET},
        content_type="application/json",
        **auth(key),
    )
    body = _problem(response, 403, ["samenwerkingsverband"])
    assert body["detail"] == reason
    assert "financiën" in reason
    assert not AnnualFigures.objects.filter(party=other).exists()


def test_negative_expenses_are_400_naming_lasten(finance_key):
    _finance, key = finance_key
    response = Client().post(
        FIGURES,
        {"samenwerkingsverband": "gbt", "jaar": YEAR + 1, "soort": "budget", "lasten": "-1.00"},
        content_type="application/json",
        **auth(key),
    )
    _problem(response, 400, ["lasten"])
    assert not AnnualFigures.objects.filter(year=YEAR + 1).exists()


def test_a_read_key_or_a_council_member_records_no_figures(site_world, enschede, issue_token):
    _token, read_key = issue_token(organisation=enschede, scope=TokenScope.READ)
    council = factories.user_with_role(RoleKind.COUNCIL, enschede)
    _token, council_key = issue_token(user=council, scope=TokenScope.WRITE)
    figures = AnnualFigures.objects.get(party__code="gbt", year=YEAR)
    stored = AnnualFigures.objects.get(pk=figures.pk)
    figures.expenses = Decimal("1.00")
    council_reason = access.save_refusal(council, figures, {"expenses"}, stored=stored)
    assert council_reason
    answers = {
        key: Client().patch(
            f"{FIGURES}{figures.pk}/",
            {"lasten": "1.00"},
            content_type="application/json",
            **auth(key),
        )
        for key in (read_key, council_key)
    }
    assert answers[read_key].status_code == 403
    assert "lezen" in answers[read_key].json()["detail"]
    # the figures as a whole are not the council member's to keep: no field to name
    assert _problem(answers[council_key], 403, [])["detail"] == council_reason
    assert AnnualFigures.objects.get(pk=figures.pk).expenses == stored.expenses
