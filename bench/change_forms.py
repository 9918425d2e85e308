"""The admin's change forms at national scale: query count and time, before and after.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/registry_scale_forms \
        .venv/bin/python bench/change_forms.py [--before main] [--runs 5]

On a database holding the synthetic set (`manage.py generate_synthetic --seed 1`), as an
administrator, in-process with Django's test client: the change form of the largest
cooperation (most participants), the body with most seats and the cooperation's history
page, each requested `--runs` times after a warm-up (median and the slowest, and the query
count of one request). It runs twice in the same run: on the code of `--before` (a git
revision, exported to a temporary directory; `--before ''` skips it) and on this checkout.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(runs: int) -> list[dict]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    django.setup()
    from django.conf import settings
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.db.models import Count
    from django.urls import reverse

    from partnerships.models import Body, Party

    # not setup_test_environment(): its instrumented template rendering (a copy of the
    # context per template, for the test client's assertions) is no part of serving a page
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # one connection for the whole run (as with CONN_MAX_AGE), not one per request
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = admin_client()
    party = Party.objects.annotate(n=Count("participations")).order_by("-n", "pk").first()
    body = Body.objects.annotate(n=Count("seats")).order_by("-n", "pk").first()
    pages = [
        (f"samenwerkingsverband, {party.n} deelnemers", "partnerships_party_change", party.pk),
        (f"orgaan, {body.n} zetels", "partnerships_body_change", body.pk),
        ("geschiedenis samenwerkingsverband", "partnerships_party_history", party.pk),
    ]
    captured = []

    def count(execute, sql, params, many, context):
        captured.append(sql)
        return execute(sql, params, many, context)

    results = []
    for label, name, pk in pages:
        url = reverse(f"admin:{name}", args=[pk])
        status = client.get(url).status_code
        if status != 200:
            sys.exit(f"{url}: status {status} (not signed in?)")
        captured.clear()
        with connection.execute_wrapper(count):
            client.get(url)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            response.content  # noqa: B018 (rendered)
            times.append((time.perf_counter() - started) * 1000)
        results.append(
            {
                "page": label,
                "queries": len(captured),
                "median_ms": statistics.median(times),
                "max_ms": max(times),
                "bytes": len(response.content),
            }
        )
    return results


def run_on(code: Path, runs: int) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(code), "BENCH_CODE": str(code)}
    done = subprocess.run(
        [sys.executable, __file__, "--measure", "--runs", str(runs)],
        cwd=code,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"measuring {code} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def export(revision: str, directory: Path) -> Path:
    code = directory / "code"
    code.mkdir()
    archive = subprocess.run(
        ["git", "archive", revision], cwd=ROOT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
    vendor = ROOT / "registry" / "static" / "vendor"  # built by npm, not in git
    if vendor.exists():
        shutil.copytree(vendor, code / "registry" / "static" / "vendor", dirs_exist_ok=True)
    return code


def admin_client():
    """A test client signed in as an administrator of the benchmark, in this process (Django
    set up; plain static files storage, so no manifest is needed)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    admin, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(admin)
    # the admin asks administrators for their second factor: the session holds it given,
    # with a recovery-code device, as the tests' force_login does (tests/conftest.py)
    device, _ = StaticDevice.objects.get_or_create(user=admin, name="bench")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", default="main", help="git revision to compare with")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    if args.measure:
        code = Path(os.environ.get("BENCH_CODE", ROOT))
        sys.path.insert(0, str(code))
        print(json.dumps(measure(args.runs)))
        return
    if "DATABASE_URL" not in os.environ:
        sys.exit("DATABASE_URL: a database with the synthetic set")
    columns = {}
    with tempfile.TemporaryDirectory() as directory:
        if args.before:
            columns[args.before] = run_on(export(args.before, Path(directory)), args.runs)
        columns["deze code"] = run_on(ROOT, args.runs)
    print(f"Wijzigformulieren als beheerder, mediaan van {args.runs} (ms), queries per verzoek")
    print("(de machine wordt gedeeld: vergelijk de verhouding, niet de milliseconden)")
    for index, row in enumerate(next(iter(columns.values()))):
        print(f"\n{row['page']}")
        for label, results in columns.items():
            result = results[index]
            print(
                f"  {label:<10} {result['queries']:>5} queries {result['median_ms']:>8.0f} ms"
                f" (max {result['max_ms']:.0f}) {result['bytes'] / 1000:>8.0f} kB"
            )
        if len(columns) == 2:
            before, now = (results[index]["median_ms"] for results in columns.values())
            print(f"  {'verhouding':<10} {before / now:>19.1f} × zo snel (zelfde run)")


if __name__ == "__main__":
    main()
