"""Admin change forms, their inlines and history pages take a fixed number of queries
whatever the number of participants, seats, documents or history records (issue 18, point
1): pinned at two sizes like the changelists (tests/partnerships/test_admin_query_counts.py).
A change that adds a query per inline row, or per history record, shows up here."""

import pytest
from django.urls import reverse

from partnerships.choices import BodyKind
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for, count_queries

# (role, page): the pinned query count, the same at 3 and at 30 rows.
PINNED = {
    ("admin", "party"): 8,
    ("admin", "body"): 6,
    ("admin", "organisation"): 5,
    ("admin", "participation"): 6,
    ("admin", "cycledocument"): 5,
    ("admin", "zienswijze"): 8,
    ("admin", "evaluation"): 11,
    ("admin", "party_history"): 8,
    ("admin", "participation_history"): 6,
    ("supervisor", "party"): 12,
    ("supervisor", "body"): 10,
    ("supervisor", "evaluation"): 12,
    ("supervisor", "party_history"): 13,
}


class Cooperation:
    """One party that grows: participants (each with a seat in the general board, a
    zienswijze on the draft budget), legal bases, financial interests of one participation,
    respondents and follow-up actions of an evaluation, and history records."""

    def __init__(self, enschede):
        self.enschede = enschede
        self.party = factories.PartyFactory()
        self.own = factories.ParticipationFactory(party=self.party, organisation=enschede)
        self.board = factories.BodyFactory(party=self.party, kind=BodyKind.GENERAL_BOARD)
        self.document = factories.CycleDocumentFactory(party=self.party)
        self.zienswijze = factories.ZienswijzeFactory(document=self.document, organisation=enschede)
        self.evaluation = factories.EvaluationFactory(party=self.party)
        self.year = 2000

    def grow(self, rows: int):
        for _ in range(rows):
            other = factories.MunicipalityFactory(province=self.enschede.province)
            factories.ParticipationFactory(party=self.party, organisation=other)
            factories.SeatFactory(body=self.board, organisation=other)
            factories.LegalBasisFactory(party=self.party)
            factories.ZienswijzeFactory(document=self.document, organisation=other)
            factories.ZienswijzeStepFactory(zienswijze=self.zienswijze)
            factories.FinancialInterestFactory(participation=self.own, year=self.year)
            factories.RespondentFactory(evaluation=self.evaluation)
            factories.FollowUpActionFactory(evaluation=self.evaluation)
            factories.PopulationFigureFactory(organisation=self.enschede, year=self.year)
            self.year += 1
            # a history record each, by someone
            self.party.description = f"Versie {self.year}"
            self.party.save()
            self.own.notes = f"Versie {self.year}"
            self.own.save()

    def url(self, page: str) -> str:
        pages = {
            "party": ("partnerships_party_change", self.party.pk),
            "body": ("partnerships_body_change", self.board.pk),
            "organisation": ("registry_organisation_change", self.enschede.pk),
            "participation": ("partnerships_participation_change", self.own.pk),
            "cycledocument": ("cycle_cycledocument_change", self.document.pk),
            "zienswijze": ("cycle_zienswijze_change", self.zienswijze.pk),
            "evaluation": ("evaluations_evaluation_change", self.evaluation.pk),
            "party_history": ("partnerships_party_history", self.party.pk),
            "participation_history": ("partnerships_participation_history", self.own.pk),
        }
        name, pk = pages[page]
        return reverse(f"admin:{name}", args=[pk])


@pytest.mark.parametrize(("role", "page"), list(PINNED))
def test_change_form_query_count_does_not_grow_with_rows(enschede, role, page):
    if role == "admin":
        user = factories.admin_user()
    else:
        user = factories.user_with_role(RoleKind.SUPERVISOR, enschede.province)
    client = client_for(user)
    cooperation = Cooperation(enschede)
    url = cooperation.url(page)
    client.get(url)  # warm-up: content types and other process caches

    cooperation.grow(3)
    few = count_queries(client, url)
    cooperation.grow(27)
    many = count_queries(client, url)

    assert (few, many) == (PINNED[(role, page)],) * 2
