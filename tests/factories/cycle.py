"""Factories of the budget cycle: rule sets are seeded by migration; documents and
zienswijzen (a zienswijze is normally opened by the service when the draft arrives)."""

import datetime

import factory

from partnerships.cycle.choices import DocumentKind
from partnerships.cycle.models import CycleDocument, RuleSet, Zienswijze, ZienswijzeStep
from tests.factories.partnerships import PartyFactory
from tests.factories.registry import MunicipalityFactory


class CycleDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CycleDocument

    party = factory.SubFactory(PartyFactory)
    year = 2027
    kind = DocumentKind.DRAFT_BUDGET


class ZienswijzeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zienswijze

    document = factory.SubFactory(CycleDocumentFactory)
    organisation = factory.SubFactory(MunicipalityFactory)


class ZienswijzeStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ZienswijzeStep

    zienswijze = factory.SubFactory(ZienswijzeFactory)
    source = "received"
    target = "in_preparation"


class RuleSetFactory(factory.django.DjangoModelFactory):
    """A rule set after the statutory ones the migration seeds (which run without end)."""

    class Meta:
        model = RuleSet

    name = factory.Sequence(lambda n: f"Termijnen {n}")
    valid_from = factory.Sequence(lambda n: datetime.date(2200 + n, 1, 1))
    valid_until = factory.LazyAttribute(lambda o: datetime.date(o.valid_from.year, 12, 31))
