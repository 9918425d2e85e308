"""The illustrative evaluations of the demo (fixtures/demo/time.toml), with their scores and
follow-up actions. Idempotent: matched on party and title; what users changed stays
(registry.demo_data.upsert)."""

from evaluations.models import Criterion, Evaluation, FollowUpAction, Score
from partnerships.models import Party
from registry.demo_data import DemoReport, owned_by_demo, upsert


def _load_evaluation(row: dict, party: Party, criteria: dict, report: DemoReport) -> None:
    fields = {
        name: row.get(name, "")
        for name in ("performer", "performer_name", "conclusions", "recommendations")
    }
    fields["public"] = row.get("public", False)
    dates = {
        name: row.get(name)
        for name in ("planned_start", "planned_end", "actual_start", "actual_end")
    }
    evaluation = upsert(
        Evaluation, {"party": party, "title": row["title"]}, {**fields, **dates}, report=report
    )
    if evaluation is None:
        return
    if owned_by_demo(evaluation):
        # the demo writes the state the services would have reached (dates in the past)
        Evaluation.objects.filter(pk=evaluation.pk).update(status=row.get("status", "completed"))
    for name, score in row.get("scores", {}).items():
        upsert(
            Score,
            {"evaluation": evaluation, "criterion": criteria[name]},
            {"score": score},
            report=report,
        )
    for action in row.get("actions", []):
        upsert(
            FollowUpAction,
            {"evaluation": evaluation, "description": action["description"]},
            {
                "owner_name": action.get("owner_name", ""),
                "due_on": action.get("due_on"),
                "status": action.get("status", "open"),
                "done_on": action.get("done_on"),
            },
            report=report,
        )


def load_evaluations(data: dict, report: DemoReport) -> int:
    """Returns the number of evaluations."""
    criteria = {c.name: c for c in Criterion.objects.all()}
    for row in data["evaluation"]:
        party = Party.objects.filter(code=row["party"]).first()
        if party is None:
            report.conflicts.append(f"samenwerkingsverband {row['party']} ontbreekt")
            continue
        _load_evaluation(row, party, criteria, report)
    return Evaluation.objects.count()
