"""The reasoning beside each share of an allocation, in Dutch, written so that it adds up:
the member's weight divided by the sum shown is the percentage shown.

When a participant takes part for only some days of the year (and the key is pro rata),
every weight is counted for the days of participation (weight × days / days in the year),
and the sum shown is the sum of those day-weighted weights, not of the raw inputs. A
percentage laid down in the regeling is shown at the precision it was given (41,237%).
"""

from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerships.choices import KeyMethod
from registry import formatting

UNITS = {
    KeyMethod.INHABITANTS: gettext_lazy("inwoners"),
    KeyMethod.HOUSEHOLDS: gettext_lazy("huishoudens"),
    KeyMethod.USAGE: gettext_lazy("eenheden"),
}


def places_of(value: Decimal) -> int:
    """How many decimals a value was given with (41.2370 -> 3, 25.0000 -> 0)."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def percentage_as_given(value: Decimal, minimum: int = 0) -> str:
    return formatting.percentage(value, max(minimum, places_of(value)))


def as_decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _figure(value: Fraction, places: int = 2) -> str:
    """A count or a day-weighted count: whole when it is whole, else with `places`."""
    return formatting.number(as_decimal(value), 0 if value.denominator == 1 else places)


def _days(days: int | None, days_in_year: int) -> str:
    return _(" × %(days)s/%(year)s dagen") % {"days": days, "year": days_in_year}


def _given(method, weight, timed, weight_sum, days, key, weighted: bool) -> str:
    """`weight` as the key reads it, out of `weight_sum` (day-weighted when `weighted`)."""
    partial = days is not None and key.pro_rata
    if method == KeyMethod.FIXED_PERCENTAGES:
        given = _("%(weight)s volgens de regeling") % {"weight": percentage_as_given(weight)}
        if not weighted and key.percentages_complete:
            return given
        places = max(2, places_of(weight))
        timed_text = formatting.percentage(as_decimal(timed), places)
        if partial:
            given += _days(days, key.days_in_year) + f" = {timed_text}"
        return _("%(given)s, van %(sum)s samen") % {
            "given": given,
            "sum": formatting.percentage(as_decimal(weight_sum), places),
        }
    if method == KeyMethod.EQUAL:
        if not weighted:
            return _("gelijk deel")
        part = _figure(timed, 4) + (_days(days, key.days_in_year) if partial else "")
        return _("%(part)s van %(sum)s gelijke delen naar rato van dagen") % {
            "part": part,
            "sum": _figure(weight_sum, 4),
        }
    unit = UNITS[method]
    raw = formatting.number(weight, 0 if weight == int(weight) else 2)
    if not weighted:
        return _("%(weight)s van %(sum)s %(unit)s") % {
            "weight": raw,
            "sum": _figure(weight_sum),
            "unit": unit,
        }
    part = f"{raw}{_days(days, key.days_in_year)} = {_figure(timed)}" if partial else raw
    return _("%(part)s van %(sum)s %(unit)s naar rato van dagen") % {
        "part": part,
        "sum": _figure(weight_sum),
        "unit": unit,
    }


def explain(
    *,
    method: str,
    key,
    weight: Decimal,
    timed: Fraction,
    weight_sum: Fraction,
    fraction: Fraction,
    days: int | None,
    weighted: bool,
    base: Fraction,
    rest: Fraction,
) -> str:
    """The reasoning of one share: its part of the variable amount (and the fixed amount of a
    composite key), with the inputs that give that part. `weighted`: some participant of the
    allocation takes part for only some days, so all weights are counted for their days."""
    places = max(2, places_of(weight)) if method == KeyMethod.FIXED_PERCENTAGES else 2
    share = formatting.percentage(as_decimal(fraction) * 100, places)
    given = _given(method, weight, timed, weight_sum, days, key, weighted)
    if not key.base_amount:
        return f"{given}: {share}"
    fixed = formatting.euro(as_decimal(base), cents=True)
    if days is not None and key.pro_rata:
        whole_year = formatting.euro(key.base_amount, cents=True)
        fixed += f" ({whole_year}{_days(days, key.days_in_year)})"
    return _("vast %(fixed)s + %(share)s van de rest %(rest)s (%(given)s)") % {
        "fixed": fixed,
        "share": share,
        "rest": formatting.euro(as_decimal(rest), cents=True),
        "given": given,
    }
