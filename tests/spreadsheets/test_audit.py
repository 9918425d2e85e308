"""Imports committed and refused, exports and the download of an import's file are in the
audit trail (issue 17, point 6): which file, how many rows, who, from where."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from partnerships.models import ImportRun
from registry.models import AuditAction, AuditEvent
from tests import factories
from tests.conftest import client_for
from tests.spreadsheets.conftest import xlsx

HEADERS = ["CBS-code deelnemer", "Registercode samenwerkingsverband", "Zetels"]
ADDRESS = "198.51.100.3"


def upload(client, data):
    return client.post(
        reverse("partnerships:spreadsheets"),
        {"kind": "participations", "file": SimpleUploadedFile("deelnemingen.xlsx", data)},
        REMOTE_ADDR=ADDRESS,
    )


def test_a_committed_import_is_recorded_with_its_file_and_rows(supervisor, enschede, ggd):
    factories.ParticipationFactory(organisation=enschede, party=ggd, seats=1)
    client = client_for(supervisor)
    upload(client, xlsx([HEADERS, ["GM0153", "ggd-twente", 3]]))
    run = ImportRun.objects.get()
    client.post(reverse("partnerships:spreadsheet_confirm", args=[run.pk]), REMOTE_ADDR=ADDRESS)

    event = AuditEvent.objects.get(action=AuditAction.IMPORT)
    assert (event.user, event.address, event.target) == (supervisor, ADDRESS, "deelnemingen.xlsx")
    assert event.detail == {"uitkomst": "doorgevoerd", "gegevens": "participations", "rijen": 1}


def test_a_refused_file_and_a_file_with_errors_are_recorded(supervisor, enschede, ggd, settings):
    client = client_for(supervisor)
    settings.IMPORT_MAX_BYTES = 100
    upload(client, b"x" * 101)
    settings.IMPORT_MAX_BYTES = 20 * 1024 * 1024
    upload(client, xlsx([HEADERS, ["GM9999", "ggd-twente", 3]]))
    refused, with_errors = AuditEvent.objects.filter(action=AuditAction.IMPORT).order_by("pk")
    assert (refused.user, refused.target) == (supervisor, "deelnemingen.xlsx")
    assert refused.detail["uitkomst"] == "geweigerd" and refused.detail["reden"]
    assert with_errors.detail == {
        "uitkomst": "geweigerd",
        "gegevens": "participations",
        "rijen": 1,
        "fouten": 1,
    }


def test_an_export_and_an_import_file_download_are_recorded(supervisor, enschede, ggd):
    client = client_for(supervisor)
    response = client.get(
        reverse("partnerships:spreadsheet_export", args=["participations", "csv"]),
        REMOTE_ADDR=ADDRESS,
    )
    b"".join(response.streaming_content)
    event = AuditEvent.objects.get(action=AuditAction.EXPORT_DOWNLOADED)
    assert (event.user, event.address, event.target) == (supervisor, ADDRESS, "participations.csv")

    upload(client, xlsx([HEADERS, ["GM0153", "ggd-twente", 3]]))
    run = ImportRun.objects.get()
    assert client.get(reverse("partnerships:import_file", args=[run.pk])).status_code == 200
    download = AuditEvent.objects.get(action=AuditAction.FILE_DOWNLOADED)
    assert (download.user, download.target) == (supervisor, "deelnemingen.xlsx")


def test_a_template_is_no_export_and_is_not_recorded(supervisor):
    client_for(supervisor).get(
        reverse("partnerships:spreadsheet_template", args=["participations"])
    )
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT_DOWNLOADED).exists()


def test_an_import_from_the_command_line_is_recorded(supervisor, enschede, ggd, tmp_path):
    factories.ParticipationFactory(organisation=enschede, party=ggd, seats=1)
    sheet = tmp_path / "deelnemingen.xlsx"
    sheet.write_bytes(xlsx([HEADERS, ["GM0153", "ggd-twente", 3]]))
    call_command("import_spreadsheet", str(sheet), kind="participations", stdout=io.StringIO())
    event = AuditEvent.objects.get(action=AuditAction.IMPORT)
    assert (event.user, event.username, event.target) == (
        None,
        "opdrachtregel (server)",
        "deelnemingen.xlsx",
    )
    assert event.detail["uitkomst"] == "doorgevoerd" and event.detail["rijen"] == 1
