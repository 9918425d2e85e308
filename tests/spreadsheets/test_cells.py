"""Cell values the Dutch way: numbers, dates, choices, yes/no."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerships.choices import LegalForm
from partnerships.legal_forms import MAP_CODES
from partnerships.spreadsheets import cells
from partnerships.spreadsheets.writing import _csv_cell


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.234,56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("€ 1.234.567", "1234567.00"),
        ("-€ 12.500", "-12500.00"),
        ("(12.500)", "-12500.00"),
        ("1.234", "1234.00"),
        ("12.5", "12.50"),
        ("1,234.50", "1234.50"),
        (1234.5, "1234.50"),
        (7, "7.00"),
    ],
)
def test_dutch_and_plain_numbers(raw, expected):
    assert cells.decimal(raw) == Decimal(expected)


@pytest.mark.parametrize(
    "raw", ["12,3,4", "1.23.4", "abc", "1,005", True, datetime.date(2026, 1, 1)]
)
def test_what_is_not_an_amount(raw):
    with pytest.raises(cells.CellProblem, match="een getal met hoogstens 2 decimalen"):
        cells.decimal(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "31-12-2026",
        "31-12-26",
        "31/12/2026",
        "31.12.2026",
        "2026-12-31",
        46387,
        "46387",
        datetime.datetime(2026, 12, 31, 0, 0),
        datetime.date(2026, 12, 31),
    ],
)
def test_dates_in_every_usual_form_including_excel_serials(raw):
    assert cells.date(raw) == datetime.date(2026, 12, 31)


@pytest.mark.parametrize("raw", ["31-02-2026", "morgen", 46387.5, 0])
def test_what_is_not_a_date(raw):
    with pytest.raises(cells.CellProblem, match="een datum, zoals 31-12-2026"):
        cells.date(raw)


def test_choices_by_label_label_without_brackets_or_identifier():
    assert cells.choice("Openbaar lichaam (Wgr)", LegalForm) == LegalForm.PUBLIC_BODY
    assert cells.choice("openbaar LICHAAM", LegalForm) == LegalForm.PUBLIC_BODY
    assert cells.choice("cooperatie", LegalForm) == LegalForm.COOPERATIVE
    assert cells.choice("nv", LegalForm) == LegalForm.PUBLIC_LIMITED
    with pytest.raises(cells.CellProblem, match=r"^een van: Openbaar lichaam"):
        cells.choice("GR", LegalForm)


@pytest.mark.parametrize(
    ("raw", "expected"), [("ja", True), ("Nee", False), ("x", True), (None, None)]
)
def test_yes_and_no(raw, expected):
    assert cells.boolean(raw) is expected


@pytest.mark.parametrize("raw", ["GM0153", "gm 0153", "GM153", "0153", "153", 153, 153.0])
def test_a_municipality_code_as_people_and_excel_type_it(raw):
    assert cells.cbs_code(raw) == "GM0153"


def test_a_province_code_and_codes_that_are_none():
    assert cells.cbs_code("pv 23") == cells.cbs_code(23, bare="PV") == "PV23"
    assert cells.cbs_code("PV23", bare="GM") == "PV23"  # a prefix typed wins
    assert cells.cbs_code("GM01") == "GM0001"
    assert cells.cbs_code("ABC") == "ABC"  # left to the lookup, which refuses it
    with pytest.raises(cells.CellProblem, match="een CBS-code zoals GM0153"):
        cells.cbs_code("Enschede")
    assert cells.cbs_code("12345") == "12345"  # five digits are no municipality code
    assert cells.cbs_code(None) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("WGR+OL", LegalForm.PUBLIC_BODY),
        ("WGR OL", LegalForm.PUBLIC_BODY),
        ("WGR BVO", LegalForm.OPERATIONAL_ORGANISATION),
        ("WGR cg", LegalForm.CENTRE_MUNICIPALITY),
        ("WGR (li)", LegalForm.PLAIN_ARRANGEMENT),
        ("Ovk", LegalForm.AGREEMENT),
        ("Coöp.", LegalForm.COOPERATIVE),
        ("Ver.", LegalForm.ASSOCIATION),
        ("Stichting", LegalForm.FOUNDATION),
        ("NV", LegalForm.PUBLIC_LIMITED),
        ("Fin. Bijdr.", LegalForm.NONE),
    ],
)
def test_the_legal_basis_codes_of_the_overview_maps(raw, expected):
    assert cells.choice(raw, LegalForm, MAP_CODES) == expected


def test_a_map_that_only_says_wgr_names_no_legal_form():
    with pytest.raises(cells.CellProblem, match=r"; ook: WGR\+OL, WGR BVO, WGR GO, WGR cg"):
        cells.choice("(WGR)", LegalForm, MAP_CODES)


def test_a_kvk_number_gets_back_the_zeros_excel_dropped():
    assert cells.kvk_number(1234567) == "01234567"
    with pytest.raises(cells.CellProblem):
        cells.kvk_number("123456789")


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_an_amount_written_to_csv_reads_back_the_same(amount):
    assert cells.decimal(_csv_cell(amount)) == amount
