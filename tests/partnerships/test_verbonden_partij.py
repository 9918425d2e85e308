"""Verbonden partij (BBV art. 1), per participation and per year: yes, no or unknown, with the
reason and what is missing; never silently no. Python and SQL must agree on every
combination."""

import datetime
import itertools
from decimal import Decimal

import pytest

from partnerships.choices import BBVCategory, BodyKind, LegalForm, RegelingType, VerbondenPartij
from partnerships.legal_forms import PROFILES, profile
from partnerships.models import FinancialInterest, Participation, Seat
from tests import factories

YES, NO, UNKNOWN = VerbondenPartij.YES, VerbondenPartij.NO, VerbondenPartij.UNKNOWN
YEAR = 2027


def participation(organisation, legal_form, interest=None, **fields):
    party = factories.PartyFactory(
        legal_form=legal_form,
        regeling_type=RegelingType.COLLEGES if PROFILES[legal_form].wgr else "",
        centre_organisation=organisation,
    )
    made = factories.ParticipationFactory(party=party, organisation=organisation, **fields)
    if interest is not None:
        FinancialInterest.objects.create(participation=made, year=YEAR, **interest)
    return made


def status(made):
    annotated = Participation.objects.with_verbonden_partij(YEAR).get(pk=made.pk)
    return annotated.vp_status


def test_an_empty_seat_count_is_unknown_and_says_what_is_missing(enschede):
    made = participation(enschede, LegalForm.FOUNDATION, {"guarantees": Decimal(5000)}, seats=None)
    verdict = made.verbonden_partij(YEAR)
    assert verdict.status == UNKNOWN == status(made)
    assert verdict.missing == ("aantal zetels",)
    assert verdict.reason == (
        "bestuurlijk belang onbekend; financieel belang: garanties € 5.000; "
        "ontbreekt: aantal zetels"
    )


def test_zero_seats_written_down_is_no_bestuurlijk_belang(enschede):
    made = participation(enschede, LegalForm.FOUNDATION, {"guarantees": Decimal(5000)}, seats=0)
    verdict = made.verbonden_partij(YEAR)
    assert verdict.status == NO == status(made)
    assert verdict.reason == "geen bestuurlijk belang: geen zetel en geen stemrecht"


@pytest.mark.parametrize(
    "form", [LegalForm.PUBLIC_BODY, LegalForm.OPERATIONAL_ORGANISATION], ids=["ol", "bvo"]
)
def test_every_participant_of_an_openbaar_lichaam_or_bvo_is_verbonden_by_law(enschede, form):
    made = participation(enschede, form, seats=None)  # nothing typed in at all
    verdict = made.verbonden_partij(YEAR)
    assert verdict.status == YES == status(made)
    assert "(Wgr art. 1" in verdict.reason and "de Wgr verplicht de deelnemers" in verdict.reason


def test_a_seat_recorded_in_a_board_of_the_party_is_a_bestuurlijk_belang(enschede):
    made = participation(enschede, LegalForm.FOUNDATION, {"loans": Decimal(1)}, seats=None)
    board = factories.BodyFactory(party=made.party, kind=BodyKind.FOUNDATION_BOARD)
    factories.SeatFactory(body=board, organisation=enschede, start_date=datetime.date(2020, 1, 1))
    verdict = made.verbonden_partij(YEAR)
    assert verdict.status == YES == status(made)
    assert "een zetel in een bestuursorgaan van de partij" in verdict.reason


def test_a_seat_in_a_supervisory_board_or_ended_before_the_year_does_not_count(enschede):
    made = participation(enschede, LegalForm.FOUNDATION, {"loans": Decimal(1)}, seats=0)
    council = factories.BodyFactory(party=made.party, kind=BodyKind.SUPERVISORY_COUNCIL)
    factories.SeatFactory(body=council, organisation=enschede)
    board = factories.BodyFactory(party=made.party, kind=BodyKind.FOUNDATION_BOARD)
    factories.SeatFactory(body=board, organisation=enschede, end_date=datetime.date(2026, 12, 31))
    assert made.verbonden_partij(YEAR).status == NO == status(made)


def test_shares_in_an_nv_carry_a_vote_without_a_typed_voting_weight(enschede):
    made = participation(enschede, LegalForm.PUBLIC_LIMITED, {"shares_count": 1200}, seats=0)
    verdict = made.verbonden_partij(YEAR)
    assert verdict.status == YES == status(made)
    assert verdict.reason == (
        "bestuurlijk belang: aandelen met stemrecht in de AVA (BW 2:118, 2:228); "
        "financieel belang: 1.200 aandelen"
    )


def test_shares_without_a_vote_are_written_down_as_voting_weight_zero(enschede):
    made = participation(
        enschede, LegalForm.PRIVATE_LIMITED, {"shares_count": 10}, seats=0, voting_weight=0
    )
    assert made.verbonden_partij(YEAR).status == NO == status(made)


def test_a_shareholding_without_the_years_figures_is_unknown_not_no(enschede):
    made = participation(enschede, LegalForm.PUBLIC_LIMITED, seats=0)
    verdict = made.verbonden_partij(YEAR)
    assert verdict.status == UNKNOWN == status(made)
    assert verdict.missing == ("aantal aandelen 2027", "financieel belang 2027")


def test_a_member_of_a_cooperative_votes_by_law(enschede):
    made = participation(enschede, LegalForm.COOPERATIVE, {"amount_at_risk": Decimal(50)}, seats=0)
    verdict = made.verbonden_partij(YEAR)
    assert verdict.status == YES == status(made)
    assert "lid met stemrecht in de ledenvergadering (BW 2:38)" in verdict.reason


def test_the_financial_interest_is_read_for_the_year_asked(enschede):
    made = participation(enschede, LegalForm.FOUNDATION, seats=1)
    FinancialInterest.objects.create(
        participation=made, year=2026, guarantees=Decimal(100), loans=0, amount_at_risk=0
    )
    FinancialInterest.objects.create(
        participation=made, year=2027, guarantees=0, loans=0, amount_at_risk=0
    )
    assert made.verbonden_partij(2026).status == YES
    assert made.verbonden_partij(2027).status == NO
    assert made.verbonden_partij(2028).missing == ("financieel belang 2028",)


def test_not_taking_part_in_the_year_is_no(enschede):
    made = participation(
        enschede, LegalForm.PUBLIC_BODY, start_date=datetime.date(2028, 1, 1), seats=1
    )
    assert made.verbonden_partij(YEAR).reason == "neemt in 2027 niet deel"
    assert status(made) == NO


def test_covenant_is_never_verbonden_whatever_is_at_stake(enschede):
    made = participation(enschede, LegalForm.AGREEMENT, {"guarantees": Decimal(10**6)}, seats=2)
    verdict = made.verbonden_partij(YEAR)
    assert verdict.status == NO == status(made)
    assert (
        verdict.reason
        == "een overeenkomst / convenant is geen organisatie in de zin van BBV art. 1"
    )


@pytest.mark.parametrize(
    "form", [LegalForm.CENTRE_MUNICIPALITY, LegalForm.PLAIN_ARRANGEMENT, LegalForm.JOINT_BODY]
)
def test_wgr_form_without_an_organisation_of_its_own_is_not_a_verbonden_partij(enschede, form):
    made = participation(enschede, form, {"amount_at_risk": Decimal(500)}, seats=1)
    assert made.verbonden_partij(YEAR).status == NO == status(made)


def test_a_cv_or_vof_is_an_organisation_without_legal_personality_in_category_d(enschede):
    """BBV art. 1 asks for an organisation, not a legal person: a CV in a land development."""
    for form in (LegalForm.LIMITED_PARTNERSHIP, LegalForm.GENERAL_PARTNERSHIP):
        assert profile(form).bbv_category == BBVCategory.OTHER
        assert not profile(form).legal_personality and profile(form).organisation
    cv = participation(
        enschede,
        LegalForm.LIMITED_PARTNERSHIP,
        {"amount_at_risk": Decimal(2_000_000)},
        seats=0,
        voting_weight=Decimal(50),
    )
    assert cv.verbonden_partij(YEAR).status == YES == status(cv)
    vof = participation(enschede, LegalForm.GENERAL_PARTNERSHIP, seats=None)
    assert vof.verbonden_partij(YEAR).status == YES == status(vof)  # WvK art. 17 and 18


def test_unknown_legal_form_is_unknown(enschede):
    made = participation(enschede, LegalForm.UNKNOWN, seats=1)
    assert made.verbonden_partij(YEAR).missing == ("rechtsvorm",)
    assert status(made) == UNKNOWN


def test_python_rule_and_database_annotation_agree_for_every_combination(overijssel):
    """Every legal form × seats (unknown, none, one, a seat in a board) × voting weight
    (unknown, 0, 2,5) × the year's financial interest (none recorded, an amount unknown, the
    shares unknown, all zero, shares, guarantees, an amount at risk)."""
    seats = [(None, False), (0, False), (1, False), (0, True)]
    weights = [None, Decimal(0), Decimal("2.5")]
    zero = {"shares_count": 0, "guarantees": 0, "loans": 0, "amount_at_risk": 0}
    interests = [
        None,
        {**zero, "loans": None},
        {**zero, "shares_count": None},
        zero,
        {**zero, "shares_count": 10},
        {**zero, "guarantees": Decimal(1)},
        {**zero, "amount_at_risk": Decimal(1)},
    ]
    combinations = list(itertools.product(seats, weights, interests))
    # one municipality per combination, taking part in a party of every legal form
    municipalities = [factories.MunicipalityFactory(province=overijssel) for _ in combinations]
    made, seats_in_board, interests_of_year = [], [], []
    for form in LegalForm.values:
        party = factories.PartyFactory(
            legal_form=form, regeling_type=RegelingType.COLLEGES if PROFILES[form].wgr else ""
        )
        board = factories.BodyFactory(party=party, kind=BodyKind.GENERAL_BOARD)
        for municipality, ((count, in_board), weight, interest) in zip(
            municipalities, combinations, strict=True
        ):
            one = Participation(
                party=party, organisation=municipality, seats=count, voting_weight=weight
            )
            made.append(one)
            if in_board:
                seats_in_board.append(
                    factories.SeatFactory.build(body=board, organisation=municipality)
                )
            if interest is not None:
                interests_of_year.append(
                    FinancialInterest(participation=one, year=YEAR, **interest)
                )
    Participation.objects.bulk_create(made)
    Seat.objects.bulk_create(seats_in_board)
    FinancialInterest.objects.bulk_create(interests_of_year)
    created = [one.pk for one in made]
    annotated = Participation.objects.with_verbonden_partij(YEAR).select_related("party")
    statuses = dict(annotated.values_list("pk", "vp_status"))
    assert len(statuses) == len(LegalForm.values) * len(combinations)
    fresh = Participation.objects.select_related("party")
    mismatches = [
        (p.party.legal_form, p.pk)
        for p in fresh.filter(pk__in=created)
        if statuses[p.pk] != p.verbonden_partij(YEAR).status
    ]
    assert mismatches == []
    assert set(statuses.values()) == {YES, NO, UNKNOWN}
    # the explanation read from the annotations is the one read from the database
    sample = created[:: len(combinations) // 7]
    for p in annotated.filter(pk__in=sample):
        assert p.verbonden_partij(YEAR) == fresh.get(pk=p.pk).verbonden_partij(YEAR)


def test_the_admin_list_and_form_show_the_status_and_reason(enschede):
    from django.urls import reverse
    from django.utils import timezone

    from registry.models import RoleKind
    from tests.conftest import client_for

    made = participation(enschede, LegalForm.FOUNDATION, seats=None)
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    year = timezone.localdate().year
    listing = griffie.get(
        reverse("admin:partnerships_participation_changelist"), {"verbonden": "unknown"}
    )
    assert list(listing.context["cl"].result_list) == [made]
    page = listing.content.decode()
    assert "<strong>onbekend</strong>: bestuurlijk belang onbekend" in page
    assert f"ontbreekt: aantal zetels, financieel belang {year}" in page
    form = griffie.get(reverse("admin:partnerships_participation_change", args=[made.pk]))
    text = form.content.decode()
    assert f"<strong>{year} – onbekend</strong>" in text
    assert f"<strong>{year + 1} – onbekend</strong>" in text
