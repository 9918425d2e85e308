"""What is public and what is not (issue 14, point 5), decided by the access module: reader
(anonymous / council member of the municipality / council member elsewhere / supervisor) ×
every page and every block on it. A row reads: on this page, this text is shown to these
readers and to no one else."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import client_for
from tests.site.conftest import ALL, ANONYMOUS, ELSEWHERE, OWN, SUPERVISOR, YEAR

GBT = ("site:cooperation", ["gbt"])
ENSCHEDE = ("site:municipality", ["GM0153"])
HOME = ("site:home", [])

# (page, block, text, readers who see it)
MATRIX = [
    # the cooperation page
    (GBT, "governance", "Wethouder Enschede", ALL),  # an office holder of a publisher
    (GBT, "governance", "Ambtenaar Enschede", {OWN, SUPERVISOR}),  # a civil servant
    (GBT, "governance", "Wethouder Almelo", {ELSEWHERE, SUPERVISOR}),  # Almelo does not publish
    (GBT, "participants", "€ 100.000,00", ALL),  # Enschede's contribution
    (GBT, "participants", "€ 200.000,00", {ELSEWHERE, SUPERVISOR}),  # Almelo's
    (GBT, "cycle", "Tekst Enschede", ALL),  # a decided zienswijze of a publisher
    (GBT, "cycle", "Tekst Almelo", {ELSEWHERE, SUPERVISOR}),
    (GBT, "evaluations", "Openbare evaluatie", ALL),
    (GBT, "evaluations", "Interne evaluatie", {OWN, ELSEWHERE, SUPERVISOR}),  # registry users
    (GBT, "evaluations", "Lopende evaluatie", set()),  # never while it runs
    # the next one counts from the last evaluation the reader may see: the public one of 2023
    (GBT, "next evaluation", "Volgende evaluatie:</strong> 05-10-2027", {ANONYMOUS}),
    (
        GBT,
        "next evaluation",
        "Volgende evaluatie:</strong> 01-06-2029",
        {OWN, ELSEWHERE, SUPERVISOR},
    ),
    (GBT, "evaluations", "Eigen evaluatie Enschede", ALL),
    (GBT, "evaluations", "Eigen evaluatie Almelo", {ELSEWHERE, SUPERVISOR}),
    (GBT, "what-if", "Als Enschede uittreedt", {OWN}),
    (GBT, "what-if", "Als Almelo uittreedt", {ELSEWHERE}),
    # the municipality page of Enschede (which publishes)
    (ENSCHEDE, "takings", "Gemeentelijk Belastingkantoor Twente", ALL),
    (ENSCHEDE, "costs", "€ 100.000", ALL),
    (ENSCHEDE, "due", "Zienswijze op ontwerpbegroting", {OWN, SUPERVISOR}),  # in preparation
    (ENSCHEDE, "due", "Actie benchmark kosten", {OWN, ELSEWHERE, SUPERVISOR}),  # an action
    # the start page
    (HOME, "municipalities", ">Enschede<", ALL),
    (HOME, "municipalities", ">Almelo<", {ELSEWHERE, SUPERVISOR}),
]


@pytest.fixture
def clients(site_world, readers):
    return {name: Client() if user is None else client_for(user) for name, user in readers.items()}


def _page(client, page):
    name, args = page
    response = client.get(reverse(name, args=args), {"jaar": YEAR} if args else {})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("page", "block", "text", "shown_to"),
    MATRIX,
    ids=[f"{page[0]}-{block}-{text}" for page, block, text, _ in MATRIX],
)
def test_each_block_shows_what_each_reader_may_see(clients, page, block, text, shown_to):
    seen = {reader for reader, client in clients.items() if text in _page(client, page)}
    assert seen == shown_to


@pytest.mark.parametrize(
    ("reader", "status"),
    [(ANONYMOUS, 404), (OWN, 404), (ELSEWHERE, 200), (SUPERVISOR, 200)],
)
def test_the_page_of_a_municipality_that_does_not_publish_is_only_for_its_readers(
    clients, reader, status
):
    url = reverse("site:municipality", args=["GM0141"])
    assert clients[reader].get(url).status_code == status


def test_a_municipality_that_is_not_offered_is_no_search_filter(clients):
    response = clients[ANONYMOUS].get(reverse("site:search"), {"gemeente": "GM0141"})
    assert response.status_code == 200
    assert "Deze keuze bestaat niet of is niet openbaar" in response.content.decode()
    assert "Gemeentelijk Belastingkantoor Twente" not in response.content.decode()


def test_the_search_tells_for_the_chosen_municipality_whether_a_party_is_a_verbonden_partij(
    clients,
):
    response = clients[ANONYMOUS].get(reverse("site:search"), {"gemeente": "GM0153"})
    page = response.content.decode()
    assert "2 samenwerkingsverbanden van Enschede" in page
    assert "Verbonden partij voor Enschede" in page
    assert "Almelo" not in page  # a participant that does not publish is not listed
