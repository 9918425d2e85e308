"""The two halves of each access policy agree: the rows a list shows as changeable (a Q) are
exactly the records the write check lets the same user change (judged in memory). And
every model the access module knows has a factory (tests/factories/)."""

import pytest

import tests.factories as factories
from partnerships.choices import BodyKind, Confirmation
from registry import access
from registry.models import RoleKind

ALL_FACTORIES = [getattr(factories, name) for name in factories.__all__ if name.endswith("Factory")]


@pytest.fixture
def records(enschede, almelo, utrecht_city):
    """One record of every model, for a party Enschede keeps and one it does not."""
    own_party = factories.PartyFactory(name="Eigen")
    other_party = factories.PartyFactory(name="Ander")
    made = []
    for party, organisation in ((own_party, enschede), (other_party, utrecht_city)):
        participation = factories.ParticipationFactory(party=party, organisation=organisation)
        body = factories.BodyFactory(party=party, kind=BodyKind.GENERAL_BOARD)
        figures = factories.AnnualFiguresFactory(party=party)
        key = factories.CostKeyFactory(party=party, method="fixed_percentages")
        document = factories.CycleDocumentFactory(party=party)
        zienswijze = factories.ZienswijzeFactory(document=document, organisation=organisation)
        shared = factories.EvaluationFactory(party=party)
        own = factories.EvaluationFactory(party=party, organisation=organisation)
        made += [
            party,
            participation,
            body,
            figures,
            key,
            document,
            zienswijze,
            shared,
            own,
            factories.SeatFactory(body=body, organisation=organisation),
            factories.SeatFactory(body=body, organisation=None),
            factories.LegalBasisFactory(party=party),
            factories.RiskFactory(figures=figures),
            factories.CostKeyPercentageFactory(key=key, organisation=organisation),
            factories.UsageFigureFactory(party=party, organisation=organisation),
            factories.ContributionFactory(participation=participation),
            factories.FinancialInterestFactory(participation=participation),
            factories.ParagraphTextFactory(organisation=organisation),
            factories.ZienswijzeStepFactory(zienswijze=zienswijze),
            factories.RespondentFactory(evaluation=own),
            factories.AnswerFactory(respondent__evaluation=shared),
            factories.AnswerFactory(respondent__evaluation=own),
            factories.FollowUpActionFactory(evaluation=own),
            factories.ParagraphTemplateFactory(organisation=organisation),
        ]
    factories.ParticipationFactory(
        party=other_party, organisation=almelo, confirmation=Confirmation.PENDING
    )
    return made


USERS = {
    "griffie": (RoleKind.GRIFFIE, "enschede"),
    "finance": (RoleKind.FINANCE, "enschede"),
    "council": (RoleKind.COUNCIL, "enschede"),
    "griffie elsewhere": (RoleKind.GRIFFIE, "utrecht_city"),
    "supervisor": (RoleKind.SUPERVISOR, "overijssel"),
}


@pytest.mark.parametrize("role", list(USERS))
def test_the_rows_and_the_record_check_of_every_policy_agree(request, records, role):
    kind, fixture = USERS[role]
    user = factories.user_with_role(kind, request.getfixturevalue(fixture))
    g = access.grants(user)
    disagreements = []
    for record in records:
        policy = access.policy_for(type(record))
        in_rows = access.scope(user, type(record).objects.filter(pk=record.pk), "change").exists()
        if policy.allows(g, record, "change") != in_rows:
            disagreements.append(f"{type(record).__name__} {record}")
    assert disagreements == []


def test_every_model_with_a_policy_has_a_factory(db):
    covered = {f._meta.model for f in ALL_FACTORIES}
    assert set(access.registered_models()) - covered == set()
    for factory in ALL_FACTORIES:
        assert factory().pk is not None
