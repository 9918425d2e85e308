"""The illustrative budget cycle and evaluations of the demo (fixtures/demo/time.toml).
Idempotent: documents, zienswijzen and evaluations are matched on their natural keys; steps
are taken through the services only where the zienswijze has not yet reached them."""

from django.contrib.auth import get_user_model

from cycle import calendar
from cycle.choices import DocumentKind, ZienswijzeStatus
from cycle.models import CycleDocument, Zienswijze
from cycle.zienswijzen import open_zienswijzen, take_step
from evaluations.models import Criterion, Evaluation, FollowUpAction, Score
from partnerships.models import Party
from registry.demo_data import read_toml, upsert

ORDER = list(ZienswijzeStatus.values)


def _load_cycle(data) -> int:
    for row in data["cycle"]:
        party = Party.objects.get(code=row["party"])
        calendar.ensure_cycle(party, row["year"])
        for kind in DocumentKind.values:
            if kind not in row:
                continue
            document = CycleDocument.objects.get(party=party, year=row["year"], kind=kind)
            for name, value in row[kind].items():
                setattr(document, name, value)
            calendar.apply_deadline(document)
            document.full_clean()
            document.save()
            open_zienswijzen(document)
    return CycleDocument.objects.count()


def _load_zienswijzen(data, griffie_user) -> None:
    for row in data["zienswijze"]:
        zienswijze = Zienswijze.objects.get(
            document__party__code=row["party"],
            document__kind=DocumentKind.DRAFT_BUDGET,
            organisation__cbs_code=row["org"],
        )
        for target in row["steps"]:
            if ORDER.index(zienswijze.status) >= ORDER.index(target):
                continue  # taken on an earlier load
            take_step(
                zienswijze,
                target,
                griffie_user,
                comment="demodata",
                decision=row.get("decision", ""),
                text=row.get("text", ""),
                on=row.get("sent_on"),
            )
            zienswijze.refresh_from_db()


def _load_evaluations(data) -> int:
    criteria = {c.name: c for c in Criterion.objects.all()}
    for row in data["evaluation"]:
        party = Party.objects.get(code=row["party"])
        fields = {
            name: row.get(name, "")
            for name in ("performer", "performer_name", "conclusions", "recommendations")
        }
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


def load_time() -> tuple[int, int]:
    """(cycle documents, evaluations) after loading the demo's cycle and evaluations."""
    data = read_toml("time.toml")
    documents = _load_cycle(data)
    administrator = get_user_model().objects.filter(is_superuser=True).first()
    _load_zienswijzen(data, administrator)
    return documents, _load_evaluations(data)
