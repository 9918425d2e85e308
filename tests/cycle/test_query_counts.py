"""The lists of the cycle and the evaluations, and opening zienswijzen, take a fixed number
of queries whatever the number of rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.choices import Performer
from evaluations.models import Evaluation
from partnerships.cycle import services as cycle_services
from partnerships.cycle.choices import DocumentKind
from partnerships.cycle.services import open_zienswijzen
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for, count_queries

PINNED = {
    "cycle_cycledocument": 8,
    "cycle_zienswijze": 8,
    "evaluations_evaluation": 7,
}


def add_parties(enschede, count: int) -> None:
    for number in range(count):
        party = factories.PartyFactory()
        factories.ParticipationFactory(party=party, organisation=enschede)
        factories.ParticipationFactory(
            party=party, organisation=factories.MunicipalityFactory(province=enschede.province)
        )
        draft = {
            d.kind: d for d in cycle_services.ensure_cycle(party, 2027, user=factories.SERVER)
        }[DocumentKind.DRAFT_BUDGET]
        draft.received_on = datetime.date(2026, 4, 1)
        draft.save()
        open_zienswijzen(draft)
        Evaluation.objects.create(party=party, title=f"E{number}", performer=Performer.INTERNAL)


@pytest.mark.parametrize("model", sorted(PINNED))
def test_changelist_queries_are_fixed(enschede, model):
    client = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    url = reverse(f"admin:{model}_changelist")
    add_parties(enschede, 2)
    few = count_queries(client, url)
    add_parties(enschede, 8)
    assert (few, count_queries(client, url)) == (PINNED[model], PINNED[model])


def test_opening_zienswijzen_takes_the_same_queries_for_2_or_20_participants(enschede):
    def queries(participants: int) -> int:
        party = factories.PartyFactory()
        for _ in range(participants):
            factories.ParticipationFactory(
                party=party, organisation=factories.MunicipalityFactory()
            )
        draft = {
            d.kind: d for d in cycle_services.ensure_cycle(party, 2027, user=factories.SERVER)
        }[DocumentKind.DRAFT_BUDGET]
        draft.received_on = datetime.date(2026, 4, 1)
        draft.save()
        with CaptureQueriesContext(connection) as captured:
            assert len(open_zienswijzen(draft)) == participants
        return len(captured)

    assert queries(2) == queries(20)
