"""The illustrative evaluations of the demo (fixtures/demo/time.toml), with their respondents'
scorecards and follow-up actions. Idempotent: evaluations matched on party and title,
respondents on who they are (anonymous, name, capacity) in their order, answers on
respondent and criterion; what users changed stays (registry.demo_data.upsert)."""

from evaluations.models import Answer, Criterion, Evaluation, FollowUpAction, Respondent
from partnerships.models import Party
from registry import writes
from registry.access import ServerAdministrator
from registry.demo_data import DEMO_REASON, DemoReport, owned_by_demo, upsert


def _identity(respondent: Respondent) -> tuple:
    return (respondent.anonymous, respondent.name, respondent.capacity)


def _load_respondents(evaluation, specs: list[dict], criteria: dict, report) -> None:
    unclaimed = list(evaluation.respondents.order_by("pk"))
    for spec in specs:
        values = {
            "evaluation": evaluation,
            "anonymous": spec.get("anonymous", False),
            "name": spec.get("name", ""),
            "capacity": spec.get("capacity", ""),
        }
        wanted = (values["anonymous"], values["name"], values["capacity"])
        found = next((r for r in unclaimed if _identity(r) == wanted), None)
        if found is not None:
            unclaimed.remove(found)
        respondent = upsert(Respondent, {"pk": found.pk if found else None}, values, report=report)
        for name, answer in spec.get("answers", {}).items() if respondent else ():
            upsert(
                Answer,
                {"respondent": respondent, "criterion": criteria[name]},
                {
                    "presence": answer.get("presence", ""),
                    "absence_problem": answer.get("problem", ""),
                    "score": answer.get("score"),
                    "explanation": answer.get("explanation", ""),
                },
                report=report,
            )
    for leftover in unclaimed:  # the demo's own, no longer in time.toml (users' stay)
        if owned_by_demo(leftover):
            writes.delete(user=ServerAdministrator(), record=leftover, reason=DEMO_REASON)


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
    _load_respondents(evaluation, row.get("respondent", []), criteria, report)
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
