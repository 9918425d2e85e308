"""Staff at work, at national scale, with heavy work beside them (issue 18, point 6).

    .venv/bin/python bench/load.py [--before 970c151] [--seconds 20] [--clients 10]
                                   [--think 0] [--import-rows 20000] [--reuse]

Builds the national synthetic set (seed 1) in the PostgreSQL database `registry_bench_load`
(`--reuse` keeps an earlier one), runs ANALYZE, and then, for the code of `--before` (a git
revision exported with `git archive`; '' skips it) and for this checkout, one after the other
on the same data:

1. serves the site with the project's gunicorn.conf.py on loopback (and, where the code has
   one, the background worker `manage.py db_worker`, at the priority of its systemd unit);
2. lets `--clients` clients (signed in as administrator, griffie, finance and supervisor of
   the largest municipality and its province) request their pages one after the other for
   `--seconds`: the party list, the participation list, the change form of the largest
   cooperation (administrators) and the agenda, each client waiting `--think` seconds after
   a page (0: at once, the most load); printed per page: requests, throughput, p50 and p95;
3. does the same again while one more client downloads the national participations export
   as XLSX and another imports a sheet of `--import-rows` participations through the upload
   page (preview, then "Doorvoeren"), each as the code does it (in the request, or as a job
   whose page it polls), until both are done; printed: the pages as before, the export's and
   the import's time and whether they completed;
4. prints the memory (RSS) of the gunicorn workers and the worker before and after (a
   worker that gunicorn renewed in between, after `max_requests`, is not in the second list).

Each code first gets a warm-up of WARM_UP_SECONDS that is not counted.

Between the two codes the rows the import added are removed. Loopback only; bounded by
--seconds and by the heavy work. Not part of the test run: tests never assert on time.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
from national import ENV, manage, prepare, setup_django

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "registry_bench_load"
PORT = 8097
BASE = f"http://127.0.0.1:{PORT}"
WARM_UP_SECONDS = 5
# the worker's priority below the web server, as deploy/systemd/registry-worker.service sets it
WORKER_NICE = 10
# the sessions signed in before the run must outlast it
SERVING = {"REGISTRY_SESSION_IDLE_MINUTES": "600"}


def export_code(revision: str, directory: Path) -> Path:
    code = directory / "code"
    code.mkdir()
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive.stdout, check=True)
    # the front-end files `make install` copies in (not in git)
    shutil.copytree(ROOT / "registry/static/vendor", code / "registry/static/vendor")
    return code


def sessions():
    """A signed-in session (second factor given) per role: administrator, and griffie,
    finance and supervisor of the largest municipality and its province."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    from partnerships.models import Party
    from registry.models import Organisation, Role, RoleKind

    municipality = (
        Organisation.objects.municipalities()
        .annotate(n=Count("participations"))
        .order_by("-n", "cbs_code")
        .first()
    )
    party = Party.objects.annotate(n=Count("participations")).order_by("-n", "code").first()
    users = {}
    for name, kind, organisation in (
        ("beheer.bench", None, None),
        ("griffie.bench", RoleKind.GRIFFIE, municipality),
        ("financien.bench", RoleKind.FINANCE, municipality),
        ("toezicht.bench", RoleKind.SUPERVISOR, municipality.province),
    ):
        user, _ = get_user_model().objects.get_or_create(username=name)
        user.is_staff = True
        user.is_superuser = kind is None
        user.save()
        if kind:
            Role.objects.get_or_create(user=user, organisation=organisation, kind=kind)
        client = Client()
        client.force_login(user)
        device, _ = StaticDevice.objects.get_or_create(user=user, name="bench")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        users[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return municipality, party, users


class Loopback(requests.Session):
    """The site sets its cookies Secure (production, behind https); on loopback over http a
    browser would not send them back: the session cookie the site renews and the csrftoken."""

    def send(self, request, **kwargs):
        response = super().send(request, **kwargs)
        for cookie in self.cookies:
            cookie.secure = False
        return response


def browser(session_key: str) -> requests.Session:
    browsing = Loopback()
    browsing.cookies.set("sessionid", session_key, domain="127.0.0.1")
    return browsing


def pages_of(role: str, party) -> list[tuple[str, str]]:
    pages = [
        ("samenwerkingsverbanden", "/admin/partnerships/party/"),
        ("deelnemingen", "/admin/partnerships/participation/"),
        ("agenda", "/admin/agenda/"),
    ]
    if role == "beheer.bench":
        pages.insert(2, ("wijzigen grootste", f"/admin/partnerships/party/{party.pk}/change/"))
    return pages


class Load:
    """Clients requesting their pages one after the other until stopped."""

    def __init__(self, users: dict[str, str], party, clients: int, think: float = 0):
        roles = list(users)
        self.clients = [
            (browser(users[roles[i % len(roles)]]), pages_of(roles[i % len(roles)], party))
            for i in range(clients)
        ]
        self.times: dict[str, list[float]] = {}
        self.errors = 0
        self.think = think  # seconds a client waits after each page, as a person reads it
        self.lock = threading.Lock()

    def run_for(self, seconds: float | None = None, until: threading.Event | None = None):
        stop = threading.Event()
        threads = [
            threading.Thread(target=self._client, args=(b, p, stop), daemon=True)
            for b, p in self.clients
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        if until is not None:
            until.wait()
        else:
            time.sleep(seconds)
        stop.set()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started

    def _client(self, browsing, pages, stop):
        index = 0
        while not stop.is_set():
            name, path = pages[index % len(pages)]
            index += 1
            started = time.perf_counter()
            response = browsing.get(BASE + path, timeout=120)
            elapsed = (time.perf_counter() - started) * 1000
            with self.lock:
                if response.status_code != 200:
                    self.errors += 1
                self.times.setdefault(name, []).append(elapsed)
            if self.think:
                stop.wait(self.think)


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def report(load: Load, seconds: float) -> None:
    print(f"  {'pagina':<24} {'aantal':>7} {'per s':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for name, times in load.times.items():
        print(
            f"  {name:<24} {len(times):>7} {len(times) / seconds:>7.1f} "
            f"{percentile(times, 50):>8.0f} {percentile(times, 95):>8.0f}"
        )
    total = sum(len(t) for t in load.times.values())
    print(f"  {'alles':<24} {total:>7} {total / seconds:>7.1f}   fouten: {load.errors}")


def follow_job(browsing, response) -> requests.Response:
    """The outcome of a request that may have started a background job: poll its state
    until it is finished, then open its result (the page it names, or the job's page)."""
    location = response.headers.get("Location", "")
    match = re.match(r"/admin/taken/(\d+)/$", location)
    if response.status_code == 302 and not match:  # done in the request: its outcome page
        return browsing.get(BASE + location, timeout=120)
    if not match:
        return response
    job = match.group(1)
    while True:
        state = browsing.get(f"{BASE}/admin/taken/{job}/stand/", timeout=60).json()
        if state["finished"]:
            break
        time.sleep(1)
    return browsing.get(BASE + (state["url"] or f"/admin/taken/{job}/"), timeout=120)


def heavy_export(browsing) -> tuple[float, bool]:
    started = time.perf_counter()
    url = f"{BASE}/admin/spreadsheets/participations/export.xlsx"
    response = follow_job(browsing, browsing.get(url, allow_redirects=False, timeout=600))
    if response.headers.get("Content-Type", "").startswith("text/html"):
        link = re.search(r'href="(/admin/taken/\d+/bestand/)"', response.text)
        response = browsing.get(BASE + link.group(1), timeout=600) if link else response
    ok = response.status_code == 200 and response.content[:2] == b"PK"
    return time.perf_counter() - started, ok


def csrf(browsing, page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def heavy_import(browsing, sheet: bytes) -> tuple[float, bool]:
    started = time.perf_counter()
    form = browsing.get(f"{BASE}/admin/spreadsheets/", timeout=60).text
    headers = {"Referer": f"{BASE}/admin/spreadsheets/"}
    response = browsing.post(
        f"{BASE}/admin/spreadsheets/",
        data={"csrfmiddlewaretoken": csrf(browsing, form), "kind": "participations"},
        files={"file": ("deelnemingen.xlsx", sheet)},
        headers=headers,
        allow_redirects=False,
        timeout=600,
    )
    preview = follow_job(browsing, response)
    action = re.search(r'action="(/admin/spreadsheets/doorvoeren/\d+/)"', preview.text)
    if not action:
        return time.perf_counter() - started, False
    response = browsing.post(
        BASE + action.group(1),
        data={"csrfmiddlewaretoken": csrf(browsing, preview.text)},
        headers=headers,
        allow_redirects=False,
        timeout=600,
    )
    outcome = follow_job(browsing, response)
    ok = response.status_code == 302 and "is doorgevoerd" in outcome.text
    return time.perf_counter() - started, ok


def rss_mb(pids: list[int]) -> list[float]:
    sizes = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        sizes.append(kb / 1024)
    return sizes


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(line) for line in found.split()]


def serve(code: Path, database_url: str):
    env = {
        **os.environ,
        **ENV,
        **SERVING,
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(code),  # its own packages, not this checkout's editable install
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_CMD_ARGS": "--access-logfile /dev/null --log-level warning",
        "REGISTRY_PROGRESS_DIR": str(code / "var" / "progress"),
    }
    manage(database_url, "collectstatic", "--noinput", code=code, env=SERVING)
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(
        [gunicorn, "registry.wsgi", "-c", "gunicorn.conf.py"], cwd=code, env=env
    )
    worker = None
    if "django_tasks_db" in (code / "registry" / "settings.py").read_text():
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--verbosity", "0"],
            cwd=code,
            env=env,
            preexec_fn=lambda: os.nice(WORKER_NICE),
        )
    for _ in range(300):
        try:
            if requests.get(f"{BASE}/toegankelijkheid/", timeout=5).status_code == 200:
                return server, worker
        except requests.RequestException:
            pass
        time.sleep(0.2)
    stop(server, worker)
    raise SystemExit("gunicorn kwam niet op")


def stop(*processes) -> None:
    for process in processes:
        if process:
            process.terminate()
            process.wait()


def run_on(label: str, code: Path, database_url: str, args, users, party, sheet) -> None:
    from partnerships.models import ImportRun, Participation

    last = Participation.objects.order_by("-pk").values_list("pk", flat=True).first()
    server, worker = serve(code, database_url)
    try:
        workers = children(server.pid)
        measured = workers + ([worker.pid] if worker else [])
        print(f"\n== {label}: gunicorn {len(workers)} workers" + (", worker" if worker else ""))
        # a warm-up, not counted: each worker's first pages load templates and code
        Load(users, party, args.clients).run_for(WARM_UP_SECONDS)
        before = rss_mb(measured)
        load = Load(users, party, args.clients, args.think)
        seconds = load.run_for(args.seconds)
        print(f"Zonder zwaar werk ({seconds:.0f} s, {args.clients} clients):")
        report(load, seconds)

        done = threading.Event()
        heavy = {}

        def work(name, function, *extra):
            heavy[name] = function(browser(users["beheer.bench"]), *extra)
            if len(heavy) == 2:
                done.set()

        threading.Thread(target=work, args=("export", heavy_export), daemon=True).start()
        threading.Thread(target=work, args=("import", heavy_import, sheet), daemon=True).start()
        load = Load(users, party, args.clients, args.think)
        seconds = load.run_for(until=done)
        print(f"Tijdens export en import ({seconds:.0f} s):")
        report(load, seconds)
        for name, (taken, ok) in heavy.items():
            print(f"  {name}: {taken:.1f} s, {'voltooid' if ok else 'NIET voltooid'}")
        after = rss_mb(measured)
        print(
            "  geheugen (RSS, MB) voor: "
            + ", ".join(f"{v:.0f}" for v in before)
            + "; na: "
            + ", ".join(f"{v:.0f}" for v in after)
        )
    finally:
        stop(server, worker)
        Participation.objects.filter(pk__gt=last or 0).delete()
        ImportRun.objects.all().delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", default="970c151", help="git revision to compare with")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--think", type=float, default=0, help="seconds between a client's pages")
    parser.add_argument("--import-rows", type=int, default=20_000)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    database_url = prepare(args.postgres, DATABASE, reuse=args.reuse, collectstatic=False)
    setup_django(database_url)
    os.environ["DATABASE_URL"] = database_url
    sys.path.insert(0, str(ROOT / "bench"))
    from spreadsheet_import import make_sheet

    municipality, party, users = sessions()
    sheet = make_sheet(args.import_rows)
    print(
        f"{os.cpu_count()} cores; grootste gemeente {municipality.name}, grootste "
        f"samenwerkingsverband {party.name} ({party.participations.count()} deelnemers); "
        f"import van {args.import_rows} rijen ({len(sheet) // 1024} kB)"
    )
    with tempfile.TemporaryDirectory() as directory:
        if args.before:
            code = export_code(args.before, Path(directory))
            run_on(args.before, code, database_url, args, users, party, sheet)
        run_on("nu", ROOT, database_url, args, users, party, sheet)


if __name__ == "__main__":
    main()
