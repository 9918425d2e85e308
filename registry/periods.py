"""Date periods (start/end, both optional): one constraint and one overlap rule for all models."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


def dates_in_order(name: str, start: str = "start_date", end: str = "end_date"):
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=_("De einddatum ligt vóór de begindatum."),
    )


def overlaps(
    a_start: datetime.date | None,
    a_end: datetime.date | None,
    b_start: datetime.date | None,
    b_end: datetime.date | None,
) -> bool:
    """Two closed periods overlap; a missing start or end is open-ended."""
    return (a_end is None or b_start is None or b_start <= a_end) and (
        b_end is None or a_start is None or a_start <= b_end
    )


def year_span(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def overlaps_q(
    first: datetime.date | None,
    last: datetime.date | None,
    start: str = "start_date",
    end: str = "end_date",
) -> Q:
    """`overlaps()` as a query: rows whose period [start, end] meets [first, last]."""
    condition = Q()
    if last is not None:
        condition &= Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__lte": last})
    if first is not None:
        condition &= Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": first})
    return condition


def within(
    start: datetime.date | None,
    end: datetime.date | None,
    outer_start: datetime.date | None,
    outer_end: datetime.date | None,
) -> bool:
    """The period [start, end] lies inside [outer_start, outer_end], as far as dates are known."""
    starts_inside = outer_start is None or start is None or start >= outer_start
    ends_inside = outer_end is None or end is None or end <= outer_end
    return starts_inside and ends_inside and overlaps(start, end, outer_start, outer_end)
