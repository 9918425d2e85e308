"""Every write of evaluations: the records through registry.writes (the write check and
the model's rules), and the status steps of an evaluation (`take_step`)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations.models import Evaluation
from evaluations.workflow import KEEPERS, WORKFLOW, S
from registry import access
from registry.workflow import StepRefused


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
    if getattr(user, "pk", None):
        evaluation._history_user = user
    evaluation.save()
    return evaluation


def register() -> None:
    """Evaluations, scores and actions have no side effects on saving."""
