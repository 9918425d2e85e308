"""The zienswijze workflow: received → in preparation → decided by the council → sent.

The only way a zienswijze changes status is `partnerships.cycle.services.take_step`: it
refuses a step that does not exist (no skipping), a step back without a reason, and a step
the user's role for that municipality does not allow (`check_step`, here); every step taken
is recorded (who, when, comment).
"""

from partnerships.cycle.choices import DocumentKind, ZienswijzeStatus
from partnerships.cycle.models import Zienswijze
from registry import access
from registry.models import RoleKind
from registry.workflow import Step, Workflow

S = ZienswijzeStatus
GRIFFIE, FINANCE = RoleKind.GRIFFIE, RoleKind.FINANCE

WORKFLOW = Workflow(
    ZienswijzeStatus,
    [
        Step(S.RECEIVED, S.IN_PREPARATION, frozenset({GRIFFIE, FINANCE})),
        Step(S.IN_PREPARATION, S.DECIDED, frozenset({GRIFFIE})),
        Step(S.DECIDED, S.SENT, frozenset({GRIFFIE})),
        Step(S.IN_PREPARATION, S.RECEIVED, frozenset({GRIFFIE, FINANCE}), backwards=True),
        Step(S.DECIDED, S.IN_PREPARATION, frozenset({GRIFFIE}), backwards=True),
    ],
)

# Documents on which the councils are asked for a zienswijze (Wgr art. 35: the ontwerpbegroting;
# lid 5: begrotingswijzigingen, unless the regeling exempts their category).
ZIENSWIJZE_DOCUMENTS = (DocumentKind.DRAFT_BUDGET, DocumentKind.BUDGET_AMENDMENT)


def check_step(zienswijze: Zienswijze, target: str, user, comment: str = "") -> Step:
    g = access.grants(user)
    return WORKFLOW.check(
        zienswijze.status,
        target,
        g.roles_for(zienswijze.organisation_id),
        g.is_admin,
        comment,
    )
