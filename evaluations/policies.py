"""The access policies of evaluations, registered in EvaluationsConfig.ready(): an
evaluation of a whole party is shared like its legal basis; one of a single participation
("alleen de deelname van"), with its scores and actions, is that municipality's own. Which
of the two an evaluation is, and of which party, never changes after it was registered."""

from evaluations.models import Criterion, Evaluation, FollowUpAction, Score
from registry import access
from registry.policies import OwnOrShared, ReferenceData


def register() -> None:
    access.register(Criterion, ReferenceData())
    access.register(
        Evaluation, OwnOrShared("organisation", "party", locked=("party", "organisation"))
    )
    for model in (Score, FollowUpAction):
        access.register(
            model,
            OwnOrShared("evaluation__organisation", "evaluation__party", locked=("evaluation",)),
        )
