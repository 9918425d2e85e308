"""The municipality page: what it takes part in, what that costs, the risks, and what is
due. Everything is read through access.site_scope (what is public, plus what the reader's
roles let them read), in a fixed number of queries whatever the number of parties (pinned in
tests/site/test_query_counts.py)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evaluations.agenda.items import AgendaItem, agenda_for
from evaluations.models import Evaluation
from evaluations.schedule import Due, schedule_for
from partnerships import queries
from partnerships.choices import BBVCategory, FiguresKind, VerbondenPartij
from partnerships.legal_forms import profile
from partnerships.models import (
    AnnualFigures,
    Contribution,
    FinancialInterest,
    Participation,
    Party,
)
from public.charts import Series, bar_chart
from registry import access
from registry.models import Organisation, PopulationFigure
from registry.periods import overlaps_q, year_span

YEARS_BACK, YEARS_AHEAD = 5, 3

# The columns of the provincial overview maps (seed 002, appendices A and B).
MAP_PUBLIC, MAP_PRIVATE, MAP_OTHER = "public", "private", "other"
MAP_LABELS = {
    MAP_PUBLIC: gettext_lazy("Publiek: Wgr met rechtspersoonlijkheid (WGR+OL)"),
    MAP_PRIVATE: gettext_lazy("Privaat (NV, BV, coöperatie, stichting, vereniging)"),
    MAP_OTHER: gettext_lazy("Overig publiek (Wgr zonder rechtspersoonlijkheid, overeenkomsten)"),
}


def map_column(legal_form: str) -> str:
    """Where the overview maps count a participation: public Wgr with legal personality,
    private (a company, cooperative, foundation or association), or other public."""
    form = profile(legal_form)
    if form.wgr and form.legal_personality:
        return MAP_PUBLIC
    if form.legal_personality:
        return MAP_PRIVATE
    return MAP_OTHER


@dataclass
class Taking:
    """One participation as the page shows it."""

    participation: Participation
    party: Party
    verbonden_partij: str  # a VerbondenPartij value for the year (partnerships.bbv)
    contribution: Contribution | None = None

    @property
    def verbonden_partij_label(self) -> str:
        return str(VerbondenPartij(self.verbonden_partij).label)

    @property
    def amount(self) -> Decimal | None:
        c = self.contribution
        if c is None:
            return None
        return c.realised if c.realised is not None else c.budgeted


@dataclass
class Counts:
    public: int = 0
    private: int = 0
    other: int = 0
    registry_bbv: int = 0

    @property
    def maps_subtotal(self) -> int:
        """What the maps call "Subtotaal (=verbonden partijen)": public Wgr + private."""
        return self.public + self.private

    @property
    def total(self) -> int:
        return self.public + self.private + self.other


@dataclass
class YearCost:
    year: int
    total: Decimal | None
    complete: bool
    per_inhabitant: Decimal | None


@dataclass
class RiskLine:
    party: Party
    guarantees: Decimal | None
    loans: Decimal | None
    at_risk: Decimal | None
    equity_end: Decimal | None
    result: Decimal | None
    risks: list = field(default_factory=list)

    @property
    def flagged(self) -> list[str]:
        flags = []
        if self.equity_end is not None and self.equity_end < 0:
            flags.append(_("negatief eigen vermogen"))
        if self.result is not None and self.result < 0:
            flags.append(_("verlies begroot of geleden"))
        return flags


@dataclass
class MunicipalityPage:
    organisation: Organisation
    year: int
    takings: list[Taking]
    by_category: list[tuple[str, list[Taking]]]
    by_theme: list[tuple[str, list[Taking]]]
    counts: Counts
    costs: list[YearCost]
    largest: list[Taking]
    inhabitants: int | None
    risk_lines: list[RiskLine]
    due: list[AgendaItem]
    evaluations: list[Due]
    cost_chart: str

    @property
    def cost_of_year(self) -> YearCost | None:
        return next((c for c in self.costs if c.year == self.year), None)


def link_parties(parties) -> None:
    """Each party's address on the public pages, as `site_url` (one reverse for them all:
    a page lists a hundred parties in several tables)."""
    prefix = reverse("site:cooperation", args=["-"])[:-2]
    for party in parties:
        party.site_url = f"{prefix}{party.code}/"


def _participations(user, organisation, year):
    """With the financial interest of the year: read through the participation it belongs to,
    so it is shown to whoever may see the participation."""
    in_year = Participation.objects.filter(overlaps_q(*year_span(year)), organisation=organisation)
    return list(
        queries.participations_for_list(access.site_scope(user, in_year), year)
        .prefetch_related(
            "party__themes",
            Prefetch(
                "financial_interests",
                queryset=FinancialInterest.objects.filter(year=year),
                to_attr="interest_of_year",
            ),
        )
        .order_by("party__name")
    )


def _contributions(user, organisation, year):
    rows = Contribution.objects.filter(
        participation__organisation=organisation,
        year__gte=year - YEARS_BACK,
        year__lte=year + YEARS_AHEAD,
    ).select_related("participation__party")
    return list(access.site_scope(user, rows))


def _figures(user, party_ids, year) -> dict[int, AnnualFigures]:
    """Per party the figures of the year: the jaarrekening when there is one, else the
    latest begrotingswijziging, else the begroting."""
    rank = {FiguresKind.ACCOUNTS: 0, FiguresKind.BUDGET_AMENDMENT: 1, FiguresKind.BUDGET: 2}
    rows = access.site_scope(
        user, AnnualFigures.objects.filter(party_id__in=party_ids, year=year)
    ).prefetch_related(Prefetch("risks"))
    chosen: dict[int, AnnualFigures] = {}
    for figures in sorted(rows, key=lambda f: (rank[f.kind], -f.version)):
        chosen.setdefault(figures.party_id, figures)
    return chosen


def _costs(contributions, inhabitants_by_year, year) -> list[YearCost]:
    by_year: dict[int, list[Contribution]] = defaultdict(list)
    for contribution in contributions:
        by_year[contribution.year].append(contribution)
    costs = []
    for one_year in range(year - YEARS_BACK, year + YEARS_AHEAD + 1):
        rows = by_year.get(one_year, [])
        amounts = [c.realised if c.realised is not None else c.budgeted for c in rows]
        known = [a for a in amounts if a is not None]
        if not rows:
            continue
        total = sum(known, Decimal(0)) if known else None
        inhabitants = inhabitants_by_year.get(one_year)
        per_inhabitant = (
            (total / inhabitants).quantize(Decimal("0.01"))
            if total is not None and inhabitants
            else None
        )
        costs.append(YearCost(one_year, total, len(known) == len(amounts), per_inhabitant))
    return costs


def _inhabitants(organisation) -> dict[int, int]:
    figures = PopulationFigure.objects.filter(organisation=organisation)
    return {figure.year: figure.inhabitants for figure in figures}


def _grouped(takings, key) -> list[tuple[str, list[Taking]]]:
    groups: dict[str, list[Taking]] = defaultdict(list)
    for taking in takings:
        for name in key(taking):
            groups[name].append(taking)
    return sorted(groups.items())


def _counts(takings) -> Counts:
    counts = Counts()
    for taking in takings:
        column = map_column(taking.party.legal_form)
        setattr(counts, column, getattr(counts, column) + 1)
        counts.registry_bbv += taking.verbonden_partij == VerbondenPartij.YES
    return counts


def municipality_page(user, organisation: Organisation, year: int, today: datetime.date):
    participations = _participations(user, organisation, year)
    link_parties([p.party for p in participations])
    contributions = _contributions(user, organisation, year)
    of_year = {c.participation_id: c for c in contributions if c.year == year}
    takings = [Taking(p, p.party, p.vp_status, of_year.get(p.pk)) for p in participations]
    categories = dict(BBVCategory.choices)
    by_category = [
        (str(categories[code]), [t for t in takings if t.party.bbv_category == code])
        for code in BBVCategory.values
    ]
    by_theme = _grouped(
        takings, lambda t: [theme.name for theme in t.party.themes.all()] or [_("Zonder thema")]
    )
    inhabitants = _inhabitants(organisation)
    costs = _costs(contributions, inhabitants, year)
    figures = _figures(user, {t.party.pk for t in takings}, year)
    interests = {
        t.participation.pk: next(iter(t.participation.interest_of_year), None) for t in takings
    }
    risk_lines = [
        RiskLine(
            party=t.party,
            guarantees=getattr(interests[t.participation.pk], "guarantees", None),
            loans=getattr(interests[t.participation.pk], "loans", None),
            at_risk=getattr(interests[t.participation.pk], "amount_at_risk", None),
            equity_end=getattr(figures.get(t.party.pk), "equity_end", None),
            result=getattr(figures.get(t.party.pk), "result", None),
            risks=list(figures[t.party.pk].risks.all()) if t.party.pk in figures else [],
        )
        for t in takings
    ]
    running = [
        p
        for p in participations
        if (p.start_date is None or p.start_date <= today)
        and (p.end_date is None or p.end_date >= today)
        and not (p.party.end_date and p.party.end_date < today)
    ]
    schedule = _schedule(user, running, today)
    due = agenda_for(
        organisation.pk,
        today,
        visible=lambda queryset: access.site_scope(user, queryset),
        participations=running,
        schedule=schedule,
    )
    largest = sorted(
        (t for t in takings if t.amount is not None), key=lambda t: t.amount, reverse=True
    )[:5]
    chart = bar_chart(
        "kosten",
        _("Bijdragen van %(organisation)s per jaar") % {"organisation": organisation.name},
        Series(_("Bijdragen"), tuple((str(c.year), c.total) for c in costs)),
    )
    return MunicipalityPage(
        organisation=organisation,
        year=year,
        takings=takings,
        by_category=by_category,
        by_theme=by_theme,
        counts=_counts(takings),
        costs=costs,
        largest=largest,
        inhabitants=inhabitants.get(year) or inhabitants.get(year - 1),
        risk_lines=[line for line in risk_lines if _has_risk(line)],
        due=due,
        evaluations=sorted(
            schedule, key=lambda due: (due.next_due is None, due.next_due, due.party.name)
        ),
        cost_chart=chart,
    )


def _schedule(user, running, today) -> list[Due]:
    """When each party is next due for evaluation, counting only the evaluations the reader
    may see (so a date never tells of an evaluation that is not public)."""
    return schedule_for(running, today, access.site_scope(user, Evaluation.objects.all()))


def _has_risk(line: RiskLine) -> bool:
    return bool(line.guarantees or line.loans or line.at_risk or line.flagged or line.risks)
