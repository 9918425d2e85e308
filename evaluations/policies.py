"""The access policies of evaluations, registered in EvaluationsConfig.ready(): an
evaluation of a whole party is shared like its legal basis; one of a single participation
("alleen de deelname van"), with its scores and actions, is that municipality's own. Which
of the two an evaluation is, and of which party, never changes after it was registered."""

from django.db.models import Q

from evaluations.choices import EvaluationStatus
from evaluations.models import Criterion, Evaluation, FollowUpAction, Score
from registry import access
from registry.policies import OwnOrShared, ReferenceData


def public_evaluations(prefix: str = "") -> Q:
    """Completed evaluations marked public, of a whole party or of a municipality that
    publishes. Never public: one in progress or not marked public; its follow-up actions."""
    completed = Q(**{f"{prefix}status": EvaluationStatus.COMPLETED, f"{prefix}public": True})
    whose = Q(**{f"{prefix}organisation__isnull": True}) | Q(
        **{f"{prefix}organisation__publishes": True}
    )
    return completed & whose


def register() -> None:
    access.register_public(Criterion, Q())
    access.register_public(Evaluation, public_evaluations())
    access.register_public(Score, public_evaluations("evaluation__"))
    access.register(Criterion, ReferenceData())
    access.register(
        Evaluation, OwnOrShared("organisation", "party", locked=("party", "organisation"))
    )
    for model in (Score, FollowUpAction):
        access.register(
            model,
            OwnOrShared("evaluation__organisation", "evaluation__party", locked=("evaluation",)),
        )
