"""A small world for the public pages: the GBT with Enschede (which publishes) and Almelo
(which does not), their contributions, seats of office holders and of a civil servant,
zienswijzen decided and in preparation, and evaluations public, internal, running and of one
municipality's own participation."""

import datetime
from decimal import Decimal

import pytest

from evaluations.choices import EvaluationStatus
from partnerships.choices import BodyKind, SeatHolderRole
from partnerships.cycle.choices import CouncilDecision, DocumentKind, ZienswijzeStatus
from registry.models import RoleKind
from tests import factories

YEAR = datetime.date.today().year


@pytest.fixture
def site_world(enschede, almelo):
    enschede.publishes = True
    enschede.save()
    gbt = factories.PartyFactory(
        name="Gemeentelijk Belastingkantoor Twente",
        short_name="GBT",
        code="gbt",
        start_date=datetime.date(2009, 1, 1),
        public_interest="Belastingen heffen voor de deelnemers",
    )
    own = factories.ParticipationFactory(party=gbt, organisation=enschede)
    other = factories.ParticipationFactory(party=gbt, organisation=almelo)
    factories.ContributionFactory(participation=own, year=YEAR, budgeted=Decimal("100000"))
    factories.ContributionFactory(participation=other, year=YEAR, budgeted=Decimal("200000"))
    factories.AnnualFiguresFactory(party=gbt, year=YEAR, contributions_total=Decimal("300000"))
    board = factories.BodyFactory(party=gbt, kind=BodyKind.GENERAL_BOARD)
    for organisation, name, role in (
        (enschede, "Wethouder Enschede", SeatHolderRole.ALDERMAN),
        (enschede, "Ambtenaar Enschede", SeatHolderRole.CIVIL_SERVANT),
        (almelo, "Wethouder Almelo", SeatHolderRole.ALDERMAN),
    ):
        factories.SeatFactory(
            body=board, organisation=organisation, person_name=name, holder_role=role
        )
    draft = factories.CycleDocumentFactory(
        party=gbt, year=YEAR, kind=DocumentKind.DRAFT_BUDGET, received_on=datetime.date.today()
    )
    for organisation, text in ((enschede, "Tekst Enschede"), (almelo, "Tekst Almelo")):
        factories.ZienswijzeFactory(
            document=draft,
            organisation=organisation,
            status=ZienswijzeStatus.DECIDED,
            decision=CouncilDecision.REMARKS,
            text=text,
        )
    vrt = factories.PartyFactory(name="Veiligheidsregio Twente", code="vrt")
    factories.ParticipationFactory(party=vrt, organisation=enschede)
    vrt_draft = factories.CycleDocumentFactory(
        party=vrt, year=YEAR + 1, kind=DocumentKind.DRAFT_BUDGET, received_on=datetime.date.today()
    )
    factories.ZienswijzeFactory(
        document=vrt_draft,
        organisation=enschede,
        status=ZienswijzeStatus.IN_PREPARATION,
        due_on=datetime.date.today() + datetime.timedelta(days=20),
    )
    done = {"status": EvaluationStatus.COMPLETED, "actual_end": datetime.date(2023, 10, 5)}
    public = factories.EvaluationFactory(
        party=gbt, title="Openbare evaluatie", public=True, conclusions="Doelmatig.", **done
    )
    factories.EvaluationFactory(  # later than the public one: it moves the next due date
        party=gbt,
        title="Interne evaluatie",
        status=EvaluationStatus.COMPLETED,
        actual_end=datetime.date(2025, 6, 1),
    )
    factories.EvaluationFactory(
        party=gbt, title="Lopende evaluatie", status=EvaluationStatus.IN_PROGRESS
    )
    factories.EvaluationFactory(
        party=gbt, organisation=enschede, title="Eigen evaluatie Enschede", public=True, **done
    )
    factories.EvaluationFactory(
        party=gbt, organisation=almelo, title="Eigen evaluatie Almelo", public=True, **done
    )
    factories.FollowUpActionFactory(
        evaluation=public,
        description="Actie benchmark kosten",
        due_on=datetime.date.today() + datetime.timedelta(days=10),
    )
    return {"gbt": gbt, "vrt": vrt}


# The readers of the public matrix and the API's: anonymous / council member of the
# municipality / council member elsewhere / supervisor.
ANONYMOUS, OWN, ELSEWHERE, SUPERVISOR = (
    "anonymous",
    "council Enschede",
    "council Almelo",
    "supervisor",
)
ALL = {ANONYMOUS, OWN, ELSEWHERE, SUPERVISOR}


@pytest.fixture
def readers(enschede, almelo):
    return {
        ANONYMOUS: None,
        OWN: factories.user_with_role(RoleKind.COUNCIL, enschede),
        ELSEWHERE: factories.user_with_role(RoleKind.COUNCIL, almelo),
        SUPERVISOR: factories.user_with_role(RoleKind.SUPERVISOR, enschede.province),
    }
