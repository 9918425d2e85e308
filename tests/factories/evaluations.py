"""Factories of evaluations, their scores and follow-up actions (criteria are seeded)."""

import factory

from evaluations.choices import Performer
from evaluations.models import Criterion, Evaluation, FollowUpAction, Score
from tests.factories.partnerships import PartyFactory


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluation

    party = factory.SubFactory(PartyFactory)
    title = factory.Sequence(lambda n: f"Evaluatie {n}")
    performer = Performer.INTERNAL


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Score

    evaluation = factory.SubFactory(EvaluationFactory)
    criterion = factory.LazyFunction(lambda: Criterion.objects.order_by("pk").first())
    score = 3


class FollowUpActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpAction

    evaluation = factory.SubFactory(EvaluationFactory)
    description = "Verdeelsleutel herzien"


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    name = factory.Sequence(lambda n: f"Eigen criterium {n}")
    catalogue = "own"
