"""The illustrative budget cycle of the demo (fixtures/demo/time.toml). Idempotent: documents
and zienswijzen are matched on their natural keys; steps are taken through the service only
where the zienswijze has not yet reached them. A document a user changed, and a zienswijze a
user has taken a step on, are left as they are (registry.demo_data)."""

from django.contrib.auth import get_user_model

from partnerships.cycle import calendar
from partnerships.cycle.choices import DocumentKind, ZienswijzeStatus
from partnerships.cycle.models import CycleDocument, Zienswijze
from partnerships.cycle.services import ensure_cycle, take_step
from partnerships.models import Party
from registry import writes
from registry.access import ServerAdministrator
from registry.demo_data import DEMO_REASON, DemoReport, last_change_by_user
from registry.workflow import StepRefused

ORDER = list(ZienswijzeStatus.values)
DEMO_STEP = "demodata"  # the comment of the demo's own steps


def _save_document(document: CycleDocument, values: dict, report: DemoReport) -> None:
    who = last_change_by_user(document)
    if who is not None:
        report.keep(document, f"laatst gewijzigd door {who}")
        return
    if all(getattr(document, name) == value for name, value in values.items()):
        return
    for name, value in values.items():
        setattr(document, name, value)
    writes.save(user=ServerAdministrator(), record=document, reason=DEMO_REASON)


def _load_cycle(data, report: DemoReport) -> int:
    for row in data["cycle"]:
        party = Party.objects.filter(code=row["party"]).first()
        if party is None:
            report.conflicts.append(f"samenwerkingsverband {row['party']} ontbreekt")
            continue
        ensure_cycle(party, row["year"], user=ServerAdministrator())
        for kind in calendar.YEARLY_KINDS:
            if kind in row:
                document = CycleDocument.objects.get(party=party, year=row["year"], kind=kind)
                _save_document(document, row[kind], report)
        for amendment in row.get(DocumentKind.BUDGET_AMENDMENT, []):
            match = {
                "party": party,
                "year": row["year"],
                "kind": DocumentKind.BUDGET_AMENDMENT,
                "sequence": amendment["sequence"],
            }
            document = CycleDocument.objects.filter(**match).first() or CycleDocument(**match)
            values = {k: v for k, v in amendment.items() if k != "sequence"}
            _save_document(document, values, report)
    return CycleDocument.objects.count()


def _load_zienswijzen(data, griffie_user, report: DemoReport) -> None:
    for row in data["zienswijze"]:
        zienswijze = Zienswijze.objects.filter(
            document__party__code=row["party"],
            document__kind=row.get("document", DocumentKind.DRAFT_BUDGET),
            document__sequence=row.get("sequence", 1),
            organisation__cbs_code=row["org"],
        ).first()
        if zienswijze is None:
            report.conflicts.append(
                f"zienswijze {row['org']} op {row['party']}: de ontwerpbegroting is niet "
                "(meer) ontvangen"
            )
            continue
        if zienswijze.steps.exclude(comment=DEMO_STEP).exists():
            report.keep(zienswijze, "een gebruiker zette er een stap op")
            continue
        for target in row["steps"]:
            if ORDER.index(zienswijze.status) >= ORDER.index(target):
                continue  # taken on an earlier load
            try:
                take_step(
                    zienswijze,
                    target,
                    griffie_user,
                    comment=DEMO_STEP,
                    decision=row.get("decision", ""),
                    text=row.get("text", ""),
                    on=row.get("sent_on"),
                )
            except StepRefused as refused:
                report.conflict(zienswijze, refused.reason)
                break
            zienswijze.refresh_from_db()


def load_cycle(data: dict, report: DemoReport) -> int:
    """The demo's cycle documents and zienswijzen; returns the number of documents."""
    documents = _load_cycle(data, report)
    administrator = get_user_model().objects.filter(is_superuser=True).first()
    _load_zienswijzen(data, administrator, report)
    return documents
