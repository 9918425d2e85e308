"""Dutch formatting at the edge (templates, exports): € 1.234.567, -€ 12.500, 31-12-2026."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

UNKNOWN = "onbekend"


def _grouped(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def number(value: Decimal | int | None, places: int = 0) -> str:
    """1234567.5 -> '1.234.567,50' (with places=2); None -> 'onbekend'."""
    if value is None:
        return UNKNOWN
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    text = _grouped(int(whole))
    return f"{sign}{text},{fraction}" if places else f"{sign}{text}"


def euro(value: Decimal | int | None, cents: bool = False) -> str:
    """€ 1.234.567 and -€ 12.500; None -> 'onbekend', never € 0."""
    if value is None:
        return UNKNOWN
    text = number(abs(Decimal(value)), 2 if cents else 0)
    rounded_is_zero = text.strip("0,.") == ""
    sign = "-" if Decimal(value) < 0 and not rounded_is_zero else ""
    return f"{sign}€ {text}"


def percentage(value: Decimal | None, places: int = 2) -> str:
    return UNKNOWN if value is None else f"{number(value, places)}%"


def file_size(size: int) -> str:
    """31,2 MB, 25 MB, 12 kB, 800 bytes (a megabyte is 1024 × 1024 bytes)."""
    for unit, factor in (("MB", 1024 * 1024), ("kB", 1024)):
        if size >= factor:
            amount = Decimal(size) / factor
            places = 0 if amount == amount.to_integral_value() else 1
            return f"{number(amount, places)} {unit}"
    return f"{size} bytes"


def date(value: datetime.date | None) -> str:
    return UNKNOWN if value is None else value.strftime("%d-%m-%Y")


FORMULA_PREFIXES = ("=", "+", "-", "@")


def neutralise(text: str) -> str:
    """A spreadsheet cell starting with = + - @ would run as a formula in Excel: prefix a
    quote, so it shows as text. Every export applies this to every text cell (also to a
    negative amount written as text, so that the rule stays simple)."""
    return "'" + text if text[:1] in FORMULA_PREFIXES else text
