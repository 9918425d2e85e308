"""Dutch formatting in templates: {% load dutch %} {{ amount|euro }} {{ day|datum }}."""

from django import template

from registry import formatting

register = template.Library()


@register.filter
def euro(value, cents=False):
    """€ 1.234.567, -€ 12.500; "onbekend" for a missing amount. `|euro:True` shows cents."""
    return formatting.euro(value, cents=bool(cents))


@register.filter
def signed_euro(value):
    """A change in euros with its sign: +€ 730.000,00, -€ 12,50, € 0,00."""
    text = formatting.euro(value, cents=True)
    return f"+{text}" if value is not None and value > 0 else text


@register.filter
def datum(value):
    return formatting.date(value)


@register.filter
def getal(value, places=0):
    """1.234,5 with `|getal:1`; "—" for nothing (a mean of no scores, no spread)."""
    return "—" if value is None else formatting.number(value, int(places))


@register.filter
def procent(value, places=2):
    return formatting.percentage(value, int(places))
