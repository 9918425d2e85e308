"""The allocation by a cost-allocation key: to the cent, never negative, proportional."""

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
    assert ommen.explanation == "25,00% volgens de regeling: 25,00%"


def test_participant_joining_mid_year_pays_pro_rata_by_days():
    members = [
        Member(key="GM0001", name="A", inhabitants=1000),
        Member(key="GM0002", name="B", inhabitants=1000, days=73),  # a fifth of the year
    ]
    allocation = allocate(Decimal("1200.00"), Key(KeyMethod.INHABITANTS), members)
    assert allocation.amount_of("GM0001") == Decimal("1000.00")
    assert allocation.amount_of("GM0002") == Decimal("200.00")
    assert "(73 van 365 dagen)" in allocation.shares[1].explanation

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
