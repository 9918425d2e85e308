"""The access policies of evaluations, registered in EvaluationsConfig.ready(): an
evaluation of a whole party is shared like its legal basis; one of a single participation
("alleen de deelname van"), with its respondents and actions, is that municipality's own.
Which of the two an evaluation is, and of which party, never changes after it was
registered. A respondent and their answers are read only by who keeps the evaluation (and
administrators): everyone else sees what the respondents answered together."""

from django.db.models import Q

from evaluations.choices import EvaluationStatus
from evaluations.models import Answer, Criterion, Evaluation, FollowUpAction, Respondent
from registry import access
from registry.access import CHANGE, VIEW
from registry.policies import OwnOrShared, Policy, ReferenceData


class KeptOnly(Policy):
    """Like `inner`, but read only by who may change the records (not by every reader)."""

    def __init__(self, inner: Policy):
        self.inner = inner
        self.party = inner.party
        self.locked = inner.locked
        self.created_by = inner.created_by

    def rows(self, g, action):
        return self.inner.rows(g, CHANGE)

    def allows(self, g, record, action):
        return self.inner.allows(g, record, CHANGE if action == VIEW else action)

    def refusal(self, g, record):
        return self.inner.refusal(g, record)

    def editable(self, g, record, names):
        return self.inner.editable(g, record, names)


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
    access.register(Criterion, ReferenceData())
    access.register(
        Evaluation, OwnOrShared("organisation", "party", locked=("party", "organisation"))
    )
    access.register(
        FollowUpAction,
        OwnOrShared("evaluation__organisation", "evaluation__party", locked=("evaluation",)),
    )
    access.register(
        Respondent,
        KeptOnly(
            OwnOrShared("evaluation__organisation", "evaluation__party", locked=("evaluation",))
        ),
    )
    access.register(
        Answer,
        KeptOnly(
            OwnOrShared(
                "respondent__evaluation__organisation",
                "respondent__evaluation__party",
                locked=("respondent",),
            )
        ),
    )
