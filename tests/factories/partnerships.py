"""Factories of parties, their legal basis, bodies, seats and participations."""

import factory

from partnerships.choices import BodyKind, Confirmation, LegalForm, SeatHolderRole
from partnerships.models import (
    Body,
    FinancialInterest,
    LegalBasis,
    ParagraphText,
    Participation,
    Party,
    Region,
    Seat,
    Theme,
)
from tests.factories.registry import MunicipalityFactory, ProvinceFactory


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    name = factory.Sequence(lambda n: f"Samenwerkingsverband {n}")
    legal_form = LegalForm.PUBLIC_BODY


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    party = factory.SubFactory(PartyFactory)
    organisation = factory.SubFactory(MunicipalityFactory)
    seats = 1
    confirmation = Confirmation.CONFIRMED


class LegalBasisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalBasis

    party = factory.SubFactory(PartyFactory)
    kind = "regeling"
    title = factory.Sequence(lambda n: f"Gemeenschappelijke regeling {n}")


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    party = factory.SubFactory(PartyFactory)
    kind = BodyKind.GENERAL_BOARD


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seat

    body = factory.SubFactory(BodyFactory)
    holder_role = SeatHolderRole.ALDERMAN


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Regio {n}")
    province = factory.SubFactory(ProvinceFactory)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thema {n}")


class FinancialInterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinancialInterest

    participation = factory.SubFactory(ParticipationFactory)
    year = 2027


class ParagraphTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParagraphText

    organisation = factory.SubFactory(MunicipalityFactory)
    year = 2027
    vision = "Wij werken samen waar dat de inwoners meer oplevert dan alleen."
