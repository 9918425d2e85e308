"""The deadlines behind the comparison of municipalities (issue 15, point 3), per municipality,
each in a fixed number of queries whatever the number of municipalities:

- late cycle documents: the documents of budget year Y of the parties a municipality takes
  part in during Y that were sent (or, without a sent date, received) after their statutory
  deadline, or are still missing past it (partnerships.cycle: the deadline of calendar.py,
  Wgr art. 34, 34b and 35 as it cites them, judged by queries.with_state);
- late zienswijzen: the municipality's zienswijzen on documents of budget year Y not sent by
  their last day (Wgr art. 35: within the weeks after receipt), either still not sent with
  the day past or sent after it (cycle.queries.late_zienswijzen_q);
- overdue evaluations: asked of the evaluations app, which registers its schedule here
  (apps depend one way, evaluations -> partnerships: partnerships cannot import it).
"""

import datetime
from collections import Counter
from collections.abc import Callable, Iterable

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count

from partnerships.cycle.choices import DocumentState
from partnerships.cycle.models import CycleDocument, Zienswijze
from partnerships.cycle.queries import late_zienswijzen_q, with_state
from registry import access

LATE_STATES = (DocumentState.LATE, DocumentState.OVERDUE)

# (user, organisation ids, day) -> {organisation id: overdue evaluations on that day}
OverdueEvaluations = Callable[[object, list[int], datetime.date], dict[int, int]]
_overdue_evaluations: list[OverdueEvaluations] = []


def register_overdue_evaluations(count: OverdueEvaluations) -> None:
    """Called by EvaluationsConfig.ready() with evaluations.schedule's count."""
    _overdue_evaluations[:] = [count]


def late_documents(
    user, parties_per_municipality: dict[int, set[int]], year: int, today: datetime.date
) -> Counter:
    """Per municipality: its parties' late or missing cycle documents of budget year `year`."""
    party_ids = set().union(*parties_per_municipality.values())
    late = dict(
        with_state(access.site_scope(user, CycleDocument.objects.all()), today)
        .filter(year=year, party_id__in=party_ids, state__in=LATE_STATES)
        .order_by()
        .values("party_id")
        .annotate(count=Count("pk"))
        .values_list("party_id", "count")
    )
    return Counter(
        {
            municipality: sum(late.get(party, 0) for party in parties)
            for municipality, parties in parties_per_municipality.items()
        }
    )


def late_zienswijzen(
    user, municipality_ids: Iterable[int], year: int, today: datetime.date
) -> Counter:
    """Per municipality: its zienswijzen on documents of budget year `year` not given in time."""
    return Counter(
        dict(
            access.site_scope(user, Zienswijze.objects.all())
            .filter(late_zienswijzen_q(today), organisation__in=list(municipality_ids))
            .filter(document__year=year)
            .order_by()
            .values("organisation")
            .annotate(count=Count("pk"))
            .values_list("organisation", "count")
        )
    )


def evaluation_day(year: int, today: datetime.date) -> datetime.date:
    """The day evaluations are judged on for a year: 31 December, or today for the current
    year and later ones."""
    return min(today, datetime.date(year, 12, 31))


def overdue_evaluations(
    user, municipality_ids: list[int], year: int, today: datetime.date
) -> dict[int, int]:
    if not _overdue_evaluations:
        raise ImproperlyConfigured("The evaluations app registers the overdue evaluations.")
    return _overdue_evaluations[0](user, municipality_ids, evaluation_day(year, today))
