"""The rules of the law (issue 2, point 4), enforced on the model with Dutch messages."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partnerships.choices import BBVCategory, BodyKind, LegalForm, RegelingType
from partnerships.legal_forms import PROFILES
from partnerships.models import Body, FinancialInterest, Participation, Party
from tests import factories

WGR_FORMS = [
    LegalForm.PUBLIC_BODY,
    LegalForm.JOINT_BODY,
    LegalForm.OPERATIONAL_ORGANISATION,
    LegalForm.CENTRE_MUNICIPALITY,
    LegalForm.PLAIN_ARRANGEMENT,
]


def messages(error: ValidationError, field: str) -> str:
    return " ".join(error.message_dict.get(field, []))


def test_operational_organisation_must_be_a_collegeregeling(db):
    party = Party(
        name="Bedrijfsvoering",
        legal_form=LegalForm.OPERATIONAL_ORGANISATION,
        regeling_type=RegelingType.COUNCILS,
    )
    with pytest.raises(ValidationError) as refused:
        party.full_clean()
    assert "altijd een collegeregeling" in messages(refused.value, "regeling_type")

    party.regeling_type = RegelingType.COLLEGES
    party.full_clean()


def test_operational_organisation_has_a_single_board_without_executive_board(db):
    party = factories.PartyFactory(
        legal_form=LegalForm.OPERATIONAL_ORGANISATION, regeling_type=RegelingType.COLLEGES
    )
    Body(party=party, kind=BodyKind.GENERAL_BOARD).full_clean()
    with pytest.raises(ValidationError) as refused:
        Body(party=party, kind=BodyKind.EXECUTIVE_BOARD).full_clean()
    assert "apart dagelijks bestuur is niet toegestaan" in messages(refused.value, "kind")


def test_centre_municipality_arrangement_names_its_centre(enschede):
    party = Party(name="Centrumregeling", legal_form=LegalForm.CENTRE_MUNICIPALITY)
    with pytest.raises(ValidationError) as refused:
        party.full_clean()
    assert "noemt de centrumgemeente" in messages(refused.value, "centre_organisation")

    party.centre_organisation = enschede.province
    with pytest.raises(ValidationError) as refused:
        party.full_clean()
    assert "moet een gemeente zijn" in messages(refused.value, "centre_organisation")

    party.centre_organisation = enschede
    party.full_clean()


@pytest.mark.parametrize("kind", sorted(set(BodyKind.values) - {BodyKind.CONSULTATION}))
def test_centre_municipality_arrangement_has_no_bodies_of_its_own(enschede, kind):
    party = factories.PartyFactory(
        legal_form=LegalForm.CENTRE_MUNICIPALITY, centre_organisation=enschede
    )
    with pytest.raises(ValidationError) as refused:
        Body(party=party, kind=kind).full_clean()
    assert "geen eigen organen" in messages(refused.value, "kind")


def test_centre_municipality_arrangement_may_have_a_bestuurlijk_overleg(enschede):
    party = factories.PartyFactory(
        legal_form=LegalForm.CENTRE_MUNICIPALITY, centre_organisation=enschede
    )
    Body(party=party, kind=BodyKind.CONSULTATION, name="Bestuurlijk overleg").full_clean()


def test_changing_legal_form_is_refused_while_bodies_do_not_fit(enschede):
    party = factories.PartyFactory(legal_form=LegalForm.PUBLIC_BODY)
    factories.BodyFactory(party=party, kind=BodyKind.EXECUTIVE_BOARD)
    party.legal_form = LegalForm.CENTRE_MUNICIPALITY
    party.centre_organisation = enschede
    with pytest.raises(ValidationError) as refused:
        party.full_clean()
    assert "Dagelijks bestuur" in messages(refused.value, "legal_form")


@pytest.mark.parametrize(
    "form", [LegalForm.JOINT_BODY, LegalForm.CENTRE_MUNICIPALITY, LegalForm.PLAIN_ARRANGEMENT]
)
def test_forms_without_legal_personality_have_none_and_no_kvk_number(db, form):
    party = factories.PartyFactory.build(legal_form=form, kvk_number="12345678")
    assert party.has_legal_personality is False
    with pytest.raises(ValidationError) as refused:
        party.full_clean()
    assert "geen rechtspersoonlijkheid" in messages(refused.value, "kvk_number")


@pytest.mark.parametrize(
    "form", [LegalForm.PUBLIC_BODY, LegalForm.OPERATIONAL_ORGANISATION, LegalForm.FOUNDATION]
)
def test_forms_with_legal_personality_may_have_a_kvk_number(db, form):
    party = factories.PartyFactory.build(
        legal_form=form,
        kvk_number="12345678",
        regeling_type=RegelingType.COLLEGES if PROFILES[form].wgr else "",
    )
    assert party.has_legal_personality is True
    party.full_clean()


@pytest.mark.parametrize("form", LegalForm.values)
def test_wgr_forms_and_only_those_fall_in_bbv_category_gemeenschappelijke_regelingen(form):
    party = Party(legal_form=form)
    in_category = party.bbv_category == BBVCategory.JOINT_ARRANGEMENTS
    assert in_category is (form in WGR_FORMS)
    assert party.is_wgr is (form in WGR_FORMS)


def test_private_forms_fall_in_their_own_bbv_categories():
    assert Party(legal_form=LegalForm.PUBLIC_LIMITED).bbv_category == BBVCategory.COMPANIES
    assert Party(legal_form=LegalForm.COOPERATIVE).bbv_category == BBVCategory.COMPANIES
    assert Party(legal_form=LegalForm.FOUNDATION).bbv_category == BBVCategory.FOUNDATIONS
    assert Party(legal_form=LegalForm.AGREEMENT).bbv_category == BBVCategory.OTHER


@pytest.mark.parametrize("form", [f for f in LegalForm.values if f not in WGR_FORMS])
def test_only_wgr_forms_carry_a_regeling_type(db, form):
    party = Party(name="Privaat", legal_form=form, regeling_type=RegelingType.COUNCILS)
    with pytest.raises(ValidationError) as refused:
        party.full_clean()
    assert "Alleen een gemeenschappelijke regeling" in messages(refused.value, "regeling_type")


def test_party_dates_in_order_in_clean_and_in_the_database(db):
    party = factories.PartyFactory.build(
        start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2019, 12, 31)
    )
    with pytest.raises(ValidationError) as refused:
        party.full_clean()
    assert "einddatum" in str(refused.value).lower()
    with pytest.raises(IntegrityError), transaction.atomic():
        party.save()


def test_participation_dates_in_order(enschede):
    participation = factories.ParticipationFactory.build(
        party=factories.PartyFactory(),
        organisation=enschede,
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2023, 1, 1),
    )
    with pytest.raises(ValidationError):
        participation.full_clean()


def test_participation_must_lie_within_the_life_of_its_organisation(utrecht_city):
    vianen = factories.MunicipalityFactory(
        name="Vianen", province=utrecht_city.province, end_date=datetime.date(2018, 12, 31)
    )
    participation = Participation(
        party=factories.PartyFactory(), organisation=vianen, start_date=datetime.date(2019, 1, 1)
    )
    with pytest.raises(ValidationError) as refused:
        participation.full_clean()
    assert "buiten het bestaan van Vianen" in str(refused.value)


def test_overlapping_participations_of_one_organisation_are_refused(enschede):
    party = factories.PartyFactory()
    factories.ParticipationFactory(party=party, organisation=enschede)
    second = Participation(party=party, organisation=enschede, start_date=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError) as refused:
        second.full_clean()
    assert "neemt in deze periode al deel" in str(refused.value)


def test_a_negative_voting_weight_is_refused_in_clean_and_database(enschede):
    participation = Participation(
        party=factories.PartyFactory(), organisation=enschede, voting_weight=Decimal("-1")
    )
    with pytest.raises(ValidationError) as refused:
        participation.full_clean()
    assert "voting_weight" in refused.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        participation.save()


@pytest.mark.parametrize("field", ["guarantees", "loans", "amount_at_risk", "share_nominal_value"])
def test_negative_amounts_of_the_financial_interest_are_refused(enschede, field):
    interest = FinancialInterest(
        participation=factories.ParticipationFactory(organisation=enschede),
        year=2027,
        **{field: Decimal("-1")},
    )
    with pytest.raises(ValidationError) as refused:
        interest.full_clean()
    assert field in refused.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        interest.save()


def test_the_financial_interest_of_a_year_the_participation_does_not_run_is_refused(enschede):
    participation = factories.ParticipationFactory(
        organisation=enschede, start_date=datetime.date(2027, 7, 1)
    )
    with pytest.raises(ValidationError) as refused:
        FinancialInterest(participation=participation, year=2026).full_clean()
    assert "loopt niet in 2026" in messages(refused.value, "year")
    FinancialInterest(participation=participation, year=2027).full_clean()


def test_negative_seats_are_refused_in_the_database(enschede):
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(
            party=factories.PartyFactory(), organisation=enschede, seats=-1
        )


@pytest.mark.parametrize("number", ["1234567", "123456789", "1234567a", "12 345 678"])
def test_kvk_number_is_eight_digits(db, number):
    party = factories.PartyFactory.build(legal_form=LegalForm.FOUNDATION, kvk_number=number)
    with pytest.raises(ValidationError) as refused:
        party.full_clean()
    assert "8 cijfers" in messages(refused.value, "kvk_number")


def test_seat_holder_must_take_part_in_the_party(enschede, almelo):
    party = factories.PartyFactory()
    factories.ParticipationFactory(party=party, organisation=enschede)
    board = factories.BodyFactory(party=party)
    factories.SeatFactory.build(body=board, organisation=enschede).full_clean()
    with pytest.raises(ValidationError) as refused:
        factories.SeatFactory.build(body=board, organisation=almelo).full_clean()
    assert "Almelo neemt in deze zittingstermijn niet deel" in messages(
        refused.value, "organisation"
    )
