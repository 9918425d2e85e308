"""Factories of evaluations, their respondents and answers, and follow-up actions (criteria
are seeded)."""

import factory

from evaluations.choices import Performer, Presence
from evaluations.models import Answer, Criterion, Evaluation, FollowUpAction, Respondent
from tests.factories.partnerships import PartyFactory


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluation

    party = factory.SubFactory(PartyFactory)
    title = factory.Sequence(lambda n: f"Evaluatie {n}")
    performer = Performer.INTERNAL


class RespondentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Respondent

    evaluation = factory.SubFactory(EvaluationFactory)
    anonymous = True
    capacity = "raadslid"


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    respondent = factory.SubFactory(RespondentFactory)
    criterion = factory.LazyFunction(lambda: Criterion.objects.order_by("pk").first())
    presence = Presence.YES
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
