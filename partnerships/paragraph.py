"""The paragraph "verbonden partijen" of one organisation for one year, as BBV art. 15 asks.

BBV art. 15 lid 1 (confirmed): the paragraph holds at least (a) the visie on and the
beleidsvoornemens about verbonden partijen, and (b) the list of verbonden partijen divided into
gemeenschappelijke regelingen, vennootschappen en coöperaties, stichtingen en verenigingen,
and overige verbonden partijen. Lid 2 (as municipalities' budget books quote it; the text
itself was not read here) gives per party at least: its name and seat (vestigingsplaats); the
public interest it serves; the municipality's interest at the start of the year and the
expected interest at its end; the party's equity and debt at the start and the expected end;
and its expected result. The jaarverslag gives the realised figures of the same items.

Here: the visie and beleidsvoornemens come from ParagraphText; the verbonden partijen of the
year are the organisation's participations with status "yes" (partnerships.bbv), each with
the reason; the financial interest at the start is the FinancialInterest of the year before
(its position on 31 December), at the end that of the year itself; variant "begroting" uses
the party's begroting and the budgeted contribution, "jaarverslag" the jaarrekening and the
realised contribution. Missing items stay None ("onbekend") and are listed under "Ontbrekende
gegevens", never 0; so is every participation whose status is unknown, with the reason.
`build_paragraph` reads everything in a fixed number of queries and returns plain data;
`paragraph_formats` renders that same data as DOCX, XLSX, CSV and HTML.
"""

import functools
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from partnerships.choices import BBVCategory, FiguresKind, VerbondenPartij
from partnerships.legal_forms import Votes, profile
from partnerships.models import (
    AnnualFigures,
    Contribution,
    FinancialInterest,
    ParagraphText,
    Participation,
    Risk,
    Seat,
)
from registry import formatting
from registry.models import Organisation
from registry.periods import overlaps_q, year_span


class Variant:
    BUDGET = "begroting"
    ANNUAL_REPORT = "jaarverslag"
    ALL = (BUDGET, ANNUAL_REPORT)


FIGURES_KIND = {Variant.BUDGET: FiguresKind.BUDGET, Variant.ANNUAL_REPORT: FiguresKind.ACCOUNTS}

# The amount columns: (attribute of Entry, heading in a jaarverslag, heading in a begroting).
# Every one is totalled per category and overall.
_PARTS = (
    ("shares", gettext_lazy("aandelen (nominaal)")),
    ("guarantees", gettext_lazy("garanties")),
    ("loans", gettext_lazy("leningen")),
    ("at_risk", gettext_lazy("bedrag bij faillissement")),
)
_START, _END = gettext_lazy("begin jaar"), gettext_lazy("eind jaar")
_EXPECTED_END = gettext_lazy("eind jaar (verwacht)")


def _column(name, what, moment, expected_moment=None):
    return (
        name,
        format_lazy("{} {}", what, moment),
        format_lazy("{} {}", what, expected_moment or moment),
    )


MONEY_COLUMNS = (
    ("contribution", gettext_lazy("Bijdrage (gerealiseerd)"), gettext_lazy("Bijdrage (begroot)")),
    *(
        column
        for part, label in _PARTS
        for column in (
            _column(f"{part}_start", format_lazy("{}: {}", gettext_lazy("Belang"), label), _START),
            _column(
                f"{part}_end",
                format_lazy("{}: {}", gettext_lazy("Belang"), label),
                _END,
                _EXPECTED_END,
            ),
        )
    ),
    _column("equity_start", gettext_lazy("Eigen vermogen"), _START),
    _column("equity_end", gettext_lazy("Eigen vermogen"), _END, _EXPECTED_END),
    _column("debt_start", gettext_lazy("Vreemd vermogen"), _START),
    _column("debt_end", gettext_lazy("Vreemd vermogen"), _END, _EXPECTED_END),
    ("result", gettext_lazy("Resultaat"), gettext_lazy("Resultaat (verwacht)")),
)
_FIGURES = ("equity_start", "equity_end", "debt_start", "debt_end", "result")
_INTEREST_PARTS = (
    ("shares", "shares_value"),
    ("guarantees", "guarantees"),
    ("loans", "loans"),
    ("at_risk", "amount_at_risk"),
)


@dataclass
class Entry:
    name: str
    seat: str
    public_interest: str
    reason: str  # why it is a verbonden partij (partnerships.bbv)
    representation: list[str]
    shares: str  # the shares held, in words ("1.200 aandelen à € 1,00")
    amounts: dict[str, Decimal | None]  # by MONEY_COLUMNS attribute; None: unknown
    risks: list[str]
    developments: str
    missing: list[str] = field(default_factory=list)

    def amount(self, name: str) -> Decimal | None:
        return self.amounts.get(name)


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
    vision: str
    intentions: str
    categories: list[Category]
    warnings: list[str]  # "Ontbrekende gegevens", in the order they were found

    @property
    def title(self) -> str:
        document = _("Begroting") if self.variant == Variant.BUDGET else _("Jaarverslag")
        return _("Paragraaf verbonden partijen – %(document)s %(year)s – %(organisation)s") % {
            "document": document,
            "year": self.year,
            "organisation": self.organisation.name,
        }

    @property
    def money_columns(self) -> tuple[tuple[str, str], ...]:
        return money_columns(self.variant)

    @property
    def entries(self) -> list[Entry]:
        return [entry for category in self.categories for entry in category.entries]

    def total(self, column: str) -> Total:
        return _total(self.entries, column)


def money_columns(variant: str) -> tuple[tuple[str, str], ...]:
    """(attribute, heading) of the amounts, in the words of the variant."""
    return _money_columns(variant, get_language())


@functools.cache
def _money_columns(variant: str, language: str | None) -> tuple[tuple[str, str], ...]:
    # once per variant and language: each entry asks for the headings (a gettext each)
    expected = variant == Variant.BUDGET
    return tuple((name, str(e if expected else h)) for name, h, e in MONEY_COLUMNS)


def _total(entries: list[Entry], column: str) -> Total:
    values = [entry.amount(column) for entry in entries]
    known = [value for value in values if value is not None]
    if values and not known:
        return Total(None, complete=False)
    return Total(sum(known, Decimal(0)), complete=len(known) == len(values))


def _participations(organisation: Organisation, year: int, variant: str, visible):
    in_year = overlaps_q(*year_span(year))
    kind = FIGURES_KIND[variant]
    return (
        visible(Participation.objects.with_verbonden_partij(year))
        .filter(in_year, organisation=organisation)
        .filter(vp_status__in=[VerbondenPartij.YES, VerbondenPartij.UNKNOWN])
        .select_related("party")
        .prefetch_related(
            Prefetch(
                "party__annual_figures",
                queryset=visible(AnnualFigures.objects.filter(year=year, kind=kind))
                .order_by("-version")
                .prefetch_related(Prefetch("risks", queryset=visible(Risk.objects.all()))),
                to_attr="figures_of_year",
            ),
            Prefetch(
                "contributions",
                queryset=visible(Contribution.objects.filter(year=year)),
                to_attr="contribution_of_year",
            ),
            Prefetch(
                "financial_interests",
                queryset=visible(FinancialInterest.objects.filter(year__in=(year - 1, year))),
                to_attr="interests_around",
            ),
            Prefetch(
                "party__bodies__seats",
                queryset=visible(Seat.objects.filter(in_year, organisation=organisation)),
                to_attr="own_seats",
            ),
        )
        .order_by("party__name")
    )


def _representation(participation: Participation, verdict) -> list[str]:
    """Who represents the organisation in which body; without a recorded seat, where its say
    comes from (a seat count, shares or a membership with a vote)."""
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
    if not lines and verdict.bestuurlijk and verdict.bestuurlijk.status == VerbondenPartij.YES:
        lines.extend(verdict.bestuurlijk.reasons)
    return lines


def _shares_text(interest: FinancialInterest | None) -> str:
    """The shares held, in words ("1.200 aandelen à € 1,00"); "" for none or unknown."""
    if interest is None or not interest.shares_count:
        return ""
    text = _("%(count)s aandelen") % {"count": formatting.number(interest.shares_count)}
    if interest.share_nominal_value is not None:
        text += _(" à %(value)s") % {
            "value": formatting.euro(interest.share_nominal_value, cents=True)
        }
    return text


def _interest_amounts(participation: Participation, year: int) -> tuple[dict, list[str], str]:
    """The financial interest at the start (the position of 31 December of the year before)
    and at the end of `year`, what is missing, and the shares in words. A party that has no
    shares (not an NV or BV) has shares worth nothing, not an unknown amount."""
    by_year = {i.year: i for i in participation.interests_around}
    no_shares = profile(participation.party.legal_form).votes != Votes.SHARES
    started_in_year = participation.start_date is not None and participation.start_date.year == year
    amounts, missing = {}, []
    for moment, position_year in (("start", year - 1), ("end", year)):
        interest = by_year.get(position_year)
        if moment == "start" and started_in_year:
            for part, _attribute in _INTEREST_PARTS:
                amounts[f"{part}_start"] = Decimal(0)  # it did not take part yet
            continue
        if interest is None:
            missing.append(
                _("financieel belang %(moment)s (stand 31-12-%(year)s)")
                % {
                    "moment": _("begin jaar") if moment == "start" else _("eind jaar"),
                    "year": position_year,
                }
            )
        for part, attribute in _INTEREST_PARTS:
            amounts[f"{part}_{moment}"] = getattr(interest, attribute) if interest else None
        if interest is not None and no_shares and interest.shares_count is None:
            amounts[f"shares_{moment}"] = Decimal(0)
    return amounts, missing, _shares_text(by_year.get(year))


def _entry(participation: Participation, year: int, variant: str) -> Entry:
    party = participation.party
    figures = next(iter(party.figures_of_year), None)
    contribution = next(iter(participation.contribution_of_year), None)
    paid_field = "budgeted" if variant == Variant.BUDGET else "realised"
    interest, missing, shares = _interest_amounts(participation, year)
    verdict = participation.verbonden_partij(year)
    amounts = {
        "contribution": getattr(contribution, paid_field) if contribution else None,
        **interest,
        **{name: getattr(figures, name) if figures else None for name in _FIGURES},
    }
    labels = {name: label.lower() for name, label in money_columns(variant)}
    absent = {"start", "end"} - {
        key.rsplit("_", 1)[1] for key, value in interest.items() if value is not None
    }
    missing = [
        *([_("vestigingsplaats")] if not party.seat else []),
        *([_("openbaar belang")] if not party.public_interest else []),
        *([labels["contribution"]] if amounts["contribution"] is None else []),
        *missing,
        # a part of a position that is recorded but unknown (the whole position: just above)
        *(
            labels[key]
            for key, value in interest.items()
            if value is None and key in labels and key.rsplit("_", 1)[1] not in absent
        ),
        *(labels[name] for name in _FIGURES if amounts[name] is None),
    ]
    return Entry(
        name=party.name,
        seat=party.seat,
        public_interest=party.public_interest,
        reason=verdict.reason,
        representation=_representation(participation, verdict),
        shares=shares,
        amounts=amounts,
        risks=[
            f"{risk.description} ({risk.get_level_display().lower()})"
            for risk in figures.risks.all()
        ]
        if figures
        else [],
        developments=figures.developments if figures else "",
        missing=missing,
    )


def _texts(organisation: Organisation, year: int, visible) -> tuple[str, str, list[str]]:
    text = visible(ParagraphText.objects.filter(organisation=organisation, year=year)).first()
    vision, intentions = (text.vision, text.intentions) if text else ("", "")
    missing = []
    if not vision:
        missing.append(_("De visie op verbonden partijen ontbreekt (BBV art. 15 lid 1)."))
    if not intentions:
        missing.append(
            _("De beleidsvoornemens omtrent verbonden partijen ontbreken (BBV art. 15 lid 1).")
        )
    return vision, intentions, missing


def _everything(queryset):
    return queryset


def build_paragraph(
    organisation: Organisation, year: int, variant: str, *, visible=_everything
) -> Paragraph:
    """`visible` narrows every query set read to what a reader may see (the API passes
    `access.site_scope` for its reader); by default everything, as finance exports it."""
    if variant not in Variant.ALL:
        raise ValueError(f"Onbekende variant {variant!r}")
    categories = {code: Category(code, str(label)) for code, label in BBVCategory.choices}
    vision, intentions, warnings = _texts(organisation, year, visible)
    for participation in _participations(organisation, year, variant, visible):
        if participation.vp_status == VerbondenPartij.UNKNOWN:
            warnings.append(
                _("%(party)s: onbekend of dit een verbonden partij is (%(category)s) – %(reason)s.")
                % {
                    "party": participation.party.name,
                    "category": participation.party.get_bbv_category_display().lower(),
                    "reason": participation.verbonden_partij(year).reason,
                }
            )
            continue
        entry = _entry(participation, year, variant)
        categories[participation.party.bbv_category].entries.append(entry)
        if entry.missing:
            warnings.append(
                _("%(party)s: ontbreekt: %(fields)s.")
                % {"party": entry.name, "fields": ", ".join(entry.missing)}
            )
    return Paragraph(
        organisation, year, variant, vision, intentions, list(categories.values()), warnings
    )
