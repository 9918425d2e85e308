"""An evaluation's status: gepland → in uitvoering → afgerond, or vervallen with a reason.
Only through `take_step`, by whoever may change the evaluation (the griffie of its
municipality or, for a whole cooperation, of a participant); history records each change."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations.choices import EvaluationStatus
from evaluations.models import Evaluation
from registry import access
from registry.models import RoleKind
from registry.workflow import Step, StepRefused, Workflow

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


@transaction.atomic
def take_step(
    evaluation: Evaluation,
    target: str,
    user,
    *,
    comment: str = "",
    on: datetime.date | None = None,
) -> Evaluation:
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    g = access.grants(user)
    roles = KEEPERS if access.can(user, access.CHANGE, evaluation) else frozenset()
    WORKFLOW.check(evaluation.status, target, roles, g.is_admin, comment)
    day = on or timezone.localdate()
    if target == S.IN_PROGRESS and evaluation.actual_start is None:
        evaluation.actual_start = day
    if target == S.COMPLETED:
        if not evaluation.conclusions.strip():
            raise StepRefused(_("Een afgeronde evaluatie heeft conclusies; vul ze eerst in."))
        if evaluation.actual_start and day < evaluation.actual_start:
            raise StepRefused(_("De einddatum ligt vóór de start van de evaluatie."))
        evaluation.actual_end = day
    if target == S.CANCELLED:
        evaluation.cancel_reason = comment.strip()
    if target == S.IN_PROGRESS and evaluation.status == S.COMPLETED:
        evaluation.actual_end = None
    evaluation.status = target
    evaluation._change_reason = comment
    evaluation.save()
    return evaluation
