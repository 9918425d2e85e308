"""The supervisor's start page (issue 15, point 5), per province the user supervises:

- the late and missing documents of the current cycle: the adopted begroting and the
  jaarrekening sent to the supervisor that are due this calendar year (the begroting of next
  year, vóór 15 september; the jaarrekening of last year, vóór 15 juli: cycle.calendar, Wgr
  art. 34 and 34b as it cites them), of the regelingen with a participant of the province
  in the budget year; per document its deadline, its state (cycle.queries.with_state) and
  how many days late, and who receives it: Gedeputeerde Staten, or the Minister of BZK when
  a province takes part (Wgr art. 58);
- the regelingen of the province's participants today that do not regulate all that is
  required since 1 July 2024 (partnerships.compliance judges; not re-judged here).

Read through access.site_scope, in a fixed number of queries whatever the number of
provinces, regelingen or documents.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from partnerships import compliance
from partnerships.cycle.calendar import due_year
from partnerships.cycle.choices import DocumentKind, DocumentState, Supervisor
from partnerships.cycle.models import CycleDocument
from partnerships.cycle.queries import with_state
from partnerships.models import Participation, Party
from partnerships.overview.comparison_deadlines import LATE_STATES
from registry import access
from registry.models import OrganisationKind
from registry.periods import overlaps, overlaps_q, year_span

TO_SUPERVISOR = (DocumentKind.BUDGET_TO_PROVINCE, DocumentKind.ACCOUNTS_TO_PROVINCE)
COMPLIANCE_ORDER = (compliance.Status.FAILS, compliance.Status.NO_BASIS, compliance.Status.UNKNOWN)


def cycle_years(today: datetime.date) -> dict[str, int]:
    """Per document to the supervisor, the budget year whose document is due this year."""
    return {
        kind: next(
            y for y in range(today.year - 1, today.year + 2) if due_year(kind, y) == today.year
        )
        for kind in TO_SUPERVISOR
    }


@dataclass(frozen=True)
class LateDocument:
    document: CycleDocument  # annotated by with_state
    days_late: int

    @property
    def recipient(self) -> str:
        return str(Supervisor(self.document.supervisor).label)


@dataclass
class ProvinceSupervision:
    province: object
    documents: list[LateDocument] = field(default_factory=list)
    checks: list[compliance.Check] = field(default_factory=list)  # those not complying


@dataclass(frozen=True)
class StartPage:
    today: datetime.date
    years: dict[str, int]  # cycle_years
    provinces: list[ProvinceSupervision]

    @property
    def budget_year(self) -> int:
        return self.years[DocumentKind.BUDGET_TO_PROVINCE]

    @property
    def accounts_year(self) -> int:
        return self.years[DocumentKind.ACCOUNTS_TO_PROVINCE]


def _province_of(row) -> int | None:
    if row["organisation__kind"] == OrganisationKind.PROVINCE:
        return row["organisation_id"]
    return row["organisation__province_id"]


def _days_late(document, today: datetime.date) -> int:
    if document.state == DocumentState.LATE:
        return (document.judged_on - document.due_on).days
    return (today - document.due_on).days


def build_start_page(user, provinces, today: datetime.date) -> StartPage:
    """`provinces`: the ones to show, all supervised by `user` (access.supervised_provinces)."""
    provinces = list(provinces)
    ids = [p.pk for p in provinces]
    years = cycle_years(today)
    in_provinces = Q(organisation__province__in=ids) | Q(organisation__in=ids)
    first = year_span(min(years.values()))[0]
    last = max(today, year_span(max(years.values()))[1])
    participations = list(
        access.site_scope(user, Participation.objects.all())
        .filter(in_provinces, overlaps_q(first, last))
        .values(
            "party_id",
            "organisation_id",
            "organisation__kind",
            "organisation__province_id",
            "start_date",
            "end_date",
        )
    )
    party_ids = {row["party_id"] for row in participations}
    current = Q()
    for kind, year in years.items():
        current |= Q(kind=kind, year=year)
    documents = (
        with_state(access.site_scope(user, CycleDocument.objects.all()), today)
        .filter(current, party__in=party_ids, state__in=LATE_STATES)
        .select_related("party")
    )
    by_province = {p.pk: ProvinceSupervision(province=p) for p in provinces}
    for document in documents:
        span = year_span(document.year)
        taking_part = {
            _province_of(row)
            for row in participations
            if row["party_id"] == document.party_id
            and overlaps(row["start_date"], row["end_date"], *span)
        }
        for province_id in taking_part & by_province.keys():
            by_province[province_id].documents.append(
                LateDocument(document=document, days_late=_days_late(document, today))
            )
    _add_compliance(by_province, participations, today)
    for supervision in by_province.values():
        supervision.documents.sort(key=lambda d: (-d.days_late, d.document.party.name))
    return StartPage(today=today, years=years, provinces=[by_province[i] for i in ids])


def _add_compliance(by_province, participations, today: datetime.date) -> None:
    provinces_of = defaultdict(set)
    for row in participations:
        if overlaps(row["start_date"], row["end_date"], today, today):
            provinces_of[row["party_id"]].add(_province_of(row))
    parties = Party.objects.filter(pk__in=provinces_of)
    for check in compliance.checks(parties, today):
        if check.status == compliance.Status.COMPLIES:
            continue
        for province_id in provinces_of[check.party.pk] & by_province.keys():
            by_province[province_id].checks.append(check)
    for supervision in by_province.values():
        supervision.checks.sort(key=lambda c: (COMPLIANCE_ORDER.index(c.status), c.party.name))
