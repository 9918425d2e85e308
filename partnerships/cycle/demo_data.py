"""The illustrative budget cycle of the demo (fixtures/demo/time.toml). Idempotent: documents
and zienswijzen are matched on their natural keys; steps are taken through the service only
where the zienswijze has not yet reached them."""

from django.contrib.auth import get_user_model

from partnerships.cycle import calendar
from partnerships.cycle.choices import DocumentKind, ZienswijzeStatus
from partnerships.cycle.models import CycleDocument, Zienswijze
from partnerships.cycle.services import ensure_cycle, take_step
from partnerships.models import Party
from registry import writes
from registry.access import ServerAdministrator

ORDER = list(ZienswijzeStatus.values)


def _save(document: CycleDocument, values: dict) -> None:
    for name, value in values.items():
        setattr(document, name, value)
    writes.save(user=ServerAdministrator(), record=document)


def _load_cycle(data) -> int:
    for row in data["cycle"]:
        party = Party.objects.get(code=row["party"])
        ensure_cycle(party, row["year"], user=ServerAdministrator())
        for kind in calendar.YEARLY_KINDS:
            if kind in row:
                match = {"party": party, "year": row["year"], "kind": kind}
                _save(CycleDocument.objects.get(**match), row[kind])
        for amendment in row.get(DocumentKind.BUDGET_AMENDMENT, []):
            match = {
                "party": party,
                "year": row["year"],
                "kind": DocumentKind.BUDGET_AMENDMENT,
                "sequence": amendment["sequence"],
            }
            document = CycleDocument.objects.filter(**match).first() or CycleDocument(**match)
            _save(document, {k: v for k, v in amendment.items() if k != "sequence"})
    return CycleDocument.objects.count()


def _load_zienswijzen(data, griffie_user) -> None:
    for row in data["zienswijze"]:
        zienswijze = Zienswijze.objects.get(
            document__party__code=row["party"],
            document__kind=row.get("document", DocumentKind.DRAFT_BUDGET),
            document__sequence=row.get("sequence", 1),
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


def load_cycle(data: dict) -> int:
    """The demo's cycle documents and zienswijzen; returns the number of documents."""
    documents = _load_cycle(data)
    administrator = get_user_model().objects.filter(is_superuser=True).first()
    _load_zienswijzen(data, administrator)
    return documents
