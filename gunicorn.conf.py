"""gunicorn's settings for production (`gunicorn registry.wsgi` reads this file from the
working directory). Override any of them with GUNICORN_CMD_ARGS, e.g. "--workers 8".

Workers: two per core plus one, so one slow request (an import of a large sheet; every
upload is bounded by the import's limits) never leaves the site without a free worker. A
request still running after `timeout` seconds is ended and its worker replaced."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Two threads per worker (gthread): a request waiting on the database or a slow client does
# not hold a whole process; Django's connections are per thread.
threads = int(os.environ.get("GUNICORN_THREADS", 2))
timeout = 120
graceful_timeout = 30
max_requests = 2000  # a worker is renewed now and then, so memory never creeps
max_requests_jitter = 200
accesslog = "-"  # one line per request on stdout, for the journal
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
