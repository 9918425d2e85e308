from decimal import Decimal

import pytest

from registry import formatting


@pytest.mark.parametrize(
    ("value", "cents", "expected"),
    [
        (Decimal("1234567"), False, "€ 1.234.567"),
        (Decimal("-12500"), False, "-€ 12.500"),
        (Decimal("1234.5"), True, "€ 1.234,50"),
        (Decimal("-0.004"), True, "€ 0,00"),
        (Decimal("999.5"), False, "€ 1.000"),
        (None, False, "onbekend"),
    ],
)
def test_euro_in_dutch_notation(value, cents, expected):
    assert formatting.euro(value, cents=cents) == expected


@pytest.mark.parametrize(
    ("size", "expected"),
    [(32_715_571, "31,2 MB"), (25 * 1024 * 1024, "25 MB"), (3584, "3,5 kB"), (800, "800 bytes")],
)
def test_file_size_in_dutch_notation(size, expected):
    assert formatting.file_size(size) == expected


def test_percentage_and_date():
    import datetime

    assert formatting.percentage(Decimal("12.5")) == "12,50%"
    assert formatting.date(datetime.date(2026, 12, 31)) == "31-12-2026"
    assert formatting.number(None) == "onbekend"
