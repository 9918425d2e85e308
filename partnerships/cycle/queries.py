"""Read paths of the cycle: the state of each document as one SQL expression, used by the
admin lists, the supervisor's filters, the agenda and the reminders alike."""

import datetime

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    Value,
    When,
)

from partnerships.cycle.choices import DocumentState, ZienswijzeStatus


def state_conditions(today: datetime.date) -> dict[str, Q]:
    """When a document is in each state (a deadline is the last allowed day)."""
    return {
        DocumentState.NO_DEADLINE: Q(due_on__isnull=True),
        DocumentState.OVERDUE: Q(received_on__isnull=True, due_on__lt=today),
        DocumentState.EXPECTED: Q(received_on__isnull=True, due_on__gte=today),
        DocumentState.LATE: Q(received_on__gt=F("due_on")),
        DocumentState.ON_TIME: Q(received_on__lte=F("due_on")),
    }


def with_state(documents: QuerySet, today: datetime.date) -> QuerySet:
    return documents.annotate(
        state=Case(
            *(When(q, then=Value(state)) for state, q in state_conditions(today).items()),
            output_field=CharField(),
        )
    )


def overdue_zienswijzen_q(today: datetime.date) -> Q:
    """Not sent, and past the last day."""
    return ~Q(status=ZienswijzeStatus.SENT) & Q(due_on__lt=today)


def with_overdue(zienswijzen: QuerySet, today: datetime.date) -> QuerySet:
    return zienswijzen.annotate(
        overdue=ExpressionWrapper(overdue_zienswijzen_q(today), output_field=BooleanField())
    )
