"""Every API list and the paragraph take a fixed number of queries whatever the data size:
the same count before and after ten more parties with participants, contributions, figures,
bodies, seats, legal bases and population figures, and more cost keys, risks, answers and
steps (pinned per reader)."""

import pytest
from django.test import Client

from evaluations.choices import EvaluationStatus
from partnerships.cycle.choices import ZienswijzeStatus
from tests import factories
from tests.conftest import client_for
from tests.site.conftest import YEAR
from tests.site.test_query_counts import grow

URLS = {
    "organisaties": "/api/v1/organisaties/",
    "samenwerkingsverbanden": "/api/v1/samenwerkingsverbanden/",
    "deelnemingen": f"/api/v1/deelnemingen/?jaar={YEAR}",
    "paragraaf": f"/api/v1/organisaties/GM0153/paragraaf/{YEAR}/",
    "organen": "/api/v1/organen/",
    "jaarcijfers": "/api/v1/jaarcijfers/",
    "bijdragen": "/api/v1/bijdragen/",
    "verdeelsleutels": "/api/v1/verdeelsleutels/",
    "cyclusstukken": "/api/v1/cyclusstukken/",
    "zienswijzen": "/api/v1/zienswijzen/",
    "evaluaties": "/api/v1/evaluaties/",
    # the party in full on each participation: its two prefetches, not a query per row
    "deelnemingen expand": f"/api/v1/deelnemingen/?jaar={YEAR}&expand=samenwerkingsverband",
    "deelnemingen fields": f"/api/v1/deelnemingen/?jaar={YEAR}&fields=id,zetels",
    "samenwerkingsverbanden fields": "/api/v1/samenwerkingsverbanden/?fields=code,themas",
}
# (reader, endpoint) -> queries, pinned
PINNED = {
    ("anonymous", "organisaties"): 3,
    ("anonymous", "samenwerkingsverbanden"): 4,
    ("anonymous", "deelnemingen"): 2,
    ("anonymous", "paragraaf"): 9,
    ("council Enschede", "organisaties"): 6,
    ("council Enschede", "samenwerkingsverbanden"): 7,
    ("council Enschede", "deelnemingen"): 5,
    ("council Enschede", "paragraaf"): 12,
    ("anonymous", "organen"): 3,
    ("anonymous", "jaarcijfers"): 3,
    ("anonymous", "bijdragen"): 2,
    ("anonymous", "verdeelsleutels"): 3,
    ("anonymous", "cyclusstukken"): 2,
    ("anonymous", "zienswijzen"): 2,
    ("anonymous", "evaluaties"): 4,
    ("council Enschede", "organen"): 6,
    ("council Enschede", "jaarcijfers"): 6,
    ("council Enschede", "bijdragen"): 5,
    ("council Enschede", "verdeelsleutels"): 6,
    ("council Enschede", "cyclusstukken"): 5,
    ("council Enschede", "zienswijzen"): 6,
    ("council Enschede", "evaluaties"): 8,
    ("anonymous", "deelnemingen expand"): 4,
    ("anonymous", "deelnemingen fields"): 2,
    ("anonymous", "samenwerkingsverbanden fields"): 4,
    ("council Enschede", "deelnemingen expand"): 7,
}


def nested_rows(enschede, almelo) -> None:
    """What only some lists read beneath their rows: a cost key's percentages, a year's
    risks, a completed evaluation's answers, a zienswijze's steps (decided, so public)."""
    party = factories.PartyFactory()
    key = factories.CostKeyFactory(party=party, method="fixed_percentages")
    for organisation in (enschede, almelo):
        factories.CostKeyPercentageFactory(key=key, organisation=organisation)
    factories.RiskFactory(figures=factories.AnnualFiguresFactory(party=party, year=YEAR))
    evaluation = factories.EvaluationFactory(
        party=party, status=EvaluationStatus.COMPLETED, public=True
    )
    factories.AnswerFactory(respondent=factories.RespondentFactory(evaluation=evaluation))
    factories.FollowUpActionFactory(evaluation=evaluation)
    zienswijze = factories.ZienswijzeFactory(
        document=factories.CycleDocumentFactory(party=party, year=YEAR),
        organisation=enschede,
        status=ZienswijzeStatus.DECIDED,
    )
    factories.ZienswijzeStepFactory(zienswijze=zienswijze)


def read(client, url, pinned: int, django_assert_num_queries) -> None:
    with django_assert_num_queries(pinned):
        response = client.get(url)
    assert response.status_code == 200, response.content


@pytest.mark.parametrize(("reader", "endpoint"), list(PINNED), ids=[" ".join(k) for k in PINNED])
def test_each_endpoint_takes_the_same_queries_at_two_sizes(
    site_world, readers, enschede, almelo, reader, endpoint, django_assert_num_queries
):
    """The counting query of the paging, the page, one per prefetch; logged in, the session,
    the user and its roles besides."""
    user = readers[reader]
    client = Client() if user is None else client_for(user)
    url, pinned = URLS[endpoint], PINNED[(reader, endpoint)]
    nested_rows(enschede, almelo)
    read(client, url, pinned, django_assert_num_queries)
    grow(enschede, almelo, 10)
    for _ in range(3):
        nested_rows(enschede, almelo)
    for organisation in (enschede, almelo):
        for year in (YEAR - 1, YEAR):
            factories.PopulationFigureFactory(organisation=organisation, year=year)
    read(client, url, pinned, django_assert_num_queries)


# With an API token: finding the token (with its user and organisation), the user's roles
# (a user's token), the page as for the same reader, and one insert in the audit trail; the
# token's last use is written on the first call of a minute only.
TOKEN_PINNED = {
    ("user token", "organisaties"): 6,
    ("user token", "samenwerkingsverbanden"): 7,
    ("user token", "deelnemingen"): 5,
    ("organisation token", "organisaties"): 5,
    ("organisation token", "samenwerkingsverbanden"): 6,
    ("organisation token", "deelnemingen"): 4,
}


@pytest.mark.parametrize(
    ("holder", "endpoint"), list(TOKEN_PINNED), ids=[" ".join(k) for k in TOKEN_PINNED]
)
def test_each_list_with_a_token_takes_the_same_queries_at_two_sizes(
    site_world, readers, enschede, almelo, issue_token, holder, endpoint, django_assert_num_queries
):
    if holder == "user token":
        _token, key = issue_token(user=readers["council Enschede"])
    else:
        _token, key = issue_token(organisation=enschede)
    client = Client(HTTP_AUTHORIZATION=f"Token {key}")
    url, pinned = URLS[endpoint], TOKEN_PINNED[(holder, endpoint)]
    assert client.get(url).status_code == 200  # the first call of the minute: last use too
    read(client, url, pinned, django_assert_num_queries)
    grow(enschede, almelo, 10)
    read(client, url, pinned, django_assert_num_queries)
