"""The spreadsheet work the worker does in the background (registry/jobs.py; README "Work in
the background"): the preview of a large import, its commit, a large export. Each task runs
with the rights of the user who started it, as they are when it runs (access is judged
then, not when it was started); the import's commit is all or nothing in the worker as in
the request (service.commit's one transaction)."""

import tempfile

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from partnerships.models import ImportRun
from partnerships.models.imports import ImportStatus
from partnerships.spreadsheets import service, writing
from partnerships.spreadsheets.catalogue import KINDS
from partnerships.spreadsheets.files import FileRefused
from partnerships.spreadsheets.snapshot import snapshot
from registry import audit
from registry.jobs import JobRefused, Outcome, run
from registry.models import AuditAction

IMPORT_PREVIEW, IMPORT_COMMIT, EXPORT = "import_preview", "import_commit", "export"


@task()
def preview_import(job_id: int) -> None:
    run(job_id, _preview)


@task()
def commit_import(job_id: int) -> None:
    run(job_id, _commit)


@task()
def export(job_id: int) -> None:
    run(job_id, _export)


def _held_run(job) -> ImportRun:
    held = ImportRun.objects.filter(
        pk=job.arguments["run"], user=job.user, status=ImportStatus.PREVIEW
    ).first()
    if held is None:
        raise JobRefused(
            _(
                "Deze voorvertoning bestaat niet meer: ze is doorgevoerd of vervangen door een "
                "nieuwere. Er is niets opgeslagen."
            )
        )
    return held


def _preview(job, progress) -> Outcome:
    held = _held_run(job)
    progress.phase(_("Rijen controleren"))
    try:
        plan, kept = service.preview_held(job.user, held, progress)
    except (FileRefused, service.ImportRefused) as refused:
        _audit(job, held, "geweigerd", reden=str(refused.message))
        raise JobRefused(refused.message) from None
    if not plan.ok:
        _audit(job, held, "geweigerd", rijen=len(plan.rows), fouten=len(plan.problems))
    return _preview_outcome(job, plan, kept, held.file_name)


def _preview_outcome(job, plan, kept, file_name: str) -> Outcome:
    return Outcome(
        message=plan.summary(),
        result={
            "preview": snapshot(plan),
            "run": kept.pk if kept is not None else None,
            "file_name": file_name,
        },
        result_url=reverse("partnerships:spreadsheet_job_preview", args=[job.pk]),
    )


def _commit(job, progress) -> Outcome:
    held = _held_run(job)
    progress.phase(_("Rijen opnieuw controleren"))
    try:
        plan = service.confirm(
            job.user,
            held,
            progress,
            saving=lambda: progress.phase(_("Opslaan in het register")),
        )
    except (FileRefused, service.ImportRefused) as refused:
        _audit(job, held, "geweigerd", reden=str(refused.message))
        raise JobRefused(refused.message) from None
    if not plan.ok:
        _audit(job, held, "geweigerd", rijen=len(plan.rows), fouten=len(plan.problems))
        return _preview_outcome(job, plan, None, held.file_name)
    _audit(job, held, "doorgevoerd", rijen=len(plan.rows))
    return Outcome(
        message=_("%(run)s is doorgevoerd. %(summary)s") % {"run": held, "summary": plan.summary()},
        result={
            "link": reverse("admin:partnerships_importrun_change", args=[held.pk]),
            "link_label": _("De import bekijken"),
        },
    )


def _audit(job, held: ImportRun, outcome: str, **detail) -> None:
    audit.record(
        action=AuditAction.IMPORT,
        user=job.user,
        address=job.arguments.get("address"),
        target=held.file_name,
        detail={"uitkomst": outcome, "gegevens": held.kind, "taak": job.pk, **detail},
    )


def _export(job, progress) -> Outcome:
    kind = KINDS[job.arguments["kind"]]
    file_format = job.arguments["format"]
    total = kind.export_queryset(job.user).count()
    progress.phase(_("Rijen schrijven"), total)

    def counted():
        for done, row in enumerate(writing.iter_export_rows(kind, job.user), start=1):
            if done % 500 == 0 or done == total:
                progress(done, total)
            yield row

    with tempfile.TemporaryFile() as target:
        if file_format == "csv":
            for chunk in writing.csv_chunks(kind, counted()):
                target.write(chunk)
        else:
            writing.write_xlsx(kind, counted(), target)
        target.seek(0)
        content = target.read()
    return Outcome(
        message=_("%(count)d rijen geëxporteerd.") % {"count": total},
        file_name=f"{kind.name}.{file_format}",
        file_content=content,
        result={"content_type": writing.CONTENT_TYPES[file_format]},
    )
