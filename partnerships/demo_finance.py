"""The illustrative money of the demo (fixtures/demo/finance.toml): population figures, cost
keys, budget figures with risks, the contributions computed from them, Enschede's financial
interest per year and the texts of its paragraph. Idempotent."""

import datetime
from decimal import Decimal

from partnerships.models import (
    AnnualFigures,
    CostKey,
    CostKeyPercentage,
    FinancialInterest,
    LegalBasis,
    Participation,
    Party,
    Risk,
)
from partnerships.models.interests import INTEREST_FIELDS
from partnerships.services import save_paragraph_text, store_budgeted_contributions
from registry.access import ServerAdministrator
from registry.demo_data import read_toml, upsert
from registry.models import Organisation, PopulationFigure

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


def _write_exit_clause(party: Party, spec: dict) -> None:
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
        )


def _load_interests(rows: list[dict], organisations: dict[str, Organisation]) -> None:
    for row in rows:
        participation = Participation.objects.get(
            organisation=organisations[row["org"]], party__code=row["party"]
        )
        values = {name: row.get(name) for name in INTEREST_FIELDS}
        for name in ("share_nominal_value", "guarantees", "loans", "amount_at_risk"):
            values[name] = _amount(values[name])
        for year in row["years"]:
            upsert(FinancialInterest, {"participation": participation, "year": year}, values)


def load_finance(organisations: dict[str, Organisation]) -> int:
    data = read_toml("finance.toml")
    year = data["population_year"]
    for row in data["population"]:
        upsert(
            PopulationFigure,
            {"organisation": organisations[row["org"]], "year": year},
            {
                "reference_date": datetime.date(year, 1, 1),
                "inhabitants": row["inhabitants"],
                "households": row["households"],
            },
        )
    _load_interests(data["interests"], organisations)
    for text in data["paragraph_texts"]:
        save_paragraph_text(
            user=ServerAdministrator(),
            organisation=organisations[text["org"]],
            year=text["year"],
            vision=text["vision"],
            intentions=text["intentions"],
        )
    computed = 0
    for row in data["parties"]:
        party = Party.objects.get(code=row["party"])
        if "exit" in row:
            _write_exit_clause(party, row["exit"])
        spec = row["key"]
        key = upsert(
            CostKey,
            {"party": party, "valid_from_year": spec["from"]},
            {"method": spec["method"], "source": spec.get("source", "")},
        )
        for share in spec.get("percentages", []):
            upsert(
                CostKeyPercentage,
                {"key": key, "organisation": organisations[share["org"]]},
                {"percentage": Decimal(str(share["percentage"]))},
            )
        for item in row["figures"]:
            figures = upsert(
                AnnualFigures,
                {"party": party, "year": item["year"], "kind": item["kind"], "version": 1},
                {
                    **{name: _amount(item.get(name)) for name in MONEY},
                    "developments": item.get("developments", ""),
                    "source_document": "Illustratieve demodata, geen echte begroting",
                },
            )
            for risk in item.get("risks", []):
                upsert(
                    Risk,
                    {"figures": figures, "description": risk["description"]},
                    {"level": risk["level"], "amount": _amount(risk.get("amount"))},
                )
            computed += len(
                store_budgeted_contributions(party, item["year"], user=ServerAdministrator())
            )
    return computed
