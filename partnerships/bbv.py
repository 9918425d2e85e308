"""Is a participation a verbonden partij (BBV art. 1) in a year, and why?

BBV art. 1 lid 1: a verbonden partij is "een privaatrechtelijke of publiekrechtelijke
organisatie waarin de ... gemeente een bestuurlijk en een financieel belang heeft";
bestuurlijk belang is "zeggenschap, hetzij uit hoofde van vertegenwoordiging in het bestuur
hetzij uit hoofde van stemrecht"; financieel belang "een aan de verbonden partij ter
beschikking gesteld bedrag dat niet verhaalbaar is indien de verbonden partij failliet gaat
onderscheidenlijk het bedrag waarvoor aansprakelijkheid bestaat indien de verbonden partij
haar verplichtingen niet nakomt". Per participation and per year:

- not an organisation (a covenant, a centrumgemeenteregeling, ...; partnerships.legal_forms),
  or not taking part in the year: no. Legal form unknown: unknown.
- bestuurlijk belang: a seat by law (openbaar lichaam, bedrijfsvoeringsorganisatie, VOF), a
  seat count, a Seat recorded in a governing body of the party during the year, a voting
  weight, shares that carry votes (NV, BV: unless the voting weight is recorded as 0), or
  membership with a vote (vereniging, coöperatie: likewise).
- financieel belang: liability by law (openbaar lichaam, bedrijfsvoeringsorganisatie, VOF,
  maatschap), or shares, guarantees, loans or an amount at risk in the year's
  FinancialInterest.
- yes when both hold; no when one of them is known not to hold; otherwise *unknown*, with
  what is missing. An empty seat count, voting weight or amount is unknown, never zero, so
  a verbonden partij cannot drop out of the paragraph because a cell was left empty.

The rule is written twice, for plain values (`verdict`) and for the database (`annotate`);
tests/partnerships/test_verbonden_partij.py runs every combination through both.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from partnerships.choices import LegalForm, VerbondenPartij
from partnerships.legal_forms import GOVERNING_BODIES, Votes, forms_where, profile
from registry import formatting
from registry.periods import overlaps, overlaps_q, year_span

YES, NO, UNKNOWN = VerbondenPartij.YES, VerbondenPartij.NO, VerbondenPartij.UNKNOWN


@dataclass(frozen=True)
class Interest:
    """The year's FinancialInterest as plain values (None: unknown)."""

    shares_count: int | None = None
    guarantees: Decimal | None = None
    loans: Decimal | None = None
    amount_at_risk: Decimal | None = None


@dataclass(frozen=True)
class Inputs:
    """Everything that decides it, for one participation in one year."""

    legal_form: str
    year: int
    runs_in_year: bool
    seats: int | None
    seat_in_board: bool  # a Seat of the organisation in a governing body during the year
    voting_weight: Decimal | None
    interest: Interest | None  # None: no FinancialInterest recorded for the year


@dataclass(frozen=True)
class Finding:
    """One of the two belangen: yes / no / unknown, why, and what is missing."""

    status: str
    reasons: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str  # in Dutch, for the admin, the import preview and the paragraph
    missing: tuple[str, ...] = ()
    bestuurlijk: Finding | None = None
    financieel: Finding | None = None

    @property
    def label(self) -> str:
        return str(VerbondenPartij(self.status).label)

    @property
    def text(self) -> str:
        return f"{self.label}: {self.reason}"


_AMOUNTS = (
    ("guarantees", gettext_lazy("garanties")),
    ("loans", gettext_lazy("leningen")),
    ("amount_at_risk", gettext_lazy("bij faillissement")),
)


def _no_vote(inputs: Inputs) -> bool:
    """A voting weight recorded as 0: the shares or the membership carry no vote."""
    return inputs.voting_weight is not None and inputs.voting_weight == 0


def bestuurlijk(inputs: Inputs) -> Finding:
    form = profile(inputs.legal_form)
    if form.board_by_law:
        return Finding(YES, (form.board_by_law,))
    shares = inputs.interest.shares_count if inputs.interest else None
    reasons = []
    if inputs.seats:
        reasons.append(ngettext("%d zetel", "%d zetels", inputs.seats) % inputs.seats)
    if inputs.seat_in_board:
        reasons.append(_("een zetel in een bestuursorgaan van de partij"))
    if (inputs.voting_weight or 0) > 0:
        reasons.append(_("stemgewicht %(weight)s") % {"weight": _number(inputs.voting_weight)})
    if form.votes == Votes.SHARES and not _no_vote(inputs) and (shares or 0) > 0:
        reasons.append(_("aandelen met stemrecht in de AVA (BW 2:118, 2:228)"))
    if form.votes == Votes.MEMBERSHIP and not _no_vote(inputs):
        reasons.append(_("lid met stemrecht in de ledenvergadering (BW 2:38)"))
    if reasons:
        return Finding(YES, tuple(reasons))
    missing = []
    if inputs.seats is None:
        missing.append(_("aantal zetels"))
    if form.votes == Votes.SHARES and not _no_vote(inputs) and shares is None:
        missing.append(_("aantal aandelen %(year)s") % {"year": inputs.year})
    if form.votes == Votes.AGREEMENT and inputs.voting_weight is None:
        missing.append(_("stemgewicht"))
    if missing:
        return Finding(UNKNOWN, missing=tuple(missing))
    return Finding(NO, (_("geen zetel en geen stemrecht"),))


def financieel(inputs: Inputs) -> Finding:
    form = profile(inputs.legal_form)
    if form.liable_by_law:
        return Finding(YES, (form.liable_by_law,))
    interest = inputs.interest
    if interest is None:
        return Finding(UNKNOWN, missing=(_("financieel belang %(year)s") % {"year": inputs.year},))
    reasons = []
    if (interest.shares_count or 0) > 0:
        reasons.append(_("%(count)s aandelen") % {"count": _number(interest.shares_count)})
    for name, label in _AMOUNTS:
        amount = getattr(interest, name)
        if (amount or 0) > 0:
            reasons.append(f"{label} {formatting.euro(amount)}")
    if reasons:
        return Finding(YES, tuple(reasons))
    missing = [
        f"{label} {inputs.year}" for name, label in _AMOUNTS if getattr(interest, name) is None
    ]
    if form.votes == Votes.SHARES and interest.shares_count is None:
        missing.insert(0, _("aantal aandelen %(year)s") % {"year": inputs.year})
    if missing:
        return Finding(UNKNOWN, missing=tuple(missing))
    return Finding(
        NO,
        (
            _("geen aandelen, garanties, leningen of bedrag bij faillissement in %(year)s")
            % {"year": inputs.year},
        ),
    )


def verdict(inputs: Inputs) -> Verdict:
    label = str(LegalForm(inputs.legal_form).label)
    form_label = label[:1].lower() + label[1:]
    if not inputs.runs_in_year:
        return Verdict(NO, _("neemt in %(year)s niet deel") % {"year": inputs.year})
    if inputs.legal_form == LegalForm.UNKNOWN:
        return Verdict(UNKNOWN, _("rechtsvorm onbekend"), (_("rechtsvorm"),))
    if not profile(inputs.legal_form).organisation:
        return Verdict(
            NO,
            _("een %(form)s is geen organisatie in de zin van BBV art. 1") % {"form": form_label},
        )
    b, f = bestuurlijk(inputs), financieel(inputs)
    parts = []
    for title, finding in ((_("bestuurlijk belang"), b), (_("financieel belang"), f)):
        if finding.status == UNKNOWN:
            parts.append(_("%(title)s onbekend") % {"title": title})
        elif finding.status == YES:
            parts.append(f"{title}: {', '.join(finding.reasons)}")
        else:
            parts.append(_("geen %(title)s: %(why)s") % {"title": title, "why": finding.reasons[0]})
    if NO in (b.status, f.status):
        status = NO
        parts = [part for part, finding in zip(parts, (b, f), strict=True) if finding.status == NO]
    else:
        status = YES if b.status == f.status == YES else UNKNOWN
    missing = b.missing + f.missing if status == UNKNOWN else ()
    reason = "; ".join(parts)
    if missing:
        reason += _("; ontbreekt: %(missing)s") % {"missing": ", ".join(missing)}
    return Verdict(status, reason, missing, b, f)


def _number(value) -> str:
    value = Decimal(value)
    return formatting.number(value, 0 if value == value.to_integral_value() else 3)


# The same rule for the database.

_FORM = "party__legal_form"
_INTEREST = "vp_interest"


def _forms(predicate) -> Q:
    return Q(**{f"{_FORM}__in": forms_where(predicate)})


def _seat_in_board(year: int) -> Exists:
    from partnerships.models import Seat

    return Exists(
        Seat.objects.filter(
            overlaps_q(*year_span(year)),
            body__party=OuterRef("party"),
            organisation=OuterRef("organisation"),
            body__kind__in=GOVERNING_BODIES,
        )
    )


def _conditions(year: int) -> dict[str, Q]:
    shares = _forms(lambda p: p.votes == Votes.SHARES) & ~Q(voting_weight=0)
    members = _forms(lambda p: p.votes == Votes.MEMBERSHIP) & ~Q(voting_weight=0)
    bestuurlijk_yes = (
        _forms(lambda p: bool(p.board_by_law))
        | Q(seats__gt=0)
        | Q(vp_seat=True)
        | Q(voting_weight__gt=0)
        | (shares & Q(**{f"{_INTEREST}__shares_count__gt": 0}))
        | members
    )
    bestuurlijk_missing = (
        Q(seats__isnull=True)
        | (shares & Q(**{f"{_INTEREST}__shares_count__isnull": True}))
        | (_forms(lambda p: p.votes == Votes.AGREEMENT) & Q(voting_weight__isnull=True))
    )
    financieel_yes = _forms(lambda p: bool(p.liable_by_law))
    financieel_missing = Q(**{f"{_INTEREST}__isnull": True}) | (
        _forms(lambda p: p.votes == Votes.SHARES)
        & Q(**{f"{_INTEREST}__shares_count__isnull": True})
    )
    financieel_yes |= Q(**{f"{_INTEREST}__shares_count__gt": 0})
    for name, _label in _AMOUNTS:
        financieel_yes |= Q(**{f"{_INTEREST}__{name}__gt": 0})
        financieel_missing |= Q(**{f"{_INTEREST}__{name}__isnull": True})
    return {
        "runs": overlaps_q(*year_span(year)),
        "organisation": _forms(lambda p: p.organisation),
        "both": bestuurlijk_yes & financieel_yes,
        "open": (bestuurlijk_yes | bestuurlijk_missing) & (financieel_yes | financieel_missing),
    }


def annotate(participations: QuerySet, year: int) -> QuerySet:
    """`participations` with `vp_status` (yes / no / unknown in `year`) and what decides it
    (`vp_seat`, `vp_interest_id`, `vp_shares`, `vp_guarantees`, `vp_loans`, `vp_at_risk`),
    so that `verdict_of` explains each one without another query."""
    condition = _conditions(year)
    interest = f"{_INTEREST}__"
    this_year = FilteredRelation("financial_interests", condition=Q(financial_interests__year=year))
    return (
        participations.alias(vp_interest=this_year)
        .annotate(vp_seat=_seat_in_board(year), vp_year=Value(year))
        .annotate(
            vp_interest_id=F(f"{interest}pk"),
            vp_shares=F(f"{interest}shares_count"),
            vp_guarantees=F(f"{interest}guarantees"),
            vp_loans=F(f"{interest}loans"),
            vp_at_risk=F(f"{interest}amount_at_risk"),
            vp_status=Case(
                When(~condition["runs"], then=Value(NO)),
                When(Q(**{_FORM: LegalForm.UNKNOWN}), then=Value(UNKNOWN)),
                When(~condition["organisation"], then=Value(NO)),
                When(condition["both"], then=Value(YES)),
                When(condition["open"], then=Value(UNKNOWN)),
                default=Value(NO),
                output_field=CharField(),
            ),
        )
    )


def inputs_of(participation, year: int) -> Inputs:
    """The inputs of one participation, from what `annotate` added or else from the
    database (two queries)."""
    if getattr(participation, "vp_year", None) == year:
        seat_in_board = bool(participation.vp_seat)
        interest = (
            None
            if participation.vp_interest_id is None
            else Interest(
                participation.vp_shares,
                participation.vp_guarantees,
                participation.vp_loans,
                participation.vp_at_risk,
            )
        )
    else:
        from partnerships.models import Participation

        seat_in_board = (
            Participation.objects.filter(pk=participation.pk).filter(_seat_in_board(year)).exists()
            if participation.pk
            else False
        )
        stored = (
            participation.financial_interests.filter(year=year).first()
            if participation.pk
            else None
        )
        interest = (
            None
            if stored is None
            else Interest(
                stored.shares_count, stored.guarantees, stored.loans, stored.amount_at_risk
            )
        )
    return inputs_for(participation, year, seat_in_board=seat_in_board, interest=interest)


def inputs_for(participation, year: int, *, seat_in_board: bool, interest: Interest | None):
    """The inputs of a participation in memory, given what was read about its year."""
    return Inputs(
        legal_form=participation.party.legal_form,
        year=year,
        runs_in_year=overlaps(participation.start_date, participation.end_date, *year_span(year)),
        seats=participation.seats,
        seat_in_board=seat_in_board,
        voting_weight=participation.voting_weight,
        interest=interest,
    )


def verdict_of(participation, year: int) -> Verdict:
    return verdict(inputs_of(participation, year))
