"""The API at national scale behind gunicorn (issue 16, point 6).

    .venv/bin/python bench/api.py [--seconds 10] [--clients 4] [--year 2027] [--fresh]

Works on a copy of the national synthetic set: the database `registry_bench_api`, made from
the template `registry_bench` (built first when it is not there) when it does not exist yet
(`--fresh`: made again), migrated, every organisation set to publish (the synthetic set
publishes nothing, and the API shows an anonymous reader what is published: the open-data
reader) and ANALYZEd. Then it
serves this checkout with the shipped gunicorn.conf.py on loopback (bench/load.py's `serve`;
bench/national.py's `manage` and `setup_django`)
and measures, as an anonymous reader (the anonymous rate raised for the run):

- the participations list, page size 100 (`/api/v1/deelnemingen/?pagina_grootte=100`);
- the detail of the cooperation with the most participants;
- the paragraph of the municipality with the most participations for `--year`;
- the full open-data dump (the six files): cold (first build after start), rebuilt (the same
  files built again in a warm process: another Host, so another cache key) and cached;

each against its *bare SQL*: the very statements the endpoint sends (captured in-process with
Django's CaptureQueriesContext on the same request) run on a plain psycopg cursor, their rows
turned into dicts and encoded with DRF's JSON encoder, in the same run. What the API costs
above that is Django, DRF and the serializers. Per endpoint: one client after the other for
`--seconds` (p50, p95, requests per second) and `--clients` at once (requests per second,
p95). The machine has 2 cores and is shared with other sessions: read the ratios. Not part of
the test run; tests never assert on time.
"""

import argparse
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import load  # noqa: E402 (bench/ is not a package: its helpers are shared by path)
import national  # noqa: E402

DATABASE = "registry_bench_api"
TEMPLATE = "registry_bench"
PORT = 8116
OPEN_DATA = [
    f"/api/v1/opendata/{resource}.{fmt}"
    for resource in ("organisaties", "samenwerkingsverbanden", "deelnemingen")
    for fmt in ("json", "csv")
]


def prepare(server: str, fresh: bool) -> str:
    """The copy of the national set, migrated, published and analysed."""
    url = f"{server}/{DATABASE}"
    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        template_there = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [TEMPLATE]
        ).fetchone()
    if not template_there:  # a fresh machine: the national set first (bench/national.py)
        national.prepare(server, TEMPLATE, reuse=False, collectstatic=False)
    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]
        ).fetchone()
        if fresh and exists:
            connection.execute(f"DROP DATABASE {DATABASE}")
        if fresh or not exists:
            for _attempt in range(30):  # the template may be in use for a moment
                try:
                    connection.execute(f"CREATE DATABASE {DATABASE} TEMPLATE {TEMPLATE}")
                    break
                except psycopg.errors.ObjectInUse:
                    time.sleep(2)
            else:
                raise SystemExit(f"{TEMPLATE} is in gebruik; probeer het later opnieuw")
    national.manage(url, "migrate", "--noinput")
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("UPDATE registry_organisation SET publishes = true")
        connection.execute("ANALYZE")
    return url


def targets(year: int) -> dict[str, str]:
    from django.db.models import Count

    from partnerships.models import Party
    from registry.models import Organisation

    party = Party.objects.annotate(n=Count("participations")).order_by("-n", "code").first()
    municipality = (
        Organisation.objects.municipalities()
        .annotate(n=Count("participations"))
        .order_by("-n", "cbs_code")
        .first()
    )
    print(
        f"samenwerkingsverband {party.code} ({party.n} deelnemers); "
        f"gemeente {municipality.cbs_code} {municipality.name} ({municipality.n} deelnemingen)"
    )
    return {
        "deelnemingen (100)": "/api/v1/deelnemingen/?pagina_grootte=100",
        "samenwerkingsverband": f"/api/v1/samenwerkingsverbanden/{party.code}/",
        "paragraaf": f"/api/v1/organisaties/{municipality.cbs_code}/paragraaf/{year}/",
    }


def captured_sql(paths: list[str]) -> list[str]:
    """The SQL an anonymous request to each path sends, in order (in-process)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    with CaptureQueriesContext(connection) as queries:
        for path in paths:
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path}: {response.status_code}")
    return [query["sql"] for query in queries.captured_queries]


def bare(statements: list[str]) -> int:
    """Run the statements on a plain cursor and encode their rows as JSON: the bytes."""
    from django.db import connection
    from rest_framework.utils.encoders import JSONEncoder

    connection.ensure_connection()
    size = 0
    with connection.connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
            if cursor.description is None:
                continue
            names = [column.name for column in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            size += len(json.dumps(rows, cls=JSONEncoder, ensure_ascii=False))
    return size


def timed(call, seconds: float, clients: int = 1) -> tuple[list[float], float]:
    """`clients` threads calling `call` one after the other for `seconds`: the times (ms)
    and the seconds it took."""
    times: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()

    def client():
        while not stop.is_set():
            started = time.perf_counter()
            call()
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                times.append(elapsed)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    return times, time.perf_counter() - started


def p(times: list[float], q: int) -> float:
    return load.percentile(times, q) if len(times) > 1 else times[0]


def fetch(session: requests.Session, path: str, host: str | None = None) -> int:
    headers = {"Host": host} if host else {}
    response = session.get(load.BASE + path, headers=headers, timeout=600)
    if response.status_code != 200:
        raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")
    return len(response.content)


def getter(path: str):
    """A call of `path`, with a connection (requests.Session) per thread."""
    sessions = threading.local()

    def call():
        if not hasattr(sessions, "session"):
            sessions.session = requests.Session()
        fetch(sessions.session, path)

    return call


def measure_endpoints(endpoints: dict[str, str], args) -> None:
    print(
        f"\n{'':<22} {'p50 ms':>8} {'p95 ms':>8} {'per s':>7} "
        f"{'per s ×' + str(args.clients):>9} {'p95 ×' + str(args.clients):>8}"
        f" {'× kaal p50':>11}"
    )
    for name, path in endpoints.items():
        statements = captured_sql([path])
        api_call = getter(path)
        api_call()  # warm-up
        one, one_seconds = timed(api_call, args.seconds)
        many, many_seconds = timed(api_call, args.seconds, args.clients)
        bare_times, bare_seconds = timed(lambda s=statements: bare(s), args.seconds)
        ratio = statistics.median(one) / statistics.median(bare_times)
        print(
            f"{name:<22} {p(one, 50):>8.1f} {p(one, 95):>8.1f} {len(one) / one_seconds:>7.1f} "
            f"{len(many) / many_seconds:>9.1f} {p(many, 95):>8.0f} {ratio:>10.1f}×"
        )
        print(
            f"{'  kale SQL + JSON':<22} {p(bare_times, 50):>8.1f} {p(bare_times, 95):>8.1f} "
            f"{len(bare_times) / bare_seconds:>7.1f}   ({len(statements)} queries)"
        )


def measure_open_data() -> None:
    """Through one worker, so one cache: the first build, a build again in the warm process
    (another Host is another cache key), and from the cache."""
    os.environ["GUNICORN_WORKERS"] = "1"
    server, worker = load.serve(ROOT, os.environ["DATABASE_URL"])
    try:
        session = requests.Session()
        figures = {}
        for label, host in (
            ("koud (eerste keer gebouwd)", None),
            ("opnieuw gebouwd (warm)", f"localhost:{PORT}"),
            ("uit de cache", None),
        ):
            started = time.perf_counter()
            size = sum(fetch(session, path, host) for path in OPEN_DATA)
            figures[label] = (time.perf_counter() - started, size)
    finally:
        load.stop(server, worker)
    statements = captured_sql(OPEN_DATA)
    started = time.perf_counter()
    bare(statements)
    bare_seconds = time.perf_counter() - started
    print(f"\nOpen data, {len(OPEN_DATA)} bestanden (1 worker):")
    for label, (seconds, size) in figures.items():
        print(f"  {label:<28} {seconds:>7.2f} s  {size / 1e6:>6.1f} MB")
    print(f"  {'kale SQL + JSON':<28} {bare_seconds:>7.2f} s  ({len(statements)} queries)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--year", type=int, default=2027)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--skip-open-data", action="store_true")
    args = parser.parse_args()
    # the shared helpers serve on their module's port: another one, beside bench/load.py
    load.PORT, load.BASE = PORT, f"http://127.0.0.1:{PORT}"
    os.environ["REGISTRY_API_RATE_ANONYMOUS"] = "1000000/min"
    database_url = prepare(args.postgres, args.fresh)
    national.setup_django(database_url)
    print(f"{os.cpu_count()} cores (gedeeld met andere sessies); database {DATABASE}")
    endpoints = targets(args.year)
    server, worker = load.serve(ROOT, database_url)
    try:
        workers = load.children(server.pid)
        print(f"gunicorn (gunicorn.conf.py): {len(workers)} workers")
        measure_endpoints(endpoints, args)
    finally:
        load.stop(server, worker)
    if not args.skip_open_data:
        measure_open_data()


if __name__ == "__main__":
    main()
