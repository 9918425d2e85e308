"""Starting the project's gunicorn for a benchmark or a probe: two workers on loopback (as on
this 2-core machine), no access log, and back only when it answers."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_gunicorn(env: dict, port: int, *, quiet: bool = False) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "registry.wsgi",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "--access-logfile",
        os.devnull,
        "--log-level",
        "warning",
    ]
    stderr = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=stderr)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/toegankelijkheid/", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn kwam niet op")
