"""Factories of a party's money: cost keys, annual figures, risks, usage, contributions, and
the house style of the paragraph."""

import io
from decimal import Decimal

import factory

from partnerships.choices import FiguresKind, KeyMethod, RiskLevel
from partnerships.models import (
    AnnualFigures,
    Contribution,
    CostKey,
    CostKeyPercentage,
    ParagraphTemplate,
    Risk,
    UsageFigure,
)
from tests.factories.partnerships import ParticipationFactory, PartyFactory
from tests.factories.registry import MunicipalityFactory


class CostKeyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CostKey

    party = factory.SubFactory(PartyFactory)
    valid_from_year = 2020
    method = KeyMethod.INHABITANTS


class CostKeyPercentageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CostKeyPercentage

    key = factory.SubFactory(CostKeyFactory, method=KeyMethod.FIXED_PERCENTAGES)
    organisation = factory.SubFactory(MunicipalityFactory)
    percentage = Decimal("50")


class AnnualFiguresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualFigures

    party = factory.SubFactory(PartyFactory)
    year = 2027
    kind = FiguresKind.BUDGET
    contributions_total = Decimal("1000000.00")


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    figures = factory.SubFactory(AnnualFiguresFactory)
    description = "Lagere rijksbijdrage"
    level = RiskLevel.MEDIUM


class UsageFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UsageFigure

    party = factory.SubFactory(PartyFactory)
    organisation = factory.SubFactory(MunicipalityFactory)
    year = 2027
    units = Decimal("100")


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    participation = factory.SubFactory(ParticipationFactory)
    year = 2027
    budgeted = Decimal("250000.00")


class ParagraphTemplateFactory(factory.django.DjangoModelFactory):
    """An organisation's house style: a Word document python-docx writes (a real .docx)."""

    class Meta:
        model = ParagraphTemplate

    organisation = factory.SubFactory(MunicipalityFactory)
    file = factory.django.FileField(
        filename="huisstijl.docx", from_func=lambda: io.BytesIO(_word_document())
    )


def _word_document() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()
