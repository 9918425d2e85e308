"""The parties of fixtures/demo/parties.toml: the overview maps of Twente and West-Overijssel,
the ten studied cooperations and the U16. The file's header says where each fact comes from.

Idempotent: parties are matched on their registry code, their legal basis on title, bodies
on kind and name, participations on organisation and start date (or, when the start date
differs, the one participation of that organisation in the party), seats on body and
participant. Every record passes full_clean(), so the demo obeys the model's rules; what
users changed is left alone (registry.demo_data.upsert).
"""

from partnerships.choices import BodyKind, Confirmation, LegalDocumentKind, SeatHolderRole
from partnerships.models import Body, LegalBasis, Participation, Party, Region, Seat, Theme
from partnerships.models.parties import party_code
from registry.demo_data import DEMO_REASON, DemoReport, owned_by_demo, read_toml, upsert
from registry.models import Organisation

TASK_FIELDS = {
    "policy_making": "task_policy_making",
    "policy_execution": "task_policy_execution",
    "operations": "task_operations",
}


def _participant_rows(spec: dict, groups: dict) -> list[dict]:
    """Expand `{group = ..., except = [...]}` or `{org = ...}` into one row per organisation."""
    codes = [spec["org"]] if "org" in spec else groups[spec["group"]]
    terms = {key: spec[key] for key in ("from", "to", "seats") if key in spec}
    return [{"org": code, **terms} for code in codes if code not in spec.get("except", [])]


def _save_party(row: dict, organisations: dict[str, Organisation], report) -> Party | None:
    values = {
        "name": row["name"],
        "short_name": row.get("short_name", ""),
        "legal_form": row["legal_form"],
        "regeling_type": row.get("regeling_type", ""),
        "public_interest": row.get("public_interest", ""),
        "seat": row.get("seat", ""),
        "description": "Bron: " + row["source"],
        "cooperation_model": row.get("model", ""),
        "participation_mandatory": row.get("mandatory", False),
        "centre_organisation": organisations.get(row.get("centre")),
        "start_date": row.get("start_date"),
        **{field: key in row.get("tasks", []) for key, field in TASK_FIELDS.items()},
    }
    code = party_code(values["short_name"], row["name"])
    party = upsert(Party, {"code": code}, values, report=report)
    if party is not None and owned_by_demo(party):
        themes = set(Theme.objects.filter(name__in=row.get("themes", [])))
        if set(party.themes.all()) != themes:
            party._change_reason = DEMO_REASON
            party.themes.set(themes)
    return party


def _save_governance(party: Party, row: dict, participations: list[Participation], report):
    for kind in row.get("bodies", []):
        body = upsert(Body, {"party": party, "kind": kind, "name": ""}, {}, report=report)
        if body and kind == BodyKind.GENERAL_BOARD and "seat_role" in row:
            for participation in participations:
                if participation.seats:
                    upsert(
                        Seat,
                        {"body": body, "organisation": participation.organisation},
                        {"holder_role": row["seat_role"], "start_date": participation.start_date},
                        report=report,
                    )
    members = {p.organisation.cbs_code: p for p in participations}
    for group in row.get("working_groups", []):
        match = {"party": party, "kind": BodyKind.CONSULTATION, "name": group["name"]}
        body = upsert(Body, match, {}, report=report)
        if body is None:
            continue
        for code in (c for name in group["groups"] for c in row["_groups"][name]):
            if code not in members:
                continue
            upsert(
                Seat,
                {"body": body, "organisation": members[code].organisation},
                {
                    "holder_role": group.get("role", SeatHolderRole.CIVIL_SERVANT),
                    "end_date": members[code].end_date,
                },
                report=report,
            )


def _save_participation(party: Party, organisation: Organisation, item: dict, report):
    return upsert(
        Participation,
        {"party": party, "organisation": organisation, "start_date": item.get("from")},
        {
            "end_date": item.get("to"),
            "seats": item.get("seats"),
            "confirmation": Confirmation.CONFIRMED,
        },
        report=report,
        fallback={"party": party, "organisation": organisation},
    )


def load_parties(organisations: dict[str, Organisation], report: DemoReport) -> list[Party]:
    data = read_toml("parties.toml")
    groups = data["groups"]
    parties = []
    for row in data["parties"]:
        party = _save_party(row, organisations, report)
        if party is None:
            continue
        participations = []
        for spec in row.get("participants", []):
            for item in _participant_rows(spec, groups):
                if item["org"] not in organisations:
                    continue
                participation = _save_participation(party, organisations[item["org"]], item, report)
                if participation is not None:
                    participations.append(participation)
        for basis in row.get("legal_basis", []):
            upsert(
                LegalBasis,
                {"party": party, "title": basis["title"]},
                {
                    "kind": LegalDocumentKind(basis["kind"]),
                    "in_force_from": basis.get("in_force_from"),
                    "in_force_until": basis.get("in_force_until"),
                    "evaluation_interval_years": basis.get("evaluation_interval_years"),
                },
                report=report,
            )
        _save_governance(party, {**row, "_groups": groups}, participations, report)
        parties.append(party)
    load_regions(data, organisations, report)
    return parties


def load_regions(data: dict, organisations: dict[str, Organisation], report: DemoReport) -> None:
    """The regions of parties.toml (Twente's fourteen), their municipalities from a group."""
    for row in data.get("regions", []):
        province = organisations.get(row["province"])
        if province is None:
            continue
        region = upsert(Region, {"province": province, "name": row["name"]}, {}, report=report)
        if region is not None:
            members = [organisations[c] for c in data["groups"][row["group"]] if c in organisations]
            region.municipalities.set(members)
