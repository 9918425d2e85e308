"""The illustrative money of the demo (fixtures/demo/finance.toml): population figures, cost
keys, budget figures with risks, the contributions computed from them, Enschede's financial
interest per year and the texts of its paragraph. Idempotent; what users changed stays as they
left it (registry.demo_data.upsert), and a contribution a user changed is not recomputed."""

import datetime
from decimal import Decimal

from partnerships.allocation import AllocationError
from partnerships.choices import ContributionBasis
from partnerships.models import (
    AnnualFigures,
    Contribution,
    CostKey,
    CostKeyPercentage,
    FinancialInterest,
    LegalBasis,
    ParagraphText,
    Participation,
    Party,
    Risk,
)
from partnerships.models.interests import INTEREST_FIELDS
from partnerships.services import store_budgeted_contributions
from registry.access import ServerAdministrator
from registry.demo_data import DEMO_REASON, DemoReport, owned_by_demo, read_toml, upsert
from registry.models import Organisation, PopulationFigure
from registry.periods import overlaps_q, year_span

MONEY = (
    "equity_start",
    "equity_end",
    "debt_start",
    "debt_end",
    "result",
    "expenses",
    "revenues",
    "contributions_total",
    "resilience",
)


def _amount(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _write_exit_clause(party: Party, spec: dict, report: DemoReport) -> None:
    for basis in party.legal_bases.all():
        upsert(
            LegalBasis,
            {"pk": basis.pk},
            {
                "exit_cost_method": spec["method"],
                "exit_cost_factor": _amount(spec.get("factor")),
                "exit_notice_months": spec.get("notice_months"),
                "exit_clause": spec.get("clause", ""),
            },
            report=report,
        )


def _load_interests(rows: list[dict], organisations, report: DemoReport) -> None:
    for row in rows:
        participation = Participation.objects.filter(
            organisation=organisations[row["org"]], party__code=row["party"]
        ).first()
        if participation is None:
            report.conflicts.append(f"{row['party']}: geen deelneming van {row['org']}")
            continue
        values = {name: row.get(name) for name in INTEREST_FIELDS}
        for name in ("share_nominal_value", "guarantees", "loans", "amount_at_risk"):
            values[name] = _amount(values[name])
        for year in row["years"]:
            match = {"participation": participation, "year": year}
            upsert(FinancialInterest, match, values, report=report)


def _load_paragraph_texts(rows: list[dict], organisations, report: DemoReport) -> None:
    for row in rows:
        upsert(
            ParagraphText,
            {"organisation": organisations[row["org"]], "year": row["year"]},
            {"vision": row["vision"], "intentions": row["intentions"]},
            report=report,
        )


def _contributions(party: Party, year: int, report: DemoReport) -> int:
    """The budgeted contributions computed by the key; those a user changed are kept."""
    try:
        stored = store_budgeted_contributions(
            party,
            year,
            user=ServerAdministrator(),
            leave_alone=lambda contribution: not owned_by_demo(contribution),
            reason=DEMO_REASON,
        )
    except AllocationError as error:
        report.conflicts.append(f"bijdragen {party} {year} niet berekend: {error}")
        return 0
    return len(stored)


def _save_figures(party: Party, item: dict, report: DemoReport) -> None:
    figures = upsert(
        AnnualFigures,
        {"party": party, "year": item["year"], "kind": item["kind"], "version": 1},
        {
            **{name: _amount(item.get(name)) for name in MONEY},
            "developments": item.get("developments", ""),
            "source_document": "Illustratieve demodata, geen echte begroting",
        },
        report=report,
    )
    for risk in item.get("risks", []) if figures else []:
        upsert(
            Risk,
            {"figures": figures, "description": risk["description"]},
            {"level": risk["level"], "amount": _amount(risk.get("amount"))},
            report=report,
        )


def load_finance(organisations: dict[str, Organisation], report: DemoReport) -> int:
    data = read_toml("finance.toml")
    year = data["population_year"]
    for row in data["population"]:
        if row["org"] not in organisations:
            continue
        upsert(
            PopulationFigure,
            {"organisation": organisations[row["org"]], "year": year},
            {
                "reference_date": datetime.date(year, 1, 1),
                "inhabitants": row["inhabitants"],
                "households": row["households"],
            },
            report=report,
        )
    _load_interests(data["interests"], organisations, report)
    _load_paragraph_texts(data["paragraph_texts"], organisations, report)
    computed = 0
    for row in data["parties"]:
        party = Party.objects.filter(code=row["party"]).first()
        if party is None:
            report.conflicts.append(f"samenwerkingsverband {row['party']} ontbreekt")
            continue
        if "exit" in row:
            _write_exit_clause(party, row["exit"], report)
        spec = row["key"]
        key = upsert(
            CostKey,
            {"party": party, "valid_from_year": spec["from"]},
            {"method": spec["method"], "source": spec.get("source", "")},
            report=report,
        )
        for share in spec.get("percentages", []) if key else []:
            upsert(
                CostKeyPercentage,
                {"key": key, "organisation": organisations[share["org"]]},
                {"percentage": Decimal(str(share["percentage"]))},
                report=report,
            )
        for item in row["figures"]:
            _save_figures(party, item, report)
            computed += _contributions(party, item["year"], report)
    return computed


def load_history(organisations: dict[str, Organisation], report: DemoReport) -> int:
    """The earlier years of fixtures/demo/history.toml: figures per year and the contributions
    entered for them (not computed: the demo has no population figures of those years).
    Returns the number of contributions."""
    data = read_toml("history.toml")
    count = 0
    for row in data["parties"]:
        party = Party.objects.get(code=row["party"])
        for item in row["figures"]:
            upsert(
                AnnualFigures,
                {"party": party, "year": item["year"], "kind": item["kind"], "version": 1},
                {
                    **{name: _amount(item.get(name)) for name in MONEY},
                    "source_document": "Illustratieve demodata, geen echte jaarrekening",
                },
                report=report,
            )
        for item in row["contributions"]:
            participation = Participation.objects.filter(
                overlaps_q(*year_span(item["year"])),
                party=party,
                organisation=organisations[item["org"]],
            ).first()
            if participation is None:
                report.conflicts.append(
                    f"{party}: geen deelneming van {item['org']} in {item['year']}"
                )
                continue
            upsert(
                Contribution,
                {"participation": participation, "year": item["year"]},
                {
                    "budgeted": _amount(item["budgeted"]),
                    "realised": _amount(item.get("realised")),
                    "basis": ContributionBasis.ENTERED,
                },
                report=report,
            )
            count += 1
    return count
