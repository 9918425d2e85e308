"""The admin pages: upload, preview, confirm; templates and exports; the command line."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from partnerships.models import ImportRun, Participation
from partnerships.spreadsheets import writing
from partnerships.spreadsheets.catalogue import KINDS
from partnerships.spreadsheets.columns import match_headers
from partnerships.spreadsheets.files import read_table
from tests import factories
from tests.conftest import client_for
from tests.spreadsheets.conftest import xlsx

HEADERS = ["CBS-code deelnemer", "Registercode samenwerkingsverband", "Zetels"]


@pytest.fixture
def existing(enschede, ggd):
    return factories.ParticipationFactory(organisation=enschede, party=ggd, seats=1)


def upload(client, data, kind="participations"):
    return client.post(
        reverse("partnerships:spreadsheets"),
        {"kind": kind, "file": SimpleUploadedFile("deelnemingen.xlsx", data)},
    )


def test_upload_previews_and_confirm_commits(supervisor, existing):
    client = client_for(supervisor)
    response = upload(client, xlsx([HEADERS, ["GM0153", "ggd-twente", 3]]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 rijen: 0 nieuw, 1 gewijzigd, 0 ongewijzigd, 0 met fouten." in page
    assert "<td>zetels</td><td>1</td><td>3</td>" in page
    existing.refresh_from_db()
    assert existing.seats == 1
    run = ImportRun.objects.get()
    response = client.post(reverse("partnerships:spreadsheet_confirm", args=[run.pk]))
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.seats == 3


def test_a_file_with_errors_offers_no_confirm_and_saves_nothing(supervisor, existing):
    response = upload(client_for(supervisor), xlsx([HEADERS, ["GM9999", "ggd-twente", 3]]))
    page = response.content.decode()
    assert "Onbekende CBS-code “GM9999”." in page and "Doorvoeren" not in page
    assert "Er is niets opgeslagen." in page
    assert not ImportRun.objects.exists()


def test_a_file_the_register_already_holds_offers_nothing_to_confirm(supervisor, existing):
    response = upload(client_for(supervisor), xlsx([HEADERS, ["GM0153", "ggd-twente", 1]]))
    page = response.content.decode()
    assert "1 rijen: 0 nieuw, 0 gewijzigd, 1 ongewijzigd, 0 met fouten." in page
    assert "er is niets door te voeren" in page and "Doorvoeren" not in page
    assert not ImportRun.objects.exists()


def test_a_refused_file_is_shown_on_the_form(supervisor, existing):
    response = upload(client_for(supervisor), b"%PDF-1.4 not a sheet")
    assert "Dit is geen spreadsheet" in response.content.decode()


def test_nobody_confirms_another_users_preview(supervisor, existing, overijssel):
    upload(client_for(supervisor), xlsx([HEADERS, ["GM0153", "ggd-twente", 3]]))
    run = ImportRun.objects.get()
    colleague = factories.user_with_role("supervisor", overijssel)
    response = client_for(colleague).post(
        reverse("partnerships:spreadsheet_confirm", args=[run.pk])
    )
    assert response.status_code == 404
    existing.refresh_from_db()
    assert existing.seats == 1


def test_the_export_holds_only_what_the_user_may_read(griffie, existing, almelo, ggd):
    factories.ParticipationFactory(organisation=almelo, party=ggd)
    client = client_for(griffie)
    url = reverse("partnerships:spreadsheet_export", args=["participations", "xlsx"])
    response = client.get(url)
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["GM0153"]


@pytest.mark.parametrize("extra", [0, 8])
def test_the_participations_export_has_a_fixed_number_of_queries(
    griffie, existing, ggd, enschede, extra, django_assert_num_queries
):
    for _ in range(extra):
        factories.ParticipationFactory(organisation=enschede)
    client = client_for(griffie)
    client.get(reverse("admin:index"))
    # session, user, roles, the count (background or not: settings.BACKGROUND_EXPORT_FROM_ROWS),
    # the audit event, rows
    with django_assert_num_queries(6):
        response = client.get(
            reverse("partnerships:spreadsheet_export", args=["participations", "csv"])
        )
        b"".join(response.streaming_content)  # the rows are read as the file is sent


def _as_read_back(value):
    """A cell's value as openpyxl reads it back: a date as a datetime, a decimal a float."""
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_exports_are_streamed_with_the_same_content(
    griffie, existing, ggd, enschede, almelo, file_format
):
    """CSV goes out a line at a time as the rows are read, XLSX is written in write-only mode
    to a file on disk and sent from there; either way the file is the one the export
    functions make (whose round trip tests/spreadsheets/test_round_trip.py checks)."""
    factories.ParticipationFactory(organisation=enschede, start_date=datetime.date(2020, 1, 1))
    factories.ParticipationFactory(organisation=almelo, party=ggd)
    client = client_for(griffie)
    response = client.get(
        reverse("partnerships:spreadsheet_export", args=["participations", file_format])
    )
    assert response.streaming
    assert response["Content-Disposition"] == (
        f'attachment; filename="participations.{file_format}"'
    )
    content = b"".join(response.streaming_content)
    kind = KINDS["participations"]
    rows = writing.export_rows(kind, griffie)
    assert len(rows) == 2  # Enschede's own, not Almelo's
    if file_format == "csv":
        assert content == writing.to_csv(kind, rows)
        return
    sheet = load_workbook(io.BytesIO(content)).active
    assert [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        [_as_read_back(value) for value in row] for row in rows
    ]
    assert [c.value for c in sheet[1]] == [str(column.header) for column in kind.columns]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    dates = [c for row in sheet.iter_rows(min_row=2) for c in row if c.is_date]
    assert dates and all(c.number_format == "DD-MM-YYYY" for c in dates)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_template_downloads_and_its_example_row_reads_back(kind, supervisor):
    response = client_for(supervisor).get(reverse("partnerships:spreadsheet_template", args=[kind]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[1] == "Toelichting"
    header = [c.value for c in workbook.worksheets[0][1]]
    assert header == [str(c.header) for c in KINDS[kind].columns]
    assert match_headers(KINDS[kind].columns, read_table(response.content).rows).problems == []


def test_a_template_downloads_for_every_registry_user(enschede):
    council = factories.user_with_role("council", enschede)
    response = client_for(council).get(
        reverse("partnerships:spreadsheet_template", args=["contributions"])
    )
    assert response["Content-Disposition"] == 'attachment; filename="sjabloon-contributions.xlsx"'
    assert load_workbook(io.BytesIO(response.content)).sheetnames == ["Bijdragen", "Toelichting"]


def test_the_command_line_prints_the_preview_and_fails_on_errors(tmp_path, existing, almelo):
    path = tmp_path / "deelnemingen.xlsx"
    path.write_bytes(xlsx([HEADERS, ["GM0153", "ggd-twente", 3], ["GM9999", "ggd-twente", 1]]))
    output = io.StringIO()
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        call_command("import_spreadsheet", str(path), kind="participations", stdout=output)
    assert (
        "rij 3, kolom A (CBS-code deelnemer): gevonden “GM9999” – Onbekende CBS-code"
        in output.getvalue()
    )
    assert "2 rijen: 0 nieuw, 1 gewijzigd, 0 ongewijzigd, 1 met fouten." in output.getvalue()
    existing.refresh_from_db()
    assert existing.seats == 1


def test_the_command_line_dry_run_saves_nothing_and_a_real_run_commits(tmp_path, existing, capsys):
    path = tmp_path / "deelnemingen.xlsx"
    rows = [HEADERS, ["GM0153", "ggd-twente", 3]]
    path.write_bytes(xlsx(rows))
    output = io.StringIO()
    call_command(
        "import_spreadsheet", str(path), kind="participations", dry_run=True, stdout=output
    )
    assert "Gecontroleerd, niets opgeslagen" in output.getvalue()
    existing.refresh_from_db()
    assert existing.seats == 1
    call_command("import_spreadsheet", str(path), kind="participations", stdout=output)
    existing.refresh_from_db()
    assert existing.seats == 3
    run = ImportRun.objects.get()
    assert (run.user, run.channel, run.changed) == (None, "command", 1)


def test_the_command_line_shows_a_progress_bar_on_long_files(tmp_path, enschede, capsys):
    parties = factories.PartyFactory.create_batch(1200)
    rows = [["GM0153", party.name, 1] for party in parties]
    path = tmp_path / "veel.xlsx"
    path.write_bytes(xlsx([["CBS-code deelnemer", "Naam samenwerkingsverband", "Zetels"], *rows]))
    call_command(
        "import_spreadsheet", str(path), kind="participations", dry_run=True, stdout=io.StringIO()
    )
    errors = capsys.readouterr().err
    assert "[##############################] 100%  1.200/1.200 rijen" in errors
    assert Participation.objects.count() == 0
