"""A background job's page (registry/jobs.py): how far it is while it runs, then its outcome
or the page of its result; its state as JSON for the page's script; its file. Only for the
user who started it (access.own_jobs): anyone else gets 404, as for a job that is not there."""

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from registry import access, audit, jobs
from registry.downloads import harden
from registry.models import AuditAction, BackgroundJob, JobStatus


def _own_job(request, job_id: int, **lookups) -> BackgroundJob:
    return get_object_or_404(
        access.own_jobs(request.user, BackgroundJob.objects.defer("file_content")),
        pk=job_id,
        **lookups,
    )


@require_safe
@login_required
def job_view(request, job_id: int):
    job = _own_job(request, job_id)
    if job.status == JobStatus.DONE and job.result_url:
        return redirect(job.result_url)
    return render(
        request,
        "registry/job.html",
        {
            **admin.site.each_context(request),
            "title": job.title,
            "job": job,
            "progress": jobs.progress_of(job),
        },
    )


@require_safe
@login_required
def job_state_view(request, job_id: int):
    response = JsonResponse(jobs.progress_of(_own_job(request, job_id)))
    response["Cache-Control"] = "no-store"
    return response


@require_safe
@login_required
def job_file_view(request, job_id: int):
    job = _own_job(request, job_id, status=JobStatus.DONE, file_name__gt="")
    content = BackgroundJob.objects.values_list("file_content", flat=True).get(pk=job.pk)
    response = HttpResponse(
        bytes(content or b""),
        content_type=job.result.get("content_type", "application/octet-stream"),
    )
    response["Content-Disposition"] = content_disposition_header(True, job.file_name)
    audit.record(
        action=job.arguments.get("audit_action", AuditAction.EXPORT_DOWNLOADED),
        request=request,
        target=job.file_name,
        detail={"taak": job.pk, **job.arguments.get("audit", {})},
    )
    return harden(response)
