"""The illustrative evaluations of the demo (fixtures/demo/time.toml), with their scores and
follow-up actions. Idempotent: matched on party and title."""

from evaluations.models import Criterion, Evaluation, FollowUpAction, Score
from partnerships.models import Party
from registry.demo_data import upsert


def load_evaluations(data: dict) -> int:
    """Returns the number of evaluations."""
    criteria = {c.name: c for c in Criterion.objects.all()}
    for row in data["evaluation"]:
        party = Party.objects.get(code=row["party"])
        fields = {
            name: row.get(name, "")
            for name in ("performer", "performer_name", "conclusions", "recommendations")
        }
        fields["public"] = row.get("public", False)
        dates = {
            name: row.get(name)
            for name in ("planned_start", "planned_end", "actual_start", "actual_end")
        }
        status = row.get("status", "completed")
        # the demo writes the state the services would have reached (dates in the past)
        evaluation = upsert(
            Evaluation, {"party": party, "title": row["title"]}, {**fields, **dates}
        )
        Evaluation.objects.filter(pk=evaluation.pk).update(status=status)
        for name, score in row.get("scores", {}).items():
            upsert(Score, {"evaluation": evaluation, "criterion": criteria[name]}, {"score": score})
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
            )
    return Evaluation.objects.count()
