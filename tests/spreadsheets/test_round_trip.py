"""Export, then import that file: nothing changes. Import a file twice: the second time
nothing changes."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from openpyxl import load_workbook

from partnerships.models import ImportRun, Participation, Party
from partnerships.spreadsheets import service, writing
from partnerships.spreadsheets.catalogue import KINDS
from tests.spreadsheets.conftest import xlsx


@pytest.fixture
def demo(db):
    call_command("load_demo_data", password="Demo-Toets-Wachtwoord-2026", stdout=io.StringIO())
    return get_user_model().objects


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_an_export_read_back_changes_nothing(demo, file_format):
    administrator = demo.get(username="beheerder")
    for kind in KINDS.values():
        rows = writing.export_rows(kind, administrator)
        assert rows, f"the demo data has {kind.name}"
        data = writing.to_xlsx(kind, rows) if file_format == "xlsx" else writing.to_csv(kind, rows)
        plan = service.plan_file(administrator, kind.name, data)
        assert (plan.file_problems, plan.notices) == ([], []), kind.name
        assert [str(p) for p in plan.problems] == [], kind.name
        changed = [(r.row, r.record, r.changes) for r in plan.rows if r.status != "unchanged"]
        assert changed == [], kind.name
        assert len(plan.rows) == len(rows), kind.name


def test_a_supervisor_reads_back_its_own_export_of_participations(demo):
    supervisor = demo.get(username="toezicht.overijssel")
    kind = KINDS["participations"]
    rows = writing.export_rows(kind, supervisor)
    assert 0 < len(rows) < Participation.objects.count()
    plan = service.commit(
        supervisor, "participations", writing.to_xlsx(kind, rows), "export.xlsx", channel="admin"
    )
    assert plan.ok and plan.counts["unchanged"] == len(rows)


def test_importing_the_same_file_twice_changes_nothing_the_second_time(demo):
    supervisor = demo.get(username="toezicht.overijssel")
    data = xlsx(
        [
            [
                "CBS-code deelnemer",
                "Naam samenwerkingsverband",
                "Deelname vanaf",
                "Zetels",
                "Verstrekte leningen",
            ],
            ["GM0153", "Stichting Nieuw Overleg", None, 1, "2.500.000"],
        ]
    )
    Party.objects.create(name="Stichting Nieuw Overleg", legal_form="foundation")
    first = service.commit(supervisor, "participations", data, "a.xlsx", channel="admin")
    assert first.ok and first.counts["new"] == 1
    history = Participation.history.count()
    second = service.commit(supervisor, "participations", data, "a.xlsx", channel="admin")
    assert second.ok and second.counts == {
        "new": 0,
        "changed": 0,
        "unchanged": 1,
        "error": 0,
        "no_access": 0,
        "skipped": 0,
        "unknown_party": 0,
        "not_on_map": 0,
    }
    assert Participation.history.count() == history
    assert ImportRun.objects.count() == 2


def test_exports_neutralise_formulas_and_the_import_reads_the_text_back(demo):
    administrator = demo.get(username="beheerder")
    party = Party.objects.get(code="ggd-twente")
    party.public_interest = '=HYPERLINK("http://evil.example")'
    party.short_name = "@GGD"
    party.save()
    kind = KINDS["parties"]
    data = writing.to_xlsx(kind, writing.export_rows(kind, administrator))
    sheet = load_workbook(io.BytesIO(data)).active
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert '\'=HYPERLINK("http://evil.example")' in texts and "'@GGD" in texts
    assert not [t for t in texts if t[:1] in ("=", "+", "-", "@")]
    csv_text = writing.to_csv(kind, writing.export_rows(kind, administrator)).decode("utf-8-sig")
    assert ";'@GGD;" in csv_text
    plan = service.plan_file(administrator, "parties", data)
    assert plan.ok and plan.counts["changed"] == 0


def test_the_template_explains_every_column(db):
    workbook = load_workbook(io.BytesIO(writing.template_xlsx(KINDS["participations"])))
    assert workbook.sheetnames == ["Deelnemingen", "Toelichting"]
    headers = [c.value for c in workbook["Deelnemingen"][1]]
    assert headers[:3] == ["CBS-code deelnemer", "Deelnemer", "Registercode samenwerkingsverband"]
    assert next(c.value for c in workbook["Deelnemingen"][2]) == "GM0153"
    explained = {
        row[0].value: row for row in workbook["Toelichting"].iter_rows(min_row=2) if row[0].value
    }
    assert set(headers) <= set(explained)
    # either names the participant: the code, or else the name
    assert explained["CBS-code deelnemer"][1].value == explained["Deelnemer"][1].value == "nee"
    assert "gebruikt als de CBS-code ontbreekt" in explained["Deelnemer"][3].value
    assert "leeg is onbekend" in explained["Zetels"][3].value
    interests = load_workbook(io.BytesIO(writing.template_xlsx(KINDS["financial_interests"])))
    explained = {row[0].value: row for row in interests["Toelichting"].iter_rows(min_row=2)}
    assert "1.234,56" in explained["Garanties en borgstellingen"][2].value
