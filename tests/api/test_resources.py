"""The API's resources besides organisations, parties and participations: bodies and seats,
annual figures and risks, contributions, cost keys, cycle documents, zienswijzen and
evaluations. Each reader gets what the public pages show it (tests/site/conftest.py)."""

import pytest

from tests.api.conftest import rows as _rows
from tests.site.conftest import ALL, ANONYMOUS, ELSEWHERE, OWN, SUPERVISOR, YEAR


def _seen_by(clients, found) -> set[str]:
    return {reader for reader, client in clients.items() if found(client)}


def _seat_names(client):
    return {seat["naam"] for body in _rows(client, "/api/v1/organen/") for seat in body["zetels"]}


@pytest.mark.parametrize(
    ("name", "shown_to"),
    [
        # an office holder of a municipality that publishes: public
        ("Wethouder Enschede", ALL),
        # of a municipality that does not publish: its own council and the supervisor
        ("Wethouder Almelo", {ELSEWHERE, SUPERVISOR}),
        # a civil servant's seat is never public
        ("Ambtenaar Enschede", {OWN, SUPERVISOR}),
    ],
)
def test_a_seat_is_shown_as_the_public_pages_show_it(clients, name, shown_to):
    assert _seen_by(clients, lambda client: name in _seat_names(client)) == shown_to


def test_a_body_names_its_party_and_kind_in_words(clients):
    (board,) = _rows(clients[ANONYMOUS], "/api/v1/organen/", samenwerkingsverband="gbt")
    assert board["samenwerkingsverband"]["code"] == "gbt"
    assert board["soort_omschrijving"] == "Algemeen bestuur"


def test_contributions_of_a_municipality_that_does_not_publish_stay_with_its_readers(clients):
    def amounts(client, cbs_code):
        rows = _rows(client, "/api/v1/bijdragen/", organisatie=cbs_code, jaar=YEAR)
        return [(row["samenwerkingsverband"]["code"], row["begroot"]) for row in rows]

    assert amounts(clients[ANONYMOUS], "GM0153") == [("gbt", "100000.00")]
    assert amounts(clients[ANONYMOUS], "GM0141") == []
    assert amounts(clients[ELSEWHERE], "GM0141") == [("gbt", "200000.00")]
    assert amounts(clients[OWN], "GM0141") == []


def test_annual_figures_are_public_and_filtered_by_party_and_year(clients):
    rows = _rows(clients[ANONYMOUS], "/api/v1/jaarcijfers/", samenwerkingsverband="gbt", jaar=YEAR)
    assert [(row["jaar"], row["bijdragen_deelnemers"]) for row in rows] == [(YEAR, "300000.00")]
    assert _rows(clients[ANONYMOUS], "/api/v1/jaarcijfers/", jaar=YEAR - 5) == []


def test_a_zienswijze_is_public_once_the_council_decided_and_only_if_it_publishes(clients):
    def texts(client):
        return {
            (row["organisatie"]["naam"], row["status"])
            for row in _rows(client, "/api/v1/zienswijzen/")
        }

    assert texts(clients[ANONYMOUS]) == {("Enschede", "decided")}
    # its own council reads its zienswijze in preparation too
    assert ("Enschede", "in_preparation") in texts(clients[OWN])
    assert ("Almelo", "decided") in texts(clients[ELSEWHERE])


def test_a_cycle_document_carries_its_deadline_and_state(clients):
    (draft,) = _rows(
        clients[ANONYMOUS], "/api/v1/cyclusstukken/", samenwerkingsverband="gbt", jaar=YEAR
    )
    assert draft["soort_omschrijving"] == "Ontwerpbegroting"
    assert draft["stand"] in {"expected", "overdue", "on_time", "late", "no_deadline"}
    assert draft["stand_omschrijving"]


def _titles(client, **params):
    return {row["titel"] for row in _rows(client, "/api/v1/evaluaties/", **params)}


@pytest.mark.parametrize(
    ("title", "shown_to"),
    [
        ("Openbare evaluatie", ALL),
        ("Eigen evaluatie Enschede", ALL),
        ("Eigen evaluatie Almelo", {ELSEWHERE, SUPERVISOR}),
        ("Lopende evaluatie", {OWN, ELSEWHERE, SUPERVISOR}),
        ("Interne evaluatie", {OWN, ELSEWHERE, SUPERVISOR}),
    ],
)
def test_an_evaluation_is_shown_as_the_public_pages_show_it(clients, title, shown_to):
    assert _seen_by(clients, lambda client: title in _titles(client)) == shown_to


def test_follow_up_actions_are_never_public(clients):
    def actions(client):
        rows = _rows(client, "/api/v1/evaluaties/", samenwerkingsverband="gbt")
        return {action["actie"] for row in rows for action in row["vervolgacties"]}

    assert actions(clients[ANONYMOUS]) == set()
    assert actions(clients[OWN]) == {"Actie benchmark kosten"}


def test_every_new_resource_is_on_the_root_and_answers_unknown_ids_with_problem_details(clients):
    root = clients[ANONYMOUS].get("/api/v1/").json()
    for name in (
        "organen",
        "jaarcijfers",
        "bijdragen",
        "verdeelsleutels",
        "cyclusstukken",
        "zienswijzen",
        "evaluaties",
    ):
        assert name in root
        response = clients[ANONYMOUS].get(f"/api/v1/{name}/999999/")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/problem+json")
