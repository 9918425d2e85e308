"""Every write of the budget cycle: the documents of a party's cycle (their deadline is
computed when they are saved; a received draft budget opens the zienswijzen), the rule sets
(saving one recomputes every deadline), and the zienswijze's status steps. Admin pages and
actions, the demo loader and the commands call these; nothing else writes."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from partnerships.cycle import calendar
from partnerships.cycle.calendar import apply_deadline, zienswijze_deadline
from partnerships.cycle.choices import CouncilDecision, ZienswijzeStatus
from partnerships.cycle.models import CycleDocument, RuleSet, Zienswijze, ZienswijzeStep
from partnerships.cycle.zienswijzen import ZIENSWIJZE_DOCUMENTS, check_step
from partnerships.models import Party
from registry import writes
from registry.models import OrganisationKind
from registry.periods import overlaps_q
from registry.workflow import StepRefused

S = ZienswijzeStatus


@transaction.atomic
def ensure_cycle(party: Party, year: int, *, user) -> list[CycleDocument]:
    """The five yearly documents of `party`'s cycle for budget year `year`, created where
    missing (by the griffie of a participant, or an administrator). Begrotingswijzigingen are
    registered one by one, as the board proposes them."""
    if not calendar.has_cycle(party):
        raise ValueError(
            _("%(party)s is geen gemeenschappelijke regeling met een eigen begroting.")
            % {"party": party}
        )
    existing = {d.kind: d for d in party.cycle_documents.filter(year=year, sequence=1)}
    documents = []
    for kind in calendar.YEARLY_KINDS:
        document = existing.get(kind)
        if document is None:
            document = writes.save(
                user=user, record=CycleDocument(party=party, year=year, kind=kind)
            )
        documents.append(document)
    return documents


def _document_deadline(user, document: CycleDocument, changed) -> None:
    apply_deadline(document)


def _document_saved(user, document: CycleDocument, created: bool) -> None:
    open_zienswijzen(document)


@transaction.atomic
def refresh_deadlines() -> int:
    """Recompute every stored deadline, after a rule set changed. Returns how many changed."""
    rule_sets = list(RuleSet.objects.all())
    changed = []
    for document in CycleDocument.objects.all():
        before = (document.due_on, document.due_rule)
        apply_deadline(document, rule_sets)
        if (document.due_on, document.due_rule) != before:
            changed.append(document)
    bulk_update_with_history(
        changed, CycleDocument, ["due_on", "due_rule"], default_change_reason=_("Termijnen")
    )
    return len(changed)


def _rule_set_saved(user, rule_set: RuleSet, created: bool) -> None:
    refresh_deadlines()
    refresh_due_dates()


@transaction.atomic
def open_zienswijzen(document: CycleDocument) -> list[Zienswijze]:
    """One zienswijze per municipality taking part on the day the draft arrived; the deadline
    of each follows the receipt. Call again after the receipt date changes: the open ones
    move with it (in a fixed number of queries, whatever the number of participants)."""
    if document.kind not in ZIENSWIJZE_DOCUMENTS or document.received_on is None:
        return []
    if document.without_zienswijze:
        return []
    due_on = zienswijze_deadline(document, list(RuleSet.objects.all()))
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
    if getattr(user, "pk", None):
        zienswijze._history_user = user
    zienswijze.save()
    return ZienswijzeStep.objects.create(
        zienswijze=zienswijze,
        source=step.source,
        target=target,
        by=user if getattr(user, "pk", None) else None,
        comment=comment,
    )


def register() -> None:
    writes.on_save(CycleDocument, prepare=_document_deadline, after=_document_saved)
    writes.on_save(RuleSet, after=_rule_set_saved)
