"""Splitting a party's total over its participants by a cost-allocation key (verdeelsleutel).

Pure functions over plain values: no database. One rounding rule for every key, composite
and pro rata included: each participant's share is computed exactly (fractions) and only
then rounded, once, to whole cents by the largest-remainder method, so the shares add up to
the total to the cent and no share is more than a cent from its exact value. Equal
remainders go to the participant whose sort key (CBS code) comes first.

The exact share of participant i, taking part d_i of the D days of the year (t_i = d_i / D,
1 for the whole year or when the key is not pro rata), with weight w_i (inhabitants,
households, units, a percentage, 1 for equal shares) and, for a composite key, a fixed
amount B per participant:

    base_i  = B × t_i
    share_i = base_i + (T − Σ_j base_j) × (w_i × t_i) / Σ_j (w_j × t_j)

Every share carries the reasoning shown to finance staff (partnerships.allocation_text). A
key that cannot be applied raises AllocationError with every problem in Dutch, never a
silent zero.
"""

import math
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

from partnerships import allocation_text
from partnerships.choices import KeyMethod
from registry import formatting
from registry.money import CENT

HUNDRED = Decimal(100)


class AllocationError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Member:
    """One participant's inputs for one year."""

    key: str  # stable identifier (CBS code): the tie-break and the display order
    name: str
    inhabitants: int | None = None
    households: int | None = None
    units: Decimal | None = None
    percentage: Decimal | None = None
    days: int | None = None  # days it takes part in the year; None: the whole year


@dataclass(frozen=True)
class Key:
    method: str
    base_amount: Decimal = Decimal(0)  # composite: fixed amount per participant
    rest_method: str = ""  # composite: how the rest is split
    pro_rata: bool = True  # a participant for part of the year pays for those days
    days_in_year: int = 365
    reference: str = ""  # e.g. "01-01-2026", for messages about population figures
    # False in a what-if: the remaining fixed percentages are scaled up to the whole.
    percentages_complete: bool = True


@dataclass(frozen=True)
class Share:
    member: Member
    amount: Decimal  # rounded to the cent, once
    exact: Fraction  # the exact amount before that rounding
    base: Fraction  # composite key: the fixed amount (pro rata), exact
    weight: Decimal | None  # the key's input for this member (inhabitants, units, %, ...)
    fraction: Fraction  # its part of the variable amount
    explanation: str


@dataclass(frozen=True)
class Allocation:
    total: Decimal
    key: Key
    shares: tuple[Share, ...] = field(default_factory=tuple)

    def amount_of(self, member_key: str) -> Decimal:
        return next(s.amount for s in self.shares if s.member.key == member_key)


def largest_remainder(exact: list[Fraction], order: list[str]) -> list[Decimal]:
    """The one rounding step: exact amounts that add up to whole cents, each rounded to whole
    cents so that they still add up. Floors first, then one cent each to the largest
    remainders; equal remainders go to the member that sorts first in `order`. A negative
    total is rounded as its opposite, so that the rule is the same in both directions."""
    cents = [amount * 100 for amount in exact]
    total = sum(cents, Fraction(0))
    if total.denominator != 1:
        raise AllocationError([_("Het totaalbedrag heeft meer dan twee decimalen.")])
    sign = -1 if total < 0 else 1
    cents = [sign * c for c in cents]
    floors = [math.floor(c) for c in cents]
    left = sign * int(total) - sum(floors)
    by_remainder = sorted(range(len(cents)), key=lambda i: (-(cents[i] - floors[i]), order[i]))
    for index in by_remainder[:left]:
        floors[index] += 1
    return [Decimal(sign * c) * CENT for c in floors]


def _time_factor(member: Member, key: Key) -> Fraction:
    if not key.pro_rata or member.days is None:
        return Fraction(1)
    return Fraction(member.days, key.days_in_year)


def _names_where(members: list[Member], condition) -> str:
    return ", ".join(m.name for m in members if condition(m))


def _input(method: str) -> tuple[str, str]:
    """The Member attribute a method divides by, and the message when a member lacks it."""
    return {
        KeyMethod.FIXED_PERCENTAGES: (
            "percentage",
            _("Geen percentage in de verdeelsleutel voor: %(names)s."),
        ),
        KeyMethod.INHABITANTS: (
            "inhabitants",
            _("Geen inwonertal op peildatum %(reference)s voor: %(names)s."),
        ),
        KeyMethod.HOUSEHOLDS: (
            "households",
            _("Geen aantal huishoudens op peildatum %(reference)s voor: %(names)s."),
        ),
        KeyMethod.USAGE: ("units", _("Geen afname (eenheden) opgegeven voor: %(names)s.")),
    }[method]


def percentages_problem(total: Decimal) -> str | None:
    """Fixed percentages of a key must add up to 100: the one rule, for the allocation and for
    the admin that keeps the key."""
    if total == HUNDRED:
        return None
    return _("De percentages tellen op tot %(total)s in plaats van 100%%.") % {
        "total": allocation_text.percentage_as_given(total, minimum=2)
    }


def _weights(method: str, members: list[Member], key: Key) -> list[Decimal]:
    """The key's input per member, after checking it; raises with every problem found."""
    if method == KeyMethod.EQUAL:
        return [Decimal(1)] * len(members)
    if method not in KeyMethod.values or method == KeyMethod.COMPOSITE:
        raise AllocationError([_("Onbekende verdeelmethode '%(method)s'.") % {"method": method}])
    attribute, missing_message = _input(method)
    values = [getattr(m, attribute) for m in members]
    problems = []
    missing = _names_where(members, lambda m: getattr(m, attribute) is None)
    if missing:
        problems.append(missing_message % {"names": missing, "reference": key.reference or "?"})
    elif method == KeyMethod.FIXED_PERCENTAGES and key.percentages_complete:
        problem = percentages_problem(sum(values))
        if problem:
            problems.append(problem)
    negative = _names_where(members, lambda m: (getattr(m, attribute) or 0) < 0)
    if negative:
        problems.append(
            _("Negatieve invoer in de verdeelsleutel voor: %(names)s.") % {"names": negative}
        )
    if not problems and sum(values) == 0:
        problems.append(_("De verdeelsleutel verdeelt niets: alle invoer is nul."))
    if problems:
        raise AllocationError(problems)
    return [Decimal(v) for v in values]


def allocate(total: Decimal, key: Key, members: list[Member]) -> Allocation:
    """Each member's share of `total` under `key`, in euros and cents (see the module's
    formula: exact until the one rounding step)."""
    if not members:
        raise AllocationError([_("De verdeelsleutel heeft geen deelnemers.")])
    if len({m.key for m in members}) != len(members):
        raise AllocationError([_("Een deelnemer staat twee keer in de verdeelsleutel.")])
    members = sorted(members, key=lambda m: m.key)
    times = [_time_factor(m, key) for m in members]
    variable_method, base_amount = key.method, Fraction(0)
    if key.method == KeyMethod.COMPOSITE:
        if not key.rest_method or key.rest_method == KeyMethod.COMPOSITE:
            raise AllocationError(
                [_("Een samengestelde sleutel noemt hoe de rest wordt verdeeld.")]
            )
        variable_method, base_amount = key.rest_method, Fraction(key.base_amount)
    bases = [base_amount * t for t in times]
    base_total = sum(bases, Fraction(0))
    if base_total > Fraction(total):
        raise AllocationError(
            [
                _(
                    "Het vaste bedrag per deelnemer (samen %(base)s) is hoger dan "
                    "het totaal %(total)s."
                )
                % {
                    "base": formatting.euro(allocation_text.as_decimal(base_total), cents=True),
                    "total": formatting.euro(total, cents=True),
                }
            ]
        )
    weights = _weights(variable_method, members, key)
    timed = [Fraction(w) * t for w, t in zip(weights, times, strict=True)]
    weight_sum = sum(timed, Fraction(0))
    rest = Fraction(total) - base_total
    exact = [b + rest * part / weight_sum for b, part in zip(bases, timed, strict=True)]
    amounts = largest_remainder(exact, [m.key for m in members])
    weighted = key.pro_rata and any(m.days is not None for m in members)
    shares = []
    for member, weight, part, base, amount, value in zip(
        members, weights, timed, bases, amounts, exact, strict=True
    ):
        fraction = part / weight_sum
        explanation = allocation_text.explain(
            method=variable_method,
            key=key,
            weight=weight,
            timed=part,
            weight_sum=weight_sum,
            fraction=fraction,
            days=member.days,
            weighted=weighted,
            base=base,
            rest=rest,
        )
        shares.append(Share(member, amount, value, base, weight, fraction, explanation))
    return Allocation(total=total, key=key, shares=tuple(shares))


@dataclass(frozen=True)
class ExitEffect:
    """What-if: one member leaves; the same total is split over the others by the same key."""

    leaving: Share
    before: Allocation
    after: Allocation

    def rows(self) -> list[tuple[Member, Decimal, Decimal | None]]:
        """(member, amount now, amount after the exit; None for the one leaving)."""
        after = {s.member.key: s.amount for s in self.after.shares}
        return [(s.member, s.amount, after.get(s.member.key)) for s in self.before.shares]


def what_if_exit(total: Decimal, key: Key, members: list[Member], leaving: str) -> ExitEffect:
    before = allocate(total, key, members)
    remaining = [m for m in members if m.key != leaving]
    if len(remaining) == len(members):
        raise AllocationError([_("Deze organisatie neemt niet deel.")])
    after = allocate(total, replace(key, percentages_complete=False), remaining)
    leaving_share = next(s for s in before.shares if s.member.key == leaving)
    return ExitEffect(leaving=leaving_share, before=before, after=after)
