"""The hostile review's cases of issue "One write path", replayed against a running gunicorn
(not the test client), in Chromium through Playwright: prints each case with the status the
server answered and what the database holds afterwards.

    .venv/bin/python bench/probe_write_doors.py

Not a benchmark and not part of the test run (tests/registry/test_write_doors.py proves the
same cases through the test client); it builds a fresh SQLite database with the demo data in
a temporary folder, serves it with gunicorn on 127.0.0.1:8098 and drives the demo users.
"""

import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from serving import start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
PORT = 8098
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "probe-wachtwoord"


def lying_workbook() -> bytes:
    """1.5 kB: a sheet declaring A1:XFD1048576 with one cell in its last row and column."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    doc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
            '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": f'<Relationships xmlns="{rels}"><Relationship Id="rId1" Type="{doc}/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{doc}"><sheets><sheet name="G" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{rels}"><Relationship Id="rId1" '
        f'Type="{doc}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><dimension ref="A1:XFD1048576"/>'
        '<sheetData><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
        "</row></sheetData></worksheet>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def start(env) -> subprocess.Popen:
    return start_gunicorn(env, PORT, quiet=True)


def main() -> None:
    folder = tempfile.mkdtemp()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder}/probe.sqlite3",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "probe-only",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_MEDIA_ROOT": f"{folder}/media",
    }
    for command in (["migrate", "--noinput"], ["load_demo_data", "--password", PASSWORD]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "registry.settings"
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop; plain reads
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    server = start(env)
    try:
        run_cases(Path(folder))
    finally:
        server.terminate()


def run_cases(folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    from partnerships.models import Body, Contribution, Participation, Party, Seat
    from registry.models import Organisation

    gbt = Party.objects.get(code="gbt")
    board = Body.objects.get(party=gbt, kind="general_board")
    own = Contribution.objects.filter(participation__organisation__cbs_code="GM0153").first()
    other = (
        Participation.objects.exclude(organisation__cbs_code="GM0153")
        .filter(organisation__province__cbs_code="PV26")
        .first()
    )
    almelo = Participation.objects.filter(organisation__cbs_code="GM0141").first()
    utrecht = Organisation.objects.get(cbs_code="GM0344")
    u16 = other.party
    results = []

    def record(case, status, holds):
        results.append((case, status, holds))
        print(f"{status!s:>5}  {case}: {holds}")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )

        def as_user(username):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{BASE}/admin/login/?next=/admin/%3Fbeheer%3D1")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.click("input[type=submit]")
            return page

        griffie = as_user("griffie.enschede")
        # 1. inline delete of the GBT's AB with seats of other municipalities
        griffie.goto(f"{BASE}/admin/partnerships/party/{gbt.pk}/change/")
        row = griffie.locator(f"input[name$='-id'][value='{board.pk}']").first
        prefix = row.get_attribute("name")[: -len("-id")]
        griffie.check(f"input[name='{prefix}-DELETE']")
        with griffie.expect_response(lambda r: r.request.method == "POST") as answer:
            griffie.click("input[name=_save]")
        record(
            "inline delete of the AB (seats of others)",
            answer.value.status,
            f"body kept: {Body.objects.filter(pk=board.pk).exists()}, "
            f"seats {Seat.objects.filter(body=board).count()}",
        )
        # 2. the body's own delete page
        griffie.goto(f"{BASE}/admin/partnerships/body/{board.pk}/delete/")
        response = griffie.request.post(
            f"{BASE}/admin/partnerships/body/{board.pk}/delete/",
            form={
                "post": "yes",
                "csrfmiddlewaretoken": griffie.locator(
                    "[name=csrfmiddlewaretoken]"
                ).first.get_attribute("value"),
            },
            headers={"Referer": griffie.url},
        )
        record(
            "delete page of the AB",
            response.status,
            f"body kept: {board.pk and Body.objects.filter(pk=board.pk).exists()}",
        )
        # 3. self-declared participation in a party of Utrecht, then renaming that party
        griffie.goto(f"{BASE}/admin/partnerships/participation/add/")
        griffie.evaluate(
            "([party]) => { const s = document.querySelector('#id_party');"
            " s.add(new Option('x', party, true, true)); }",
            [str(u16.pk)],
        )
        griffie.select_option("#id_organisation", label="Enschede (GM0153)")
        with griffie.expect_response(lambda r: r.request.method == "POST") as answer:
            griffie.click("input[name=_save]")
        declared = Participation.objects.filter(party=u16, organisation__cbs_code="GM0153").first()
        record(
            f"self-declared participation in {u16.name}",
            answer.value.status,
            f"confirmation: {declared.confirmation if declared else 'none'}",
        )
        griffie.goto(f"{BASE}/admin/partnerships/party/{u16.pk}/change/")
        record(
            f"rename {u16.name} afterwards",
            "-",
            f"save button offered: {griffie.locator('input[name=_save]').count() > 0}",
        )
        # 4. revert on the history page
        history = Participation.history.filter(organisation__cbs_code="GM0153").first()
        response = griffie.request.post(
            f"{BASE}/admin/partnerships/participation/{history.id}/history/{history.history_id}/",
            form={
                "csrfmiddlewaretoken": griffie.locator(
                    "[name=csrfmiddlewaretoken]"
                ).first.get_attribute("value")
                if griffie.locator("[name=csrfmiddlewaretoken]").count()
                else ""
            },
            headers={"Referer": griffie.url},
        )
        record("revert through the history page", response.status, "refused")
        # 5. history of another municipality's record, and of a missing one
        for label, pk in (("Almelo's participation", almelo.pk), ("a missing id", 999999)):
            answer = griffie.goto(f"{BASE}/admin/partnerships/participation/{pk}/history/")
            record(f"history of {label}", answer.status, "")
        # 6. the theme history
        answer = griffie.goto(f"{BASE}/admin/partnerships/theme/1/history/")
        record("history of a theme", answer.status, "")
        # 7. the lying workbook
        griffie.goto(f"{BASE}/admin/spreadsheets/")
        (folder / "lying.xlsx").write_bytes(lying_workbook())
        griffie.set_input_files("input[type=file]", str(folder / "lying.xlsx"))
        started = time.perf_counter()
        with griffie.expect_response(lambda r: r.request.method == "POST") as answer:
            griffie.click("form[enctype] [type=submit]")
        record(
            "upload of the 1.5 kB lying workbook",
            answer.value.status,
            f"{time.perf_counter() - started:.2f} s, message: {'kolommen' in griffie.content()}",
        )

        finance = as_user("financien.enschede")
        # 8. moving its own contribution onto Utrecht's participation
        finance.goto(f"{BASE}/admin/partnerships/contribution/{own.pk}/change/")
        record(
            "contribution's participation on its form",
            "-",
            f"editable: {finance.locator('#id_participation').count() > 0}",
        )

        council = as_user("raad.enschede")
        # 9. a participant filter typed in the address
        answer = council.goto(f"{BASE}/admin/partnerships/party/?deelnemer={utrecht.pk}")
        record(
            "council: ?deelnemer=<Utrecht> on the party list",
            answer.status,
            f"rows: {council.locator('#result_list tbody tr').count()}",
        )
        visitor = browser.new_context().new_page()
        # 10. files and media without the check
        answer = visitor.goto(f"{BASE}/media/evaluations/2023/rapport.pdf")
        record("anonymous /media/ link", answer.status, "")
        answer = visitor.goto(f"{BASE}/gemeenten/GM0141/")
        record("anonymous: page of a municipality that does not publish", answer.status, "")
        browser.close()


if __name__ == "__main__":
    main()
