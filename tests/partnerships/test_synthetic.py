"""generate_synthetic: a deterministic data set the size of the Netherlands."""

import io
import random

from django.core.management import call_command

from partnerships.models import Body, FinancialInterest, Participation, Party, Seat
from partnerships.synthetic import PARTY_CODE_PREFIX, generate
from registry.models import Organisation


def fingerprint():
    participations = list(
        Participation.objects.order_by("party__code", "organisation__cbs_code").values_list(
            "party__code", "organisation__cbs_code", "seats"
        )
    )
    interests = list(
        FinancialInterest.objects.order_by(
            "participation__party__code", "participation__organisation__cbs_code", "year"
        ).values_list("year", "shares_count", "guarantees")
    )
    return participations, interests


def assert_sample_obeys_the_model_rules():
    """The generator bypasses full_clean() for speed; a sample proves it made valid rows."""
    rng = random.Random(0)
    parties = list(Party.objects.filter(code__startswith=PARTY_CODE_PREFIX))
    for party in rng.sample(parties, 40):
        party.full_clean()
        for participation in party.participations.all():
            participation.full_clean()
            for interest in participation.financial_interests.all():
                interest.full_clean()
        for body in Body.objects.filter(party=party):
            body.full_clean()
            for seat in body.seats.all():
                seat.full_clean()


def test_national_scale_and_deterministic(db):
    output = io.StringIO()
    call_command("generate_synthetic", seed=7, stdout=output)
    assert "participations" in output.getvalue()

    assert Organisation.objects.provinces().count() == 12
    assert Organisation.objects.municipalities().count() == 342
    assert 1400 <= Party.objects.count() <= 1600
    assert 13_000 <= Participation.objects.count() <= 17_000
    assert Seat.objects.count() > 10_000
    first = fingerprint()
    assert_sample_obeys_the_model_rules()

    generate(7)  # replaces the earlier set instead of adding to it
    assert Organisation.objects.municipalities().count() == 342
    assert fingerprint() == first

    generate(8)
    assert fingerprint() != first
