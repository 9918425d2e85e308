"""The access policies of the budget cycle, registered in CycleConfig.ready(): a party's
cycle documents are shared like its legal basis; a zienswijze is its municipality's own,
opened by the receipt of the draft budget (never registered by hand), its status moved only
by the steps of partnerships.cycle.services; the recorded steps are written only there."""

from django.db.models import Q

from partnerships.cycle.choices import ZienswijzeStatus as S
from partnerships.cycle.models import CycleDocument, RuleSet, Zienswijze, ZienswijzeStep
from registry import access
from registry.models import RoleKind
from registry.policies import OwnRecord, ReadOnly, ReferenceData, SharedRecord

KEEPERS = (RoleKind.GRIFFIE, RoleKind.FINANCE)


def register() -> None:
    """Public: the rule sets and every party's cycle documents; of a municipality that
    publishes, its zienswijzen once the council decided (never a draft or a proposal)."""
    access.register_public(RuleSet, Q())
    access.register_public(CycleDocument, Q())
    access.register_public(
        Zienswijze,
        Q(organisation__publishes=True, status__in=[S.DECIDED, S.SENT]),
    )
    access.register(RuleSet, ReferenceData())
    access.register(CycleDocument, SharedRecord("party"))
    access.register(
        Zienswijze,
        OwnRecord(
            "organisation",
            KEEPERS,
            party="document__party",
            locked=("document", "organisation"),
            creators=None,
        ),
    )
    access.register(
        ZienswijzeStep,
        ReadOnly(
            OwnRecord("zienswijze__organisation", KEEPERS, party="zienswijze__document__party")
        ),
    )
