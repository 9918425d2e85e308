"""When is a participation a verbonden partij (BBV art. 1)?

A verbonden partij is an organisation (so: a party with legal personality) in which the
municipality has both a bestuurlijk belang (a seat or voting rights) and a financieel belang
(money at risk or liability). Participants of an openbaar lichaam or bedrijfsvoeringsorganisatie
always have a financieel belang: the Wgr obliges them to keep the body able to meet its
obligations. The rule is written twice below, for plain values and for the database;
tests/partnerships/test_verbonden_partij.py proves both say the same for every combination.
"""

from decimal import Decimal

from django.db.models import BooleanField, Case, Q, Value, When

from partnerships.legal_forms import forms_where, profile

_FINANCIAL_FIELDS = ("shares_count", "guarantees", "loans", "amount_at_risk")


def has_bestuurlijk_belang(*, seats: int, voting_weight: Decimal) -> bool:
    return seats > 0 or voting_weight > 0


def has_financieel_belang(
    *,
    legal_form: str,
    shares_count: int,
    guarantees: Decimal,
    loans: Decimal,
    amount_at_risk: Decimal,
) -> bool:
    form = profile(legal_form)
    if form.wgr and form.legal_personality:
        return True
    return shares_count > 0 or guarantees > 0 or loans > 0 or amount_at_risk > 0


def is_verbonden_partij(
    *,
    legal_form: str,
    seats: int,
    voting_weight: Decimal,
    shares_count: int,
    guarantees: Decimal,
    loans: Decimal,
    amount_at_risk: Decimal,
) -> bool:
    return (
        profile(legal_form).legal_personality
        and has_bestuurlijk_belang(seats=seats, voting_weight=voting_weight)
        and has_financieel_belang(
            legal_form=legal_form,
            shares_count=shares_count,
            guarantees=guarantees,
            loans=loans,
            amount_at_risk=amount_at_risk,
        )
    )


def verbonden_partij_q(prefix: str = "") -> Q:
    """The same rule as a Q over Participation (or over a relation to it, via `prefix`)."""
    party_form = f"{prefix}party__legal_form"
    with_personality = forms_where(lambda p: p.legal_personality)
    liable_by_law = forms_where(lambda p: p.wgr and p.legal_personality)
    bestuurlijk = Q(**{f"{prefix}seats__gt": 0}) | Q(**{f"{prefix}voting_weight__gt": 0})
    financieel = Q(**{f"{party_form}__in": liable_by_law})
    for field in _FINANCIAL_FIELDS:
        financieel |= Q(**{f"{prefix}{field}__gt": 0})
    return Q(**{f"{party_form}__in": with_personality}) & bestuurlijk & financieel


def verbonden_partij_annotation(prefix: str = "") -> Case:
    return Case(
        When(verbonden_partij_q(prefix), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
