"""How long generate_synthetic takes for the national data set, on SQLite and PostgreSQL.

    .venv/bin/python bench/generate_synthetic.py [--seed N] [--postgres URL]

Each database is created fresh and migrated first; only the generation is timed (the
command prints its own figures). PostgreSQL is skipped when the server is not reachable.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "registry_bench"


def manage(database_url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def fresh_postgres(server_url: str) -> str | None:
    try:
        with psycopg.connect(server_url + "/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
            connection.execute(f"CREATE DATABASE {BENCH_DB}")
    except psycopg.OperationalError as error:
        print(f"PostgreSQL overgeslagen: {error}".strip())
        return None
    return f"{server_url}/{BENCH_DB}"


def run(label: str, database_url: str, seed: int) -> None:
    manage(database_url, "migrate", "--noinput")
    started = time.perf_counter()
    output = manage(database_url, "generate_synthetic", "--seed", str(seed))
    wall = time.perf_counter() - started
    print(f"\n== {label} ==")
    print(output.rstrip())
    print(f"{'wall (incl. start-up)':<20} {wall:>7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    print(f"generate_synthetic --seed {args.seed}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as directory:
        run("SQLite", f"sqlite:///{directory}/bench.sqlite3", args.seed)
    postgres = fresh_postgres(args.postgres)
    if postgres:
        run("PostgreSQL", postgres, args.seed)


if __name__ == "__main__":
    main()
