"""The illustrative money of the demo (fixtures/demo/finance.toml): population figures, cost
keys, budget figures with risks, and the contributions computed from them. Idempotent."""

import datetime
from decimal import Decimal

from partnerships.choices import ContributionBasis
from partnerships.models import (
    AnnualFigures,
    Contribution,
    CostKey,
    CostKeyPercentage,
    LegalBasis,
    Participation,
    Party,
    Risk,
)
from partnerships.services import store_budgeted_contributions
from registry.access import ServerAdministrator
from registry.demo_data import read_toml, upsert
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


def load_history(organisations: dict[str, Organisation]) -> int:
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
            )
        for item in row["contributions"]:
            participation = Participation.objects.filter(
                overlaps_q(*year_span(item["year"])),
                party=party,
                organisation=organisations[item["org"]],
            ).get()
            upsert(
                Contribution,
                {"participation": participation, "year": item["year"]},
                {
                    "budgeted": _amount(item["budgeted"]),
                    "realised": _amount(item.get("realised")),
                    "basis": ContributionBasis.ENTERED,
                },
            )
            count += 1
    return count
