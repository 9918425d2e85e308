"""Admin pages for spreadsheets: templates and exports for every registry user; import with a
preview and a confirm step for those who may import (see partnerships/spreadsheets/)."""

import tempfile

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerships.models import ImportRun
from partnerships.models.imports import ImportStatus
from partnerships.spreadsheets import service, writing
from partnerships.spreadsheets.catalogue import KINDS, importable_kinds
from partnerships.spreadsheets.files import FileRefused, check_size
from partnerships.spreadsheets.plan import CHANGED, NEW, NOT_ON_MAP, SKIPPED, UNCHANGED
from registry import access, audit
from registry.models import AuditAction

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
SHOWN_ROWS = 500  # the preview lists this many problems and changed rows; the counts are whole


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
    return _preview_page(request, plan, run, upload.name)


SHOWN_STATUSES = (NEW, CHANGED, UNCHANGED, SKIPPED, NOT_ON_MAP)


def _preview_page(request, plan, run, file_name):
    changed_rows = [row for row in plan.rows if row.status in SHOWN_STATUSES]
    chosen = run.party_choices if run is not None else {}
    return render(
        request,
        "partnerships/spreadsheet_preview.html",
        {
            **admin.site.each_context(request),
            "title": _("Voorvertoning: %(kind)s uit %(file)s")
            % {"kind": str(plan.kind.label).lower(), "file": file_name},
            "plan": plan,
            "run": run,
            "problems": plan.problems[:SHOWN_ROWS],
            "more_problems": max(0, len(plan.problems) - SHOWN_ROWS),
            "changed_rows": changed_rows[:SHOWN_ROWS],
            "more_rows": max(0, len(changed_rows) - SHOWN_ROWS),
            "unknown_parties": [
                (index, row, chosen.get(row.party_written, ""))
                for index, row in enumerate(plan.unknown_parties)
            ],
            "chosen": sorted(chosen.items()),
        },
    )


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
        plan = service.choose(request.user, run, choices)
    except (FileRefused, service.ImportRefused) as refused:
        messages.error(request, refused.message)
        return redirect("spreadsheets")
    return _preview_page(request, plan, run, run.file_name)


def confirm_view(request, run_id: int):
    run = _previewed_run(request, run_id)
    try:
        plan = service.confirm(request.user, run)
    except (FileRefused, service.ImportRefused) as refused:
        _audit_import(request, run.file_name, run.kind, "geweigerd", reden=str(refused.message))
        messages.error(request, refused.message)
        return redirect("spreadsheets")
    if not plan.ok:
        _audit_import(
            request,
            run.file_name,
            run.kind,
            "geweigerd",
            rijen=len(plan.rows),
            fouten=len(plan.problems),
        )
        return _preview_page(request, plan, None, run.file_name)
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
