"""The allocation by a cost-allocation key: to the cent, never negative, proportional."""

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerships.allocation import AllocationError, Key, Member, allocate, what_if_exit
from partnerships.choices import KeyMethod

amounts = st.decimals(min_value=0, max_value=Decimal("1e11"), places=2)
weights = st.lists(st.integers(min_value=0, max_value=1_000_000), min_size=1, max_size=40).filter(
    lambda ws: sum(ws) > 0
)


def members_with_inhabitants(counts, days=None):
    return [
        Member(key=f"GM{i:04d}", name=f"Gemeente {i}", inhabitants=n, days=days)
        for i, n in enumerate(counts)
    ]


@given(total=amounts, counts=weights)
def test_shares_add_up_to_the_total_to_the_cent(total, counts):
    allocation = allocate(total, Key(KeyMethod.INHABITANTS), members_with_inhabitants(counts))
    assert sum(s.amount for s in allocation.shares) == total
    assert all(s.amount == s.amount.quantize(Decimal("0.01")) for s in allocation.shares)


@given(total=amounts, counts=weights)
def test_no_negative_share_for_non_negative_inputs(total, counts):
    allocation = allocate(total, Key(KeyMethod.INHABITANTS), members_with_inhabitants(counts))
    assert all(s.amount >= 0 for s in allocation.shares)


@given(total=amounts, counts=weights)
def test_shares_are_proportional_within_a_cent(total, counts):
    allocation = allocate(total, Key(KeyMethod.INHABITANTS), members_with_inhabitants(counts))
    weight_sum = sum(counts)
    for share in allocation.shares:
        exact = Fraction(total) * share.member.inhabitants / weight_sum
        assert abs(Fraction(share.amount) - exact) < Fraction(1, 100)
    for a in allocation.shares:
        for b in allocation.shares:
            if a.member.inhabitants < b.member.inhabitants:
                assert a.amount <= b.amount


@given(total=amounts, counts=weights, base=st.decimals(min_value=0, max_value=1000, places=2))
def test_composite_key_adds_up_and_gives_each_at_least_the_base(total, counts, base):
    members = members_with_inhabitants(counts)
    key = Key(KeyMethod.COMPOSITE, base_amount=base, rest_method=KeyMethod.INHABITANTS)
    if base * len(members) > total:
        with pytest.raises(AllocationError):
            allocate(total, key, members)
        return
    allocation = allocate(total, key, members)
    assert sum(s.amount for s in allocation.shares) == total
    assert all(s.amount >= base for s in allocation.shares)


def test_equal_shares_with_a_deterministic_cent():
    members = [Member(key=code, name=code) for code in ("GM0003", "GM0001", "GM0002")]
    allocation = allocate(Decimal("100.00"), Key(KeyMethod.EQUAL), members)
    assert [(s.member.key, s.amount) for s in allocation.shares] == [
        ("GM0001", Decimal("33.34")),
        ("GM0002", Decimal("33.33")),
        ("GM0003", Decimal("33.33")),
    ]


def test_fixed_percentages_of_the_bestuursdienst_ommen_hardenberg():
    members = [
        Member(key="GM0175", name="Ommen", percentage=Decimal(25)),
        Member(key="GM0160", name="Hardenberg", percentage=Decimal(75)),
    ]
    allocation = allocate(Decimal("40000000"), Key(KeyMethod.FIXED_PERCENTAGES), members)
    assert allocation.amount_of("GM0175") == Decimal("10000000.00")
    assert allocation.amount_of("GM0160") == Decimal("30000000.00")
    ommen = next(s for s in allocation.shares if s.member.name == "Ommen")
    assert ommen.explanation == "25% volgens de regeling: 25,00%"


def test_participant_joining_mid_year_pays_pro_rata_by_days():
    members = [
        Member(key="GM0001", name="A", inhabitants=1000),
        Member(key="GM0002", name="B", inhabitants=1000, days=73),  # a fifth of the year
    ]
    allocation = allocate(Decimal("1200.00"), Key(KeyMethod.INHABITANTS), members)
    assert allocation.amount_of("GM0001") == Decimal("1000.00")
    assert allocation.amount_of("GM0002") == Decimal("200.00")
    # the weights are counted for their days, and the sum shown is theirs: 200 / 1.200
    assert allocation.shares[1].explanation == (
        "1.000 × 73/365 dagen = 200 van 1.200 inwoners naar rato van dagen: 16,67%"
    )
    assert allocation.shares[0].explanation == (
        "1.000 van 1.200 inwoners naar rato van dagen: 83,33%"
    )

    whole_year = allocate(Decimal("1200.00"), Key(KeyMethod.INHABITANTS, pro_rata=False), members)
    assert whole_year.amount_of("GM0002") == Decimal("600.00")


def test_usage_key_explains_the_inputs():
    members = [
        Member(key="GM0153", name="Enschede", units=Decimal(300)),
        Member(key="GM0168", name="Losser", units=Decimal(100)),
    ]
    allocation = allocate(Decimal("80000"), Key(KeyMethod.USAGE), members)
    assert allocation.amount_of("GM0153") == Decimal("60000.00")
    assert allocation.shares[0].explanation == "300 van 400 eenheden: 75,00%"


@pytest.mark.parametrize(
    ("key", "members", "message"),
    [
        (
            Key(KeyMethod.FIXED_PERCENTAGES),
            [
                Member("GM1", "Ommen", percentage=Decimal(25)),
                Member("GM2", "Hardenberg", percentage=Decimal(70)),
            ],
            "De percentages tellen op tot 95,00% in plaats van 100%.",
        ),
        (
            Key(KeyMethod.INHABITANTS, reference="01-01-2025"),
            [Member("GM1", "Borne", inhabitants=24000), Member("GM2", "Hengelo")],
            "Geen inwonertal op peildatum 01-01-2025 voor: Hengelo.",
        ),
        (
            Key(KeyMethod.USAGE),
            [Member("GM1", "Enschede", units=Decimal(5)), Member("GM2", "Losser")],
            "Geen afname (eenheden) opgegeven voor: Losser.",
        ),
        (
            Key(KeyMethod.HOUSEHOLDS),
            [Member("GM1", "A", households=0), Member("GM2", "B", households=0)],
            "De verdeelsleutel verdeelt niets: alle invoer is nul.",
        ),
    ],
)
def test_a_key_that_cannot_be_applied_is_refused_in_dutch(key, members, message):
    with pytest.raises(AllocationError) as refused:
        allocate(Decimal("1000"), key, members)
    assert message in refused.value.problems


def test_what_if_one_participant_leaves_redistributes_its_share():
    members = [
        Member(key="GM0175", name="Ommen", percentage=Decimal(25)),
        Member(key="GM0160", name="Hardenberg", percentage=Decimal(50)),
        Member(key="GM0148", name="Dalfsen", percentage=Decimal(25)),
    ]
    effect = what_if_exit(Decimal("1000.00"), Key(KeyMethod.FIXED_PERCENTAGES), members, "GM0148")
    assert effect.leaving.amount == Decimal("250.00")
    rows = {m.name: (now, after) for m, now, after in effect.rows()}
    assert rows == {
        "Dalfsen": (Decimal("250.00"), None),
        "Hardenberg": (Decimal("500.00"), Decimal("666.67")),
        "Ommen": (Decimal("250.00"), Decimal("333.33")),
    }


def test_composite_key_with_a_participant_joining_on_1_july_of_a_leap_year_rounds_once():
    """Computed by hand. 2028 has 366 days; Dinkelland takes part from 1 July: 184 days.
    Fixed part: € 10.000 each, pro rata: 10.000 + 10.000 + 10.000 × 184/366 = 25.027,3224…
    Rest: 1.500.000,70 − 25.027,3224… = 1.474.973,3775…, split by day-weighted inhabitants:
    161.000 + 82.000 + 26.500 × 184/366 = 256.322,4043…
      Enschede   10.000 + 1.474.973,3775… × 161.000 / 256.322,4043… = 936.453,2079…
      Hengelo    10.000 + 1.474.973,3775… × 82.000 / 256.322,4043…  = 481.858,1555…
      Dinkelland 5.027,3224… + 1.474.973,3775… × 13.322,4043… / 256.322,4043… = 81.689,3364…
    Floors 936.453,20 + 481.858,15 + 81.689,33 = 1.500.000,68: two cents left, to the largest
    remainders (,0079… of Enschede and ,0064… of Dinkelland before ,0055… of Hengelo).
    Rounding the fixed part first (5.027,32) and the rest apart gives Hengelo ,16 and
    Dinkelland ,33: a cent moved."""
    members = [
        Member(key="GM0153", name="Enschede", inhabitants=161_000),
        Member(key="GM0164", name="Hengelo", inhabitants=82_000),
        Member(key="GM1774", name="Dinkelland", inhabitants=26_500, days=184),
    ]
    key = Key(
        KeyMethod.COMPOSITE,
        base_amount=Decimal("10000"),
        rest_method=KeyMethod.INHABITANTS,
        days_in_year=366,
    )
    allocation = allocate(Decimal("1500000.70"), key, members)
    assert allocation.amount_of("GM0153") == Decimal("936453.21")
    assert allocation.amount_of("GM0164") == Decimal("481858.15")
    assert allocation.amount_of("GM1774") == Decimal("81689.34")
    dinkelland = allocation.shares[2]
    assert dinkelland.explanation == (
        "vast € 5.027,32 (€ 10.000,00 × 184/366 dagen) + 5,20% van de rest € 1.474.973,38 "
        "(26.500 × 184/366 dagen = 13.322,40 van 256.322,40 inwoners naar rato van dagen)"
    )


def test_a_percentage_is_shown_at_the_precision_the_regeling_gives():
    members = [
        Member(key="GM0001", name="A", percentage=Decimal("41.2370")),  # as the database holds it
        Member(key="GM0002", name="B", percentage=Decimal("58.763")),
    ]
    allocation = allocate(Decimal("100000.00"), Key(KeyMethod.FIXED_PERCENTAGES), members)
    assert allocation.shares[0].explanation == "41,237% volgens de regeling: 41,237%"
    assert allocation.amount_of("GM0001") == Decimal("41237.00")
    with pytest.raises(AllocationError) as refused:
        allocate(Decimal("1000"), Key(KeyMethod.FIXED_PERCENTAGES), members[:1])
    assert refused.value.problems == ["De percentages tellen op tot 41,237% in plaats van 100%."]


def _dutch(number: str) -> Fraction:
    return Fraction(number.replace(".", "").replace(",", "."))


_GIVEN = re.compile(r"(?:= )?([\d.,]+) van ([\d.,]+) (?:inwoners|gelijke delen|huishoudens)")
_SHARE = re.compile(r"([\d,]+)%(?: van de rest|$)")


def exact_shares(total, key, members) -> dict[str, Fraction]:
    """The module's formula, computed here on its own: base × t + rest × w t / Σ w t."""
    times = {
        m.key: Fraction(m.days, key.days_in_year) if m.days is not None else Fraction(1)
        for m in members
    }
    base = Fraction(key.base_amount)
    rest = Fraction(total) - sum(base * t for t in times.values())
    weighted = {m.key: m.inhabitants * times[m.key] for m in members}
    return {k: base * times[k] + rest * w / sum(weighted.values()) for k, w in weighted.items()}


part_years = st.lists(
    st.tuples(st.integers(min_value=1, max_value=500_000), st.none() | st.integers(1, 365)),
    min_size=1,
    max_size=25,
)


@given(
    total=amounts,
    members=part_years,
    base=st.decimals(min_value=0, max_value=5000, places=2),
    leap=st.booleans(),
)
def test_composite_keys_with_joiners_and_leavers_round_once_and_add_up(total, members, base, leap):
    days_in_year = 366 if leap else 365
    members = [
        Member(key=f"GM{i:04d}", name=f"Gemeente {i}", inhabitants=n, days=days)
        for i, (n, days) in enumerate(members)
    ]
    key = Key(
        KeyMethod.COMPOSITE,
        base_amount=base,
        rest_method=KeyMethod.INHABITANTS,
        days_in_year=days_in_year,
    )
    exact = exact_shares(total, key, members)
    fixed = sum(Fraction(base) * (Fraction(m.days or days_in_year, days_in_year)) for m in members)
    if fixed > Fraction(total):
        with pytest.raises(AllocationError):
            allocate(total, key, members)
        return
    allocation = allocate(total, key, members)
    assert sum(s.amount for s in allocation.shares) == total
    assert all(s.amount >= 0 for s in allocation.shares)
    for share in allocation.shares:
        assert share.exact == exact[share.member.key]
        assert abs(Fraction(share.amount) - share.exact) < Fraction(1, 100)
    # the largest-remainder step: every rounded-up share had a remainder at least as large
    # as every rounded-down one
    up = [s.exact * 100 % 1 for s in allocation.shares if Fraction(s.amount) > s.exact]
    down = [s.exact * 100 % 1 for s in allocation.shares if Fraction(s.amount) < s.exact]
    assert not up or not down or min(up) >= max(down)


municipalities = st.lists(
    st.tuples(st.integers(min_value=500, max_value=1_000_000), st.none() | st.integers(1, 365)),
    min_size=1,
    max_size=25,
)


@given(members=municipalities, total=amounts)
def test_the_reasoning_adds_up_to_the_percentage_it_shows(members, total):
    members = [
        Member(key=f"GM{i:04d}", name=f"Gemeente {i}", inhabitants=n, days=days)
        for i, (n, days) in enumerate(members)
    ]
    allocation = allocate(total, Key(KeyMethod.INHABITANTS), members)
    for share in allocation.shares:
        part, whole = _GIVEN.search(share.explanation).groups()
        shown = _dutch(_SHARE.search(share.explanation).group(1))
        # the part and the sum shown are rounded to cents of an inhabitant; the percentage
        # to two places: they agree within that rounding
        assert abs(_dutch(part) / _dutch(whole) * 100 - shown) <= Fraction(1, 100) + Fraction(
            100, _dutch(whole)
        )
