"""From a cell to a Python value, or a CellProblem that says what was expected (in Dutch).

An empty cell is None for every parser; whether a value is required is the column's rule.
Numbers: XLSX number cells are taken as they are. Text is read the Dutch way: "1.234,56",
"1234,56", "€ 1.234", "-12.500". A single dot followed by exactly three digits ("1.234") is a
thousands separator; another single dot ("12.5") is a decimal point, as in "1234.56".
Dates: date cells, Excel serial numbers (46387 = 31-12-2026), "31-12-2026", "31-12-26",
"31/12/2026", "31.12.2026" and "2026-12-31".
"""

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from registry.formatting import FORMULA_PREFIXES, number

FIRST_SERIAL, LAST_SERIAL = 1, 2958465  # 1-1-1900 .. 31-12-9999
TRUE_WORDS = {"ja", "j", "waar", "true", "x", "1", "yes", "y"}
FALSE_WORDS = {"nee", "n", "onwaar", "false", "0", "no"}
DATE_FORMATS = ("%d-%m-%Y", "%d-%m-%y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d")
GROUPED_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


class CellProblem(Exception):
    """What the cell should have held, e.g. "een bedrag, zoals 1.234,56"."""

    def __init__(self, expected: str):
        super().__init__(expected)
        self.expected = expected


def normalised(text: str) -> str:
    """Lower case, no accents, runs of other characters as one space: for matching words."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain.lower()).split())


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value, max_length: int | None = None) -> str | None:
    if is_empty(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        raise CellProblem(_("tekst, geen datum"))
    result = str(value).strip()
    # An export neutralised a leading = + - @ with a quote; read it back as it was.
    if result.startswith("'") and result[1:2] in FORMULA_PREFIXES:
        result = result[1:]
    if max_length and len(result) > max_length:
        raise CellProblem(_("tekst van hoogstens %(max)d tekens") % {"max": max_length})
    return result


def code(value, max_length: int | None = None) -> str | None:
    """A code compared without regard to case and spaces (CBS code, registry code)."""
    result = text(value, max_length)
    return result.replace(" ", "").upper() if result else None


def cbs_code(value, bare: str = "GM") -> str | None:
    """A CBS code as people type it: GM0153, gm 153, 0153 or 153 (Excel keeps 0153 typed as a
    number as 153) are the municipality GM0153, PV 23 the province PV23; digits alone take the
    prefix `bare` (a province column passes "PV"). Other codes are kept as typed (upper case,
    no spaces) and judged by whoever looks them up."""
    result = code(value, 12)
    if result is None:
        return None
    match = re.fullmatch(r"(GM|PV)?0*(\d{1,4})", result)
    if match is None:
        if len(result) > 6:
            raise CellProblem(_("een CBS-code zoals GM0153"))
        return result
    prefix, digits = match.group(1) or bare, match.group(2)
    return f"{prefix}{digits.zfill(4 if prefix == 'GM' else 2)}"


def kvk_number(value) -> str | None:
    """Eight digits; Excel drops leading zeros of a number cell, so they are put back."""
    result = text(value)
    if result is None:
        return None
    digits = result.replace(" ", "").replace(".", "")
    if not digits.isdigit() or len(digits) > 8:
        raise CellProblem(_("een KvK-nummer van 8 cijfers"))
    return digits.zfill(8)


def decimal(value, places: int = 2) -> Decimal | None:
    expected = _("een getal met hoogstens %(places)d decimalen, zoals %(example)s") % {
        "places": places,
        "example": number(Decimal("1234.56"), places) if places else "1.234",
    }
    if is_empty(value):
        return None
    if isinstance(value, (bool, datetime.date | datetime.datetime)):
        raise CellProblem(expected)
    if isinstance(value, int | float):
        result = Decimal(str(value))
    else:
        result = _dutch_decimal(str(value), expected)
    quantum = Decimal(1).scaleb(-places)
    rounded = result.quantize(quantum)
    if abs(rounded - result) > Decimal("1e-9"):
        raise CellProblem(expected)
    return rounded


def _dutch_decimal(raw: str, expected: str) -> Decimal:
    cleaned = raw.replace("€", "").replace("\xa0", "").replace(" ", "").strip()
    if cleaned.startswith("(") and cleaned.endswith(")"):  # accountants' negative
        cleaned = "-" + cleaned[1:-1]
    if "," in cleaned and "." in cleaned:
        thousands, decimal_mark = (
            (".", ",") if cleaned.rfind(",") > cleaned.rfind(".") else (",", ".")
        )
        cleaned = cleaned.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in cleaned:
        if cleaned.count(",") > 1:
            raise CellProblem(expected)
        cleaned = cleaned.replace(",", ".")
    elif cleaned.count(".") > 1 or GROUPED_THOUSANDS.match(cleaned):
        if not GROUPED_THOUSANDS.match(cleaned):
            raise CellProblem(expected)
        cleaned = cleaned.replace(".", "")
    try:
        result = Decimal(cleaned)
    except InvalidOperation:
        raise CellProblem(expected) from None
    if not result.is_finite():
        raise CellProblem(expected)
    return result


def integer(value) -> int | None:
    expected = _("een geheel getal, zoals 12")
    try:
        result = decimal(value, places=0)
    except CellProblem:
        raise CellProblem(expected) from None
    return None if result is None else int(result)


def year(value) -> int | None:
    result = integer(value) if not isinstance(value, datetime.date) else value.year
    if result is not None and not 1900 <= result <= 2200:
        raise CellProblem(_("een jaartal, zoals 2027"))
    return result


def date(value) -> datetime.date | None:
    expected = _("een datum, zoals 31-12-2026")
    if is_empty(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial_date(value, expected)
    raw = str(value).strip()
    if raw.isdigit():
        return _serial_date(int(raw), expected)
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise CellProblem(expected)


def _serial_date(serial: float, expected: str) -> datetime.date:
    if not FIRST_SERIAL <= serial <= LAST_SERIAL or not float(serial).is_integer():
        raise CellProblem(expected)
    return from_excel(serial).date()


def boolean(value) -> bool | None:
    if is_empty(value):
        return None
    if isinstance(value, bool):
        return value
    word = normalised(str(value))
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellProblem(_("ja of nee"))


def choice(value, choices, synonyms=None) -> str | None:
    """A TextChoices value by its label (with or without the part between brackets), its
    identifier, or a word the label starts with when that word is unique; `synonyms` maps
    other words to a value (the overview maps' legal-basis codes), compared normalised."""
    if is_empty(value):
        return None
    wanted = normalised(str(value))
    for word, option in (synonyms or {}).items():
        if normalised(word) == wanted:
            return option
    for option in choices:
        names = {normalised(option.value), normalised(str(option.label))}
        names.add(normalised(str(option.label).split("(")[0]))
        if wanted in names:
            return option.value
    raise CellProblem(_("een van: %(options)s") % {"options": choice_words(choices, synonyms)})


def choice_words(choices, synonyms=None) -> str:
    """What a choice cell accepts, for messages and the template's explanation row."""
    words = "; ".join(str(c.label) for c in choices)
    if synonyms:
        words += "; " + _("ook: %(words)s") % {"words": ", ".join(synonyms)}
    return words


def list_of_text(value) -> list[str] | None:
    """Several values in one cell, separated by ";" or a line break."""
    raw = text(value)
    if raw is None:
        return None
    return [item.strip() for item in re.split(r"[;\n]", raw) if item.strip()]
