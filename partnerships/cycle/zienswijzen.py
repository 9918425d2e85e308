"""The zienswijze workflow: received → in preparation → decided by the council → sent.

The only way a zienswijze changes status is `take_step`: it refuses a step that does not
exist (no skipping), a step back without a reason, and a step the user's role for that
municipality does not allow; every step taken is recorded (who, when, comment).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from partnerships.cycle.calendar import rule_set_for, zienswijze_deadline
from partnerships.cycle.choices import CouncilDecision, DocumentKind, ZienswijzeStatus
from partnerships.cycle.models import CycleDocument, RuleSet, Zienswijze, ZienswijzeStep
from registry import access
from registry.models import OrganisationKind, RoleKind
from registry.periods import overlaps_q
from registry.workflow import Step, StepRefused, Workflow

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

# Documents on which the councils are asked for a zienswijze (Wgr art. 35).
ZIENSWIJZE_DOCUMENTS = (DocumentKind.DRAFT_BUDGET,)


@transaction.atomic
def open_zienswijzen(document: CycleDocument) -> list[Zienswijze]:
    """One zienswijze per municipality taking part on the day the draft arrived; the deadline
    of each follows the receipt. Call again after the receipt date changes: the open ones
    move with it (in a fixed number of queries, whatever the number of participants)."""
    if document.kind not in ZIENSWIJZE_DOCUMENTS or document.received_on is None:
        return []
    rules = rule_set_for(document.kind, document.year, list(RuleSet.objects.all()))
    due_on = zienswijze_deadline(document, rules)
    participants = (
        document.party.participations.filter(
            overlaps_q(document.received_on, document.received_on),
            organisation__kind=OrganisationKind.MUNICIPALITY,
        )
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    existing = {z.organisation_id: z for z in document.zienswijzen.all()}
    new = [
        Zienswijze(document=document, organisation_id=organisation_id, due_on=due_on)
        for organisation_id in participants
        if organisation_id not in existing
    ]
    moved = [z for z in existing.values() if z.due_on != due_on]
    for zienswijze in moved:
        zienswijze.due_on = due_on
    bulk_create_with_history(new, Zienswijze)
    bulk_update_with_history(moved, Zienswijze, ["due_on"])
    return [*existing.values(), *new]


def refresh_due_dates() -> int:
    """After a rule set changed: the deadline of every zienswijze on a received draft again.
    Returns how many zienswijzen there are on those drafts."""
    drafts = CycleDocument.objects.filter(
        kind__in=ZIENSWIJZE_DOCUMENTS, received_on__isnull=False
    ).select_related("party")
    return sum(len(open_zienswijzen(draft)) for draft in drafts)


def check_step(zienswijze: Zienswijze, target: str, user, comment: str = "") -> Step:
    g = access.grants(user)
    return WORKFLOW.check(
        zienswijze.status,
        target,
        g.roles_for(zienswijze.organisation_id),
        g.is_admin,
        comment,
    )


@transaction.atomic
def take_step(
    zienswijze: Zienswijze,
    target: str,
    user,
    *,
    comment: str = "",
    decision: str = "",
    text: str = "",
    on: datetime.date | None = None,
) -> ZienswijzeStep:
    """Move `zienswijze` to `target` as `user`; StepRefused (Dutch reason) when not allowed.
    Deciding records the council's decision (and the text, required unless it agrees);
    sending records the day it went out (`on`, default today)."""
    zienswijze = Zienswijze.objects.select_for_update().get(pk=zienswijze.pk)
    step = check_step(zienswijze, target, user, comment)
    if target == S.DECIDED:
        if decision not in CouncilDecision.values:
            raise StepRefused(_("Kies het besluit van de raad."))
        if decision != CouncilDecision.AGREE and not text.strip():
            raise StepRefused(
                _("Bij “%(decision)s” hoort de tekst van de zienswijze.")
                % {"decision": CouncilDecision(decision).label}
            )
        zienswijze.decision, zienswijze.text = decision, text.strip()
    if target == S.SENT:
        zienswijze.sent_on = on or timezone.localdate()
    if step.backwards and step.source == S.DECIDED:
        zienswijze.decision = ""  # the text stays, as the draft to work on
    zienswijze.status = target
    zienswijze._change_reason = comment
    zienswijze.save()
    return ZienswijzeStep.objects.create(
        zienswijze=zienswijze, source=step.source, target=target, by=user, comment=comment
    )
