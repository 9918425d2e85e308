"""A large import through the web page, in a real browser: the upload goes to the worker, the
job's page shows a progress bar and moves on by itself to the preview when the worker is
done; "Doorvoeren" goes to the worker too, and its page tells the outcome. The worker runs
in the test's thread (`db_worker --batch`); while it runs, the page's questions about the
job are held back in the browser (they would share the test database's one connection)."""

import io

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from partnerships.models import Participation
from tests.e2e.conftest import axe_violations, log_in

pytestmark = pytest.mark.e2e

HEADERS = ["CBS-code deelnemer", "Registercode samenwerkingsverband", "Zetels"]


def workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run_worker_while_the_page_waits(page) -> None:
    page.route("**/stand/", lambda route: route.abort())
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    page.unroute("**/stand/")


def test_a_large_import_runs_in_the_background_with_a_progress_bar(page, settings, tmp_path):
    settings.BACKGROUND_IMPORT_FROM_BYTES = 1  # this file too goes to the worker
    enschede = Participation.objects.filter(organisation__cbs_code="GM0153").select_related("party")
    before = {p.pk: p.seats for p in enschede}
    seats = {p.pk: (p.seats or 0) + 1 for p in enschede}
    upload = tmp_path / "deelnemingen-enschede.xlsx"
    upload.write_bytes(
        workbook([HEADERS, *[["GM0153", p.party.code, seats[p.pk]] for p in enschede]])
    )
    log_in(page, "griffie.enschede")
    page.goto(f"{page.base}/admin/spreadsheets/")
    page.select_option("#id_kind", "participations")
    page.set_input_files("#id_file", str(upload))
    page.get_by_role("button", name="Voorvertoning").click()

    page.wait_for_url("**/admin/taken/**")
    assert page.locator("progress#job-progress").is_visible()
    assert "in de wachtrij" in page.inner_text("#job-status")
    assert axe_violations(page) == []

    run_worker_while_the_page_waits(page)
    page.wait_for_url("**/admin/spreadsheets/taak/**", timeout=15_000)
    assert f"{len(seats)} gewijzigd" in page.inner_text("#content")
    assert {p.pk: p.seats for p in enschede.all()} == before  # nothing written yet

    page.get_by_role("button", name="Doorvoeren").click()
    page.wait_for_url("**/admin/taken/**")
    run_worker_while_the_page_waits(page)
    page.get_by_text("is doorgevoerd").wait_for(timeout=15_000)
    assert {p.pk: p.seats for p in enschede.all()} == seats
