"""When each cooperation is due for evaluation.

The interval is the evaluation clause of the legal basis in force (years). When it names none,
the registry assumes four years (partnerships.compliance.ASSUMED_EVALUATION_YEARS; the Wgr
asks for agreements on evaluation but sets no frequency) and says that it assumes it
(`Due.interval_assumed`), so a regeling without an evaluation clause is visible. The next
evaluation is due that interval after the last completed one, or after the start when there
is none. A municipality that evaluates its own participation (an
evaluation with its organisation) follows its own schedule for that party: from its last own
completed evaluation, or from the start of its participation.

`schedule_for` reads everything it needs for any number of participations in a fixed number
of queries (three), for the agenda, the reminders and the comparison of municipalities;
`schedule_of_party` the party-wide one for the cooperation page.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import F, Max, Q
from django.utils.translation import gettext as _

from evaluations.choices import EvaluationStatus
from evaluations.models import Evaluation
from partnerships.compliance import ASSUMED_EVALUATION_YEARS
from partnerships.models import LegalBasis, Participation, Party
from registry import access
from registry.periods import overlaps_q

DEFAULT_INTERVAL_YEARS = ASSUMED_EVALUATION_YEARS


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Due:
    party: Party
    organisation_id: int | None  # None: the party's own schedule
    interval_years: int
    interval_assumed: bool  # the regeling names no interval: the registry assumes one
    since: datetime.date | None  # the last completed evaluation, or the start
    since_label: str
    next_due: datetime.date | None

    def overdue(self, today: datetime.date) -> bool:
        return self.next_due is not None and self.next_due < today


def _intervals(party_ids, today) -> dict[int, int]:
    bases = LegalBasis.objects.filter(
        overlaps_q(today, today, "in_force_from", "in_force_until"),
        party_id__in=party_ids,
        evaluation_interval_years__isnull=False,
    ).order_by("party_id", F("in_force_from").asc(nulls_first=True), "pk")
    return {basis.party_id: basis.evaluation_interval_years for basis in bases}  # latest wins


def _last_completed(party_ids, evaluations) -> dict[tuple[int, int | None], datetime.date]:
    rows = (
        evaluations.filter(party_id__in=party_ids, status=EvaluationStatus.COMPLETED)
        .values("party_id", "organisation_id")
        .annotate(last=Max("actual_end"))
    )
    return {(row["party_id"], row["organisation_id"]): row["last"] for row in rows}


def _own_schedules(party_ids, organisation_ids, evaluations) -> set[tuple[int, int]]:
    return set(
        evaluations.filter(party_id__in=party_ids, organisation_id__in=organisation_ids)
        .exclude(status=EvaluationStatus.CANCELLED)
        .values_list("party_id", "organisation_id")
    )


def schedule_for(
    participations: list[Participation], today: datetime.date, evaluations=None
) -> list[Due]:
    """The evaluation due for each participation (party-wide, or its own when it has one).
    `evaluations`: the evaluations to count (the public pages pass only those the reader
    may see, so a due date never tells of an evaluation that is not public)."""
    evaluations = Evaluation.objects.all() if evaluations is None else evaluations
    party_ids = {p.party_id for p in participations}
    intervals = _intervals(party_ids, today)
    completed = _last_completed(party_ids, evaluations)
    own = _own_schedules(party_ids, {p.organisation_id for p in participations}, evaluations)
    result = []
    for participation in participations:
        party = participation.party
        if (party.pk, participation.organisation_id) in own:
            organisation_id = participation.organisation_id
            start, start_label = participation.start_date, _("start van de deelname")
        else:
            organisation_id = None
            start, start_label = party.start_date, _("start van de samenwerking")
        last = completed.get((party.pk, organisation_id))
        result.append(_due(party, organisation_id, intervals, last, start, start_label))
    return result


def schedule_of_party(party: Party, today: datetime.date, evaluations=None) -> Due:
    """The party-wide evaluation due (its participants' own schedules aside), in two queries."""
    evaluations = Evaluation.objects.all() if evaluations is None else evaluations
    intervals = _intervals({party.pk}, today)
    last = _last_completed({party.pk}, evaluations).get((party.pk, None))
    return _due(party, None, intervals, last, party.start_date, _("start van de samenwerking"))


def _due(party, organisation_id, intervals, last, start, start_label) -> Due:
    interval = intervals.get(party.pk, DEFAULT_INTERVAL_YEARS)
    since, label = (last, _("laatste evaluatie")) if last else (start, start_label)
    return Due(
        party=party,
        organisation_id=organisation_id,
        interval_years=interval,
        interval_assumed=party.pk not in intervals,
        since=since,
        since_label=label,
        next_due=add_years(since, interval) if since else None,
    )


def current_participations(
    organisation_ids, today: datetime.date, participations=None
) -> list[Participation]:
    """`participations`: the rows to consider (default: all)."""
    participations = Participation.objects.all() if participations is None else participations
    return list(
        participations.filter(overlaps_q(today, today), organisation_id__in=organisation_ids)
        .select_related("party")
        .filter(~Q(party__end_date__lt=today))
    )


def overdue_per_organisation(user, organisation_ids, day: datetime.date) -> Counter:
    """Per organisation: how many of its participations running on `day` had their evaluation
    due before `day` (`Due.overdue`), as far as `user` reads them (access.site_scope), in four
    queries. Registered for the comparison of municipalities (partnerships.overview)."""
    participations = current_participations(
        organisation_ids, day, access.site_scope(user, Participation.objects.all())
    )
    schedule = schedule_for(participations, day, access.site_scope(user, Evaluation.objects.all()))
    return Counter(
        participation.organisation_id
        for participation, due in zip(participations, schedule, strict=True)
        if due.overdue(day)
    )
