"""The file an import keeps: downloaded by who ran it and administrators only, never loaded
for the list of imports, and emptied after the retention period by prune_import_files."""

import datetime
import hashlib
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerships.models import ImportRun
from partnerships.models.imports import ImportChannel, ImportStatus
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for

SHEET = b"PK\x03\x04 the spreadsheet as uploaded"
NOW = timezone.now()


def import_run(user, status=ImportStatus.COMMITTED, age_days=0, content=SHEET):
    run = ImportRun.objects.create(
        kind="parties",
        status=status,
        channel=ImportChannel.ADMIN,
        user=user,
        file_name="samenwerkingsverbanden.xlsx",
        file_size=len(content),
        file_sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        plan_digest="0" * 64,
    )
    moment = NOW - datetime.timedelta(days=age_days)
    committed_at = moment if status == ImportStatus.COMMITTED else None
    ImportRun.objects.filter(pk=run.pk).update(created_at=moment, committed_at=committed_at)
    run.refresh_from_db()
    return run


@pytest.fixture
def griffie(enschede):
    return factories.user_with_role(RoleKind.GRIFFIE, enschede)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("the user who ran it", 200),
        ("admin", 200),
        ("another griffie of the same municipality", 404),
        ("supervisor of the province", 404),
        ("anonymous", 302),
    ],
)
def test_who_may_download_an_imported_file(griffie, enschede, overijssel, who, expected):
    run = import_run(griffie)
    clients = {
        "the user who ran it": lambda: client_for(griffie),
        "admin": lambda: client_for(factories.admin_user()),
        "another griffie of the same municipality": lambda: client_for(
            factories.user_with_role(RoleKind.GRIFFIE, enschede)
        ),
        "supervisor of the province": lambda: client_for(
            factories.user_with_role(RoleKind.SUPERVISOR, overijssel)
        ),
        "anonymous": Client,
    }

    response = clients[who]().get(reverse("partnerships:import_file", args=[run.pk]))

    assert response.status_code == expected
    if expected == 200:
        assert response.content == SHEET
        assert response["Content-Disposition"] == (
            'attachment; filename="samenwerkingsverbanden.xlsx"'
        )
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    else:
        assert SHEET not in response.content


def test_the_list_of_imports_never_selects_the_stored_files(griffie):
    kept = import_run(griffie)
    pruned = import_run(griffie)
    ImportRun.objects.filter(pk=pruned.pk).update(content=b"", content_removed_at=NOW)
    client = client_for(factories.admin_user())

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("admin:partnerships_importrun_changelist"))
        detail = client.get(reverse("admin:partnerships_importrun_change", args=[kept.pk]))

    assert page.status_code == detail.status_code == 200
    selects = [q["sql"] for q in queries.captured_queries if "partnerships_importrun" in q["sql"]]
    assert selects
    assert not [sql for sql in selects if '"partnerships_importrun"."content"' in sql]
    html = page.content.decode()
    assert f'href="{reverse("partnerships:import_file", args=[kept.pk])}"' in html
    assert f'href="{reverse("partnerships:import_file", args=[pruned.pk])}"' not in html
    assert "verwijderd op" in html
    assert reverse("partnerships:import_file", args=[kept.pk]) in detail.content.decode()


def test_prune_empties_old_committed_files_and_deletes_stale_previews(griffie, settings):
    settings.IMPORT_FILE_RETENTION_DAYS = 365
    old = import_run(griffie, age_days=400)
    recent = import_run(griffie, age_days=300)
    stale_preview = import_run(griffie, status=ImportStatus.PREVIEW, age_days=2)
    fresh_preview = import_run(griffie, status=ImportStatus.PREVIEW, age_days=0)
    out = io.StringIO()

    call_command("prune_import_files", stdout=out)

    assert out.getvalue().splitlines() == [
        "Doorgevoerde imports ouder dan 365 dagen waarvan het bestand geleegd is: 1 (de "
        "import zelf, de grootte en de SHA-256 blijven bewaard).",
        "Voorvertoningen ouder dan een dag die verwijderd zijn: 1.",
    ]
    old.refresh_from_db()
    assert bytes(old.content) == b""
    assert old.content_removed_at is not None
    assert (old.file_size, old.file_sha256) == (len(SHEET), hashlib.sha256(SHEET).hexdigest())
    assert bytes(ImportRun.objects.get(pk=recent.pk).content) == SHEET
    assert not ImportRun.objects.filter(pk=stale_preview.pk).exists()
    assert ImportRun.objects.filter(pk=fresh_preview.pk).exists()
    download = client_for(factories.admin_user()).get(
        reverse("partnerships:import_file", args=[old.pk])
    )
    assert download.status_code == 404

    again = io.StringIO()
    call_command("prune_import_files", stdout=again)
    assert "geleegd is: 0 " in again.getvalue()


def test_prune_dry_run_counts_and_changes_nothing(griffie, settings):
    settings.IMPORT_FILE_RETENTION_DAYS = 30
    old = import_run(griffie, age_days=31)
    import_run(griffie, status=ImportStatus.PREVIEW, age_days=3)
    out = io.StringIO()

    call_command("prune_import_files", "--dry-run", stdout=out)

    assert out.getvalue().splitlines() == [
        "Doorgevoerde imports ouder dan 30 dagen waarvan het bestand geleegd zou worden: 1 "
        "(de import zelf, de grootte en de SHA-256 blijven bewaard).",
        "Voorvertoningen ouder dan een dag die verwijderd zouden worden: 1.",
        "Proefdraaien: er is niets gewijzigd.",
    ]
    old.refresh_from_db()
    assert bytes(old.content) == SHEET
    assert old.content_removed_at is None
    assert ImportRun.objects.count() == 2
