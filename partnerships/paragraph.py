"""The paragraph "verbonden partijen" of one organisation for one year (BBV).

`build_paragraph` reads everything in a fixed number of queries and returns plain data;
`paragraph_formats` renders that same data as DOCX, XLSX, CSV and HTML. Variant "begroting"
uses the party's begroting (start and expected end of the year, expected result) and the
budgeted contribution; variant "jaarverslag" the jaarrekening and the realised contribution.
A missing figure stays None (shown as "onbekend") and is listed as a warning, never 0.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerships.choices import BBVCategory, FiguresKind
from partnerships.models import AnnualFigures, Contribution, Participation, Seat
from registry import formatting
from registry.models import Organisation
from registry.periods import overlaps_q, year_span


class Variant:
    BUDGET = "begroting"
    ANNUAL_REPORT = "jaarverslag"
    ALL = (BUDGET, ANNUAL_REPORT)


FIGURES_KIND = {Variant.BUDGET: FiguresKind.BUDGET, Variant.ANNUAL_REPORT: FiguresKind.ACCOUNTS}

# The money columns: (attribute of Entry, Dutch heading).
MONEY_COLUMNS = (
    ("contribution", gettext_lazy("Bijdrage")),
    ("guarantees", gettext_lazy("Garanties")),
    ("loans", gettext_lazy("Leningen")),
    ("equity_start", gettext_lazy("Eigen vermogen begin jaar")),
    ("equity_end", gettext_lazy("Eigen vermogen eind jaar")),
    ("debt_start", gettext_lazy("Vreemd vermogen begin jaar")),
    ("debt_end", gettext_lazy("Vreemd vermogen eind jaar")),
    ("result", gettext_lazy("Resultaat")),
)
# Figures a paragraph must give per party (BBV art. 15); missing ones become warnings.
REQUIRED = ("contribution", "equity_start", "equity_end", "debt_start", "debt_end", "result")


@dataclass
class Entry:
    name: str
    seat: str
    public_interest: str
    representation: list[str]
    shares: str
    contribution: Decimal | None
    guarantees: Decimal | None
    loans: Decimal | None
    equity_start: Decimal | None
    equity_end: Decimal | None
    debt_start: Decimal | None
    debt_end: Decimal | None
    result: Decimal | None
    risks: list[str]
    developments: str

    def missing(self) -> list[str]:
        headings = dict(MONEY_COLUMNS)
        return [str(headings[name]) for name in REQUIRED if getattr(self, name) is None]


@dataclass(frozen=True)
class Total:
    amount: Decimal | None  # None: every part is unknown
    complete: bool  # False: some parts are unknown, the amount is what is known


@dataclass
class Category:
    code: str
    label: str
    entries: list[Entry] = field(default_factory=list)

    def total(self, column: str) -> Total:
        return _total(self.entries, column)


@dataclass
class Paragraph:
    organisation: Organisation
    year: int
    variant: str
    categories: list[Category]
    warnings: list[str]

    @property
    def title(self) -> str:
        document = _("Begroting") if self.variant == Variant.BUDGET else _("Jaarverslag")
        return _("Paragraaf verbonden partijen – %(document)s %(year)s – %(organisation)s") % {
            "document": document,
            "year": self.year,
            "organisation": self.organisation.name,
        }

    @property
    def entries(self) -> list[Entry]:
        return [entry for category in self.categories for entry in category.entries]

    def total(self, column: str) -> Total:
        return _total(self.entries, column)


def _total(entries: list[Entry], column: str) -> Total:
    values = [getattr(entry, column) for entry in entries]
    known = [value for value in values if value is not None]
    if values and not known:
        return Total(None, complete=False)
    return Total(sum(known, Decimal(0)), complete=len(known) == len(values))


def _participations(organisation: Organisation, year: int, variant: str):
    in_year = overlaps_q(*year_span(year))
    kind = FIGURES_KIND[variant]
    return (
        Participation.objects.with_verbonden_partij()
        .filter(in_year, organisation=organisation, verbonden_partij=True)
        .select_related("party")
        .prefetch_related(
            Prefetch(
                "party__annual_figures",
                queryset=AnnualFigures.objects.filter(year=year, kind=kind)
                .order_by("-version")
                .prefetch_related("risks"),
                to_attr="figures_of_year",
            ),
            Prefetch(
                "contributions",
                queryset=Contribution.objects.filter(year=year),
                to_attr="contribution_of_year",
            ),
            Prefetch(
                "party__bodies__seats",
                queryset=Seat.objects.filter(in_year, organisation=organisation),
                to_attr="own_seats",
            ),
        )
        .order_by("party__name")
    )


def _representation(participation: Participation) -> list[str]:
    lines = []
    for body in participation.party.bodies.all():
        for seat in body.own_seats:
            role = seat.get_holder_role_display().lower()
            function = seat.get_function_display().lower()
            holder = (
                f"{seat.person_name} ({role}, {function})"
                if seat.person_name
                else (f"{role} ({function})")
            )
            lines.append(f"{body.name or body.get_kind_display()}: {holder}")
    if not lines and participation.seats:
        lines.append(_("%(seats)d zetel(s) in het hoogste orgaan") % {"seats": participation.seats})
    return lines


def _entry(participation: Participation, variant: str) -> Entry:
    party = participation.party
    figures = next(iter(party.figures_of_year), None)
    contribution = next(iter(participation.contribution_of_year), None)
    paid_field = "budgeted" if variant == Variant.BUDGET else "realised"
    paid = getattr(contribution, paid_field) if contribution else None
    shares = ""
    if participation.shares_count:
        shares = _("%(count)s aandelen") % {"count": formatting.number(participation.shares_count)}

    def figure(name):
        return getattr(figures, name) if figures else None

    return Entry(
        name=party.name,
        seat=party.seat,
        public_interest=party.public_interest,
        representation=_representation(participation),
        shares=shares,
        contribution=paid,
        guarantees=participation.guarantees,
        loans=participation.loans,
        equity_start=figure("equity_start"),
        equity_end=figure("equity_end"),
        debt_start=figure("debt_start"),
        debt_end=figure("debt_end"),
        result=figure("result"),
        risks=[
            f"{risk.description} ({risk.get_level_display().lower()})"
            for risk in figures.risks.all()
        ]
        if figures
        else [],
        developments=figure("developments") or "",
    )


def build_paragraph(organisation: Organisation, year: int, variant: str) -> Paragraph:
    if variant not in Variant.ALL:
        raise ValueError(f"Onbekende variant {variant!r}")
    categories = {code: Category(code, str(label)) for code, label in BBVCategory.choices}
    warnings = []
    for participation in _participations(organisation, year, variant):
        entry = _entry(participation, variant)
        categories[participation.party.bbv_category].entries.append(entry)
        missing = entry.missing()
        if missing:
            warnings.append(
                _("%(party)s: onbekend: %(fields)s.")
                % {"party": entry.name, "fields": ", ".join(m.lower() for m in missing)}
            )
    return Paragraph(organisation, year, variant, list(categories.values()), warnings)
