"""The national synthetic data set in a PostgreSQL database of a benchmark's own, and the
project's management commands run against it (shared by bench/site.py, bench/overview.py
and bench/load.py)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
# The settings of a benchmark run: production's (debug off), on loopback.
ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "bench-only-" + secrets.token_hex(16),
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
}


def manage(database_url: str, *args: str, code: Path = ROOT, env: dict | None = None) -> str:
    """`manage.py *args` of the code in `code` (this checkout or an exported revision)."""
    environment = {**os.environ, **ENV, **(env or {}), "DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=code,
        env=environment,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(result.stderr)
    return result.stdout


def prepare(server: str, database: str, *, reuse: bool, collectstatic: bool = True) -> str:
    """The database `database` on `server` with this checkout's tables and the synthetic set
    (seed 1; `reuse` keeps the rows an earlier run made), its planner statistics fresh; the
    static files collected (the admin's manifest, with debug off). Returns its URL."""
    url = f"{server}/{database}"
    if not reuse:
        with psycopg.connect(server + "/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {database}")
            connection.execute(f"CREATE DATABASE {database}")
    manage(url, "migrate", "--noinput")
    if not reuse:
        print(manage(url, "generate_synthetic", "--seed", "1").rstrip())
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("ANALYZE")  # the planner's statistics, as autovacuum keeps them
    if collectstatic:
        manage(url, "collectstatic", "--noinput")
    return url


def setup_django(database_url: str) -> None:
    """Django in this process, on the benchmark's database."""
    os.environ.update({**ENV, "DATABASE_URL": database_url})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
