"""The migration of issue 12 keeps what the register held: a participation's one current
financial interest becomes its position of a year, and a seat count of 0 (the old default,
indistinguishable from "not filled in") becomes unknown."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("partnerships", "0007_import_file_retention")]
AFTER = [("partnerships", "0008_financial_interest_per_year")]


@pytest.mark.django_db(transaction=True)
def test_the_current_values_become_the_position_of_a_year_and_zero_seats_unknown():
    MigrationExecutor(connection).migrate(BEFORE)
    # the state of the database now: the other apps stay where they were (the latest registry
    # migration included), what depends on the new partnerships migrations is unapplied too
    executor = MigrationExecutor(connection)
    apps = executor.loader.project_state(list(executor.loader.applied_migrations)).apps
    Organisation = apps.get_model("registry", "Organisation")
    Party = apps.get_model("partnerships", "Party")
    Participation = apps.get_model("partnerships", "Participation")
    enschede = Organisation.objects.create(name="Enschede", cbs_code="GM0153", kind="municipality")
    party = Party.objects.create(name="Twence", code="twence", legal_form="bv")
    ended = Party.objects.create(name="Oud", code="oud", legal_form="nv")
    shareholding = Participation.objects.create(
        party=party, organisation=enschede, seats=0, shares_count=500, guarantees=Decimal(7)
    )
    old = Participation.objects.create(
        party=ended,
        organisation=enschede,
        seats=2,
        loans=Decimal(3),
        end_date=datetime.date(2020, 12, 31),
    )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    Participation = apps.get_model("partnerships", "Participation")
    FinancialInterest = apps.get_model("partnerships", "FinancialInterest")
    interest = FinancialInterest.objects.get(participation_id=shareholding.pk)
    assert (interest.year, interest.shares_count, interest.guarantees) == (
        datetime.date.today().year,
        500,
        Decimal(7),
    )
    assert FinancialInterest.objects.get(participation_id=old.pk).year == 2020  # its last year
    assert Participation.objects.get(pk=shareholding.pk).seats is None
    assert Participation.objects.get(pk=old.pk).seats == 2
    history = apps.get_model("partnerships", "HistoricalFinancialInterest")
    assert history.objects.get(id=interest.pk).history_change_reason.startswith("Overgenomen")
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
