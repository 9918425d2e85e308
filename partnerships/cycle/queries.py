"""Read paths of the cycle: the state of each document as one SQL expression, used by the
admin lists, the supervisor's filters, the agenda and the reminders alike.

A document is judged on the day it was sent, as the Wgr says ("zendt … vóór"); when no sent
date is known, on the day it was received, and the list says so (`judged_on_receipt`). Who
receives the adopted begroting and jaarrekening follows from the participants: the Minister of
BZK when a province takes part in the budget year (Wgr art. 58), else Gedeputeerde Staten.
"""

import datetime

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from partnerships.cycle.choices import DocumentState, Supervisor, ZienswijzeStatus
from partnerships.models import Participation
from registry.models import OrganisationKind

NOT_YET_SENT = Q(sent_on__isnull=True, received_on__isnull=True)


def state_conditions(today: datetime.date) -> dict[str, Q]:
    """When a document is in each state (a deadline is the last allowed day), on a queryset
    annotated by `with_state` (`judged_on`: the sent date, else the received date)."""
    return {
        DocumentState.NO_DEADLINE: Q(due_on__isnull=True),
        DocumentState.OVERDUE: NOT_YET_SENT & Q(due_on__lt=today),
        DocumentState.EXPECTED: NOT_YET_SENT & Q(due_on__gte=today),
        DocumentState.LATE: Q(judged_on__gt=F("due_on")),
        DocumentState.ON_TIME: Q(judged_on__lte=F("due_on")),
    }


def _province_takes_part() -> Exists:
    """A province among the party's participants in the budget year (Wgr art. 58)."""
    return Exists(
        Participation.objects.filter(
            party=OuterRef("party"), organisation__kind=OrganisationKind.PROVINCE
        )
        .filter(Q(start_date__isnull=True) | Q(start_date__year__lte=OuterRef("year")))
        .filter(Q(end_date__isnull=True) | Q(end_date__year__gte=OuterRef("year")))
    )


def with_state(documents: QuerySet, today: datetime.date) -> QuerySet:
    return documents.annotate(
        judged_on=Coalesce("sent_on", "received_on"),
        judged_on_receipt=ExpressionWrapper(
            Q(sent_on__isnull=True, received_on__isnull=False), output_field=BooleanField()
        ),
        supervisor=Case(
            When(_province_takes_part(), then=Value(Supervisor.MINISTER)),
            default=Value(Supervisor.PROVINCE),
            output_field=CharField(),
        ),
    ).annotate(
        state=Case(
            *(When(q, then=Value(state)) for state, q in state_conditions(today).items()),
            output_field=CharField(),
        )
    )


def overdue_zienswijzen_q(today: datetime.date) -> Q:
    """Not sent, and past the last day."""
    return ~Q(status=ZienswijzeStatus.SENT) & Q(due_on__lt=today)


def late_zienswijzen_q(today: datetime.date) -> Q:
    """Not given by the last day: overdue (above), or sent after it."""
    return overdue_zienswijzen_q(today) | Q(status=ZienswijzeStatus.SENT, sent_on__gt=F("due_on"))


def with_overdue(zienswijzen: QuerySet, today: datetime.date) -> QuerySet:
    """`overdue` true or false, never NULL (without a due date a zienswijze is not late)."""
    return zienswijzen.annotate(
        overdue=Case(
            When(overdue_zienswijzen_q(today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
