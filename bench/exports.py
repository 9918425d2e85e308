"""The national participations export as administrator: time and peak memory, before and
after, in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/registry_scale_forms \
        .venv/bin/python bench/exports.py [--before main]

Each measurement runs in a fresh process (in-process with Django's test client, the file read
to its end), so the peak resident memory (ru_maxrss) is that export's; the start-up's own
peak is printed beside it.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from change_forms import ROOT, admin_client, export


def measure(file_format: str) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    django.setup()
    from django.conf import settings
    from django.urls import reverse

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = admin_client()
    client.get(reverse("admin:index"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    response = client.get(
        reverse("partnerships:spreadsheet_export", args=["participations", file_format])
    )
    size = sum(
        len(chunk)
        for chunk in (response.streaming_content if response.streaming else [response.content])
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "bytes": size, "start_mb": before / 1024, "peak_mb": peak / 1024}


def run_on(code: Path, file_format: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code), "BENCH_CODE": str(code)}
    output = subprocess.run(
        [sys.executable, __file__, "--measure", file_format],
        cwd=code,
        env=env,
        capture_output=True,
        text=True,
    )
    if output.returncode:
        sys.exit(output.stderr)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", default="main")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    if args.measure:
        sys.path.insert(0, os.environ.get("BENCH_CODE", str(ROOT)))
        print(json.dumps(measure(args.measure)))
        return
    if "DATABASE_URL" not in os.environ:
        sys.exit("DATABASE_URL: a database with the synthetic set")
    with tempfile.TemporaryDirectory() as directory:
        codes = {}
        if args.before:
            codes[args.before] = export(args.before, Path(directory))
        codes["deze code"] = ROOT
        print("Export deelnemingen (alle), als beheerder")
        for file_format in ("xlsx", "csv"):
            for label, code in codes.items():
                r = run_on(code, file_format)
                size = r["bytes"] / 1e6
                print(
                    f"  {file_format:<4} {label:<10} {r['seconds']:>6.2f} s {size:>6.1f} MB"
                    f"  geheugen {r['start_mb']:>5.0f} -> {r['peak_mb']:>5.0f} MB"
                )


if __name__ == "__main__":
    main()
