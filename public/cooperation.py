"""The cooperation page "in één oogopslag": legal form and basis, public interest,
governance, participants with their share of the contributions, figures over the years
(a chart and the table of the same numbers), risks and developments, the budget cycle of the
year with the councils' decided zienswijzen, evaluations with their scores over time, and for
a logged-in member of a participant the what-if of leaving. Read through
access.site_scope, in a fixed number of queries (tests/site/test_query_counts.py)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evaluations.choices import EvaluationStatus
from evaluations.models import Answer, Evaluation
from evaluations.schedule import Due, schedule_of_party
from evaluations.views import comparison_rows
from partnerships import queries
from partnerships.allocation import AllocationError
from partnerships.choices import FiguresKind
from partnerships.cycle.choices import ZienswijzeStatus
from partnerships.cycle.models import CycleDocument, Zienswijze
from partnerships.cycle.queries import with_state
from partnerships.leaving import exit_what_if
from partnerships.models import AnnualFigures, Body, Contribution, LegalBasis, Party, Seat
from public.charts import Series, line_chart
from registry import access
from registry.models import RoleKind
from registry.periods import overlaps_q, year_span

# Which document's figures a year shows when there are several.
FIGURES_RANK = {FiguresKind.ACCOUNTS: 0, FiguresKind.BUDGET_AMENDMENT: 1, FiguresKind.BUDGET: 2}
FIGURE_LINES = (
    ("equity_end", gettext_lazy("Eigen vermogen (eind jaar)")),
    ("debt_end", gettext_lazy("Vreemd vermogen (eind jaar)")),
    ("result", gettext_lazy("Resultaat")),
    ("contributions_total", gettext_lazy("Bijdragen van de deelnemers")),
)


@dataclass
class ParticipantLine:
    organisation: object
    participation: object
    verbonden_partij: str  # ja / nee / onbekend in the year (partnerships.bbv)
    contribution: Contribution | None
    share: Decimal | None  # of the year's total contributions, in percent


@dataclass
class CooperationPage:
    party: Party
    year: int
    legal_bases: list[LegalBasis]
    bodies: list[Body]
    participants: list[ParticipantLine]
    figures: list[AnnualFigures]  # one per year, oldest first
    figures_of_year: AnnualFigures | None
    chart: str
    documents: list[CycleDocument]
    zienswijzen: list[Zienswijze]
    evaluations: list[Evaluation]
    next_evaluation: Due
    score_rows: list[dict]
    what_if: object = None
    what_if_problems: tuple = ()
    what_if_for: object = None

    @property
    def contributions_total(self) -> Decimal | None:
        known = [p.contribution.budgeted for p in self.participants if p.contribution]
        known = [amount for amount in known if amount is not None]
        return sum(known, Decimal(0)) if known else None


def figures_by_year(rows) -> list[AnnualFigures]:
    """Per year the figures of the jaarrekening, else the latest wijziging, else the
    begroting; oldest year first."""
    chosen: dict[int, AnnualFigures] = {}
    for figures in sorted(rows, key=lambda f: (FIGURES_RANK[f.kind], -f.version)):
        chosen.setdefault(figures.year, figures)
    return [chosen[year] for year in sorted(chosen)]


def _bodies(user, party, year):
    seats = access.site_scope(user, Seat.objects.filter(overlaps_q(*year_span(year))))
    return list(
        party.bodies.prefetch_related(
            Prefetch("seats", queryset=seats.select_related("organisation"), to_attr="shown")
        )
    )


def _participants(user, party, year, figures_of_year) -> list[ParticipantLine]:
    rows = access.site_scope(
        user, party.participations.filter(overlaps_q(*year_span(year)))
    ).select_related("organisation")
    participations = list(
        queries.participations_for_list(rows, year).order_by("organisation__name")
    )
    contributions = {
        c.participation_id: c
        for c in access.site_scope(
            user, Contribution.objects.filter(participation__in=participations, year=year)
        )
    }
    total = figures_of_year.contributions_total if figures_of_year else None
    lines = []
    for participation in participations:
        contribution = contributions.get(participation.pk)
        share = None
        if contribution and contribution.budgeted is not None and total:
            share = (contribution.budgeted * 100 / total).quantize(Decimal("0.01"))
        lines.append(
            ParticipantLine(
                participation.organisation,
                participation,
                participation.verbonden_partij(year).label,
                contribution,
                share,
            )
        )
    return lines


def _cycle(user, party, year, today):
    documents = list(
        with_state(access.site_scope(user, party.cycle_documents.filter(year=year)), today)
    )
    decided = access.site_scope(
        user,
        Zienswijze.objects.filter(
            document__in=documents, status__in=[ZienswijzeStatus.DECIDED, ZienswijzeStatus.SENT]
        ),
    ).select_related("organisation", "document")
    return documents, list(decided.order_by("organisation__name"))


def _evaluations(user, party):
    """The completed evaluations the reader may see, oldest first, and per criterion what
    their respondents answered together (evaluations.scorecard): never one answer."""
    evaluations = list(
        access.site_scope(user, party.evaluations.filter(status=EvaluationStatus.COMPLETED))
        .select_related("organisation")
        .order_by("actual_end", "pk")
    )
    # read for every reader of these evaluations: only the summaries leave this function
    answers = Answer.objects.filter(respondent__evaluation__in=evaluations).select_related(
        "criterion", "respondent"
    )
    return evaluations, comparison_rows(evaluations, list(answers))


def _member_of(user, participants) -> object:
    """The participant whose council, griffie or finance the reader belongs to, if any."""
    g = access.grants(user)
    own = g.orgs(RoleKind.COUNCIL, RoleKind.GRIFFIE, RoleKind.FINANCE)
    return next((line.organisation for line in participants if line.organisation.pk in own), None)


def cooperation_page(user, party: Party, year: int, today: datetime.date) -> CooperationPage:
    all_figures = figures_by_year(
        access.site_scope(user, AnnualFigures.objects.filter(party=party)).prefetch_related("risks")
    )
    of_year = next((f for f in all_figures if f.year == year), None)
    participants = _participants(user, party, year, of_year)
    documents, zienswijzen = _cycle(user, party, year, today)
    evaluations, score_rows = _evaluations(user, party)
    chart = line_chart(
        "cijfers",
        _("Cijfers van %(party)s per jaar") % {"party": party.name},
        [
            Series(str(label), tuple((str(f.year), getattr(f, name)) for f in all_figures))
            for name, label in FIGURE_LINES
        ],
    )
    page = CooperationPage(
        party=party,
        year=year,
        legal_bases=list(access.site_scope(user, party.legal_bases.all())),
        bodies=_bodies(user, party, year),
        participants=participants,
        figures=all_figures,
        figures_of_year=of_year,
        chart=chart,
        documents=documents,
        zienswijzen=zienswijzen,
        evaluations=evaluations,
        next_evaluation=schedule_of_party(
            party, today, access.site_scope(user, Evaluation.objects.all())
        ),
        score_rows=score_rows,
    )
    member = _member_of(user, participants)
    if member is not None:
        page.what_if_for = member
        try:
            page.what_if = exit_what_if(party, year, member)
        except AllocationError as error:
            page.what_if_problems = tuple(error.problems)
    return page
