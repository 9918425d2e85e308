"""What an organisation has due: cycle documents it waits for, its zienswijzen, evaluations
due by the schedule, and open follow-up actions. Overdue first, then by date. Read in a fixed
number of queries whatever the number of parties (pinned in tests).

Who is responsible (for the reminders): the zienswijze's behandelaar or the action's owner
when set, otherwise the griffie of the organisation.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from evaluations.choices import ActionStatus
from evaluations.models import Evaluation, FollowUpAction
from evaluations.schedule import current_participations, schedule_for
from partnerships.cycle.choices import ZienswijzeStatus
from partnerships.cycle.models import CycleDocument, Zienswijze
from partnerships.cycle.queries import NOT_YET_SENT
from registry import formatting


@dataclass(frozen=True)
class AgendaItem:
    key: str  # stable per item and due date: a moved deadline is a new reminder
    kind: str
    title: str
    due: datetime.date
    overdue: bool
    url: str
    detail: str = ""
    owners: frozenset[int] = field(default_factory=frozenset)  # user ids; empty: the griffie
    party: object = None  # the party the item is about (the public pages link to it)

    @property
    def due_label(self) -> str:
        return formatting.date(self.due)


def _documents(party_ids, today, until, visible) -> list[AgendaItem]:
    documents = (
        visible(CycleDocument.objects.all())
        .filter(NOT_YET_SENT, party_id__in=party_ids, due_on__lte=until)
        .select_related("party")
    )
    return [
        AgendaItem(
            key=f"document:{d.pk}:{d.due_on.isoformat()}",
            kind=_("Begrotingscyclus"),
            title=_("%(document)s van %(party)s verwacht")
            % {"document": d.get_kind_display(), "party": d.party.name},
            due=d.due_on,
            overdue=d.due_on < today,
            url=reverse("admin:cycle_cycledocument_change", args=[d.pk]),
            detail=d.due_rule,
            party=d.party,
        )
        for d in documents
    ]


def _zienswijzen(organisation_id, today, until, visible) -> list[AgendaItem]:
    zienswijzen = (
        visible(Zienswijze.objects.all())
        .filter(organisation_id=organisation_id, due_on__lte=until)
        .exclude(status=ZienswijzeStatus.SENT)
        .select_related("document__party")
    )
    return [
        AgendaItem(
            key=f"zienswijze:{z.pk}:{z.due_on.isoformat()}",
            kind=_("Zienswijze"),
            title=_("Zienswijze op %(document)s %(year)s van %(party)s")
            % {
                "document": z.document.get_kind_display().lower(),
                "year": z.document.year,
                "party": z.document.party.name,
            },
            due=z.due_on,
            overdue=z.due_on < today,
            url=reverse("admin:cycle_zienswijze_change", args=[z.pk]),
            detail=_("stand: %(status)s") % {"status": z.get_status_display()},
            owners=frozenset({z.responsible_id} if z.responsible_id else ()),
            party=z.document.party,
        )
        for z in zienswijzen
    ]


def _evaluations(schedule, today, until) -> list[AgendaItem]:
    items = []
    for due in schedule:
        if due.next_due is None or due.next_due > until:
            continue
        whose = "" if due.organisation_id is None else _(" (eigen deelname)")
        items.append(
            AgendaItem(
                key=f"evaluation:{due.party.pk}:{due.organisation_id or 0}:{due.next_due}",
                kind=_("Evaluatie"),
                title=_("Evaluatie van %(party)s%(whose)s")
                % {"party": due.party.name, "whose": whose},
                due=due.next_due,
                overdue=due.overdue(today),
                url=reverse("admin:evaluations_evaluation_changelist")
                + f"?party__id__exact={due.party.pk}",
                detail=(
                    _(
                        "elke %(years)s jaar (aanname: de regeling noemt geen "
                        "evaluatietermijn); %(label)s: %(since)s"
                    )
                    if due.interval_assumed
                    else _("elke %(years)s jaar; %(label)s: %(since)s")
                )
                % {
                    "years": due.interval_years,
                    "label": due.since_label,
                    "since": formatting.date(due.since),
                },
                party=due.party,
            )
        )
    return items


def _actions(organisation_id, party_ids, today, until, visible) -> list[AgendaItem]:
    actions = (
        visible(FollowUpAction.objects.all())
        .filter(
            Q(evaluation__organisation_id=organisation_id)
            | Q(evaluation__organisation__isnull=True, evaluation__party_id__in=party_ids),
            status__in=[ActionStatus.OPEN, ActionStatus.IN_PROGRESS],
            due_on__lte=until,
        )
        .select_related("evaluation__party")
        .order_by("due_on", "pk")
    )
    return [
        AgendaItem(
            key=f"action:{a.pk}:{a.due_on.isoformat()}",
            kind=_("Vervolgactie"),
            title=_("%(action)s (%(party)s)")
            % {"action": str(a), "party": a.evaluation.party.name},
            due=a.due_on,
            overdue=a.due_on < today,
            url=reverse("admin:evaluations_evaluation_change", args=[a.evaluation_id]),
            detail=a.owner_name,
            owners=frozenset({a.owner_id} if a.owner_id else ()),
            party=a.evaluation.party,
        )
        for a in actions
    ]


def _everything(queryset):
    return queryset


def agenda_for(
    organisation_id: int,
    today: datetime.date,
    days: int = 90,
    *,
    visible=_everything,
    participations=None,
    schedule=None,
) -> list[AgendaItem]:
    """Everything due for the organisation within `days` of `today`, and everything overdue.
    `visible(queryset)`: the rows to consider (the public pages pass the reader's scope, so a
    draft zienswijze or an action appears only to those who may read it). `participations`
    (running today) and their evaluation `schedule`: when the caller has them already."""
    until = today + datetime.timedelta(days=days)
    if participations is None:
        participations = current_participations([organisation_id], today)
    if schedule is None:
        schedule = schedule_for(participations, today, visible(Evaluation.objects.all()))
    party_ids = {p.party_id for p in participations}
    items = [
        *_documents(party_ids, today, until, visible),
        *_zienswijzen(organisation_id, today, until, visible),
        *_evaluations(schedule, today, until),
        *_actions(organisation_id, party_ids, today, until, visible),
    ]
    return sorted(items, key=lambda item: (not item.overdue, item.due, item.title))
