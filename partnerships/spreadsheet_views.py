"""Admin pages for spreadsheets: templates and exports for every registry user; import with a
preview and a confirm step for those who may import (see partnerships/spreadsheets/)."""

import tempfile

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerships import tasks
from partnerships.models import ImportRun
from partnerships.models.imports import ImportStatus
from partnerships.spreadsheets import service, writing
from partnerships.spreadsheets.catalogue import KINDS, importable_kinds
from partnerships.spreadsheets.files import FileRefused, check_size
from partnerships.spreadsheets.snapshot import snapshot
from partnerships.spreadsheets.writing import CONTENT_TYPES
from registry import access, audit, jobs
from registry.models import AuditAction, BackgroundJob, JobStatus


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Soort gegevens"))
    file = forms.FileField(label=gettext_lazy("Bestand (.xlsx of .csv)"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.name, k.label) for k in importable_kinds(user)]


def _page(request, **context):
    return render(
        request,
        "partnerships/spreadsheets.html",
        {
            **admin.site.each_context(request),
            "title": _("Spreadsheets: importeren en exporteren"),
            "kinds": KINDS.values(),
            **context,
        },
    )


def spreadsheets_view(request):
    if not access.is_registry_user(request.user):
        raise PermissionDenied
    may_import = bool(importable_kinds(request.user))
    if request.method != "POST" or not may_import:
        form = UploadForm(user=request.user) if may_import else None
        return _page(request, form=form)
    form = UploadForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        return _page(request, form=form)
    upload = form.cleaned_data["file"]
    kind = form.cleaned_data["kind"]
    try:
        check_size(upload.size)
        if _in_background(upload.size):
            held = service.hold(request.user, kind, upload.read(), upload.name)
            return _start_preview(request, held)
        plan, run = service.preview(request.user, kind, upload.read(), upload.name)
    except (FileRefused, service.ImportRefused) as refused:
        _audit_import(request, upload.name, kind, "geweigerd", reden=str(refused.message))
        form.add_error("file", refused.message)
        return _page(request, form=form)
    if not plan.ok:
        _audit_import(
            request,
            upload.name,
            kind,
            "geweigerd",
            rijen=len(plan.rows),
            fouten=len(plan.problems),
        )
    return _preview_page(request, snapshot(plan), run, upload.name)


def _in_background(file_size: int) -> bool:
    """Where the line is (settings.BACKGROUND_IMPORT_FROM_BYTES): a larger file is read,
    previewed and committed by the worker, a smaller one in the request."""
    return file_size >= settings.BACKGROUND_IMPORT_FROM_BYTES


def _start_job(request, task, job_kind: str, title: str, **arguments):
    job = jobs.start(
        user=request.user,
        kind=job_kind,
        title=title,
        task=task,
        arguments={"address": audit.client_address(request), **arguments},
    )
    return redirect("job", job.pk)


def _start_preview(request, held: ImportRun):
    return _start_job(
        request,
        tasks.preview_import,
        tasks.IMPORT_PREVIEW,
        _("Voorvertoning van %(file)s") % {"file": held.file_name},
        run=held.pk,
    )


def _preview_page(request, preview: dict, run, file_name):
    """The preview of a plan (snapshot.py), made in the request or by the worker."""
    chosen = run.party_choices if run is not None else {}
    return render(
        request,
        "partnerships/spreadsheet_preview.html",
        {
            **admin.site.each_context(request),
            "title": _("Voorvertoning: %(kind)s uit %(file)s")
            % {"kind": preview["kind_label"].lower(), "file": file_name},
            "preview": preview,
            "run": run,
            "problems": preview["problems"],
            "more_problems": preview["more_problems"],
            "changed_rows": preview["changed_rows"],
            "more_rows": preview["more_rows"],
            "unknown_parties": [
                (index, row, chosen.get(row["party_written"], ""))
                for index, row in enumerate(preview["unknown_parties"])
            ],
            "chosen": sorted(chosen.items()),
        },
    )


def job_preview_view(request, job_id: int):
    """The preview (or the refused commit) a background job made, from its job; the
    confirm button only while its ImportRun still waits as the user's own preview."""
    if not access.is_registry_user(request.user):
        raise PermissionDenied
    job = get_object_or_404(
        access.own_jobs(request.user, BackgroundJob.objects.defer("file_content")),
        pk=job_id,
        status=JobStatus.DONE,
        kind__in=[tasks.IMPORT_PREVIEW, tasks.IMPORT_COMMIT],
    )
    run = None
    if job.result.get("run"):
        run = (
            access.own_import_runs(request.user, ImportRun.objects.defer("content"))
            .filter(pk=job.result["run"], user=request.user, status=ImportStatus.PREVIEW)
            .first()
        )
    return _preview_page(request, job.result["preview"], run, job.result["file_name"])


def _previewed_run(request, run_id: int) -> ImportRun:
    """The user's own import waiting after its preview; only by POST (a form of the page)."""
    if request.method != "POST":
        raise Http404
    return get_object_or_404(
        access.own_import_runs(request.user, ImportRun.objects.all()),
        pk=run_id,
        status=ImportStatus.PREVIEW,
    )


def choose_view(request, run_id: int):
    """The preview again with the parties the user chose for names the register does not
    hold: per unknown name a field "naam-N" (the name as written) and "partij-N" (a code)."""
    run = _previewed_run(request, run_id)
    choices = dict(run.party_choices)
    for key, name in request.POST.items():
        if key.startswith("naam-"):
            code = request.POST.get("partij-" + key.removeprefix("naam-"), "").strip()
            if code:
                choices[name] = code
            else:
                choices.pop(name, None)
    try:
        if _in_background(run.file_size):
            service.choose_later(request.user, run, choices)
            return _start_preview(request, run)
        plan = service.choose(request.user, run, choices)
    except (FileRefused, service.ImportRefused) as refused:
        messages.error(request, refused.message)
        return redirect("partnerships:spreadsheets")
    return _preview_page(request, snapshot(plan), run, run.file_name)


def confirm_view(request, run_id: int):
    run = _previewed_run(request, run_id)
    if _in_background(run.file_size) and run.plan_digest:
        return _start_job(
            request,
            tasks.commit_import,
            tasks.IMPORT_COMMIT,
            _("Doorvoeren van %(file)s") % {"file": run.file_name},
            run=run.pk,
        )
    try:
        plan = service.confirm(request.user, run)
    except (FileRefused, service.ImportRefused) as refused:
        _audit_import(request, run.file_name, run.kind, "geweigerd", reden=str(refused.message))
        messages.error(request, refused.message)
        return redirect("partnerships:spreadsheets")
    if not plan.ok:
        _audit_import(
            request,
            run.file_name,
            run.kind,
            "geweigerd",
            rijen=len(plan.rows),
            fouten=len(plan.problems),
        )
        return _preview_page(request, snapshot(plan), None, run.file_name)
    _audit_import(request, run.file_name, run.kind, "doorgevoerd", rijen=len(plan.rows))
    messages.success(
        request,
        _("%(run)s is doorgevoerd. %(summary)s") % {"run": run, "summary": plan.summary()},
    )
    return redirect("admin:partnerships_importrun_change", run.pk)


def _audit_import(request, file_name: str, kind: str, outcome: str, **detail):
    """An import committed or refused (issue 17, point 6): which file, how many rows."""
    audit.record(
        action=AuditAction.IMPORT,
        request=request,
        target=file_name,
        detail={"uitkomst": outcome, "gegevens": kind, **detail},
    )


def _streamed_export(kind, file_format: str, user):
    """An export in constant memory whatever its size: CSV streamed a line at a time as the
    records are read in batches; XLSX written in write-only mode to a temporary file on
    disk and sent from there (an XLSX file is a zip, complete only at its end)."""
    rows = writing.iter_export_rows(kind, user)
    if file_format == "csv":
        return StreamingHttpResponse(
            writing.csv_chunks(kind, rows), content_type=CONTENT_TYPES[file_format]
        )
    target = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it when sent)
    writing.write_xlsx(kind, rows, target)
    target.seek(0)
    return FileResponse(target, content_type=CONTENT_TYPES[file_format])


def template_view(request, kind: str):
    return _download(request, kind, "xlsx", template=True)


def export_view(request, kind: str, file_format: str):
    return _download(request, kind, file_format, template=False)


def _download(request, kind_name: str, file_format: str, template: bool):
    if not access.is_registry_user(request.user):
        raise PermissionDenied
    kind = KINDS.get(kind_name)
    if kind is None or file_format not in CONTENT_TYPES:
        raise Http404
    if template:
        content, name = writing.template_xlsx(kind), f"sjabloon-{kind.name}.xlsx"
        response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    elif kind.export_queryset(request.user).count() >= settings.BACKGROUND_EXPORT_FROM_ROWS:
        return _start_job(
            request,
            tasks.export,
            tasks.EXPORT,
            _("Export: %(kind)s (%(format)s)")
            % {"kind": str(kind.label).lower(), "format": file_format.upper()},
            kind=kind.name,
            format=file_format,
            audit={"gegevens": str(kind.label), "formaat": file_format},
        )
    else:
        response = _streamed_export(kind, file_format, request.user)
        name = f"{kind.name}.{file_format}"
        audit.record(
            action=AuditAction.EXPORT_DOWNLOADED,
            request=request,
            target=name,
            detail={"gegevens": str(kind.label), "formaat": file_format},
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
