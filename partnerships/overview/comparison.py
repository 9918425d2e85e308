"""The comparison of a province's municipalities for a year (issue 15, point 3): per
municipality the participations running in the year and how many of them are verbonden
partijen (BBV art. 1 lid 1 sub b, partnerships.bbv), the participations per theme and per
legal-basis code of the overview map, the year's budgeted contributions in total, per
inhabitant (PopulationFigure of the year) and per theme, the guarantees and the amounts at
risk of the year (FinancialInterest: the sums of `guarantees` and `amount_at_risk`, the stand
on 31 December), and the deadlines missed (comparison_deadlines: late cycle documents, late
zienswijzen, overdue evaluations). Read through access.site_scope, in a fixed number of
queries whatever the province's size."""

import statistics
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.choices import VerbondenPartij
from partnerships.models import Contribution, FinancialInterest, Participation, Theme
from partnerships.overview import comparison_deadlines as deadlines
from partnerships.overview.codes import map_code
from partnerships.overview.queries import NO_THEME
from registry import access
from registry.models import Organisation, PopulationFigure
from registry.periods import overlaps_q, year_span


@dataclass
class MunicipalityLine:
    municipality: Organisation
    inhabitants: int | None = None
    participations: int = 0
    verbonden_partijen: int = 0
    contributions: Decimal | None = None
    guarantees: Decimal | None = None
    amount_at_risk: Decimal | None = None
    late_documents: int = 0
    late_zienswijzen: int = 0
    overdue_evaluations: int = 0
    by_theme: Counter = field(default_factory=Counter)
    by_code: Counter = field(default_factory=Counter)
    contributions_by_theme: dict = field(default_factory=dict)  # theme -> Decimal | None

    @property
    def per_inhabitant(self) -> Decimal | None:
        if self.contributions is None or not self.inhabitants:
            return None
        return (self.contributions / self.inhabitants).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )


# The sortable columns of the comparison: (the `?sorteer=` key, heading, attribute, and
# "euro" / "cents" for an amount).
COLUMNS = (
    ("inwoners", _("Inwoners"), "inhabitants", False),
    ("deelnemingen", _("Deelnemingen"), "participations", False),
    ("verbonden", _("Verbonden partijen"), "verbonden_partijen", False),
    ("bijdragen", _("Begrote bijdragen"), "contributions", "euro"),
    ("per-inwoner", _("Per inwoner"), "per_inhabitant", "cents"),
    ("garanties", _("Garanties en borgstellingen"), "guarantees", "euro"),
    ("risico", _("Bedrag bij faillissement"), "amount_at_risk", "euro"),
    ("stukken", _("Stukken begrotingscyclus te laat"), "late_documents", False),
    ("zienswijzen", _("Zienswijzen te laat"), "late_zienswijzen", False),
    ("evaluaties", _("Evaluaties achterstallig"), "overdue_evaluations", False),
)
SORT_KEYS = ("naam", *(key for key, *_rest in COLUMNS))
HIGH, LOW = "hoog", "laag"


@dataclass
class ColumnStats:
    """The median of a column and Tukey's fences: a value below Q1 − 1.5×IQR or above
    Q3 + 1.5×IQR is an outlier (quartiles over the known values; at least four needed)."""

    median: Decimal | float | None = None
    low: float | None = None
    high: float | None = None

    def outlier(self, value) -> str | None:
        if value is None or self.low is None:
            return None
        if value < self.low:
            return LOW
        if value > self.high:
            return HIGH
        return None


def column_stats(values) -> ColumnStats:
    known = [v for v in values if v is not None]
    if not known:
        return ColumnStats()
    stats = ColumnStats(median=statistics.median(known))
    if len(known) >= 4:
        q1, _q2, q3 = statistics.quantiles([float(v) for v in known], n=4, method="inclusive")
        spread = 1.5 * (q3 - q1)
        stats.low, stats.high = Decimal(str(q1 - spread)), Decimal(str(q3 + spread))
    return stats


def sorted_lines(lines, key: str):
    """`key` one of SORT_KEYS, "-" before it for descending; unknown values last."""
    descending = key.startswith("-")
    key = key.lstrip("-")
    if key not in SORT_KEYS or key == "naam":
        return sorted(lines, key=lambda line: line.municipality.name, reverse=descending)
    attribute = next(a for k, _h, a, _m in COLUMNS if k == key)
    known = [line for line in lines if getattr(line, attribute) is not None]
    unknown = [line for line in lines if getattr(line, attribute) is None]
    known.sort(key=lambda line: line.municipality.name)  # ties: by name, either way
    known.sort(key=lambda line: getattr(line, attribute), reverse=descending)
    return known + unknown


@dataclass
class Comparison:
    province: Organisation
    year: int
    lines: list[MunicipalityLine]
    themes: list[str]
    codes: list[str]
    region: object = None

    def stats(self) -> dict[str, ColumnStats]:
        return {
            attribute: column_stats(getattr(line, attribute) for line in self.lines)
            for _k, _h, attribute, _m in COLUMNS
        }

    def table(self, sort: str = "naam"):
        """The rows of the main table in the order asked: per municipality its cells
        (value, money, outlier: "hoog" / "laag" / None), and the medians."""
        stats = self.stats()
        rows = []
        for line in sorted_lines(self.lines, sort):
            cells = []
            for _k, _h, attribute, money in COLUMNS:
                value = getattr(line, attribute)
                cells.append((value, money, stats[attribute].outlier(value)))
            rows.append((line, cells))
        medians = [(stats[attribute].median, money) for _k, _h, attribute, money in COLUMNS]
        return rows, medians

    def matrix(self, attribute: str, keys: list[str]) -> list[tuple[MunicipalityLine, list[int]]]:
        return [(line, [getattr(line, attribute)[key] for key in keys]) for line in self.lines]

    def theme_rows(self):
        return self.matrix("by_theme", self.themes)

    def code_rows(self):
        return self.matrix("by_code", self.codes)

    def contribution_themes(self) -> list[str]:
        return sorted({t for line in self.lines for t in line.contributions_by_theme})

    def contribution_rows(self) -> list[tuple[MunicipalityLine, list[Decimal | None]]]:
        """Per municipality its budgeted contributions per theme (None: none recorded)."""
        themes = self.contribution_themes()
        return [
            (line, [line.contributions_by_theme.get(theme) for theme in themes])
            for line in self.lines
        ]


def build_comparison(user, province, year: int, *, region=None, today=None) -> Comparison:
    """`region` (of `province`): its municipalities only. `today` judges the deadlines
    (default: today)."""
    today = today or timezone.localdate()
    if region is not None:
        municipalities = list(region.municipalities.order_by("name"))
    else:
        municipalities = list(
            Organisation.objects.municipalities().filter(province=province).order_by("name")
        )
    lines = {m.pk: MunicipalityLine(municipality=m) for m in municipalities}
    first, last = year_span(year)
    participations = (
        access.site_scope(user, Participation.objects.all())
        .filter(overlaps_q(first, last), organisation__in=municipalities)
        .with_verbonden_partij(year)
        .select_related("party")
        .prefetch_related(
            Prefetch("party__themes", queryset=Theme.objects.order_by("name"), to_attr="map_themes")
        )
    )
    parties = {m.pk: set() for m in municipalities}
    for p in participations:
        line = lines[p.organisation_id]
        line.participations += 1
        if p.vp_status == VerbondenPartij.YES:
            line.verbonden_partijen += 1
        themes = p.party.map_themes
        line.by_theme[themes[0].name if themes else NO_THEME] += 1
        line.by_code[map_code(p.party.legal_form)] += 1
        parties[p.organisation_id].add(p.party_id)
    _add_contributions(user, lines, year)
    _add_financial_interests(user, lines, year)
    _add_deadlines(user, lines, parties, year, today)
    for organisation_id, inhabitants in PopulationFigure.objects.filter(
        year=year, organisation__in=municipalities
    ).values_list("organisation", "inhabitants"):
        lines[organisation_id].inhabitants = inhabitants
    ordered = [lines[m.pk] for m in municipalities]
    return Comparison(
        province=province,
        year=year,
        lines=ordered,
        themes=sorted({t for line in ordered for t in line.by_theme}),
        codes=sorted({c for line in ordered for c in line.by_code}),
        region=region,
    )


def _add_contributions(user, lines: dict[int, MunicipalityLine], year: int) -> None:
    """The year's budgeted contributions per municipality and theme (the party's first theme
    by name, as the other tables count); the total the sum of the known ones."""
    first_theme = Subquery(
        Theme.objects.filter(parties=OuterRef("participation__party"))
        .order_by("name")
        .values("name")[:1]
    )
    rows = (
        access.site_scope(user, Contribution.objects.all())
        .filter(year=year, participation__organisation__in=list(lines))
        .annotate(theme=Coalesce(first_theme, Value(NO_THEME)))
        .order_by()
        .values("participation__organisation", "theme")
        .annotate(total=Sum("budgeted"))
    )
    for row in rows:
        line = lines[row["participation__organisation"]]
        line.contributions_by_theme[row["theme"]] = row["total"]
        if row["total"] is not None:
            line.contributions = (line.contributions or Decimal(0)) + row["total"]


def _add_financial_interests(user, lines: dict[int, MunicipalityLine], year: int) -> None:
    rows = (
        access.site_scope(user, FinancialInterest.objects.all())
        .filter(year=year, participation__organisation__in=list(lines))
        .order_by()
        .values("participation__organisation")
        .annotate(guarantees=Sum("guarantees"), at_risk=Sum("amount_at_risk"))
    )
    for row in rows:
        line = lines[row["participation__organisation"]]
        line.guarantees, line.amount_at_risk = row["guarantees"], row["at_risk"]


def _add_deadlines(user, lines, parties: dict[int, set[int]], year: int, today) -> None:
    documents = deadlines.late_documents(user, parties, year, today)
    zienswijzen = deadlines.late_zienswijzen(user, lines, year, today)
    evaluations = deadlines.overdue_evaluations(user, list(lines), year, today)
    for organisation_id, line in lines.items():
        line.late_documents = documents[organisation_id]
        line.late_zienswijzen = zienswijzen[organisation_id]
        line.overdue_evaluations = evaluations.get(organisation_id, 0)
