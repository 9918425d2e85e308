"""Latency of the public pages at national scale, served by gunicorn, beside the admin.

    .venv/bin/python bench/site.py [--requests N] [--postgres URL] [--reuse]

Builds the national synthetic data set (generate_synthetic --seed 1) in a fresh PostgreSQL
database (`registry_bench_site`; `--reuse` keeps the one an earlier run built), lets every
synthetic municipality publish, adds a council member of the largest municipality, collects
the static files and starts gunicorn (2 workers, as on this 2-core machine). Then, for each
page type, for the largest municipality (most participations) and the largest cooperation
(most participants), it requests the page N times one after the other (after a warm-up) and
prints the median and p95 latency, with the page's query count measured in-process on the
same database; beside them, in the same run, the admin changelists the council member would
otherwise use. Not part of the test run; tests never assert on time.
"""

import argparse
import http.cookiejar
import os
import re
import secrets
import statistics
import time
import urllib.parse
import urllib.request
from pathlib import Path

from national import ENV, prepare, setup_django
from serving import start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "registry_bench_site"
PORT = 8099
PASSWORD = "bench-wachtwoord-" + secrets.token_hex(4)


def subjects():
    """The largest municipality and cooperation, a council member of the former."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from partnerships.models import Party
    from registry.models import Organisation, Role, RoleKind

    Organisation.objects.municipalities().update(publishes=True)
    municipality = (
        Organisation.objects.municipalities()
        .annotate(n=Count("participations"))
        .order_by("-n", "cbs_code")
        .first()
    )
    party = Party.objects.annotate(n=Count("participations")).order_by("-n", "code").first()
    user, _ = get_user_model().objects.get_or_create(username="raad.bench")
    user.set_password(PASSWORD)
    user.is_staff = True
    user.save()
    Role.objects.get_or_create(user=user, organisation=municipality, kind=RoleKind.COUNCIL)
    return municipality, party, user


def pages(municipality, party, year):
    return [
        ("start", "/"),
        ("zoeken", "/zoeken/?q=regio"),
        ("zoeken op gemeente", f"/zoeken/?gemeente={municipality.cbs_code}"),
        ("gemeente", f"/gemeenten/{municipality.cbs_code}/?jaar={year}"),
        ("samenwerkingsverband", f"/samenwerkingsverbanden/{party.code}/?jaar={year}"),
    ]


ADMIN_PAGES = [
    ("admin: deelnemingen", "/admin/partnerships/participation/"),
    ("admin: samenwerkingsverbanden", "/admin/partnerships/party/"),
    ("admin: jaarcijfers", "/admin/partnerships/annualfigures/"),
]


def query_count(user, path: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if user is not None:
        client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


class PlainHttpCookies(http.cookiejar.DefaultCookiePolicy):
    """The site sets its cookies Secure (production); the bench talks plain http locally."""

    def return_ok_secure(self, cookie, request):
        return True


class Browser:
    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar(PlainHttpCookies())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> bytes:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.read()

    def log_in(self, username: str) -> None:
        form = self.get("/admin/login/").decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}
        ).encode()
        request = urllib.request.Request(
            self.base + "/admin/login/?next=/admin/%3Fbeheer%3D1",
            data=data,
            headers={"Referer": self.base + "/admin/login/"},
        )
        self.opener.open(request, timeout=60).read()


def latencies(browser: Browser, path: str, count: int) -> list[float]:
    for _ in range(3):  # warm-up: caches, connections
        browser.get(path)
    times = []
    for _ in range(count):
        started = time.perf_counter()
        browser.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def serve(database_url: str):
    return start_gunicorn({**os.environ, **ENV, "DATABASE_URL": database_url}, PORT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    database_url = prepare(args.postgres, DATABASE, reuse=args.reuse)
    setup_django(database_url)
    from partnerships.synthetic import BUDGET_YEAR

    municipality, party, council = subjects()
    print(
        f"\n{os.cpu_count()} cores, gunicorn 2 workers, PostgreSQL, {args.requests} requests "
        f"per page after 3 warm-up requests\ngrootste gemeente: {municipality.name} "
        f"({municipality.participations.count()} deelnemingen); grootste samenwerkingsverband: "
        f"{party.name} ({party.participations.count()} deelnemers); jaar {BUDGET_YEAR}\n"
    )
    server = serve(database_url)
    try:
        visitor = Browser(f"http://127.0.0.1:{PORT}")
        member = Browser(f"http://127.0.0.1:{PORT}")
        member.log_in(council.username)
        print(f"{'pagina':<32} {'lezer':<12} {'mediaan ms':>10} {'p95 ms':>8} {'queries':>8}")
        rows = [
            (name, "bezoeker", visitor, None, path)
            for name, path in pages(municipality, party, BUDGET_YEAR)
        ]
        rows += [
            (name, "raadslid", member, council, path)
            for name, path in pages(municipality, party, BUDGET_YEAR)
        ]
        rows += [(name, "raadslid", member, council, path) for name, path in ADMIN_PAGES]
        for name, reader, browser, user, path in rows:
            times = latencies(browser, path, args.requests)
            print(
                f"{name:<32} {reader:<12} {statistics.median(times):>10.1f} "
                f"{p95(times):>8.1f} {query_count(user, path):>8}"
            )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
