"""A participation is a verbonden partij (BBV art. 1) only with both a bestuurlijk and a
financieel belang in a party with legal personality; Python and SQL must agree."""

import itertools
from decimal import Decimal

import pytest

from partnerships.choices import LegalForm, RegelingType
from partnerships.legal_forms import PROFILES
from partnerships.models import Participation
from tests import factories


def test_participant_of_an_openbaar_lichaam_with_a_seat_is_verbonden(enschede):
    participation = factories.ParticipationFactory(organisation=enschede, seats=1)
    assert participation.is_verbonden_partij is True


def test_shareholder_without_a_vote_is_not_verbonden(enschede):
    party = factories.PartyFactory(legal_form=LegalForm.PUBLIC_LIMITED)
    participation = factories.ParticipationFactory(
        party=party, organisation=enschede, seats=0, shares_count=1000
    )
    assert participation.is_verbonden_partij is False


def test_shareholder_with_a_vote_is_verbonden(enschede):
    party = factories.PartyFactory(legal_form=LegalForm.PUBLIC_LIMITED)
    participation = factories.ParticipationFactory(
        party=party, organisation=enschede, seats=0, voting_weight=Decimal(3), shares_count=1000
    )
    assert participation.is_verbonden_partij is True


def test_covenant_is_never_verbonden_whatever_is_at_stake(enschede):
    party = factories.PartyFactory(legal_form=LegalForm.AGREEMENT)
    participation = factories.ParticipationFactory(
        party=party, organisation=enschede, seats=2, guarantees=Decimal("1000000")
    )
    assert participation.is_verbonden_partij is False


def test_python_rule_and_database_annotation_agree_for_every_combination(overijssel):
    """Every legal form × bestuurlijk belang (none, seat, vote) × financieel belang."""
    bestuurlijk = [(0, None), (1, None), (0, Decimal("2.5"))]
    financieel = [
        {},
        {"shares_count": 10},
        {"guarantees": Decimal("1")},
        {"loans": Decimal("1")},
        {"amount_at_risk": Decimal("1")},
        {"guarantees": Decimal("0")},
    ]
    created = []
    for form in LegalForm.values:
        party = factories.PartyFactory(
            legal_form=form, regeling_type=RegelingType.COLLEGES if PROFILES[form].wgr else ""
        )
        for (seats, weight), money in itertools.product(bestuurlijk, financieel):
            created.append(
                factories.ParticipationFactory(
                    party=party,
                    organisation=factories.MunicipalityFactory(province=overijssel),
                    seats=seats,
                    voting_weight=weight,
                    **money,
                )
            )
    annotated = dict(
        Participation.objects.with_verbonden_partij().values_list("pk", "verbonden_partij")
    )
    assert len(annotated) == len(LegalForm.values) * 18
    mismatches = [p for p in created if annotated[p.pk] != p.is_verbonden_partij]
    assert mismatches == []
    assert any(annotated.values()) and not all(annotated.values())


@pytest.mark.parametrize(
    "form", [LegalForm.CENTRE_MUNICIPALITY, LegalForm.PLAIN_ARRANGEMENT, LegalForm.JOINT_BODY]
)
def test_wgr_form_without_legal_personality_is_not_a_verbonden_partij(enschede, form):
    party = factories.PartyFactory(legal_form=form, centre_organisation=enschede)
    participation = factories.ParticipationFactory(
        party=party, organisation=enschede, seats=1, amount_at_risk=Decimal("500")
    )
    assert participation.is_verbonden_partij is False
