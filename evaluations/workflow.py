"""An evaluation's status: gepland → in uitvoering → afgerond, or vervallen with a reason.
Only through `evaluations.services.take_step`, by whoever may change the evaluation (the
griffie of its municipality or, for a whole cooperation, of a participant); history records
each change. This module holds the table of steps."""

from evaluations.choices import EvaluationStatus
from registry.models import RoleKind
from registry.workflow import Step, Workflow

S = EvaluationStatus
KEEPERS = frozenset({RoleKind.GRIFFIE})

WORKFLOW = Workflow(
    EvaluationStatus,
    [
        Step(S.PLANNED, S.IN_PROGRESS, KEEPERS),
        Step(S.IN_PROGRESS, S.COMPLETED, KEEPERS),
        Step(S.PLANNED, S.CANCELLED, KEEPERS, reason_required=True),
        Step(S.IN_PROGRESS, S.CANCELLED, KEEPERS, reason_required=True),
        Step(S.COMPLETED, S.IN_PROGRESS, KEEPERS, backwards=True),
    ],
)
