"""The scorecard's arithmetic (mean, spread, presence, problems, how many answered) and the
migration that made every score recorded before respondents one respondent's answer."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from evaluations.choices import AbsenceProblem, Presence
from evaluations.scorecard import summarise

COSTS = SimpleNamespace(pk=1, catalogue="provincial", order=12, name="Kosten")
GOALS = SimpleNamespace(pk=2, catalogue="provincial", order=2, name="Doel")


def answer(respondent, criterion, score=None, presence="", problem="", explanation=""):
    return SimpleNamespace(
        respondent_id=respondent,
        criterion_id=criterion.pk,
        criterion=criterion,
        score=score,
        presence=presence,
        absence_problem=problem,
        explanation=explanation,
    )


def test_mean_spread_and_counts_per_criterion_in_catalogue_order():
    costs, goals = summarise(
        [
            answer(1, COSTS, 2, Presence.NO, AbsenceProblem.YES, "te duur"),
            answer(2, COSTS, 4, Presence.PARTLY, AbsenceProblem.NO, "gaat wel"),
            answer(3, COSTS, None, Presence.NO),
            answer(1, GOALS, 4, Presence.YES),
        ]
    )[::-1]
    assert (goals.criterion, costs.criterion) == (GOALS, COSTS)
    assert (costs.answered, costs.scores, costs.mean) == (3, (2, 4), 3.0)
    assert (costs.spread, costs.lowest, costs.highest) == (1.0, 2, 4)
    assert costs.presence == {Presence.YES: 0, Presence.PARTLY: 1, Presence.NO: 2}
    assert (costs.missing, costs.problem, costs.no_problem) == (3, 1, 1)
    assert costs.explanations == ("gaat wel", "te duur")  # sorted: not by respondent
    assert (goals.mean, goals.spread) == (4.0, None)  # one score has no spread


def test_everyone_agreeing_has_no_spread():
    (summary,) = summarise([answer(n, COSTS, 3) for n in range(4)])
    assert (summary.mean, summary.spread) == (3.0, 0.0)


@pytest.mark.django_db(transaction=True)
def test_every_score_recorded_before_becomes_one_respondents_answer_with_its_history():
    executor = MigrationExecutor(connection)
    executor.migrate([("evaluations", "0004_publication")])
    old = executor.loader.project_state([("evaluations", "0004_publication")]).apps
    party = old.get_model("partnerships", "Party").objects.create(name="GBT", code="gbt-mig")
    evaluation = old.get_model("evaluations", "Evaluation").objects.create(
        party=party, title="Evaluatie 2019", performer="external"
    )
    criteria = [
        old.get_model("evaluations", "Criterion").objects.create(
            name=f"Criterium {n}", catalogue="own"
        )
        for n in range(3)
    ]
    Score = old.get_model("evaluations", "Score")
    for number, criterion in enumerate(criteria, start=2):
        score = Score.objects.create(
            evaluation=evaluation, criterion=criterion, score=number, explanation=f"uitleg {number}"
        )
        old.get_model("evaluations", "HistoricalScore").objects.create(
            id=score.pk,
            evaluation_id=evaluation.pk,
            criterion_id=criterion.pk,
            score=number,
            history_date="2019-10-15T12:00:00Z",
            history_type="+",
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    latest = executor.loader.graph.leaf_nodes("evaluations")
    executor.migrate(latest)
    new = executor.loader.project_state(latest).apps
    Respondent = new.get_model("evaluations", "Respondent")
    (respondent,) = Respondent.objects.filter(evaluation_id=evaluation.pk)
    assert respondent.anonymous and "overgenomen" in respondent.capacity
    answers = new.get_model("evaluations", "Answer").objects.filter(respondent=respondent)
    assert sorted((a.criterion_id, a.score, a.explanation) for a in answers) == [
        (criterion.pk, number, f"uitleg {number}")
        for number, criterion in enumerate(criteria, start=2)
    ]
    history = new.get_model("evaluations", "HistoricalAnswer").objects.all()
    assert {row.respondent_id for row in history} == {respondent.pk}
