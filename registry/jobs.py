"""Long work in the background (issue 18, point 2): an import of a large file, a national
export. The request starts a job and sends the user to its page; the worker
(`manage.py db_worker`, Django's task framework through the django-tasks backport with its
database backend) does the work and keeps the outcome on the job.

- `start()` writes the job and its task in one transaction: the worker sees both or neither.
- `run()` is what each task calls: it marks the job running, gives the work a `Progress`
  and marks the job done (with its message, result and file) or failed (with the reason in
  Dutch). Work that must be all or nothing (an import's commit) keeps its own transaction:
  a failure leaves nothing written, and the job says so.
- Progress is written to the cache "progress" (a directory the web server and the worker
  share, settings.CACHES), not to the database: the worker's transaction would hide it from
  the page until the end.

Apps define the tasks (partnerships/tasks.py); the kernel knows none of them. Who sees a job:
the user who started it, nobody else (access.own_jobs), administrators included.
"""

import datetime
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from registry.models import BackgroundJob, JobStatus

logger = logging.getLogger(__name__)

PROGRESS_SECONDS = 0.5  # the cache is written at most this often while a job runs
PROGRESS_KEEP = 24 * 3600
FAILED = _(
    "De taak is mislukt door een fout in het register; er is niets opgeslagen. Probeer het "
    "opnieuw; gebeurt het weer, meld het dan aan de beheerder (taak %(id)s)."
)


class JobRefused(Exception):
    """The work cannot be done; the message says why, in Dutch. Nothing was written."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Outcome:
    """What a finished job shows: a message, where its result is (a page), a file."""

    message: str = ""
    result: dict = field(default_factory=dict)
    result_url: str = ""
    file_name: str = ""
    file_content: bytes | None = None


def start(*, user, kind: str, title: str, task, arguments: dict | None = None) -> BackgroundJob:
    """The job and its task, in one transaction (with the database backend the task is a
    row too): a worker never picks a task whose job is not there, nor the reverse."""
    with transaction.atomic():
        job = BackgroundJob.objects.create(
            user=user, kind=kind, title=title[:200], arguments=arguments or {}
        )
        result = task.enqueue(job.pk)
        job.task_id = str(result.id)
        job.save(update_fields=["task_id"])
    return job


class Progress:
    """Called by the work as `progress(done, total)`; `phase()` names the step ("rijen
    lezen", "opslaan"). Written to the shared cache, at most every PROGRESS_SECONDS."""

    def __init__(self, job_id: int):
        self.key = progress_key(job_id)
        self.done, self.total, self.step = 0, 0, ""
        self._written = 0.0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        now = time.monotonic()
        if now - self._written >= PROGRESS_SECONDS or done >= total:
            self._write(now)

    def phase(self, step: str, total: int = 0) -> None:
        self.step, self.done, self.total = step, 0, total
        self._write(time.monotonic())

    def _write(self, now: float) -> None:
        self._written = now
        caches["progress"].set(
            self.key, {"done": self.done, "total": self.total, "step": self.step}, PROGRESS_KEEP
        )


def progress_key(job_id: int) -> str:
    return f"job-{job_id}"


def progress_of(job: BackgroundJob) -> dict:
    """What the job's page shows: the stand and, while it runs, how far it is."""
    reported = caches["progress"].get(progress_key(job.pk)) or {}
    done, total = reported.get("done", 0), reported.get("total", 0)
    finished = job.finished
    return {
        "status": job.status,
        "status_label": job.get_status_display(),
        "step": "" if finished else reported.get("step", ""),
        "done": done,
        "total": total,
        "percent": 100 if job.status == JobStatus.DONE else (done * 100 // total if total else 0),
        "finished": finished,
        "message": job.message,
        "url": job.result_url if job.status == JobStatus.DONE else "",
    }


def run(job_id: int, work: Callable[[BackgroundJob, Progress], Outcome]) -> None:
    """Run `work` for the job: done with its Outcome, or failed with the reason. An
    unexpected error fails the job with a message for the user and is raised again, so the
    task's own result keeps the traceback for the administrator."""
    job = BackgroundJob.objects.select_related("user").get(pk=job_id)
    if job.status != JobStatus.QUEUED:
        return  # picked up before (a worker that was stopped and restarted)
    job.status, job.started_at = JobStatus.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    progress = Progress(job.pk)
    try:
        outcome = work(job, progress)
    except JobRefused as refused:
        _finish(job, JobStatus.FAILED, Outcome(message=refused.message))
    except Exception:
        _finish(job, JobStatus.FAILED, Outcome(message=FAILED % {"id": job.pk}))
        raise
    else:
        _finish(job, JobStatus.DONE, outcome)
    finally:
        caches["progress"].delete(progress.key)


def _finish(job: BackgroundJob, status: str, outcome: Outcome) -> None:
    job.status = status
    job.finished_at = timezone.now()
    job.message = outcome.message
    job.result = outcome.result
    job.result_url = outcome.result_url
    job.file_name = outcome.file_name
    job.file_content = outcome.file_content
    job.save()
    _notify(job)


def _notify(job: BackgroundJob) -> None:
    """An e-mail to the user who started the job, when the account has an address."""
    if not job.user.email:
        return
    page = settings.SITE_URL + reverse("job", args=[job.pk])
    subject = _("%(title)s: %(status)s") % {"title": job.title, "status": job.get_status_display()}
    link = _("Bekijk de uitkomst: %(url)s") % {"url": page}
    body = f"{job.message}\n\n{link}" if job.message else link
    try:
        send_mail(subject, body, None, [job.user.email])
    except OSError:  # the mail server is down: the job's page still says it all
        logger.warning("Geen e-mail over taak %s verstuurd", job.pk, exc_info=True)


def prune(*, now=None, dry_run: bool = False) -> int:
    """Delete finished jobs (and their files) older than JOB_RETENTION_DAYS."""
    now = now or timezone.now()
    old = BackgroundJob.objects.filter(
        status__in=[JobStatus.DONE, JobStatus.FAILED],
        finished_at__lt=now - datetime.timedelta(days=settings.JOB_RETENTION_DAYS),
    )
    if dry_run:
        return old.count()
    return old.delete()[0]
